// Real @azure/identity ManagedIdentityCredential, IMDS source pointed at the emulator through
// AZURE_POD_IDENTITY_AUTHORITY_HOST (MSAL appends /metadata/identity/oauth2/token). Own file: MSAL
// caches the managed identity source process-wide.
import { ManagedIdentityCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenevaEmulator } from '../../../src/index.js';
import { configHeaders, configUrl } from '../../helpers/geneva-protocol.js';
import { send } from '../../helpers/http-request.js';
import { startTestEmulator } from '../../helpers/start.js';

describe('managed identity, IMDS style (AZURE_POD_IDENTITY_AUTHORITY_HOST)', () => {
  let emulator: GenevaEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    delete process.env['IDENTITY_ENDPOINT'];
    delete process.env['IDENTITY_HEADER'];
    process.env['AZURE_POD_IDENTITY_AUTHORITY_HOST'] = emulator.identity.imdsAuthorityHost;
  });
  afterAll(async () => {
    delete process.env['AZURE_POD_IDENTITY_AUTHORITY_HOST'];
    await emulator.stop();
  });

  it('issues a token through the IMDS endpoint that userapi accepts', async () => {
    const credential = new ManagedIdentityCredential({ clientId: 'imds-client' });
    const token = await credential.getToken('https://monitor.core.windows.net/.default');
    const asked = emulator.requests().find((r) => r.identityFlow === 'imds');
    expect(asked).toMatchObject({ status: 200, audience: 'https://monitor.core.windows.net' });
    expect(emulator.issuedTokens().at(-1)).toMatchObject({
      kind: 'managed-identity',
      clientId: 'client_id=imds-client',
    });
    const res = await send(configUrl(emulator.url, { api: 'userapi' }), {
      headers: configHeaders({ Authorization: `Bearer ${token.token}` }),
    });
    expect(res.status, res.text).toBe(200);
  });

  it('requires the Metadata header', async () => {
    const res = await send(
      `${emulator.url}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=x`,
    );
    expect(res.status).toBe(400);
    expect(res.json().error.field).toBe('Metadata');
  });
});
