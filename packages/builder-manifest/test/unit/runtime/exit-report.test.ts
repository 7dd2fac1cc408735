import { describe, expect, it } from 'vitest';
import { dropSummaryLines, pendingRecords, timeoutMessage } from '../../../src/runtime/exit-report.js';
import type { PipelinesHandle } from '../../../src/runtime/start-pipelines.js';

const handleWith = (exporters: { id: string; signal: string; exporter: object }[]) =>
  ({ pipelines: { exporters } }) as unknown as PipelinesHandle;

describe('exit report', () => {
  const stats = (pending: number, dropped: Record<string, number>) => () => ({
    pending,
    dropped,
    droppedTotal: Object.values(dropped).reduce((a, b) => a + b, 0),
  });
  const handle = handleWith([
    {
      id: 'azuregigwarm',
      signal: 'logs',
      exporter: { stats: stats(2, { retries_exhausted: 3, queue_full: 1 }) },
    },
    { id: 'azuregigwarm', signal: 'traces', exporter: { stats: stats(1, {}) } },
    { id: 'otlp', signal: 'logs', exporter: {} }, // no stats(): skipped
    {
      id: 'broken',
      signal: 'logs',
      exporter: {
        stats: () => {
          throw new Error('x');
        },
      },
    },
  ]);

  it('sums pending records and prints one line per exporter that dropped, with counts per reason', () => {
    expect(pendingRecords(handle)).toBe(3);
    expect(dropSummaryLines(handle)).toEqual([
      'exporter azuregigwarm (logs): 4 record(s) NOT delivered: retries_exhausted=3, queue_full=1',
    ]);
  });

  it('the timeout message says what happens next', () => {
    expect(timeoutMessage(200, 'signal', 2)).toBe(
      'flush did not finish within 200 ms; exiting now: 2 record(s) still queued or in flight are lost',
    );
    expect(timeoutMessage(200, 'beforeExit', 2)).toMatch(
      /^flush did not finish within 200 ms; still delivering 2 record\(s\) in the background; the process stays up/,
    );
  });
});
