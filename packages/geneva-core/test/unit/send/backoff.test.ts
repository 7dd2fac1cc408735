import { describe, expect, it, vi } from 'vitest';
import {
  type BackoffPolicy,
  nextDelayMs,
  RetryStoppedError,
  retryWithBackoff,
  sleep,
  validateBackoffPolicy,
} from '../../../src/send/backoff.js';
import { isRetryable, PermanentError, RetryableError } from '../../../src/send/errors.js';

const collectorDefaults: BackoffPolicy = {
  initialIntervalMs: 5_000,
  randomizationFactor: 0.5,
  multiplier: 1.5,
  maxIntervalMs: 30_000,
  maxElapsedTimeMs: 300_000,
};
const retryable = () => new RetryableError('GENEVA_ERR_HTTP_STATUS', 'HTTP 503', { status: 503 });

describe('nextDelayMs', () => {
  it('grows by the multiplier and caps at the max interval', () => {
    const mid = () => 0.5; // no jitter at the midpoint
    expect([0, 1, 2, 3, 4, 5, 10].map((i) => nextDelayMs(collectorDefaults, i, mid))).toEqual([
      5000, 7500, 11250, 16875, 25313, 30000, 30000,
    ]);
  });

  it('randomizes within ± randomizationFactor of the interval', () => {
    expect(nextDelayMs(collectorDefaults, 0, () => 0)).toBe(2500);
    expect(nextDelayMs(collectorDefaults, 0, () => 0.999999)).toBe(7500);
    expect(nextDelayMs(collectorDefaults, 10, () => 0)).toBe(15000);
    expect(nextDelayMs({ ...collectorDefaults, randomizationFactor: 0 }, 1, Math.random)).toBe(7500);
  });
});

describe('validateBackoffPolicy', () => {
  it('names the bad field', () => {
    expect(() => validateBackoffPolicy({ ...collectorDefaults, randomizationFactor: 1.5 })).toThrow(
      /'randomizationFactor' must be within \[0, 1\]/,
    );
    expect(() => validateBackoffPolicy({ ...collectorDefaults, initialIntervalMs: -1 })).toThrow(
      /'initialIntervalMs'/,
    );
    expect(() => validateBackoffPolicy({ ...collectorDefaults, maxRetries: 1.5 })).toThrow(/'maxRetries'/);
  });
});

describe('retryWithBackoff', () => {
  const policy: BackoffPolicy = { ...collectorDefaults, randomizationFactor: 0 };

  function fakeClock() {
    let t = 0;
    const waits: number[] = [];
    return {
      now: () => t,
      sleep: async (ms: number) => {
        waits.push(ms);
        t += ms;
      },
      waits,
    };
  }

  it('retries retryable errors with growing delays until success', async () => {
    const clock = fakeClock();
    const fn = vi.fn(async (attempt: number) => {
      if (attempt < 3) throw retryable();
      return 'ok';
    });
    await expect(retryWithBackoff(fn, policy, clock)).resolves.toBe('ok');
    expect(clock.waits).toEqual([5000, 7500, 11250]);
    expect(fn).toHaveBeenCalledTimes(4);
  });

  it('rethrows a permanent error unchanged, without waiting', async () => {
    const clock = fakeClock();
    const err = new PermanentError('GENEVA_ERR_HTTP_STATUS', 'HTTP 400', { status: 400 });
    await expect(retryWithBackoff(async () => Promise.reject(err), policy, clock)).rejects.toBe(err);
    expect(clock.waits).toEqual([]);
  });

  it('stops at maxRetries with a retryable RetryStoppedError carrying the cause', async () => {
    const clock = fakeClock();
    const last = retryable();
    const p = retryWithBackoff(async () => Promise.reject(last), { ...policy, maxRetries: 2 }, clock);
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryStoppedError);
    expect(err).toMatchObject({
      reason: 'max_retries',
      attempts: 3,
      cause: last,
      code: 'GENEVA_ERR_RETRIES_EXHAUSTED',
    });
    expect(isRetryable(err)).toBe(true); // an outer retry layer may still retry the batch
    expect(clock.waits).toEqual([5000, 7500]);
  });

  it('stops before the next delay would pass maxElapsedTimeMs', async () => {
    const clock = fakeClock();
    const p = retryWithBackoff(
      async () => Promise.reject(retryable()),
      { ...policy, maxElapsedTimeMs: 20_000 },
      clock,
    );
    await expect(p).rejects.toMatchObject({ reason: 'max_elapsed_time', attempts: 3 });
    // 5000 + 7500 = 12500 elapsed; the next 11250 would reach 23750 > 20000.
    expect(clock.waits).toEqual([5000, 7500]);
  });

  it('lets a longer Retry-After win and keeps the computed delay when it is shorter', async () => {
    const clock = fakeClock();
    let n = 0;
    const fn = async () => {
      n++;
      if (n === 1)
        throw new RetryableError('GENEVA_ERR_THROTTLED', '429', { status: 429, retryAfterMs: 9_000 });
      if (n === 2)
        throw new RetryableError('GENEVA_ERR_THROTTLED', '429', { status: 429, retryAfterMs: 1_000 });
      return n;
    };
    await expect(retryWithBackoff(fn, policy, clock)).resolves.toBe(3);
    expect(clock.waits).toEqual([9000, 7500]);
  });

  it('reports each retry through onRetry', async () => {
    const clock = fakeClock();
    const seen: Array<[number, number]> = [];
    await retryWithBackoff(
      async (a) => {
        if (a < 2) throw retryable();
      },
      policy,
      { ...clock, onRetry: ({ attempt, delayMs }) => seen.push([attempt, delayMs]) },
    );
    expect(seen).toEqual([
      [1, 5000],
      [2, 7500],
    ]);
  });

  it('an AbortSignal cancels the wait (real timers, fake clock)', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const fn = vi.fn(async () => Promise.reject(retryable()));
      const p = retryWithBackoff(fn, policy, { signal: controller.signal });
      const outcome = p.catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1_000);
      controller.abort(new Error('shutdown'));
      const err = await outcome;
      expect(err).toMatchObject({ reason: 'aborted', code: 'GENEVA_ERR_ABORTED', retryable: false });
      expect(fn).toHaveBeenCalledTimes(1);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('sleep', () => {
  it('waits on a ref’d timer: a pending retry keeps the process alive; abort clears it', async () => {
    const timers: NodeJS.Timeout[] = [];
    const real = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const t = real(fn, ms);
      timers.push(t);
      return t;
    }) as typeof setTimeout);
    try {
      const c = new AbortController();
      const p = sleep(60_000, c.signal);
      expect(timers).toHaveLength(1);
      expect(timers[0]?.hasRef()).toBe(true); // an unref'd backoff let Node exit mid-retry, losing data
      c.abort(new Error('shutdown'));
      await expect(p).rejects.toThrow('shutdown');
      await sleep(1); // a short real sleep resolves
    } finally {
      spy.mockRestore();
    }
  });

  it('resolves after the delay and rejects with the abort reason', async () => {
    vi.useFakeTimers();
    try {
      const done = vi.fn();
      void sleep(100).then(done);
      await vi.advanceTimersByTimeAsync(99);
      expect(done).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toHaveBeenCalled();
      const c = new AbortController();
      const p = sleep(1000, c.signal);
      c.abort(new Error('stop'));
      await expect(p).rejects.toThrow('stop');
    } finally {
      vi.useRealTimers();
    }
  });
});
