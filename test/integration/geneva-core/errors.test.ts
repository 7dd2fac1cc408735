// Each error class against the emulator's fault injection, with Retry-After as seconds and as an
// HTTP-date; and the backoff helper retrying real uploads.
import {
  AuthError,
  GenevaClient,
  isPermanent,
  isRetryable,
  PermanentError,
  RetryableError,
  retryWithBackoff,
} from '@geneva-otel/geneva-core';
import { type GenevaEmulator, startEmulator } from '@geneva-otel/geneva-emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientConfig, logsRequest, saveIdentityEnv } from './support.js';

let emulator: GenevaEmulator;
let client: GenevaClient;
let restoreEnv: () => void;
beforeAll(async () => {
  emulator = await startEmulator();
  restoreEnv = saveIdentityEnv();
  process.env['IDENTITY_ENDPOINT'] = emulator.identity.managedIdentityEndpoint;
  process.env['IDENTITY_HEADER'] = emulator.identity.identityHeader;
  client = new GenevaClient(clientConfig(emulator, { kind: 'msi' }, { timeoutMs: 300 }));
});
afterAll(async () => {
  await client?.close();
  await emulator?.stop();
  restoreEnv();
});
beforeEach(() => emulator.reset());
afterEach(() => emulator.faults.clear());

// Counted per event: a delayed request of an earlier test may still land after reset().
const ingestsOf = (event: string) =>
  emulator.requests().filter((r) => r.kind === 'ingest' && r.event === event).length;
const batchFor = (event: string) => client.encodeLogs(logsRequest(2, event)).batches[0]!;
const fail = (event: string) =>
  client.upload(batchFor(event)).then(
    () => new Error('unexpectedly delivered'),
    (e: unknown) => e as Error,
  );

describe('gateway failures', () => {
  it('429 with Retry-After seconds → RetryableError GENEVA_ERR_THROTTLED with retryAfterMs', async () => {
    emulator.faults.inject({
      kind: 'ingest',
      event: 'E429',
      action: { type: 'status', status: 429, retryAfterSeconds: 7 },
    });
    const err = await fail('E429');
    expect(err).toBeInstanceOf(RetryableError);
    expect(err).toMatchObject({
      code: 'GENEVA_ERR_THROTTLED',
      status: 429,
      retryAfterMs: 7000,
      eventName: 'E429',
    });
    expect(err.message).toMatch(
      /^Geneva ingestion gateway at 127\.0\.0\.1:\d+\/api\/v1\/ingestion\/ingest for event "E429" answered HTTP 429/,
    );
  });

  it('503 with Retry-After as an HTTP-date → RetryableError with the delay until that date', async () => {
    const at = new Date(Date.now() + 30_000);
    emulator.faults.inject({
      kind: 'ingest',
      event: 'E503',
      action: { type: 'status', status: 503, retryAfterDate: at },
    });
    const err = await fail('E503');
    expect(err).toBeInstanceOf(RetryableError);
    const ms = (err as RetryableError).retryAfterMs!;
    expect(ms).toBeGreaterThan(27_000);
    expect(ms).toBeLessThanOrEqual(30_000);
  });

  it('408 and 500 are retryable; 400 and 413 are permanent; nothing is retried inside upload()', async () => {
    for (const [status, retryable] of [
      [408, true],
      [500, true],
      [400, false],
      [413, false],
    ] as const) {
      emulator.reset();
      emulator.faults.inject({ kind: 'ingest', event: `E${status}`, action: { type: 'status', status } });
      const err = await fail(`E${status}`);
      expect([status, isRetryable(err), isPermanent(err)]).toEqual([status, retryable, !retryable]);
      expect(err).toBeInstanceOf(retryable ? RetryableError : PermanentError);
      expect(ingestsOf(`E${status}`)).toBe(1);
    }
  });

  it('401 twice → AuthError after one refresh', async () => {
    emulator.faults.inject({
      kind: 'ingest',
      event: 'E401',
      count: 2,
      action: { type: 'status', status: 401 },
    });
    const err = await fail('E401');
    expect(err).toBeInstanceOf(AuthError);
    expect(isPermanent(err)).toBe(true);
  });

  it('a connection reset → RetryableError GENEVA_ERR_NETWORK', async () => {
    emulator.faults.inject({ kind: 'ingest', event: 'Reset', action: { type: 'reset' } });
    const err = await fail('Reset');
    expect(err).toMatchObject({ code: 'GENEVA_ERR_NETWORK', retryable: true });
  });

  it('a response slower than timeoutMs → RetryableError GENEVA_ERR_TIMEOUT', async () => {
    emulator.faults.inject({ kind: 'ingest', event: 'Slow', action: { type: 'delay', ms: 1_000 } });
    const err = await fail('Slow');
    expect(err).toMatchObject({ code: 'GENEVA_ERR_TIMEOUT', retryable: true });
    expect(err.message).toContain('timed out after 300 ms');
  });

  it('a 202 without ticket counts as delivered and is not retried', async () => {
    emulator.faults.inject({ kind: 'ingest', event: 'NoTicket', action: { type: 'no-ticket' } });
    const result = await client.upload(batchFor('NoTicket'));
    expect(result).toEqual({ eventName: 'NoTicket', status: 202, rowCount: 2 });
    expect(emulator.events({ event: 'NoTicket' })).toHaveLength(2);
    expect(ingestsOf('NoTicket')).toBe(1);
  });

  it('retryWithBackoff delivers after two 503s, honouring Retry-After', async () => {
    emulator.faults.inject({
      kind: 'ingest',
      event: 'Recover',
      count: 2,
      action: { type: 'status', status: 503, retryAfterSeconds: 0 },
    });
    const delays: number[] = [];
    const batch = batchFor('Recover');
    const result = await retryWithBackoff(
      () => client.upload(batch),
      {
        initialIntervalMs: 10,
        maxIntervalMs: 50,
        multiplier: 2,
        randomizationFactor: 0,
        maxElapsedTimeMs: 5_000,
      },
      { onRetry: ({ delayMs }) => delays.push(delayMs) },
    );
    expect(result.status).toBe(202);
    expect(delays).toEqual([10, 20]);
    expect(emulator.events({ event: 'Recover' })).toHaveLength(2);
  });
});

describe('config service failures', () => {
  it('503 → RetryableError (phase config_service); 403 twice (after the token refresh) → AuthError; 400 → PermanentError', async () => {
    const fresh = () => new GenevaClient(clientConfig(emulator, { kind: 'msi' }));
    const cases = [
      [{ type: 'status', status: 503, retryAfterSeconds: 3 }, RetryableError, { retryAfterMs: 3000 }, 1],
      [{ type: 'status', status: 403 }, AuthError, {}, 2],
      [{ type: 'status', status: 400 }, PermanentError, {}, 1],
    ] as const;
    for (const [action, cls, extra, count] of cases) {
      emulator.faults.inject({ kind: 'config', action, count });
      const c = fresh();
      const err = await c.upload(batchFor('Cfg')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(cls);
      expect(err).toMatchObject({ phase: 'config_service', status: action.status, ...extra });
      expect((err as Error).message).toMatch(
        /Geneva config service at 127\.0\.0\.1:\d+\/userapi\/agent\/v3\/Test\/IntegrationAcct\/MonitoringStorageKeys\/ answered HTTP/,
      );
      await c.close();
    }
  });

  it('one 403 from the config service: a new token (bypassing the MSI cache) and one retry succeed', async () => {
    const client = new GenevaClient(clientConfig(emulator, { kind: 'msi' }));
    emulator.faults.inject({ kind: 'config', action: { type: 'status', status: 403 } });
    const result = await client.upload(batchFor('Cfg403'));
    expect(result).toMatchObject({ status: 202 });
    const config = emulator.requests().filter((r) => r.kind === 'config');
    expect(config.map((r) => r.status)).toEqual([403, 200]);
    await client.close();
  });
});
