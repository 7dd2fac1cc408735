import { createSecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePkcs12, loadClientCertificate } from '../../../src/auth/certificate.js';
import { createTestPki, type TestPki } from './pki.js';

let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.cleanup());

const PASSWORD = 'pa$$ w0rd-ü';

describe('loadClientCertificate', () => {
  it('loads a modern PKCS#12 through Node TLS', async () => {
    const cert = await loadClientCertificate(pki.clientP12({ password: PASSWORD }), PASSWORD);
    expect(cert.loader).toBe('native');
    expect(cert.pfx).toBeInstanceOf(Buffer);
    expect(() => createSecureContext({ pfx: cert.pfx, passphrase: cert.passphrase })).not.toThrow();
  });

  it('loads a legacy RC2-40/3DES PKCS#12 (refused by OpenSSL 3) through node-forge', async () => {
    const path = pki.clientP12({ password: PASSWORD, legacy: true });
    const cert = await loadClientCertificate(path, PASSWORD);
    expect(cert.loader).toBe('forge');
    expect(cert.subject).toBe('geneva-test-client');
    // leaf first, then the CA; and the key matches the leaf
    expect(cert.cert).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect((cert.cert as string).match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(() => createSecureContext({ key: cert.key, cert: cert.cert })).not.toThrow();
  });

  it('loads files without a password (both kinds)', async () => {
    expect((await loadClientCertificate(pki.clientP12({}))).loader).toBe('native');
    expect((await loadClientCertificate(pki.clientP12({ legacy: true }))).loader).toBe('forge');
  });

  it('reports a wrong password clearly, for both kinds, without echoing it', async () => {
    for (const legacy of [false, true]) {
      const path = pki.clientP12({ password: PASSWORD, legacy });
      const err = await loadClientCertificate(path, 'not-the-password-XYZ').catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'GENEVA_ERR_CERTIFICATE', retryable: false });
      expect((err as Error).message).toContain('wrong password');
      expect((err as Error).message).toContain(path);
      expect(JSON.stringify(err) + String((err as Error).stack)).not.toContain('not-the-password-XYZ');
    }
  });

  it('reports a missing or unreadable file and garbage content', async () => {
    const missing = await loadClientCertificate(`${pki.dir}/nope.p12`, 'x').catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/cannot be read \(ENOENT\)/);
    expect(() => decodePkcs12(Buffer.from('not a pfx'), 'secret-123', 'garbage.p12')).toThrow(
      /garbage\.p12.*not a readable PKCS#12/,
    );
    try {
      decodePkcs12(Buffer.from('not a pfx'), 'secret-123', 'garbage.p12');
    } catch (err) {
      expect((err as Error).message).not.toContain('secret-123');
    }
  });
});
