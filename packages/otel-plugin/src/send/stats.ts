/** Plain delivery counters of one exporter (`exporter.stats()`), for the CLI, e2e tests and debugging. */

/** Why records were not delivered. Every received record ends up sent or counted under one of these. */
export type DropReason =
  | 'queue_full'
  | 'permanent_error'
  | 'retries_exhausted'
  | 'shutdown'
  | 'encode_rejected'
  | 'convert_error';

export const DROP_REASONS: readonly DropReason[] = [
  'queue_full',
  'permanent_error',
  'retries_exhausted',
  'shutdown',
  'encode_rejected',
  'convert_error',
];

/** A snapshot of an exporter's counters (records are log records or spans). */
export interface ExporterStats {
  /** Records handed to `export()`. */
  received: number;
  /** Records in batches the gateway accepted. */
  sent: number;
  /** Records not delivered, by reason. */
  dropped: Record<DropReason, number>;
  /** Sum of `dropped`. */
  droppedTotal: number;
  /** Records queued or in flight right now. */
  pending: number;
  batchesSent: number;
  batchesFailed: number;
  /** Re-uploads of a single batch (`batch_retry`). */
  batchRetries: number;
  /** Whole-export retry rounds (`retry_on_failure`). */
  exportRetries: number;
}

/** Mutable counters behind {@link ExporterStats}. */
export interface StatsRecorder {
  received(n: number): void;
  sent(n: number): void;
  dropped(reason: DropReason, n: number): void;
  batch(ok: boolean): void;
  batchRetry(): void;
  exportRetry(): void;
  pending(delta: number): void;
  snapshot(): ExporterStats;
}

/** A fresh set of zeroed counters. */
export function createStatsRecorder(): StatsRecorder {
  const s: ExporterStats = {
    received: 0,
    sent: 0,
    dropped: Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>,
    droppedTotal: 0,
    pending: 0,
    batchesSent: 0,
    batchesFailed: 0,
    batchRetries: 0,
    exportRetries: 0,
  };
  return {
    received: (n) => {
      s.received += n;
    },
    sent: (n) => {
      s.sent += n;
    },
    dropped: (reason, n) => {
      s.dropped[reason] += n;
      s.droppedTotal += n;
    },
    batch: (ok) => {
      if (ok) s.batchesSent++;
      else s.batchesFailed++;
    },
    batchRetry: () => {
      s.batchRetries++;
    },
    exportRetry: () => {
      s.exportRetries++;
    },
    pending: (delta) => {
      s.pending += delta;
    },
    snapshot: () => ({ ...s, dropped: { ...s.dropped } }),
  };
}
