import { DiagLogLevel, diag } from '@opentelemetry/api';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uploadOnce } from '../../../src/ingestion/uploader.js';
import { AuthError, PermanentError, RetryableError } from '../../../src/send/errors.js';
import { createHttpClient } from '../../../src/transport/http-client.js';

// undici MockAgent with net connect disabled (nock cannot see undici traffic).
let agent: MockAgent;
beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
});
afterEach(async () => {
  await agent.close();
  diag.disable();
});

const info = {
  gatewayEndpoint: 'https://gig.example.com',
  authToken: 'SECRET-GATEWAY-TOKEN',
  expiresAt: Date.now() + 3_600_000,
  monitoringEndpoint: 'https://mon.example.com',
  moniker: 'm',
  accountGroup: '',
};
const batch = {
  eventName: 'Log',
  data: new Uint8Array([1, 2, 3, 4]),
  startTime: 's',
  endTime: 'e',
  schemaIds: ['ab'],
  rowCount: 2,
};
const source = { namespace: 'Ns', configMajorVersion: 1, tenant: 'T', roleName: 'R', roleInstance: 'I' };
const isIngest = (p: string) => p.startsWith('/api/v1/ingestion/ingest?');

function attempt() {
  return uploadOnce({
    http: createHttpClient({ timeoutMs: 1000, dispatcher: agent }),
    info,
    batch,
    source,
    userAgent: 'ua',
    timeoutMs: 1000,
  });
}

describe('uploadOnce', () => {
  it('posts the body with the bearer token and returns the ticket', async () => {
    let headers: Record<string, string> = {};
    let body: unknown;
    agent
      .get('https://gig.example.com')
      .intercept({ path: isIngest, method: 'POST' })
      .reply((opts) => {
        headers = opts.headers as Record<string, string>;
        body = opts.body;
        return { statusCode: 202, data: '{"ticket":"T-1"}' };
      });
    await expect(attempt()).resolves.toEqual({ eventName: 'Log', ticket: 'T-1', status: 202, rowCount: 2 });
    expect(headers['authorization']).toBe('Bearer SECRET-GATEWAY-TOKEN');
    expect(headers['accept']).toBe('application/json');
    expect(Buffer.from(body as Uint8Array)).toEqual(Buffer.from([1, 2, 3, 4]));
  });

  it('counts a 202 without ticket as delivered and logs a warning', async () => {
    const warn = vi.fn();
    diag.setLogger(
      { warn, error: vi.fn(), info: vi.fn(), debug: vi.fn(), verbose: vi.fn() },
      DiagLogLevel.WARN,
    );
    agent.get('https://gig.example.com').intercept({ path: isIngest, method: 'POST' }).reply(202, '');
    await expect(attempt()).resolves.toEqual({ eventName: 'Log', status: 202, rowCount: 2 });
    expect(warn).toHaveBeenCalledWith('geneva-core/ingestion', expect.stringContaining('no ticket'));
  });

  it('classifies failures, naming status, event and endpoint but never the token', async () => {
    const pool = agent.get('https://gig.example.com');
    pool
      .intercept({ path: isIngest, method: 'POST' })
      .reply(429, 'slow down', { headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() } });
    pool
      .intercept({ path: isIngest, method: 'POST' })
      .reply(503, 'unavailable', { headers: { 'retry-after': '2' } });
    pool.intercept({ path: isIngest, method: 'POST' }).reply(400, 'bad schema');
    pool.intercept({ path: isIngest, method: 'POST' }).reply(401, 'expired');
    pool
      .intercept({ path: isIngest, method: 'POST' })
      .reply(308, '', { headers: { location: 'https://evil.example.com/' } });
    pool
      .intercept({ path: isIngest, method: 'POST' })
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const errors: Error[] = [];
    for (let i = 0; i < 6; i++)
      errors.push(
        await attempt().then(
          () => new Error('unexpected success'),
          (e: unknown) => e as Error,
        ),
      );
    const [e429, e503, e400, e401, e308, eReset] = errors;
    expect(e429).toBeInstanceOf(RetryableError);
    expect((e429 as RetryableError).retryAfterMs).toBeGreaterThan(28_000);
    expect(e503).toMatchObject({ status: 503, retryAfterMs: 2000 });
    expect(e400).toBeInstanceOf(PermanentError);
    expect(e401).toBeInstanceOf(AuthError);
    expect(e308).toMatchObject({ code: 'GENEVA_ERR_REDIRECT', status: 308 });
    expect(eReset).toMatchObject({ code: 'GENEVA_ERR_NETWORK', retryable: true });
    for (const e of errors) {
      expect(e!.message).not.toContain('SECRET-GATEWAY-TOKEN');
      expect(e!.message).not.toContain('sourceUniqueId');
    }
    expect(e400!.message).toBe(
      'Geneva ingestion gateway at gig.example.com/api/v1/ingestion/ingest for event "Log" answered HTTP 400: bad schema',
    );
  });
});
