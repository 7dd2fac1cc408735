// Each authentication mode end to end against the emulator: the real @azure/identity credentials
// (App Service managed identity endpoint, Entra ID workload identity over TLS) and real mutual
// TLS with PKCS#12 client certificates (modern and legacy) issued by the emulator's CA.
import { join } from 'node:path';
import { GenevaClient } from '@geneva-otel/geneva-core';
import { type GenevaEmulator, startEmulator } from '@geneva-otel/geneva-emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientConfig, logsRequest, saveIdentityEnv } from './support.js';

let restoreEnv: () => void;
beforeEach(() => {
  restoreEnv = saveIdentityEnv();
});
afterEach(() => restoreEnv());

async function sendThree(client: GenevaClient, emulator: GenevaEmulator, eventName: string): Promise<void> {
  const { batches, rejected } = client.encodeLogs(logsRequest(3, eventName));
  expect(rejected).toEqual([]);
  const result = await client.upload(batches[0]!);
  expect(result).toMatchObject({ eventName, status: 202, rowCount: 3, ticket: expect.any(String) });
  const rows = emulator.events({ namespace: 'IntegrationNs', event: eventName });
  expect(rows).toHaveLength(3);
  expect(rows.map((r) => r.values['body'])).toEqual(['hello 0', 'hello 1', 'hello 2']);
  expect(rows[0]!.values['RoleInstance']).toBe('it-role-0');
  await client.close();
}

describe('bearer-token modes (plain HTTP config service, HTTPS identity endpoints)', () => {
  let emulator: GenevaEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator?.stop());
  beforeEach(() => emulator.reset());

  it('managed identity, system-assigned, default resource', async () => {
    process.env['IDENTITY_ENDPOINT'] = emulator.identity.managedIdentityEndpoint;
    process.env['IDENTITY_HEADER'] = emulator.identity.identityHeader;
    await sendThree(new GenevaClient(clientConfig(emulator, { kind: 'msi' })), emulator, 'MsiSystem');
    const log = emulator.requests();
    expect(log.find((r) => r.kind === 'identity')).toMatchObject({
      identityFlow: 'app-service',
      audience: 'https://monitor.core.windows.net',
    });
    expect(log.find((r) => r.kind === 'config')).toMatchObject({
      path: expect.stringMatching(/^\/userapi\/agent\/v3\/Test\/IntegrationAcct\//),
      status: 200,
    });
  });

  it('managed identity, user-assigned by client id, with an explicit resource', async () => {
    process.env['IDENTITY_ENDPOINT'] = emulator.identity.managedIdentityEndpoint;
    process.env['IDENTITY_HEADER'] = emulator.identity.identityHeader;
    const auth = {
      kind: 'msi' as const,
      clientId: emulator.identity.clientId,
      resource: 'https://monitor.azure.com',
    };
    await sendThree(new GenevaClient(clientConfig(emulator, auth)), emulator, 'MsiUser');
    const tokens = emulator
      .issuedTokens()
      .filter((t) => t.kind === 'managed-identity' && t.audience === 'https://monitor.azure.com');
    expect(tokens.length).toBeGreaterThan(0);
  });

  it('workload identity from AZURE_* variables, through the Entra ID token endpoint', async () => {
    const tokenFile = join(emulator.caCertPath, '..', 'federated-token');
    await emulator.writeFederatedToken(tokenFile);
    process.env['AZURE_CLIENT_ID'] = emulator.identity.clientId;
    process.env['AZURE_TENANT_ID'] = emulator.identity.tenantId;
    process.env['AZURE_FEDERATED_TOKEN_FILE'] = tokenFile;
    process.env['AZURE_AUTHORITY_HOST'] = emulator.identity.authorityHost;
    const auth = {
      kind: 'workload_identity' as const,
      resource: 'https://monitor.core.windows.net',
      disableInstanceDiscovery: true,
    };
    await sendThree(new GenevaClient(clientConfig(emulator, auth)), emulator, 'Workload');
    expect(
      emulator
        .requests()
        .some((r) => r.kind === 'identity' && r.identityFlow === 'workload-identity' && r.status === 200),
    ).toBe(true);
    expect(emulator.issuedTokens().some((t) => t.kind === 'workload-identity')).toBe(true);
  });

  it('a caller-supplied credential that gives a token for the wrong audience ends in AuthError from the config service', async () => {
    // A new (still invalid) token on every call, so the one refresh-and-retry also gets a 401.
    let calls = 0;
    const credential = {
      getToken: async () => ({
        token: `not-a-valid-token-${++calls}`,
        expiresOnTimestamp: Date.now() + 60_000,
      }),
    };
    const client = new GenevaClient(
      clientConfig(emulator, {
        kind: 'credential',
        credential,
        resource: 'https://monitor.core.windows.net',
      }),
    );
    const { batches } = client.encodeLogs(logsRequest(1, 'Cred'));
    const err = await client.upload(batches[0]!).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'AuthError',
      code: 'GENEVA_ERR_AUTH',
      phase: 'config_service',
      status: 401,
    });
    expect((err as Error).message).toContain('after one token refresh');
    expect((err as Error).message).not.toContain('not-a-valid-token');
    expect(calls).toBe(2);
    await client.close();
  });
});

describe('certificate mode: mutual TLS to the api path', () => {
  let emulator: GenevaEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ tls: true, requireClientCert: true });
  });
  afterAll(() => emulator?.stop());
  beforeEach(() => emulator.reset());

  for (const legacy of [false, true]) {
    it(`uploads with a ${legacy ? 'legacy (RC2-40/3DES)' : 'modern (AES)'} PKCS#12 client certificate`, async () => {
      const cert = await emulator.issueClientCertificate({
        password: 's3cret pass',
        legacy,
        commonName: `it-client-${legacy}`,
      });
      const client = new GenevaClient(
        clientConfig(emulator, { kind: 'certificate', path: cert.path, password: 's3cret pass' }),
      );
      await sendThree(client, emulator, legacy ? 'CertLegacy' : 'CertModern');
      const config = emulator.requests().find((r) => r.kind === 'config')!;
      expect(config.path).toMatch(/^\/api\/agent\/v3\//);
      expect(config.clientCertificate?.fingerprint256).toBe(cert.fingerprint256);
    });
  }

  it('a wrong password fails at start(), before any request, without showing the password', async () => {
    const cert = await emulator.issueClientCertificate({ password: 'right-one' });
    const client = new GenevaClient(
      clientConfig(emulator, { kind: 'certificate', path: cert.path, password: 'WRONG-pw-123' }),
    );
    const err = await client.start().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'GENEVA_ERR_CERTIFICATE' });
    expect((err as Error).message).toMatch(/wrong password/);
    expect(`${(err as Error).message}${(err as Error).stack}`).not.toContain('WRONG-pw-123');
    expect(emulator.counters().requests).toBe(0);
  });

  it('without the emulator CA the TLS failure is permanent (GENEVA_ERR_TLS)', async () => {
    // Legacy bundle: loaded as PEM. (With a natively loaded PKCS#12, OpenSSL also trusts the CA
    // certificates inside the bundle, which would make this server trusted.)
    const cert = await emulator.issueClientCertificate({ legacy: true });
    const client = new GenevaClient({
      ...clientConfig(emulator, { kind: 'certificate', path: cert.path }),
      ca: undefined,
    });
    const { batches } = client.encodeLogs(logsRequest(1, 'NoCa'));
    await expect(client.upload(batches[0]!)).rejects.toMatchObject({
      code: 'GENEVA_ERR_TLS',
      retryable: false,
    });
    await client.close();
  });
});
