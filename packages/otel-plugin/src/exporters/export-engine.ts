/**
 * The machinery shared by the log and span exporters: guard → convert → queue offer → callback,
 * consumers that deliver under `suppressTracing`, and draining flush/shutdown with deadlines.
 * `export()` never throws; every outcome goes to the result callback.
 */
import { setMaxListeners } from 'node:events';
import { context, diag, type MeterProvider } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode, suppressTracing } from '@opentelemetry/core';
import type { ResolvedAzureGigWarmConfig } from '../config/resolved-config.js';
import type { GenevaClientPort } from '../internal/client-port.js';
import { createSendingQueue, type SendingQueue } from '../queue/sending-queue.js';
import { createExporterMetrics } from '../self-metrics/exporter-metrics.js';
import { createDeliverer, type DeliveryOutcome, type QueuedRequest } from '../send/deliver.js';
import { createStatsRecorder, type DropReason, type ExporterStats } from '../send/stats.js';

/** Options of {@link createExportEngine}. */
export interface ExportEngineOptions<TRecord> {
  signal: QueuedRequest['signal'];
  config: ResolvedAzureGigWarmConfig;
  client: GenevaClientPort;
  toRequest: (records: readonly TRecord[]) => QueuedRequest;
  meterProvider?: MeterProvider;
  /** Deadline of `forceFlush()` (default 30 s). */
  flushTimeoutMs?: number;
  /** Deadline of `shutdown()` for draining queued and in-flight data (default 30 s). */
  shutdownTimeoutMs?: number;
}

/** The exporter behaviour behind both SDK exporter classes. */
export interface ExportEngine<TRecord> {
  export(records: TRecord[], resultCallback: (result: ExportResult) => void): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
  stats(): ExporterStats;
}

interface Work {
  req: QueuedRequest;
  done: (outcome: DeliveryOutcome) => void;
}

/** Builds an engine; no I/O until the first export. */
export function createExportEngine<TRecord>(opts: ExportEngineOptions<TRecord>): ExportEngine<TRecord> {
  const log = diag.createComponentLogger({ namespace: `geneva-otel/${opts.signal}-exporter` });
  const { config } = opts;
  const q = config.sendingQueue;
  const stats = createStatsRecorder();
  const metrics = createExporterMetrics(
    opts.signal === 'logs' ? 'logs' : 'spans',
    config,
    opts.meterProvider,
  );
  const deliver = createDeliverer({ client: opts.client, config, stats, metrics });
  const abort = new AbortController();
  setMaxListeners(0, abort.signal); // one listener per in-flight upload/backoff wait
  const direct = new Set<Promise<void>>();
  let shutdownPromise: Promise<void> | undefined;

  const drop = (reason: DropReason, n: number, error?: unknown) => {
    stats.dropped(reason, n, error);
    metrics.sendFailed(n, reason);
  };
  const run = (work: Work): Promise<void> =>
    context.with(suppressTracing(context.active()), async () => {
      const outcome = await deliver(work.req, abort.signal);
      stats.pending(-work.req.items);
      work.done(outcome);
    });
  const queue: SendingQueue<Work> | undefined = q.enabled
    ? createSendingQueue<Work>({
        queueSize: q.queueSize,
        sizeOf: (w) => (q.sizer === 'items' ? w.req.items : 1),
        numConsumers: q.numConsumers,
        blockOnOverflow: q.blockOnOverflow,
        consume: run,
      })
    : undefined;

  const settleDirect = async (timeoutMs: number): Promise<boolean> => {
    if (direct.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref?.();
    });
    const all = Promise.allSettled([...direct]).then(() => true as const);
    const result = await Promise.race([all, timeout]);
    clearTimeout(timer);
    return result;
  };
  const drain = async (timeoutMs: number): Promise<boolean> => {
    const started = Date.now();
    const queued = queue ? await queue.drain(timeoutMs) : true;
    return (await settleDirect(Math.max(0, timeoutMs - (Date.now() - started)))) && queued;
  };

  const failed = (error: Error): ExportResult => ({ code: ExportResultCode.FAILED, error });
  const safe = (cb: (r: ExportResult) => void, r: ExportResult) => {
    try {
      cb(r);
    } catch (err) {
      log.error('export result callback threw', err);
    }
  };
  const toResult = (o: DeliveryOutcome): ExportResult =>
    o.dropped === 0
      ? { code: ExportResultCode.SUCCESS }
      : failed(o.error ?? new Error(`${o.dropped} record(s) not delivered`));

  return {
    export(records, resultCallback) {
      const n = records.length;
      stats.received(n);
      metrics.received(n);
      if (shutdownPromise) {
        drop('shutdown', n, 'Geneva exporter is shut down');
        return safe(resultCallback, failed(new Error('Geneva exporter is shut down')));
      }
      if (n === 0) return safe(resultCallback, { code: ExportResultCode.SUCCESS });
      let req: QueuedRequest;
      try {
        req = opts.toRequest(records);
      } catch (err) {
        log.warn(`could not convert ${n} ${opts.signal} records`, err);
        drop('convert_error', n, err);
        return safe(resultCallback, failed(err instanceof Error ? err : new Error(String(err))));
      }
      stats.pending(n);
      const waitForResult = !queue || q.waitForResult;
      const work: Work = { req, done: (o) => waitForResult && safe(resultCallback, toResult(o)) };
      if (!queue) {
        const p = run(work).finally(() => direct.delete(p));
        direct.add(p);
        return;
      }
      void queue.offer(work).then((res) => {
        if (res === 'accepted') {
          if (!waitForResult) safe(resultCallback, { code: ExportResultCode.SUCCESS });
          return;
        }
        stats.pending(-n);
        const reason: DropReason = res === 'full' ? 'queue_full' : 'shutdown';
        drop(reason, n, res === 'full' ? 'sending queue is full' : 'Geneva exporter is shut down');
        if (res === 'full')
          log.warn(
            `sending queue is full (${queue.size()}/${queue.capacity} ${q.sizer}), dropping ${n} ${opts.signal} records`,
          );
        safe(
          resultCallback,
          failed(new Error(res === 'full' ? 'sending queue is full' : 'Geneva exporter is shut down')),
        );
      });
    },

    async forceFlush() {
      const timeoutMs = opts.flushTimeoutMs ?? 30_000;
      if (!(await drain(timeoutMs))) {
        log.warn(
          `forceFlush: ${stats.snapshot().pending} ${opts.signal} records still pending after ${timeoutMs} ms`,
        );
      }
    },

    shutdown() {
      shutdownPromise ??= (async () => {
        const timeoutMs = opts.shutdownTimeoutMs ?? 30_000;
        const drained = await drain(timeoutMs);
        for (const work of queue?.close() ?? []) {
          stats.pending(-work.req.items);
          drop('shutdown', work.req.items, 'the exporter shut down before this request was sent');
          work.done({ sent: 0, dropped: work.req.items, error: new Error('Geneva exporter is shut down') });
        }
        if (!drained) {
          abort.abort(new Error('Geneva exporter shutdown deadline reached'));
          await drain(1000);
        }
        await opts.client.close().catch((err: unknown) => log.warn('closing the Geneva client failed', err));
        const s = stats.snapshot();
        if (s.droppedTotal > 0 || s.pending > 0) {
          log.warn(
            `shutdown: ${s.sent} ${opts.signal} records sent, ${s.droppedTotal} dropped (${Object.entries(
              s.dropped,
            )
              .filter(([, n]) => n > 0)
              .map(([reason, n]) => `${reason}: ${n}`)
              .join(', ')})${s.pending > 0 ? `, ${s.pending} still pending` : ''}`,
          );
        }
      })();
      return shutdownPromise;
    },

    stats: () => stats.snapshot(),
  };
}
