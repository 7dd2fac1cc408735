/**
 * Exponential backoff with the semantics of the OpenTelemetry Collector's `retry_on_failure`
 * (configretry + cenkalti/backoff): interval = initial × multiplier^n capped at max, randomized by
 * ± randomizationFactor, give up when the next delay would pass `maxElapsedTimeMs`, and a server
 * `Retry-After` wins when it is longer than the computed delay.
 */
import { GenevaError, isRetryable, retryAfterMs } from './errors.js';

/** Backoff settings. All durations in milliseconds. */
export interface BackoffPolicy {
  /** Delay before the first retry. */
  initialIntervalMs: number;
  /** Cap of the (un-randomized) interval. */
  maxIntervalMs: number;
  /** Growth factor between retries (≥ 1 for growth; 1 = constant). */
  multiplier: number;
  /** Jitter: the delay is drawn from interval × [1 − f, 1 + f]. Within [0, 1]. */
  randomizationFactor: number;
  /** Give up when the elapsed time plus the next delay exceeds this; 0 = unlimited. */
  maxElapsedTimeMs: number;
  /** Optional cap on the number of retries (attempts − 1). */
  maxRetries?: number;
}

/** Why {@link retryWithBackoff} gave up on a retryable error. */
export type RetryStopReason = 'max_retries' | 'max_elapsed_time' | 'aborted';

/**
 * Thrown by {@link retryWithBackoff} when it gives up. `cause` is the last error; `retryable`
 * mirrors it, so an outer retry layer can still retry a batch whose inner retries ran out.
 */
export class RetryStoppedError extends GenevaError {
  override readonly retryable: boolean;
  readonly reason: RetryStopReason;
  readonly attempts: number;
  readonly retryAfterMs?: number;

  constructor(reason: RetryStopReason, attempts: number, cause: unknown) {
    const why = {
      max_retries: 'the retry limit was reached',
      max_elapsed_time: 'the maximum elapsed time was reached',
      aborted: 'it was aborted',
    }[reason];
    const last = cause instanceof Error ? cause.message : String(cause);
    super(
      reason === 'aborted' ? 'GENEVA_ERR_ABORTED' : 'GENEVA_ERR_RETRIES_EXHAUSTED',
      `gave up after ${attempts} attempt(s) because ${why}: ${last}`,
      { cause, phase: 'retry' },
    );
    this.name = 'RetryStoppedError';
    this.reason = reason;
    this.attempts = attempts;
    this.retryable = reason !== 'aborted' && isRetryable(cause);
    const after = retryAfterMs(cause);
    if (after !== undefined) this.retryAfterMs = after;
  }
}

/** Checks a policy and throws a `TypeError` naming the bad field. */
export function validateBackoffPolicy(policy: BackoffPolicy): void {
  const nonNegative = ['initialIntervalMs', 'maxIntervalMs', 'multiplier', 'maxElapsedTimeMs'] as const;
  for (const key of nonNegative) {
    const v = policy[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new TypeError(`backoff '${key}' must be a non-negative number, got ${String(v)}`);
    }
  }
  const f = policy.randomizationFactor;
  if (typeof f !== 'number' || !(f >= 0 && f <= 1)) {
    throw new TypeError(`backoff 'randomizationFactor' must be within [0, 1], got ${String(f)}`);
  }
  const r = policy.maxRetries;
  if (r !== undefined && (!Number.isInteger(r) || r < 0)) {
    throw new TypeError(`backoff 'maxRetries' must be a non-negative integer, got ${String(r)}`);
  }
}

/**
 * Delay before retry number `retryIndex` (0 = first retry), in ms.
 * `random` returns a number in [0, 1) (defaults to `Math.random`).
 */
export function nextDelayMs(
  policy: BackoffPolicy,
  retryIndex: number,
  random: () => number = Math.random,
): number {
  const grown = policy.initialIntervalMs * policy.multiplier ** Math.max(0, retryIndex);
  const interval = Math.min(Number.isFinite(grown) ? grown : policy.maxIntervalMs, policy.maxIntervalMs);
  const delta = policy.randomizationFactor * interval;
  const low = interval - delta;
  return Math.max(0, Math.round(low + random() * (2 * delta)));
}

/** Options of {@link retryWithBackoff}. */
export interface RetryOptions {
  /** Cancels the wait between attempts (and no further attempt starts). */
  signal?: AbortSignal;
  /** Which errors to retry; defaults to {@link isRetryable}. */
  shouldRetry?: (err: unknown) => boolean;
  /** Called before each wait. */
  onRetry?: (info: { error: unknown; attempt: number; delayMs: number }) => void;
  /**
   * Sleep function (tests inject a fake). The default uses a ref'd timer: a pending retry of data we
   * hold keeps the process alive, like the collector; pass `signal` to cancel it (e.g. on shutdown).
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock in ms; defaults to `Date.now`. */
  now?: () => number;
  /** Random source in [0, 1); defaults to `Math.random`. */
  random?: () => number;
}

/**
 * Waits `ms` on a ref'd timer (the event loop stays alive while a retry is pending, so a short-lived
 * process cannot exit in the middle of a backoff and lose the data); rejects with the signal's reason
 * when aborted, which also clears the timer.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `fn` until it succeeds, a non-retryable error occurs, or the policy runs out.
 * `fn` receives the attempt number (0 first). A non-retryable error is rethrown unchanged;
 * running out of retries, time or being aborted throws {@link RetryStoppedError} (cause = last error).
 */
export async function retryWithBackoff<T>(
  fn: (attempt: number) => Promise<T>,
  policy: BackoffPolicy,
  options: RetryOptions = {},
): Promise<T> {
  validateBackoffPolicy(policy);
  const { signal, shouldRetry = isRetryable, onRetry, sleep: wait = sleep, now = Date.now, random } = options;
  const started = now();
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw new RetryStoppedError('aborted', attempt, signal.reason);
    try {
      return await fn(attempt);
    } catch (error) {
      const attempts = attempt + 1;
      if (!shouldRetry(error)) throw error; // permanent: surfaced unchanged, like the collector
      if (policy.maxRetries !== undefined && attempt >= policy.maxRetries) {
        throw new RetryStoppedError('max_retries', attempts, error);
      }
      let delayMs = nextDelayMs(policy, attempt, random);
      if (policy.maxElapsedTimeMs > 0 && now() - started + delayMs > policy.maxElapsedTimeMs) {
        throw new RetryStoppedError('max_elapsed_time', attempts, error);
      }
      const throttle = retryAfterMs(error);
      if (throttle !== undefined && throttle > delayMs) delayMs = throttle;
      onRetry?.({ error, attempt: attempts, delayMs });
      try {
        await wait(delayMs, signal);
      } catch (abortReason) {
        throw new RetryStoppedError('aborted', attempts, error ?? abortReason);
      }
    }
  }
}
