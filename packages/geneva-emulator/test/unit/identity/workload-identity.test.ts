// Real @azure/identity WorkloadIdentityCredential (MSAL confidential client) against the emulator's
// HTTPS Entra ID endpoint. The emulator CA is trusted through NODE_EXTRA_CA_CERTS (set by
// test/global-setup.ts before the worker started).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkloadIdentityCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenevaEmulator } from '../../../src/index.js';
import { configHeaders, configUrl } from '../../helpers/geneva-protocol.js';
import { send } from '../../helpers/http-request.js';
import { startTestEmulator } from '../../helpers/start.js';

describe('workload identity (AZURE_AUTHORITY_HOST + federated token file)', () => {
  let emulator: GenevaEmulator;
  let tokenFile: string;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    tokenFile = join(process.env['GENEVA_EMULATOR_TEST_STATE_DIR'] ?? '/tmp', `federated-${Date.now()}.jwt`);
    await emulator.writeFederatedToken(tokenFile);
  });
  afterAll(() => emulator.stop());

  const credential = (options: { tokenFilePath?: string; clientId?: string } = {}) =>
    new WorkloadIdentityCredential({
      authorityHost: emulator.identity.authorityHost,
      tenantId: emulator.identity.tenantId,
      clientId: options.clientId ?? emulator.identity.clientId,
      tokenFilePath: options.tokenFilePath ?? tokenFile,
      disableInstanceDiscovery: true,
    });

  it('the worker trusts the emulator CA through NODE_EXTRA_CA_CERTS', () => {
    expect(process.env['NODE_EXTRA_CA_CERTS']).toBe(emulator.caCertPath);
  });

  it('gets a token with the federated assertion and the userapi config service accepts it', async () => {
    const token = await credential().getToken('https://monitor.core.windows.net/.default');
    const tokenCall = emulator.requests().find((r) => r.identityFlow === 'workload-identity');
    expect(tokenCall).toMatchObject({
      status: 200,
      scope: expect.stringContaining('https://monitor.core.windows.net/.default'),
      audience: 'https://monitor.core.windows.net',
    });
    expect(emulator.requests().some((r) => r.path.endsWith('/v2.0/.well-known/openid-configuration'))).toBe(
      true,
    );
    expect(emulator.issuedTokens().at(-1)).toMatchObject({
      kind: 'workload-identity',
      clientId: emulator.identity.clientId,
    });
    const res = await send(configUrl(emulator.url, { api: 'userapi' }), {
      headers: configHeaders({ Authorization: `Bearer ${token.token}` }),
    });
    expect(res.status, res.text).toBe(200);
  });

  it('the same flow works with the environment variables only', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      AZURE_AUTHORITY_HOST: emulator.identity.authorityHost,
      AZURE_TENANT_ID: emulator.identity.tenantId,
      AZURE_CLIENT_ID: emulator.identity.clientId,
      AZURE_FEDERATED_TOKEN_FILE: tokenFile,
    });
    try {
      const token = await new WorkloadIdentityCredential({ disableInstanceDiscovery: true }).getToken(
        'https://monitor.azure.com/.default',
      );
      expect(token.token).toBeTruthy();
      expect(emulator.issuedTokens().at(-1)?.audience).toBe('https://monitor.azure.com');
    } finally {
      for (const k of [
        'AZURE_AUTHORITY_HOST',
        'AZURE_TENANT_ID',
        'AZURE_CLIENT_ID',
        'AZURE_FEDERATED_TOKEN_FILE',
      ]) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });

  it('records a `{resource}/` audience as asked, and userapi accepts it (trailing slash ignored)', async () => {
    const token = await credential().getToken('https://monitor.core.windows.net//.default');
    expect(emulator.issuedTokens().at(-1)?.audience).toBe('https://monitor.core.windows.net/');
    const res = await send(configUrl(emulator.url, { api: 'userapi' }), {
      headers: configHeaders({ Authorization: `Bearer ${token.token}` }),
    });
    expect(res.status, res.text).toBe(200);
  });

  it('refuses an assertion the emulator did not write', async () => {
    const forged = join(process.env['GENEVA_EMULATOR_TEST_STATE_DIR'] ?? '/tmp', `forged-${Date.now()}.jwt`);
    await writeFile(forged, 'eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiJ4In0.c2ln');
    await expect(
      credential({ tokenFilePath: forged }).getToken('https://monitor.core.windows.net/.default'),
    ).rejects.toThrow(/client_assertion/);
    expect(emulator.requests().at(-1)).toMatchObject({
      identityFlow: 'workload-identity',
      status: 401,
      errorCode: 'TOKEN_INVALID',
    });
  });

  it('refuses an unknown client id', async () => {
    await expect(
      credential({ clientId: '99999999-0000-4000-8000-000000000000' }).getToken(
        'https://monitor.core.windows.net/.default',
      ),
    ).rejects.toThrow(/unknown/);
  });

  it('serves instance discovery for clients that ask the authority host', async () => {
    const res = await send(`${emulator.identity.authorityHost}/common/discovery/instance?api-version=1.1`);
    expect(res.status).toBe(200);
    expect(res.json().metadata[0].aliases).toEqual([new URL(emulator.identity.authorityHost).host]);
  });
});
