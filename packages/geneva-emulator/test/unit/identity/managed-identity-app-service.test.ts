// Real @azure/identity ManagedIdentityCredential (MSAL's App Service source) against the emulator.
// MSAL caches the selected managed identity source (with its endpoint) and its tokens process-wide,
// so this file uses one emulator and distinct resources / client ids per test.
import { ManagedIdentityCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenevaEmulator } from '../../../src/index.js';
import { configHeaders, configUrl } from '../../helpers/geneva-protocol.js';
import { send } from '../../helpers/http-request.js';
import { startTestEmulator } from '../../helpers/start.js';

describe('managed identity, App Service style (IDENTITY_ENDPOINT + IDENTITY_HEADER)', () => {
  let emulator: GenevaEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    process.env['IDENTITY_ENDPOINT'] = emulator.identity.managedIdentityEndpoint;
    process.env['IDENTITY_HEADER'] = emulator.identity.identityHeader;
  });
  afterAll(async () => {
    delete process.env['IDENTITY_ENDPOINT'];
    delete process.env['IDENTITY_HEADER'];
    await emulator.stop();
  });

  it('issues a token for the asked resource that the userapi config service accepts', async () => {
    const credential = new ManagedIdentityCredential();
    const token = await credential.getToken('https://monitor.core.windows.net/.default');
    expect(token.token.split('.')).toHaveLength(3);
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3000_000);
    const asked = emulator.requests().find((r) => r.identityFlow === 'app-service');
    expect(asked).toMatchObject({ status: 200, audience: 'https://monitor.core.windows.net' });
    expect(emulator.issuedTokens().find((t) => t.kind === 'managed-identity')).toMatchObject({
      audience: 'https://monitor.core.windows.net',
      clientId: 'system-assigned',
    });

    const res = await send(configUrl(emulator.url, { api: 'userapi' }), {
      headers: configHeaders({ Authorization: `Bearer ${token.token}` }),
    });
    expect(res.status, res.text).toBe(200);
    expect(emulator.requests().at(-1)).toMatchObject({
      kind: 'config',
      audience: 'https://monitor.core.windows.net',
    });
  });

  it('passes a user-assigned client id as client_id', async () => {
    const credential = new ManagedIdentityCredential({ clientId: '11111111-2222-4333-8444-555555555555' });
    await credential.getToken('https://monitor.azure.com/.default');
    expect(emulator.issuedTokens().at(-1)).toMatchObject({
      audience: 'https://monitor.azure.com',
      clientId: 'client_id=11111111-2222-4333-8444-555555555555',
    });
  });

  it('passes a resource id as mi_res_id', async () => {
    const resourceId =
      '/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/i';
    await new ManagedIdentityCredential({ resourceId }).getToken('https://monitor.core.windows.net/.default');
    expect(emulator.issuedTokens().at(-1)?.clientId).toBe(`mi_res_id=${resourceId}`);
  });

  it('a token for another audience is refused by userapi with WRONG_AUDIENCE', async () => {
    const token = await new ManagedIdentityCredential({ objectId: 'abc' }).getToken(
      'https://storage.azure.com/.default',
    );
    expect(emulator.issuedTokens().at(-1)?.clientId).toBe('object_id=abc');
    const res = await send(configUrl(emulator.url, { api: 'userapi' }), {
      headers: configHeaders({ Authorization: `Bearer ${token.token}` }),
    });
    expect(res.status).toBe(401);
    expect(res.json().error.code).toBe('WRONG_AUDIENCE');
  });

  it('refuses a request without the identity header', async () => {
    const res = await send(`${emulator.identity.managedIdentityEndpoint}?api-version=2019-08-01&resource=x`);
    expect(res.status).toBe(401);
    expect(res.json().error.field).toBe('X-IDENTITY-HEADER');
  });

  it('a revoked identity token is refused by userapi', async () => {
    const token = await new ManagedIdentityCredential({ clientId: 'revoke-me' }).getToken(
      'https://monitor.core.windows.net/.default',
    );
    emulator.revokeAllTokens();
    const res = await send(configUrl(emulator.url, { api: 'userapi' }), {
      headers: configHeaders({ Authorization: `Bearer ${token.token}` }),
    });
    expect(res.status).toBe(401);
    expect(res.json().error.code).toBe('TOKEN_REVOKED');
  });
});
