import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/model/model-error.js';
import { compareTime, diffNanos, toUnixTime } from '../../../src/model/time.js';

describe('u64 nanosecond times', () => {
  it('reads strings, numbers, bigints and long bits alike', () => {
    const want = { s: 1700000000, ns: 123456789 };
    const n = 1700000000123456789n;
    expect(toUnixTime('1700000000123456789', 't')).toEqual(want);
    expect(toUnixTime(n, 't')).toEqual(want);
    expect(toUnixTime({ low: Number(n & 0xffffffffn) | 0, high: Number(n >> 32n) }, 't')).toEqual(want);
    expect(toUnixTime(1_000_000_001, 't')).toEqual({ s: 1, ns: 1 });
    expect(toUnixTime('18446744073709551615', 't')).toEqual({ s: 18446744073, ns: 709551615 });
    expect(toUnixTime(undefined, 't')).toEqual({ s: 0, ns: 0 });
    expect(toUnixTime('', 't')).toEqual({ s: 0, ns: 0 });
  });

  it.each(['-1', '1.5', 'abc', '18446744073709551616', -1, 1.5, Number.NaN, {}, true])('rejects %j', (v) => {
    expect(() => toUnixTime(v, 'timeUnixNano')).toThrow(ModelError);
    expect(() => toUnixTime(v, 'timeUnixNano')).toThrow(/timeUnixNano/);
  });

  it('compares and subtracts', () => {
    const a = toUnixTime('1999999999', 'a');
    const b = toUnixTime('2000000001', 'b');
    expect(compareTime(a, b)).toBeLessThan(0);
    expect(diffNanos(a, b)).toBe(2n);
  });
});
