import { describe, expect, it } from 'vitest';
import { formatBatchTime, formatRowTimestamp } from '../../../src/encode/timestamps.js';
import { toUnixTime } from '../../../src/model/time.js';

const t = (ns: string) => toUnixTime(ns, 't');

describe('row timestamps (chrono to_rfc3339)', () => {
  it.each([
    ['0', '1970-01-01T00:00:00+00:00'],
    ['1700000000000000000', '2023-11-14T22:13:20+00:00'],
    ['1700000000100000000', '2023-11-14T22:13:20.100+00:00'],
    ['1700000000123000000', '2023-11-14T22:13:20.123+00:00'],
    ['1700000000123400000', '2023-11-14T22:13:20.123400+00:00'],
    ['1700000000000001000', '2023-11-14T22:13:20.000001+00:00'],
    ['1700000000000000001', '2023-11-14T22:13:20.000000001+00:00'],
    ['1700000000123456789', '2023-11-14T22:13:20.123456789+00:00'],
    ['951782400000000000', '2000-02-29T00:00:00+00:00'],
    ['4102444799999999999', '2099-12-31T23:59:59.999999999+00:00'],
    ['18446744073709551615', '2554-07-21T23:34:33.709551615+00:00'],
  ])('%s → %s', (ns, expected) => {
    expect(formatRowTimestamp(t(ns))).toBe(expected);
  });

  it('agrees with Date for random instants', () => {
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(Math.random() * 8.0e12);
      const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
      const got = formatRowTimestamp(toUnixTime(BigInt(ms) * 1_000_000n, 't'));
      const frac = ms % 1000 === 0 ? '' : `.${iso.slice(20, 23)}`;
      expect(got).toBe(`${iso.slice(0, 19)}${frac}+00:00`);
    }
  });
});

describe('batch times (7 fractional digits)', () => {
  it.each([
    ['0', '1970-01-01T00:00:00.0000000Z'],
    ['1700000000123456789', '2023-11-14T22:13:20.1234567Z'],
    ['1700000000000000099', '2023-11-14T22:13:20.0000000Z'],
    ['1700000000999999999', '2023-11-14T22:13:20.9999999Z'],
  ])('%s → %s', (ns, expected) => {
    expect(formatBatchTime(t(ns))).toBe(expected);
  });
});
