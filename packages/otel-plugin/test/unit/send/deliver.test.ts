import { PermanentError, RetryableError } from '@geneva-otel/geneva-core';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResolvedAzureGigWarmConfig } from '../../../src/config/resolved-config.js';
import { createExporterMetrics } from '../../../src/self-metrics/exporter-metrics.js';
import { createDeliverer, type QueuedRequest } from '../../../src/send/deliver.js';
import { createStatsRecorder } from '../../../src/send/stats.js';
import { createInMemoryGenevaClient, type Responder } from '../../../src/testing.js';

const config: Pick<ResolvedAzureGigWarmConfig, 'retryOnFailure' | 'batchRetry'> = {
  retryOnFailure: {
    enabled: true,
    initialIntervalMs: 1000,
    randomizationFactor: 0,
    multiplier: 2,
    maxIntervalMs: 8000,
    maxElapsedTimeMs: 60_000,
  },
  batchRetry: { enabled: true, maxRetries: 1, initialIntervalMs: 100, maxIntervalMs: 1000, multiplier: 2 },
};

/** A logs request with two events: OrderPlaced (2 rows) and Log (1 row). */
const request: QueuedRequest = {
  signal: 'logs',
  items: 3,
  request: {
    resourceLogs: [
      {
        scopeLogs: [
          {
            logRecords: [
              {
                timeUnixNano: '1',
                observedTimeUnixNano: '1',
                eventName: 'OrderPlaced',
                body: { stringValue: 'a' },
                attributes: [],
                droppedAttributesCount: 0,
              },
              {
                timeUnixNano: '2',
                observedTimeUnixNano: '2',
                eventName: 'OrderPlaced',
                body: { stringValue: 'b' },
                attributes: [],
                droppedAttributesCount: 0,
              },
              {
                timeUnixNano: '3',
                observedTimeUnixNano: '3',
                body: { stringValue: 'c' },
                attributes: [],
                droppedAttributesCount: 0,
              },
            ],
          },
        ],
      },
    ],
  },
};

function setup(respond: Responder, overrides: Partial<typeof config> = {}) {
  const client = createInMemoryGenevaClient(respond);
  const stats = createStatsRecorder();
  const deliver = createDeliverer({
    client,
    config: { ...config, ...overrides },
    stats,
    metrics: createExporterMetrics('logs', {} as never),
    batchRandomizationFactor: 0,
  });
  return { client, stats, deliver };
}
const unavailable = (retryAfterMs?: number) =>
  new RetryableError('GENEVA_ERR_HTTP_STATUS', 'HTTP 503', { status: 503, retryAfterMs });

afterEach(() => vi.useRealTimers());
const silent = { error() {}, warn() {}, info() {}, debug() {}, verbose() {} };

describe('createDeliverer', () => {
  it('re-sends only the batch that failed: an accepted batch is never uploaded twice', async () => {
    vi.useFakeTimers();
    const { client, stats, deliver } = setup((batch, attempt) =>
      batch.eventName === 'Log' && attempt <= 3
        ? unavailable()
        : { eventName: batch.eventName, status: 202, rowCount: batch.rowCount },
    );
    const done = deliver(request, new AbortController().signal);
    await vi.runAllTimersAsync();
    expect(await done).toEqual({ sent: 3, dropped: 0, error: undefined });
    expect(client.accepted().sort()).toEqual(['a', 'b', 'c']); // exactly once each
    expect(client.uploads.filter((u) => u.eventName === 'OrderPlaced')).toHaveLength(1);
    expect(client.uploads.filter((u) => u.eventName === 'Log').map((u) => u.attempt)).toEqual([1, 2, 3, 4]);
    expect(stats.snapshot()).toMatchObject({ sent: 3, droppedTotal: 0, batchRetries: 2, exportRetries: 1 });
  });

  it('waits what backoff and Retry-After dictate', async () => {
    vi.useFakeTimers({ now: 0 });
    const { client, deliver } = setup((batch, attempt) =>
      attempt === 1
        ? unavailable(3000)
        : { eventName: batch.eventName, status: 202, rowCount: batch.rowCount },
    );
    const done = deliver({ ...request }, new AbortController().signal);
    await vi.runAllTimersAsync();
    await done;
    const log = client.uploads.filter((u) => u.eventName === 'Log');
    expect(log.map((u) => u.at)).toEqual([0, 3000]); // Retry-After 3 s beats the 100 ms batch backoff
  });

  it('never retries a permanent error and counts its rows as dropped', async () => {
    const { client, stats, deliver } = setup((batch) =>
      batch.eventName === 'Log'
        ? new PermanentError('GENEVA_ERR_HTTP_STATUS', 'HTTP 400', { status: 400 })
        : { eventName: batch.eventName, status: 202, rowCount: batch.rowCount },
    );
    const outcome = await deliver(request, new AbortController().signal);
    expect(outcome).toMatchObject({ sent: 2, dropped: 1 });
    expect(outcome.error?.message).toContain('HTTP 400');
    expect(client.uploads).toHaveLength(2);
    expect(stats.snapshot().dropped.permanent_error).toBe(1);
    expect(stats.snapshot().firstErrors).toEqual({ permanent_error: 'HTTP 400' });
  });

  it('logs a permanent-error drop and an encoder rejection at warn, naming the record', async () => {
    const warnings: string[] = [];
    diag.setLogger(
      { ...silent, warn: (...args: unknown[]) => void warnings.push(args.join(' ')) },
      { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
    );
    try {
      const { client, stats, deliver } = setup(
        () => new PermanentError('GENEVA_ERR_HTTP_STATUS', 'HTTP 400', { status: 400 }),
      );
      const encode = client.encodeLogs.bind(client);
      client.encodeLogs = (req) => {
        const out = encode(req);
        return {
          ...out,
          rejected: [
            { signal: 'logs', location: 'resourceLogs[0].scopeLogs[0].logRecords[7]', reason: 'too big' },
          ],
        };
      };
      await deliver(request, new AbortController().signal);
      expect(warnings.some((w) => /dropping batch .*permanent error: HTTP 400/.test(w))).toBe(true);
      expect(
        warnings.some((w) => w.includes('first at resourceLogs[0].scopeLogs[0].logRecords[7]: too big')),
      ).toBe(true);
      expect(stats.snapshot().firstErrors.encode_rejected).toBe(
        'encoder rejected 1 record(s), first at resourceLogs[0].scopeLogs[0].logRecords[7]: too big',
      );
    } finally {
      diag.disable();
    }
  });

  it('gives up at max_elapsed_time and says so', async () => {
    vi.useFakeTimers();
    const { stats, deliver } = setup(() => unavailable(), {
      retryOnFailure: { ...config.retryOnFailure, maxElapsedTimeMs: 2500 },
      batchRetry: { ...config.batchRetry, enabled: false },
    });
    const done = deliver(request, new AbortController().signal);
    await vi.runAllTimersAsync();
    expect(await done).toMatchObject({ sent: 0, dropped: 3 });
    expect(stats.snapshot().dropped.retries_exhausted).toBe(3);
    expect(stats.snapshot().firstErrors.retries_exhausted).toMatch(
      /^gave up after \d+ attempt\(s\) because the maximum elapsed time was reached: HTTP 503/,
    );
  });

  it('stops at once when aborted (shutdown) and counts the rows as shutdown drops', async () => {
    vi.useFakeTimers();
    const abort = new AbortController();
    const { stats, deliver } = setup(() => unavailable());
    const done = deliver(request, abort.signal);
    await vi.advanceTimersByTimeAsync(50);
    abort.abort();
    await vi.runAllTimersAsync();
    expect(await done).toMatchObject({ sent: 0, dropped: 3 });
    expect(stats.snapshot().dropped.shutdown).toBe(3);
  });

  it('counts encoder rejections and an encoder crash without throwing', async () => {
    const client = createInMemoryGenevaClient();
    client.encodeLogs = () => {
      throw new Error('boom');
    };
    const stats = createStatsRecorder();
    const deliver = createDeliverer({
      client,
      config,
      stats,
      metrics: createExporterMetrics('logs', {} as never),
    });
    expect(await deliver(request, new AbortController().signal)).toMatchObject({ sent: 0, dropped: 3 });
    expect(stats.snapshot().dropped.encode_rejected).toBe(3);
  });
});
