// TLS with client certificates issued as PKCS#12 by the emulator: modern (AES-256/SHA-256) and legacy
// (3DES key bag, RC2-40 certificate bag, SHA-1 MAC).
import { spawnSync } from 'node:child_process';
import { createSecureContext } from 'node:tls';
import forge from 'node-forge';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GenevaEmulator } from '../../../src/index.js';
import { createCertificateAuthority } from '../../../src/tls/certificate-authority.js';
import { configHeaders, configUrl, fetchConfig, upload } from '../../helpers/geneva-protocol.js';
import { send } from '../../helpers/http-request.js';
import { encodedSampleBatches } from '../../helpers/sample-logs.js';
import { startTestEmulator } from '../../helpers/start.js';

/** PKCS#12 → PEM key and certificate with node-forge, which reads RC2-40 (OpenSSL 3 does not by default). */
function pfxToPem(pfx: Buffer, password: string): { key: string; cert: string } {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(pfx.toString('binary')), password);
  const keyBag = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
    forge.pki.oids.pkcs8ShroudedKeyBag!
  ]![0]!;
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]!;
  const leaf = certBags.find((b) => b.attributes['localKeyId'])!;
  return { key: forge.pki.privateKeyToPem(keyBag.key!), cert: forge.pki.certificateToPem(leaf.cert!) };
}

/** Runs the openssl CLI (tests only; the product never needs it); throws on failure, returns stdout + stderr. */
function openssl(args: string[]): string {
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${run.stderr}`);
  return `${run.stdout}${run.stderr}`;
}

describe('TLS and client certificates', () => {
  let emulator: GenevaEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ tls: true });
  });
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  it('serves HTTPS with a certificate for 127.0.0.1 signed by the emulator CA', async () => {
    expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await send(`${emulator.url}/__emulator/health`, { ca: emulator.caCertPem });
    expect(res.status).toBe(200);
  });

  it('api accepts a modern PKCS#12 client certificate and records which one', async () => {
    const issued = await emulator.issueClientCertificate({ password: 'pw-modern' });
    expect(() => createSecureContext({ pfx: issued.pfx, passphrase: 'pw-modern' })).not.toThrow();
    const info = await fetchConfig(
      emulator.url,
      {},
      { ca: emulator.caCertPem, pfx: issued.pfx, passphrase: 'pw-modern' },
    );
    expect(info.raw.IngestionGatewayInfo.Endpoint).toBe(emulator.url);
    expect(emulator.requests().at(-1)).toMatchObject({
      kind: 'config',
      status: 200,
      clientCertificate: { fingerprint256: issued.fingerprint256, subject: issued.subject },
    });
    const info2 = openssl(['pkcs12', '-in', issued.path, '-info', '-noout', '-passin', 'pass:pw-modern']);
    expect(info2).toMatch(/AES-256-CBC/);
  });

  it('api refuses a request without a client certificate, or with one from another CA', async () => {
    const none = await send(configUrl(emulator.url), { headers: configHeaders(), ca: emulator.caCertPem });
    expect(none.status).toBe(401);
    expect(none.json().error.code).toBe('CLIENT_CERT_REQUIRED');
    const foreign = createCertificateAuthority().issueClient('intruder');
    const res = await send(configUrl(emulator.url), {
      headers: configHeaders(),
      ca: emulator.caCertPem,
      cert: foreign.certPem,
      key: foreign.keyPem,
    });
    expect(res.status).toBe(401);
    expect(res.json().error.message).toMatch(/emulator CA/);
  });

  it('issues a legacy PKCS#12 that OpenSSL 3 refuses by default; converted, the emulator accepts it', async () => {
    const issued = await emulator.issueClientCertificate({ password: 'pw-legacy', legacy: true });
    // Node's TLS (OpenSSL 3 without the legacy provider) refuses RC2-40: proof the file really is legacy.
    expect(() => createSecureContext({ pfx: issued.pfx, passphrase: 'pw-legacy' })).toThrow(
      /Unsupported PKCS12/i,
    );
    expect(() =>
      openssl(['pkcs12', '-in', issued.path, '-info', '-noout', '-passin', 'pass:pw-legacy']),
    ).toThrow();
    const legacyInfo = openssl([
      'pkcs12',
      '-legacy',
      '-in',
      issued.path,
      '-info',
      '-noout',
      '-passin',
      'pass:pw-legacy',
    ]);
    expect(legacyInfo).toMatch(/pbeWithSHA1And40BitRC2-CBC/);
    expect(legacyInfo).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC/);

    const pem = pfxToPem(issued.pfx, 'pw-legacy');
    const info = await fetchConfig(emulator.url, {}, { ca: emulator.caCertPem, ...pem });
    expect(info.token).toBeTruthy();
    expect(emulator.requests().at(-1)?.clientCertificate?.fingerprint256).toBe(issued.fingerprint256);
  });

  it('uploads over TLS end to end', async () => {
    const issued = await emulator.issueClientCertificate();
    const tls = { ca: emulator.caCertPem, pfx: issued.pfx, passphrase: '' };
    const info = await fetchConfig(emulator.url, {}, tls);
    const [batch] = encodedSampleBatches(1);
    const res = await upload(info, batch!, {}, tls);
    expect(res.status, res.text).toBe(202);
  });
});

describe('requireClientCert', () => {
  let emulator: GenevaEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ tls: true, requireClientCert: true });
  });
  afterAll(() => emulator.stop());

  it('refuses the TLS handshake without a client certificate and accepts one from the CA', async () => {
    await expect(send(`${emulator.url}/__emulator/health`, { ca: emulator.caCertPem })).rejects.toThrow();
    const issued = await emulator.issueClientCertificate({ password: 'x' });
    const res = await send(`${emulator.url}/__emulator/health`, {
      ca: emulator.caCertPem,
      pfx: issued.pfx,
      passphrase: 'x',
    });
    expect(res.status).toBe(200);
  });
});
