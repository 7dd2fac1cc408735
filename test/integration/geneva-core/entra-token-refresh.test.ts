// A config-service 401 on a revoked Entra ID token: the client gets a new token past
// @azure/identity's cache (real ManagedIdentityCredential / WorkloadIdentityCredential against the
// emulator's identity endpoints) and retries the config request once. MSAL's managed-identity cache
// is process-wide, so every test uses its own resource (audience) to start from an empty cache.
import { join } from 'node:path';
import type { AccessToken } from '@azure/core-auth';
import { GenevaClient, isRetryable } from '@geneva-otel/geneva-core';
import { type GenevaEmulator, startEmulator } from '@geneva-otel/geneva-emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientConfig, logsRequest, saveIdentityEnv } from './support.js';

let emulator: GenevaEmulator;
let restoreEnv: () => void;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator?.stop());
beforeEach(() => {
  restoreEnv = saveIdentityEnv();
  emulator.reset();
});
afterEach(() => restoreEnv());

const kinds = () => {
  const log = emulator.requests();
  return {
    identity: log.filter((r) => r.kind === 'identity').map((r) => r.status),
    config: log.filter((r) => r.kind === 'config').map((r) => r.status),
    ingest: log.filter((r) => r.kind === 'ingest').map((r) => r.status),
  };
};

/** Upload, revoke every token, upload again: the second upload must succeed. */
async function uploadAcrossRevocation(
  client: GenevaClient,
  eventName: string,
  afterRevoke?: () => Promise<void>,
) {
  const { batches } = client.encodeLogs(logsRequest(2, eventName));
  await client.upload(batches[0]!);
  const before = kinds();
  emulator.revokeAllTokens();
  await afterRevoke?.();
  const result = await client.upload(batches[0]!);
  expect(result).toMatchObject({ status: 202, rowCount: 2 });
  expect(emulator.events({ event: eventName })).toHaveLength(4);
  await client.close();
  return { before, after: kinds() };
}

describe('config service 401 after revokeAllTokens()', () => {
  it('managed identity: one forced identity request, one config retry, upload succeeds', async () => {
    process.env['IDENTITY_ENDPOINT'] = emulator.identity.managedIdentityEndpoint;
    process.env['IDENTITY_HEADER'] = emulator.identity.identityHeader;
    const client = new GenevaClient(
      clientConfig(emulator, { kind: 'msi', resource: 'https://monitor.core.windows.net' }),
    );
    const { before, after } = await uploadAcrossRevocation(client, 'MsiRevoked');
    expect(before).toEqual({ identity: [200], config: [200], ingest: [202] });
    // gateway 401 → config 401 (cached, revoked MSI token) → forced identity request → config 200
    expect(after).toEqual({ identity: [200, 200], config: [200, 401, 200], ingest: [202, 401, 202] });
    const msiTokens = emulator
      .issuedTokens()
      .filter((t) => t.audience === 'https://monitor.core.windows.net');
    expect(msiTokens.map((t) => t.revoked)).toEqual([true, false]);
  });

  it('managed identity: the new token is cached for the next config fetch (no further identity request)', async () => {
    process.env['IDENTITY_ENDPOINT'] = emulator.identity.managedIdentityEndpoint;
    process.env['IDENTITY_HEADER'] = emulator.identity.identityHeader;
    const resource = 'https://monitor.azure.com';
    await uploadAcrossRevocation(new GenevaClient(clientConfig(emulator, { kind: 'msi', resource })), 'MsiA');
    const second = new GenevaClient(clientConfig(emulator, { kind: 'msi', resource }));
    const { batches } = second.encodeLogs(logsRequest(1, 'MsiB'));
    await second.upload(batches[0]!);
    await second.close();
    expect(kinds().identity).toEqual([200, 200]);
    expect(kinds().config).toEqual([200, 401, 200, 200]);
  });

  it('workload identity: a new credential (re-reads the rotated federated token, empty MSAL cache), upload succeeds', async () => {
    const tokenFile = join(emulator.caCertPath ?? process.cwd(), '..', 'federated-token-refresh');
    await emulator.writeFederatedToken(tokenFile);
    const auth = {
      kind: 'workload_identity' as const,
      resource: 'https://monitor.core.windows.net',
      clientId: emulator.identity.clientId,
      tenantId: emulator.identity.tenantId,
      tokenFilePath: tokenFile,
      authorityHost: emulator.identity.authorityHost,
      disableInstanceDiscovery: true,
    };
    const { before, after } = await uploadAcrossRevocation(
      new GenevaClient(clientConfig(emulator, auth)),
      'WiRevoked',
      () =>
        // revokeAllTokens() also revoked the federated token: the kubelet would rotate the file
        emulator.writeFederatedToken(tokenFile),
    );
    expect(before.config).toEqual([200]);
    expect(after.config).toEqual([200, 401, 200]);
    // exactly one more token request (the new credential also fetches the authority metadata again)
    const tokenRequests = emulator
      .requests()
      .filter((r) => r.kind === 'identity' && r.identityFlow === 'workload-identity');
    expect(tokenRequests.map((r) => r.status)).toEqual([200, 200]);
    expect(after.identity.every((s) => s === 200)).toBe(true);
  });

  it('workload identity whose federated token stays revoked: AuthError from the identity endpoint, config not retried', async () => {
    const tokenFile = join(emulator.caCertPath ?? process.cwd(), '..', 'federated-token-stale');
    await emulator.writeFederatedToken(tokenFile);
    const auth = {
      kind: 'workload_identity' as const,
      resource: 'https://monitor.core.windows.net',
      clientId: emulator.identity.clientId,
      tenantId: emulator.identity.tenantId,
      tokenFilePath: tokenFile,
      authorityHost: emulator.identity.authorityHost,
      disableInstanceDiscovery: true,
    };
    const client = new GenevaClient(clientConfig(emulator, auth));
    const { batches } = client.encodeLogs(logsRequest(1, 'WiStale'));
    await client.upload(batches[0]!);
    emulator.revokeAllTokens();
    const err = await client.upload(batches[0]!).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AuthError', code: 'GENEVA_ERR_AUTH', phase: 'auth' });
    expect((err as Error).message).toMatch(/workload identity could not get a token/);
    expect(kinds().config).toEqual([200, 401]);
    await client.close();
  });

  it('a credential that keeps returning the rejected token: retryable GENEVA_ERR_AUTH, no second config request', async () => {
    const credential = {
      getToken: async (): Promise<AccessToken> => ({
        token: 'stuck-token',
        expiresOnTimestamp: Date.now() + 60_000,
      }),
    };
    const client = new GenevaClient(
      clientConfig(emulator, { kind: 'credential', credential, resource: 'https://stuck.test' }),
    );
    const { batches } = client.encodeLogs(logsRequest(1, 'Stuck'));
    const err = await client.upload(batches[0]!).catch((e: unknown) => e);
    expect(isRetryable(err)).toBe(true);
    expect(err).toMatchObject({
      name: 'RetryableError',
      code: 'GENEVA_ERR_AUTH',
      status: 401,
      phase: 'config_service',
    });
    expect((err as Error).message).toMatch(/same cached token again/);
    expect((err as Error).message).not.toContain('stuck-token');
    expect(kinds().config).toEqual([401]);
    await client.close();
  });

  it('a new token rejected again: AuthError after one refresh; the claims challenge reached the credential', async () => {
    const calls: Array<string | undefined> = [];
    const credential = {
      getToken: async (_scope: string | string[], options?: { claims?: string }): Promise<AccessToken> => {
        calls.push(options?.claims);
        return { token: `bad-token-${calls.length}`, expiresOnTimestamp: Date.now() + 60_000 };
      },
    };
    const client = new GenevaClient(
      clientConfig(emulator, { kind: 'credential', credential, resource: 'https://bad.test' }),
    );
    const { batches } = client.encodeLogs(logsRequest(1, 'Bad'));
    const err = await client.upload(batches[0]!).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'AuthError',
      code: 'GENEVA_ERR_AUTH',
      status: 401,
      phase: 'config_service',
    });
    expect((err as Error).message).toContain('after one token refresh');
    expect(kinds().config).toEqual([401, 401]);
    expect(calls[0]).toBeUndefined();
    expect(JSON.parse(calls[1]!)).toMatchObject({ access_token: { nbf: { essential: true } } });
    await client.close();
  });
});
