// Sends validated records through the plugin's export engine, the same machinery behind
// GenevaLogRecordExporter and GenevaSpanExporter (sending_queue, batch_retry, retry_on_failure,
// counters), but fed with OTLP model records instead of SDK objects, so a replay is lossless.
// Records are offered in chunks of 512 (the SDK batch processor's default export size); then the
// engine is shut down, which waits for the queue to drain, and its counters account for every record.
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { createExportEngine, type ExportEngine } from '../exporters/export-engine.js';
import { resolveExporterSetup } from '../exporters/exporter-options.js';
import type { ExporterStats } from '../index.js';
import type { OtlpInput } from './otlp-input.js';
import { logUnitsToRequest, spanUnitsToRequest } from './otlp-regroup.js';
import type { LogUnit, SpanUnit } from './otlp-to-model.js';

/** Records handed to one `export()` call. */
export const EXPORT_CHUNK = 512;

/** Outcome of one signal. */
export interface SignalOutcome {
  files: number;
  records: number;
  /** Records in batches the gateway accepted. */
  sent: number;
  notDelivered: number;
  exportCalls: number;
  /** Why records were not delivered: reason → record count (only non-zero reasons). */
  dropped: Record<string, number>;
  /** The first error message per drop reason in `dropped` (why those records were not delivered). */
  errors: Record<string, string>;
  /** The exporter's own counters. */
  exporterStats?: ExporterStats;
}

/** Exports every input and resolves once both engines have drained and shut down. */
export async function sendInputs(
  block: Record<string, unknown>,
  inputs: OtlpInput[],
  env: Record<string, string | undefined>,
): Promise<{ logs: SignalOutcome; traces: SignalOutcome }> {
  const logs = inputs.flatMap((i) => (i.signal === 'logs' ? [i] : []));
  const traces = inputs.flatMap((i) => (i.signal === 'traces' ? [i] : []));
  const [logOutcome, traceOutcome] = await Promise.all([
    logs.length === 0
      ? emptyOutcome()
      : sendSignal(
          engineFor<LogUnit>(block, env, 'logs', (units) => ({
            signal: 'logs',
            request: logUnitsToRequest(units),
            items: units.length,
          })),
          logs.flatMap((i) => i.records),
          logs.length,
        ),
    traces.length === 0
      ? emptyOutcome()
      : sendSignal(
          engineFor<SpanUnit>(block, env, 'traces', (units) => ({
            signal: 'traces',
            request: spanUnitsToRequest(units),
            items: units.length,
          })),
          traces.flatMap((i) => i.records),
          traces.length,
        ),
  ]);
  return { logs: logOutcome, traces: traceOutcome };
}

function engineFor<T>(
  block: Record<string, unknown>,
  env: Record<string, string | undefined>,
  signal: 'logs' | 'traces',
  toRequest: Parameters<typeof createExportEngine<T>>[0]['toRequest'],
): ExportEngine<T> {
  const { config, client } = resolveExporterSetup({ config: block, env });
  // Wait as long as retries may go on: retry_on_failure's max_elapsed_time (0 = unlimited) plus a margin.
  const retry = config.retryOnFailure;
  const waitMs = !retry.enabled
    ? 60_000
    : retry.maxElapsedTimeMs === 0
      ? 600_000
      : retry.maxElapsedTimeMs + 30_000;
  return createExportEngine<T>({
    signal,
    config,
    client,
    toRequest,
    flushTimeoutMs: waitMs,
    shutdownTimeoutMs: waitMs,
  });
}

async function sendSignal<T>(engine: ExportEngine<T>, records: T[], files: number): Promise<SignalOutcome> {
  const outcome: SignalOutcome = { ...emptyOutcome(), files, records: records.length };
  try {
    for (let i = 0; i < records.length; i += EXPORT_CHUNK) {
      outcome.exportCalls++;
      // Sequential offers, like a batch processor; with wait_for_result each one waits for delivery.
      await exportOnce(engine, records.slice(i, i + EXPORT_CHUNK));
    }
  } finally {
    await engine.shutdown();
  }
  const stats = engine.stats();
  outcome.exporterStats = stats;
  outcome.sent = stats.sent;
  outcome.notDelivered = records.length - stats.sent;
  for (const [reason, n] of Object.entries(stats.dropped)) {
    if (n <= 0) continue;
    outcome.dropped[reason] = n;
    const message = stats.firstErrors[reason as keyof typeof stats.firstErrors];
    if (message !== undefined) outcome.errors[reason] = message;
  }
  const unaccounted = outcome.notDelivered - stats.droppedTotal;
  if (unaccounted > 0) outcome.dropped['unaccounted (still pending after shutdown)'] = unaccounted;
  return outcome;
}

function exportOnce<T>(engine: ExportEngine<T>, chunk: T[]): Promise<ExportResult> {
  return new Promise((resolve) => {
    try {
      engine.export(chunk, resolve);
    } catch (error) {
      // export() never throws by contract; if it does, the chunk is reported, not lost.
      resolve({ code: ExportResultCode.FAILED, error: error as Error });
    }
  });
}

function emptyOutcome(): SignalOutcome {
  return { files: 0, records: 0, sent: 0, notDelivered: 0, exportCalls: 0, dropped: {}, errors: {} };
}
