import type { TokenCredential } from '@azure/core-auth';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenevaClientConfig } from '../../../src/config-service/client-config.js';
import { GenevaClient } from '../../../src/geneva-client.js';
import { AuthError, RetryableError } from '../../../src/send/errors.js';

// The HTTP exchange runs through undici MockAgent with net connect disabled; the credential is a
// caller-supplied TokenCredential (the `credential` auth kind). Real servers, real identity and
// real mutual TLS are covered in test/integration/geneva-core against the emulator.
let agent: MockAgent;
beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
});
afterEach(async () => {
  vi.useRealTimers();
  await agent.close();
});

const credential: TokenCredential = {
  getToken: async () => ({ token: 'entra', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
const base: GenevaClientConfig = {
  endpoint: 'https://gcs.example.com',
  environment: 'Test',
  account: 'Acct',
  namespace: 'Ns',
  region: 'westus2',
  configMajorVersion: 1,
  tenant: 'T',
  roleName: 'R',
  roleInstance: 'I',
  auth: { kind: 'credential', credential, resource: 'https://monitor.core.windows.net' },
};
const batch = {
  eventName: 'Log',
  data: new Uint8Array([1, 2, 3]),
  startTime: 's',
  endTime: 'e',
  schemaIds: ['ab'],
  rowCount: 3,
};

function configBody(token: string, expiresAt = Date.now() + 3_600_000) {
  return JSON.stringify({
    IngestionGatewayInfo: {
      Endpoint: 'https://gig.example.com',
      AuthToken: token,
      AuthTokenExpiryTime: new Date(expiresAt).toISOString(),
    },
    StorageAccountKeys: [{ AccountMonikerName: 'acctdiag', AccountGroupName: 'g', IsPrimaryMoniker: true }],
    TagId: 't',
  });
}

/** Config service handing out tok1, tok2, ...; gateway answering per token via `gateway`. */
function fakeGeneva(
  gateway: (token: string) => {
    statusCode: number;
    data?: string;
    responseOptions?: { headers: Record<string, string> };
  },
  expiresIn = 3_600_000,
) {
  const seen = { config: 0, uploads: [] as string[] };
  agent
    .get('https://gcs.example.com')
    .intercept({
      path: (p) => p.startsWith('/userapi/agent/v3/Test/Acct/MonitoringStorageKeys/'),
      method: 'GET',
    })
    .reply(() => ({ statusCode: 200, data: configBody(`tok${++seen.config}`, Date.now() + expiresIn) }))
    .persist();
  agent
    .get('https://gig.example.com')
    .intercept({ path: (p) => p.startsWith('/api/v1/ingestion/ingest?'), method: 'POST' })
    .reply((opts) => {
      const token = String((opts.headers as Record<string, string>)['authorization']).replace('Bearer ', '');
      seen.uploads.push(token);
      return gateway(token);
    })
    .persist();
  return seen;
}

describe('GenevaClient construction', () => {
  it('validates the config, naming the field', () => {
    const bad: Array<[Partial<GenevaClientConfig> & Record<string, unknown>, RegExp]> = [
      [{ endpoint: '' }, /"endpoint" must be a non-empty string/],
      [{ endpoint: 'gcs.example.com' }, /"endpoint" must be an absolute URL/],
      [{ endpoint: 'ftp://x' }, /"endpoint" must use https/],
      [{ roleInstance: ' ' }, /"roleInstance"/],
      [{ configMajorVersion: -1 }, /"configMajorVersion"/],
      [{ timeoutMs: 0 }, /"timeoutMs" must be a positive integer/],
      [{ maxConcurrentUploads: 1.5 }, /"maxConcurrentUploads"/],
      [{ auth: { kind: 'password' } as never }, /"auth.kind" must be one of/],
      [{ auth: { kind: 'certificate', path: '' } }, /"auth.path"/],
      [{ auth: { kind: 'workload_identity' } as never }, /"auth.resource"/],
      [
        { auth: { kind: 'msi', clientId: 'a', resourceId: 'b' } },
        /at most one of clientId, objectId, resourceId/,
      ],
      [{ auth: { kind: 'credential', credential: {} } as never }, /"auth.credential"/],
    ];
    for (const [patch, message] of bad) {
      expect(() => new GenevaClient({ ...base, ...patch } as GenevaClientConfig)).toThrow(message);
    }
    try {
      new GenevaClient({ ...base, auth: { kind: 'certificate', path: '', password: 'TOPSECRET' } });
    } catch (err) {
      expect(err).toMatchObject({ code: 'GENEVA_ERR_INVALID_CONFIG' });
      expect((err as Error).message).not.toContain('TOPSECRET');
    }
  });

  it('does no I/O until the first upload (lazy config fetch)', async () => {
    const seen = fakeGeneva(() => ({ statusCode: 202, data: '{"ticket":"x"}' }));
    const client = new GenevaClient({ ...base, dispatcher: agent });
    await client.start();
    expect(seen.config).toBe(0);
    expect(client.configFetches).toBe(0);
    await client.upload(batch);
    expect(seen.config).toBe(1);
    await client.close();
  });

  it('fails at start() with a clear certificate error, before any request', async () => {
    const client = new GenevaClient({
      ...base,
      auth: { kind: 'certificate', path: '/nonexistent/client.p12', password: 'pw-XYZ' },
      dispatcher: agent,
    });
    const err = await client.start().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'GENEVA_ERR_CERTIFICATE' });
    expect((err as Error).message).toContain('/nonexistent/client.p12');
    expect((err as Error).message).not.toContain('pw-XYZ');
    await expect(client.upload(batch)).rejects.toMatchObject({ code: 'GENEVA_ERR_CERTIFICATE' });
  });
});

describe('GenevaClient.upload', () => {
  it('makes exactly one config request for 50 concurrent cold uploads', async () => {
    const seen = fakeGeneva(() => ({ statusCode: 202, data: '{"ticket":"ok"}' }));
    const client = new GenevaClient({ ...base, dispatcher: agent, maxConcurrentUploads: 4 });
    const results = await Promise.all(Array.from({ length: 50 }, () => client.upload(batch)));
    expect(results.every((r) => r.ticket === 'ok' && r.status === 202 && r.rowCount === 3)).toBe(true);
    expect(seen.config).toBe(1);
    expect(seen.uploads).toHaveLength(50);
    await client.close();
  });

  it('after a 401 drops the token, fetches a new one and retries once', async () => {
    const seen = fakeGeneva((token) =>
      token === 'tok1' ? { statusCode: 401, data: 'revoked' } : { statusCode: 202, data: '{"ticket":"t2"}' },
    );
    const client = new GenevaClient({ ...base, dispatcher: agent });
    await expect(client.upload(batch)).resolves.toMatchObject({ ticket: 't2' });
    expect(seen.uploads).toEqual(['tok1', 'tok2']);
    expect(seen.config).toBe(2);
    // the refreshed token is cached for the next upload
    await client.upload(batch);
    expect(seen.uploads).toEqual(['tok1', 'tok2', 'tok2']);
    await client.close();
  });

  it('gives AuthError when the gateway refuses the refreshed token too (403)', async () => {
    const seen = fakeGeneva(() => ({ statusCode: 403, data: 'forbidden' }));
    const client = new GenevaClient({ ...base, dispatcher: agent });
    const err = await client.upload(batch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as Error).message).toMatch(/HTTP 403.*after one token refresh/);
    expect(seen.uploads).toEqual(['tok1', 'tok2']);
    await client.close();
  });

  it('is one attempt: a 503 is returned as RetryableError with Retry-After, not retried', async () => {
    const seen = fakeGeneva(() => ({
      statusCode: 503,
      data: 'busy',
      responseOptions: { headers: { 'retry-after': '4' } },
    }));
    const client = new GenevaClient({ ...base, dispatcher: agent });
    const err = await client.upload(batch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err).toMatchObject({ status: 503, retryAfterMs: 4000, eventName: 'Log' });
    expect(seen.uploads).toHaveLength(1);
    await client.close();
  });

  it('reuses the token until 5 minutes before its expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const seen = fakeGeneva(() => ({ statusCode: 202, data: '{"ticket":"x"}' }), 10 * 60_000);
    const client = new GenevaClient({ ...base, dispatcher: agent });
    await client.upload(batch);
    vi.setSystemTime(Date.now() + 4 * 60_000 + 59_000);
    await client.upload(batch);
    expect(seen.config).toBe(1);
    vi.setSystemTime(Date.now() + 2_000);
    await client.upload(batch);
    expect(seen.config).toBe(2);
    expect(seen.uploads).toEqual(['tok1', 'tok1', 'tok2']);
    await client.close();
  });

  it('rejects invalid batches naming the field, and uploads after close()', async () => {
    fakeGeneva(() => ({ statusCode: 202, data: '{"ticket":"x"}' }));
    const client = new GenevaClient({ ...base, dispatcher: agent });
    await expect(client.upload({ ...batch, eventName: '' })).rejects.toThrow(
      /"eventName" must be a non-empty string/,
    );
    await expect(client.upload({ ...batch, data: 'x' as never })).rejects.toMatchObject({
      code: 'GENEVA_ERR_INVALID_BATCH',
    });
    const pending = client.upload(batch);
    const closing = client.close();
    expect(client.close()).toBe(closing); // idempotent
    await expect(pending).resolves.toMatchObject({ ticket: 'x' }); // in-flight upload completes
    await closing;
    await expect(client.upload(batch)).rejects.toMatchObject({ code: 'GENEVA_ERR_CLOSED' });
  });

  it('an aborted upload rejects with GENEVA_ERR_ABORTED and frees its slot', async () => {
    fakeGeneva(() => ({ statusCode: 202, data: '{"ticket":"x"}' }));
    const client = new GenevaClient({ ...base, dispatcher: agent, maxConcurrentUploads: 1 });
    await client.upload(batch); // warm: token cached
    const c = new AbortController();
    c.abort(new Error('caller gave up'));
    await expect(client.upload(batch, { signal: c.signal })).rejects.toMatchObject({
      code: 'GENEVA_ERR_ABORTED',
      eventName: 'Log',
    });
    await expect(client.upload(batch)).resolves.toMatchObject({ ticket: 'x' });
    await client.close();
  });
});

describe('GenevaClient encoding', () => {
  it('encodes with the identity from its config (delegating to the encoder)', () => {
    const client = new GenevaClient({ ...base, dispatcher: agent });
    expect(client.identity).toEqual({
      namespace: 'Ns',
      environment: 'Test',
      configMajorVersion: 1,
      tenant: 'T',
      roleName: 'R',
      roleInstance: 'I',
    });
    const logs = client.encodeLogs({
      resourceLogs: [
        {
          scopeLogs: [
            {
              logRecords: [
                {
                  timeUnixNano: '1700000000000000000',
                  severityNumber: 9,
                  eventName: 'Audit',
                  body: { stringValue: 'a' },
                },
                { timeUnixNano: '1700000000000000001', severityNumber: 9, body: { stringValue: 'b' } },
              ],
            },
          ],
        },
      ],
    });
    expect(logs.rejected).toEqual([]);
    expect(logs.batches.map((b) => [b.eventName, b.rowCount]).sort()).toEqual([
      ['Audit', 1],
      ['Log', 1],
    ]);
    const spans = client.encodeSpans({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: 'b7ad6b7169203331',
                  name: 'GET /',
                  kind: 2,
                  startTimeUnixNano: '1700000000000000000',
                  endTimeUnixNano: '1700000001000000000',
                },
              ],
            },
          ],
        },
      ],
    });
    expect(spans.batches.map((b) => [b.eventName, b.rowCount])).toEqual([['Span', 1]]);
  });
});
