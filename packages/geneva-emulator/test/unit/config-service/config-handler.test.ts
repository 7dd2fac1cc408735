import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GenevaEmulator } from '../../../src/index.js';
import { configHeaders, configUrl, fetchConfig } from '../../helpers/geneva-protocol.js';
import { send } from '../../helpers/http-request.js';
import { startTestEmulator } from '../../helpers/start.js';

const decodeJwt = (t: string) => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString('utf8'));

describe('config service', () => {
  let emulator: GenevaEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  it('answers ingestion info with a JWT carrying Endpoint and exp, a diag primary moniker and the TagId', async () => {
    const tagId = '3f1b8a0e-6f0e-4c3e-9a57-2f7b0c1d2e3f';
    const res = await send(configUrl(emulator.url, { query: { TagId: tagId } }), {
      headers: configHeaders(),
    });
    expect(res.status, res.text).toBe(200);
    const body = res.json();
    expect(body.IngestionGatewayInfo.Endpoint).toBe(emulator.url);
    expect(body.TagId).toBe(tagId);
    const claims = decodeJwt(body.IngestionGatewayInfo.AuthToken);
    expect(claims.Endpoint).toBe(emulator.url);
    expect(claims.exp * 1000).toBeGreaterThan(Date.now() + 3500_000);
    expect(Date.parse(body.IngestionGatewayInfo.AuthTokenExpiryTime)).toBeCloseTo(claims.exp * 1000, -4);
    expect(body.IngestionGatewayInfo.AuthTokenExpiryTime).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/,
    );
    const primary = body.StorageAccountKeys.filter((k: { IsPrimaryMoniker: boolean }) => k.IsPrimaryMoniker);
    expect(primary).toHaveLength(1);
    expect(primary[0].AccountMonikerName).toContain('diag');
    expect(emulator.issuedTokens()).toHaveLength(1);
    expect(emulator.issuedTokens()[0]).toMatchObject({ kind: 'ingestion', revoked: false });
  });

  it('can serve a primary moniker without "diag"', async () => {
    const other = await startTestEmulator({ monikerWithoutDiag: true });
    try {
      const info = await fetchConfig(other.url);
      expect(info.moniker).not.toContain('diag');
      expect(
        info.raw.StorageAccountKeys.some((k: { AccountMonikerName: string }) =>
          k.AccountMonikerName.includes('diag'),
        ),
      ).toBe(false);
    } finally {
      await other.stop();
    }
  });

  it('honours the token lifetime', async () => {
    emulator.setTokenLifetime(120);
    const info = await fetchConfig(emulator.url);
    emulator.setTokenLifetime(3600);
    expect(Date.parse(info.expiry) - Date.now()).toBeLessThanOrEqual(120_000);
    expect(Date.parse(info.expiry) - Date.now()).toBeGreaterThan(100_000);
  });

  const badQueries: [string, Record<string, string | undefined>, string][] = [
    ['missing Namespace', { Namespace: undefined }, 'Namespace'],
    ['missing Region', { Region: undefined }, 'Region'],
    ['Identity not base64', { Identity: 'not base64!' }, 'Identity'],
    ['Identity of the wrong shape', { Identity: Buffer.from('hello').toString('base64') }, 'Identity'],
    ['OSType', { OSType: 'Plan9' }, 'OSType'],
    ['ConfigMajorVersion', { ConfigMajorVersion: '1' }, 'ConfigMajorVersion'],
    ['TagId', { TagId: 'tag' }, 'TagId'],
    ['unknown parameter', { Foo: 'bar' }, 'Foo'],
  ];
  it.each(badQueries)('rejects %s with 400 naming the field', async (_n, query, field) => {
    const res = await send(configUrl(emulator.url, { query }), { headers: configHeaders() });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BAD_QUERY', field });
    expect(emulator.requests().at(-1)).toMatchObject({ kind: 'config', status: 400, errorCode: 'BAD_QUERY' });
  });

  it.each([
    ['Accept', { Accept: 'text/html' }],
    ['User-Agent', { 'User-Agent': undefined }],
    ['x-ms-client-request-id', { 'x-ms-client-request-id': 'abc' }],
  ])('rejects a bad %s header', async (field, headers) => {
    const res = await send(configUrl(emulator.url), { headers: configHeaders(headers) });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BAD_HEADER', field });
  });

  it('rejects a wrong path and a wrong method', async () => {
    const wrong = await send(`${emulator.url}/api/agent/v3/Test/Acc/Other/`, { headers: configHeaders() });
    expect(wrong.status).toBe(404);
    expect(wrong.json().error.code).toBe('BAD_PATH');
    const post = await send(configUrl(emulator.url), { method: 'POST', headers: configHeaders() });
    expect(post.status).toBe(405);
  });

  it('userapi refuses a missing, foreign or ingestion token', async () => {
    const none = await send(configUrl(emulator.url, { api: 'userapi' }), { headers: configHeaders() });
    expect(none.status).toBe(401);
    expect(none.json().error.code).toBe('TOKEN_MISSING');
    const info = await fetchConfig(emulator.url);
    const wrongKind = await send(configUrl(emulator.url, { api: 'userapi' }), {
      headers: configHeaders({ Authorization: `Bearer ${info.token}` }),
    });
    expect(wrongKind.status).toBe(401);
    expect(wrongKind.json().error.code).toBe('TOKEN_WRONG_KIND');
  });
});
