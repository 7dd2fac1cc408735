import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildConfigServiceUrl,
  createConfigServiceClient,
  osType,
} from '../../../src/config-service/config-service-client.js';
import { AuthError, PermanentError, RetryableError } from '../../../src/send/errors.js';
import { createHttpClient } from '../../../src/transport/http-client.js';

const target = {
  endpoint: 'https://gcs.example.com/',
  environment: 'Test',
  account: 'Acct',
  namespace: 'Ns',
  region: 'westus2',
  configMajorVersion: 2,
  apiPath: 'userapi' as const,
};

describe('buildConfigServiceUrl', () => {
  it('builds path and query in the protocol order', () => {
    const url = buildConfigServiceUrl(target, '11111111-2222-4333-8444-555555555555');
    const identity = Buffer.from('Tenant=Default/Role=GcsClient/RoleInstance=GenevaUploader').toString(
      'base64',
    );
    expect(url.origin + url.pathname).toBe(
      'https://gcs.example.com/userapi/agent/v3/Test/Acct/MonitoringStorageKeys/',
    );
    expect([...url.searchParams.keys()]).toEqual([
      'Namespace',
      'Region',
      'Identity',
      'OSType',
      'ConfigMajorVersion',
      'TagId',
    ]);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Namespace: 'Ns',
      Region: 'westus2',
      Identity: identity,
      OSType: osType(),
      ConfigMajorVersion: 'Ver2v0',
      TagId: '11111111-2222-4333-8444-555555555555',
    });
  });
  it('uses the api path for certificate auth and a fresh TagId per call', () => {
    const a = buildConfigServiceUrl({ ...target, apiPath: 'api' });
    const b = buildConfigServiceUrl({ ...target, apiPath: 'api' });
    expect(a.pathname.startsWith('/api/agent/v3/')).toBe(true);
    expect(a.searchParams.get('TagId')).not.toBe(b.searchParams.get('TagId'));
  });
  it('percent-encodes every value (the base64 identity and odd namespaces included)', () => {
    const url = buildConfigServiceUrl({ ...target, namespace: 'a&b c/ü', environment: 'x y' });
    expect(url.search).toContain('Namespace=a%26b%20c%2F%C3%BC&');
    expect(url.search).toMatch(/Identity=[A-Za-z0-9%]+&/);
    expect(url.search).not.toMatch(/Identity=[^&]*=/);
    expect(url.pathname).toContain('/x%20y/');
    expect(url.searchParams.get('Namespace')).toBe('a&b c/ü');
  });
  it('maps Node platforms to the OSType values', () => {
    expect([osType('linux'), osType('win32'), osType('darwin'), osType('freebsd')]).toEqual([
      'Linux',
      'Windows',
      'Darwin',
      'freebsd',
    ]);
  });
});

// undici MockAgent with net connect disabled: the HTTP exchange is in-process (real servers are
// exercised in the transport tests and the integration tests).
describe('createConfigServiceClient', () => {
  let agent: MockAgent;
  afterEach(async () => agent?.close());

  const okBody = JSON.stringify({
    IngestionGatewayInfo: {
      Endpoint: 'https://gig.example.com',
      AuthToken: 'gw-token',
      AuthTokenExpiryTime: '2030-01-01T00:00:00Z',
    },
    StorageAccountKeys: [{ AccountMonikerName: 'xdiag', AccountGroupName: 'g', IsPrimaryMoniker: true }],
    TagId: 't',
  });

  function setup(tokenFor?: (scope: string, options?: GetTokenOptions) => AccessToken | null) {
    agent = new MockAgent();
    agent.disableNetConnect();
    const scopes: string[] = [];
    const credential: TokenCredential = {
      async getToken(scope, options) {
        const s = Array.isArray(scope) ? scope[0]! : (scope as string);
        scopes.push(s);
        const t = tokenFor?.(s, options) ?? null;
        if (!t) throw new Error(`no token for ${s}`);
        return t;
      },
    };
    const client = createConfigServiceClient({
      target,
      http: createHttpClient({ timeoutMs: 2000, dispatcher: agent }),
      userAgent: 'ua/1',
      ...(tokenFor
        ? {
            tokenSource: {
              credential,
              resource: 'https://monitor.core.windows.net',
              description: 'test credential',
            },
          }
        : {}),
    });
    return { client, scopes, pool: agent.get('https://gcs.example.com') };
  }

  it('sends the headers and the bearer token, trying the scope forms in turn', async () => {
    const { client, scopes, pool } = setup((s) =>
      s === 'https://monitor.core.windows.net' ? { token: 'entra-tok', expiresOnTimestamp: 0 } : null,
    );
    let seen: Record<string, string> = {};
    pool
      .intercept({
        path: (p) => p.startsWith('/userapi/agent/v3/Test/Acct/MonitoringStorageKeys/?'),
        method: 'GET',
      })
      .reply((opts) => {
        seen = opts.headers as Record<string, string>;
        return { statusCode: 200, data: okBody };
      });
    const info = await client.fetchIngestionInfo();
    expect(info).toMatchObject({
      gatewayEndpoint: 'https://gig.example.com',
      moniker: 'xdiag',
      authToken: 'gw-token',
    });
    expect(scopes).toEqual(['https://monitor.core.windows.net/.default', 'https://monitor.core.windows.net']);
    expect(seen['authorization']).toBe('Bearer entra-tok');
    expect(seen['accept']).toBe('application/json');
    expect(seen['user-agent']).toBe('ua/1');
    expect(seen['x-ms-client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('fails with AuthError naming all three scopes when the credential gives nothing', async () => {
    const { client } = setup(() => null);
    const err = await client.fetchIngestionInfo().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as Error).message).toContain(
      'scopes tried: https://monitor.core.windows.net/.default, https://monitor.core.windows.net, https://monitor.core.windows.net/',
    );
  });

  it('classifies config-service failures (401 → AuthError, 503 + Retry-After → RetryableError, 302 → not followed)', async () => {
    let n = 0;
    const { client, pool } = setup(() => ({ token: `entra-tok-${++n}`, expiresOnTimestamp: 0 }));
    const path = (p: string) => p.startsWith('/userapi/');
    pool.intercept({ path }).reply(401, 'nope');
    pool.intercept({ path }).reply(401, 'nope again'); // the one retry with a new token
    pool.intercept({ path }).reply(503, 'busy', { headers: { 'retry-after': '7' } });
    pool.intercept({ path }).reply(302, '', { headers: { location: 'https://evil.example.com/' } });
    const e401 = await client.fetchIngestionInfo().catch((e: unknown) => e);
    expect(e401).toBeInstanceOf(AuthError);
    expect(e401).toMatchObject({ status: 401, phase: 'config_service' });
    expect((e401 as Error).message).toContain(
      'gcs.example.com/userapi/agent/v3/Test/Acct/MonitoringStorageKeys/',
    );
    expect((e401 as Error).message).toContain('after one token refresh');
    expect((e401 as Error).message).not.toContain('entra-tok');
    expect(n).toBe(2);
    const e503 = await client.fetchIngestionInfo().catch((e: unknown) => e);
    expect(e503).toBeInstanceOf(RetryableError);
    expect(e503).toMatchObject({ status: 503, retryAfterMs: 7000 });
    const e302 = await client.fetchIngestionInfo().catch((e: unknown) => e);
    expect(e302).toBeInstanceOf(PermanentError);
    expect(e302).toMatchObject({ code: 'GENEVA_ERR_REDIRECT', status: 302 });
  });

  it('401 with a token the credential cannot replace: RetryableError GENEVA_ERR_AUTH, one request only', async () => {
    const claims: Array<string | undefined> = [];
    const { client, pool } = setup((_scope, options) => {
      claims.push(options?.claims);
      return { token: 'same-tok', expiresOnTimestamp: 0 };
    });
    let requests = 0;
    pool.intercept({ path: (p) => p.startsWith('/userapi/') }).reply(() => {
      requests++;
      return { statusCode: 401, data: 'revoked' };
    });
    const err = await client.fetchIngestionInfo().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err).toMatchObject({ code: 'GENEVA_ERR_AUTH', status: 401, phase: 'config_service' });
    expect((err as Error).message).toMatch(/same cached token again/);
    expect((err as Error).message).not.toContain('same-tok');
    expect(requests).toBe(1);
    expect(claims[0]).toBeUndefined();
    expect(claims[1]).toMatch(/"nbf"/);
  });

  it('uses no Authorization header for certificate auth', async () => {
    const { client, pool } = setup();
    let seen: Record<string, string> = {};
    pool.intercept({ path: (p) => p.startsWith('/userapi/') }).reply((opts) => {
      seen = opts.headers as Record<string, string>;
      return { statusCode: 200, data: okBody };
    });
    await client.fetchIngestionInfo();
    expect(seen['authorization']).toBeUndefined();
  });
});
