import { describe, expect, it } from 'vitest';
import { parseGoDurationMs } from '../../../src/runtime/duration.js';

describe('parseGoDurationMs', () => {
  it.each([
    ['200ms', 200],
    ['1s', 1000],
    ['1.5s', 1500],
    ['1m30s', 90_000],
    ['2h', 7_200_000],
    ['500us', 0.5],
    ['0', 0],
  ])('%s → %d ms', (text, ms) => expect(parseGoDurationMs(text)).toBe(ms));

  it.each(['', '5', 'abc', '1x', '-1s', '1s '])('rejects %j', (text) =>
    expect(parseGoDurationMs(text)).toBeUndefined(),
  );
});
