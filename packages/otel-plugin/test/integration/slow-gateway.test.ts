import { ExportResultCode } from '@opentelemetry/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GenevaLogRecordExporter } from '../../src/index.js';
import { type EmulatorSetup, startTlsEmulator } from '../helpers/emulator.js';
import { makeLogRecords } from '../helpers/sdk-records.js';

let env: EmulatorSetup;
let records: Awaited<ReturnType<typeof makeLogRecords>>;
beforeAll(async () => {
  env = await startTlsEmulator();
  records = await makeLogRecords(5);
});
afterAll(() => env.stop());
beforeEach(() => env.emulator.reset());

const slowGateway = (ms: number) =>
  env.emulator.faults.inject({
    kind: 'ingest',
    count: Number.POSITIVE_INFINITY,
    action: { type: 'delay', ms },
  });
/** Calls export() and records when (and how) its callback fires. */
function exportAndTrack(exporter: GenevaLogRecordExporter) {
  const result: { code?: ExportResultCode; error?: Error; afterMs?: number } = {};
  const started = Date.now();
  exporter.export(records, (r) => Object.assign(result, r, { afterMs: Date.now() - started }));
  return result;
}
const rowCount = () => env.emulator.events({ namespace: 'PluginTest' }).length;

describe('sending_queue against a slow gateway', () => {
  it('bounded queue without block_on_overflow: excess exports fail at once and are counted queue_full', async () => {
    slowGateway(300);
    const exporter = new GenevaLogRecordExporter({
      config: env.block({ sending_queue: { queue_size: 2, num_consumers: 1 } }),
      clientOptions: env.clientOptions,
      env: env.vars,
    });
    const results = Array.from({ length: 6 }, () => exportAndTrack(exporter));
    await new Promise((r) => setImmediate(r));
    // 1 in flight + 2 queued accepted at once (SUCCESS without waiting), 3 refused at once.
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(results[3]?.error?.message).toBe('sending queue is full');
    expect(exporter.stats().pending).toBeLessThanOrEqual(3 * records.length); // bounded
    await exporter.shutdown();
    expect(rowCount()).toBe(15);
    expect(exporter.stats()).toMatchObject({ received: 30, sent: 15, droppedTotal: 15, pending: 0 });
    expect(exporter.stats().dropped.queue_full).toBe(15);
  });

  it('block_on_overflow: export waits for room instead of dropping; everything arrives', async () => {
    slowGateway(100);
    const exporter = new GenevaLogRecordExporter({
      config: env.block({ sending_queue: { queue_size: 1, num_consumers: 1, block_on_overflow: true } }),
      clientOptions: env.clientOptions,
      env: env.vars,
    });
    const results = Array.from({ length: 4 }, () => exportAndTrack(exporter));
    await new Promise((r) => setImmediate(r));
    expect(results.map((r) => r.code)).toEqual([0, 0, undefined, undefined]); // still waiting for room
    await exporter.forceFlush();
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(results[3]?.afterMs).toBeGreaterThanOrEqual(150);
    expect(rowCount()).toBe(20);
    await exporter.shutdown();
  });

  it('wait_for_result: the callback reports the delivery outcome', async () => {
    env.emulator.faults.inject({ kind: 'ingest', count: 1, action: { type: 'status', status: 400 } });
    const exporter = new GenevaLogRecordExporter({
      config: env.block({ sending_queue: { wait_for_result: true } }),
      clientOptions: env.clientOptions,
      env: env.vars,
    });
    const first = exportAndTrack(exporter);
    await exporter.forceFlush();
    const second = exportAndTrack(exporter);
    await exporter.forceFlush();
    expect(first.code).toBe(ExportResultCode.FAILED);
    expect(second.code).toBe(ExportResultCode.SUCCESS);
    await exporter.shutdown();
  });

  it('shutdown with queued data delivers all of it within the deadline', async () => {
    slowGateway(50);
    const exporter = new GenevaLogRecordExporter({
      config: env.block({ sending_queue: { queue_size: 100, num_consumers: 2 } }),
      clientOptions: env.clientOptions,
      env: env.vars,
      shutdownTimeoutMs: 10_000,
    });
    for (let i = 0; i < 10; i++) exportAndTrack(exporter);
    const started = Date.now();
    await exporter.shutdown();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(rowCount()).toBe(50);
    expect(exporter.stats()).toMatchObject({ sent: 50, droppedTotal: 0, pending: 0 });
  });

  it('shutdown past its deadline aborts, reports what was not delivered, and returns in time', async () => {
    slowGateway(3000);
    const exporter = new GenevaLogRecordExporter({
      config: env.block({ sending_queue: { queue_size: 100, num_consumers: 1 } }),
      clientOptions: env.clientOptions,
      env: env.vars,
      shutdownTimeoutMs: 300,
    });
    for (let i = 0; i < 4; i++) exportAndTrack(exporter);
    const started = Date.now();
    await exporter.shutdown();
    expect(Date.now() - started).toBeLessThan(2500);
    const s = exporter.stats();
    expect(s.sent + s.droppedTotal).toBe(20);
    expect(s.dropped.shutdown).toBe(20 - s.sent);
    expect(s.pending).toBe(0);
    // After shutdown, export fails through the callback, never by throwing.
    const late = exportAndTrack(exporter);
    expect(late.code).toBe(ExportResultCode.FAILED);
    await exporter.shutdown(); // idempotent
  });
});
