/**
 * Delivers one queued export request: encode once → upload every batch (each with `batch_retry`) →
 * whole-export retry (`retry_on_failure`) of only the batches the gateway has not accepted yet.
 * Permanent errors are never retried; `Retry-After` is honoured by core's backoff; every record ends
 * up counted as sent or dropped with a reason. Never throws.
 */
import { diag } from '@opentelemetry/api';
import type { ResolvedAzureGigWarmConfig } from '../config/resolved-config.js';
import type { GenevaClientPort, PortEncodeResult } from '../internal/client-port.js';
import {
  type BackoffPolicy,
  type ExportLogsServiceRequest,
  type ExportTraceServiceRequest,
  isPermanent,
  retryWithBackoff,
  type UploadableBatch,
} from '../internal/core.js';
import type { ExporterMetrics } from '../self-metrics/exporter-metrics.js';
import type { DropReason, StatsRecorder } from './stats.js';

/** One unit of work in the sending queue: a converted model request and its record count. */
export type QueuedRequest =
  | { signal: 'logs'; request: ExportLogsServiceRequest; items: number }
  | { signal: 'traces'; request: ExportTraceServiceRequest; items: number };

/** What became of one request. */
export interface DeliveryOutcome {
  sent: number;
  dropped: number;
  /** The error that caused drops (for the export result), if any. */
  error?: Error;
}

/** Dependencies of {@link createDeliverer}. */
export interface DelivererDeps {
  client: GenevaClientPort;
  config: Pick<ResolvedAzureGigWarmConfig, 'retryOnFailure' | 'batchRetry'>;
  stats: StatsRecorder;
  metrics: ExporterMetrics;
  /** Ratio of jitter for `batch_retry` (Go intended ±10% but always subtracted 10%). */
  batchRandomizationFactor?: number;
}

const log = diag.createComponentLogger({ namespace: 'geneva-otel/deliver' });
const shouldRetry = (err: unknown): boolean => !isPermanent(err);
const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

/** Returns `deliver(item, signal)`, which resolves with the outcome and never rejects. */
export function createDeliverer(
  deps: DelivererDeps,
): (item: QueuedRequest, signal: AbortSignal) => Promise<DeliveryOutcome> {
  const { client, config, stats, metrics } = deps;
  const batchPolicy: BackoffPolicy = {
    initialIntervalMs: config.batchRetry.initialIntervalMs,
    maxIntervalMs: config.batchRetry.maxIntervalMs,
    multiplier: config.batchRetry.multiplier,
    randomizationFactor: deps.batchRandomizationFactor ?? 0.1,
    maxElapsedTimeMs: 0,
    maxRetries: config.batchRetry.maxRetries,
  };
  const r = config.retryOnFailure;
  const exportPolicy: BackoffPolicy = {
    initialIntervalMs: r.initialIntervalMs,
    maxIntervalMs: r.maxIntervalMs,
    multiplier: r.multiplier,
    randomizationFactor: r.randomizationFactor,
    maxElapsedTimeMs: r.maxElapsedTimeMs,
  };

  const drop = (reason: DropReason, n: number, error?: unknown) => {
    if (n <= 0) return;
    stats.dropped(reason, n, error);
    metrics.sendFailed(n, reason);
  };

  const uploadOne = (batch: UploadableBatch, signal: AbortSignal) => {
    if (!config.batchRetry.enabled) return client.upload(batch, { signal });
    return retryWithBackoff(() => client.upload(batch, { signal }), batchPolicy, {
      signal,
      shouldRetry,
      onRetry: ({ attempt, delayMs, error }) => {
        stats.batchRetry();
        log.verbose(
          `retrying batch "${batch.eventName}" (${batch.rowCount} rows), attempt ${attempt + 1} in ${delayMs} ms: ${asError(error).message}`,
        );
      },
    });
  };

  return async (item, signal) => {
    let encoded: PortEncodeResult;
    try {
      encoded = item.signal === 'logs' ? client.encodeLogs(item.request) : client.encodeSpans(item.request);
    } catch (err) {
      log.warn(`could not encode ${item.items} ${item.signal} records: ${asError(err).message}`);
      drop('encode_rejected', item.items, err);
      return { sent: 0, dropped: item.items, error: asError(err) };
    }
    let dropped = encoded.rejected.length;
    let lastError: Error | undefined;
    if (dropped > 0) {
      const first = encoded.rejected[0];
      log.warn(
        `encoder rejected ${dropped} ${item.signal} record(s), first at ${first?.location}: ${first?.reason}`,
      );
      lastError = new Error(
        `encoder rejected ${dropped} record(s), first at ${first?.location}: ${first?.reason}`,
      );
      drop('encode_rejected', dropped, lastError);
    }
    let sent = 0;
    let pending = encoded.batches;
    const attempt = async () => {
      const results = await Promise.allSettled(pending.map((b) => uploadOne(b, signal)));
      const failed: UploadableBatch[] = [];
      let retryable: unknown;
      results.forEach((res, i) => {
        const batch = pending[i] as UploadableBatch;
        if (res.status === 'fulfilled') {
          sent += batch.rowCount;
          stats.sent(batch.rowCount);
          stats.batch(true);
          metrics.sent(batch.rowCount);
          metrics.batchSent();
        } else if (!signal.aborted && isPermanent(res.reason)) {
          log.warn(
            `dropping batch "${batch.eventName}" (${batch.rowCount} rows), permanent error: ${asError(res.reason).message}`,
          );
          dropped += batch.rowCount;
          lastError = asError(res.reason);
          drop('permanent_error', batch.rowCount, res.reason);
          stats.batch(false);
          metrics.batchFailed('permanent_error');
        } else {
          failed.push(batch);
          retryable = res.reason;
        }
      });
      pending = failed; // accepted batches are never uploaded again
      if (failed.length > 0) throw retryable;
    };
    try {
      if (!r.enabled) await attempt();
      else {
        await retryWithBackoff(attempt, exportPolicy, {
          signal,
          shouldRetry,
          onRetry: ({ attempt: n, delayMs, error }) => {
            stats.exportRetry();
            log.verbose(
              `retrying ${pending.length} batch(es) of ${item.signal}, round ${n + 1} in ${delayMs} ms: ${asError(error).message}`,
            );
          },
        });
      }
    } catch (err) {
      const reason: DropReason = signal.aborted ? 'shutdown' : 'retries_exhausted';
      for (const batch of pending) {
        dropped += batch.rowCount;
        drop(reason, batch.rowCount, err);
        stats.batch(false);
        metrics.batchFailed(reason);
      }
      lastError = asError(err);
      log.warn(`gave up on ${pending.length} batch(es) of ${item.signal} (${reason}): ${lastError.message}`);
    }
    return { sent, dropped, error: lastError };
  };
}
