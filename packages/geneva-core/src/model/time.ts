import { ModelError } from './model-error.js';

/** A point in time split into whole seconds and nanoseconds since the Unix epoch (u64 range). */
export interface UnixTime {
  readonly s: number;
  readonly ns: number;
}

export const ZERO_TIME: UnixTime = Object.freeze({ s: 0, ns: 0 });
const U64_MAX = 18446744073709551615n;
const U64_MAX_STR = '18446744073709551615';

/**
 * Normalizes a `fixed64` nanosecond timestamp given as a decimal string, number, bigint or long bits.
 * Absent → 0. Negative, fractional, non-numeric or above u64 → ModelError naming `what`.
 */
export function toUnixTime(value: unknown, what: string): UnixTime {
  if (value === undefined || value === null) return ZERO_TIME;
  if (typeof value === 'string') return fromDecimal(value, what);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) throw new ModelError(`${what} is not a u64 number: ${value}`);
    if (value <= Number.MAX_SAFE_INTEGER) {
      const s = Math.floor(value / 1e9);
      return { s, ns: value - s * 1e9 };
    }
    return fromBigInt(BigInt(value), what);
  }
  if (typeof value === 'bigint') return fromBigInt(value, what);
  if (typeof value === 'object' && typeof (value as { low?: unknown }).low === 'number') {
    const { low, high } = value as { low: number; high: number };
    if (typeof high !== 'number') throw new ModelError(`${what} has no numeric 'high' half`);
    return fromBigInt((BigInt(high >>> 0) << 32n) | BigInt(low >>> 0), what);
  }
  throw new ModelError(`${what} has an unsupported type (${typeof value})`);
}

function fromDecimal(str: string, what: string): UnixTime {
  const len = str.length;
  if (len === 0) return ZERO_TIME;
  if (len > 20 || (len === 20 && str > U64_MAX_STR)) throw notU64(str, what);
  // One pass: digits before the last nine are seconds (< 2^64 / 1e9, exact in a double), the rest nanoseconds.
  const split = len - 9;
  let s = 0;
  let ns = 0;
  for (let i = 0; i < len; i++) {
    const d = str.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw notU64(str, what);
    if (i < split) s = s * 10 + d;
    else ns = ns * 10 + d;
  }
  return { s, ns };
}

function notU64(str: string, what: string): ModelError {
  return new ModelError(`${what} is not a u64 decimal string: ${JSON.stringify(str.slice(0, 40))}`);
}

function fromBigInt(v: bigint, what: string): UnixTime {
  if (v < 0n || v > U64_MAX) throw new ModelError(`${what} is outside the u64 range: ${v}`);
  return { s: Number(v / 1_000_000_000n), ns: Number(v % 1_000_000_000n) };
}

export function isZeroTime(t: UnixTime): boolean {
  return t.s === 0 && t.ns === 0;
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareTime(a: UnixTime, b: UnixTime): number {
  return a.s !== b.s ? a.s - b.s : a.ns - b.ns;
}

/** `b - a` in nanoseconds as a bigint. */
export function diffNanos(a: UnixTime, b: UnixTime): bigint {
  return BigInt(b.s - a.s) * 1_000_000_000n + BigInt(b.ns - a.ns);
}
