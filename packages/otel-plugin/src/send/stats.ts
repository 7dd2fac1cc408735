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
  /**
   * The first error message seen per drop reason (only reasons that had one), e.g.
   * `permanent_error: cannot use client certificate "/x.p12": ...`. Never contains secrets: messages
   * come from our own errors, which never include passwords or tokens.
   */
  firstErrors: Partial<Record<DropReason, string>>;
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
  /** Counts `n` dropped records; `error` (the cause) is kept as the reason's first message if none yet. */
  dropped(reason: DropReason, n: number, error?: unknown): void;
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
    firstErrors: {},
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
    dropped: (reason, n, error) => {
      s.dropped[reason] += n;
      s.droppedTotal += n;
      if (error !== undefined && s.firstErrors[reason] === undefined) {
        s.firstErrors[reason] = errorMessage(error);
      }
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
    snapshot: () => ({ ...s, dropped: { ...s.dropped }, firstErrors: { ...s.firstErrors } }),
  };
}

/** One line of text for an error: its message (with the cause's when it adds something), capped. */
function errorMessage(error: unknown): string {
  let text = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message && !text.includes(cause.message)) {
    text += ` (cause: ${cause.message})`;
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
