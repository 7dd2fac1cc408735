import { SeverityNumber } from '@opentelemetry/api-logs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GenevaLogRecordExporter } from '../../src/index.js';
import { type EmulatorSetup, startTlsEmulator } from '../helpers/emulator.js';

let env: EmulatorSetup;
beforeAll(async () => {
  env = await startTlsEmulator();
});
afterAll(() => env.stop());
beforeEach(() => env.emulator.reset());

function pipeline(overrides: Record<string, unknown> = {}) {
  const exporter = new GenevaLogRecordExporter({
    config: env.block(overrides),
    clientOptions: env.clientOptions,
    env: env.vars,
  });
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': 'shop' }),
    processors: [new BatchLogRecordProcessor({ exporter, scheduledDelayMillis: 10, maxExportBatchSize: 50 })],
  });
  const logger = provider.getLogger('integration');
  const emit = (n: number, eventName?: string) => {
    for (let i = 0; i < n; i++)
      logger.emit({
        severityNumber: SeverityNumber.WARN,
        body: `${eventName ?? 'Log'}-${i}`,
        eventName,
        attributes: { i },
      });
  };
  return { exporter, provider, emit };
}
const bodies = (event: string) =>
  env.emulator
    .events({ namespace: 'PluginTest', event })
    .map((e) => e.values.body)
    .sort();
const ingestTimes = (event: string) =>
  env.emulator
    .requests()
    .filter((r) => r.kind === 'ingest' && r.event === event)
    .map((r) => Date.parse(r.time));
const expected = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`).sort();

describe('GenevaLogRecordExporter against the emulator (real SDK, BatchLogRecordProcessor)', () => {
  it('delivers every record exactly once', async () => {
    const { exporter, provider, emit } = pipeline();
    emit(120);
    emit(30, 'OrderPlaced');
    await provider.shutdown();
    expect(bodies('Log')).toEqual(expected('Log', 120));
    expect(bodies('OrderPlaced')).toEqual(expected('OrderPlaced', 30));
    expect(exporter.stats()).toMatchObject({ received: 150, sent: 150, droppedTotal: 0 });
    // cert_password came from ${env:GENEVA_CERT_PASSWORD}; GENEVA_ROLE_INSTANCE overrode role_instance.
    expect(
      new Set(env.emulator.events({ namespace: 'PluginTest' }).map((e) => e.values.RoleInstance)),
    ).toEqual(new Set(['role-from-env']));
  });

  it('503 twice then success: delivered exactly once, after the configured backoff', async () => {
    env.emulator.faults.inject({
      kind: 'ingest',
      event: 'Log',
      count: 2,
      action: { type: 'status', status: 503 },
    });
    const { exporter, provider, emit } = pipeline();
    emit(20);
    await provider.shutdown();
    expect(bodies('Log')).toEqual(expected('Log', 20));
    const times = ingestTimes('Log');
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(9); // batch_retry: 10 ms ± 10%
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(20); // retry_on_failure: 20 ms, no jitter
    expect(exporter.stats()).toMatchObject({ sent: 20, droppedTotal: 0, batchRetries: 1, exportRetries: 1 });
  });

  it('429 twice with Retry-After: 1 then success: waits what Retry-After dictates, delivered once', async () => {
    env.emulator.faults.inject({
      kind: 'ingest',
      event: 'Log',
      count: 2,
      action: { type: 'status', status: 429, retryAfterSeconds: 1 },
    });
    const { provider, emit } = pipeline();
    emit(5);
    await provider.shutdown();
    expect(bodies('Log')).toEqual(expected('Log', 5));
    const times = ingestTimes('Log');
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(990);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(990);
  });

  it('400: no retry, the rows are counted as dropped; other events still arrive', async () => {
    env.emulator.faults.inject({
      kind: 'ingest',
      event: 'Log',
      count: 1,
      action: { type: 'status', status: 400, message: 'bad schema' },
    });
    const { exporter, provider, emit } = pipeline();
    emit(10);
    emit(4, 'OrderPlaced');
    await provider.shutdown();
    expect(ingestTimes('Log')).toHaveLength(1);
    expect(bodies('Log')).toEqual([]);
    expect(bodies('OrderPlaced')).toEqual(expected('OrderPlaced', 4));
    expect(exporter.stats()).toMatchObject({
      received: 14,
      sent: 4,
      droppedTotal: 10,
      batchRetries: 0,
      exportRetries: 0,
    });
    expect(exporter.stats().dropped.permanent_error).toBe(10);
  });

  it('401: the token is refreshed and the upload succeeds', async () => {
    env.emulator.faults.inject({
      kind: 'ingest',
      event: 'Log',
      count: 1,
      action: { type: 'status', status: 401 },
    });
    const { exporter, provider, emit } = pipeline();
    emit(3);
    await provider.shutdown();
    expect(bodies('Log')).toEqual(expected('Log', 3));
    expect(env.emulator.requests().filter((r) => r.kind === 'config')).toHaveLength(2);
    expect(exporter.stats()).toMatchObject({ sent: 3, droppedTotal: 0 });
  });

  it('partial failure: the accepted event is not re-sent while the failing one is retried', async () => {
    // 3 failures > 1 + batch_retry.max_retries, so a whole-export retry round is needed.
    env.emulator.faults.inject({
      kind: 'ingest',
      event: 'Log',
      count: 3,
      action: { type: 'status', status: 503 },
    });
    const { exporter, provider, emit } = pipeline();
    emit(5);
    emit(5, 'OrderPlaced');
    await provider.shutdown();
    expect(ingestTimes('OrderPlaced')).toHaveLength(1);
    expect(bodies('OrderPlaced')).toEqual(expected('OrderPlaced', 5));
    expect(bodies('Log')).toEqual(expected('Log', 5));
    expect(exporter.stats()).toMatchObject({ sent: 10, droppedTotal: 0, exportRetries: 1 });
  });

  it('a record the encoder cannot carry is counted as encode_rejected; the rest is delivered', async () => {
    const { exporter, provider, emit } = pipeline();
    emit(5);
    emit(1, 'E'.repeat(40_000)); // longer than a Geneva event name can be
    await provider.shutdown();
    expect(bodies('Log')).toEqual(expected('Log', 5));
    expect(exporter.stats()).toMatchObject({ received: 6, sent: 5, droppedTotal: 1 });
    expect(exporter.stats().dropped.encode_rejected).toBe(1);
  });
});
