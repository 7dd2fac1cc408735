import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../src/output/print-table.js';
import type { ReceivedEvent } from '../../../src/types.js';

const event = (values: ReceivedEvent['values']): ReceivedEvent => ({
  namespace: 'ns',
  eventName: 'Log',
  level: 9,
  metadata: '',
  schema: {
    md5: '0'.repeat(32),
    structName: 'S',
    columns: Object.keys(values).map((name) => ({ name, type: 'string' })),
  },
  values,
  ticket: 't-1',
  requestId: 1,
  receivedAt: '2026-01-01T00:00:00.000Z',
});

describe('formatTable', () => {
  it('aligns columns, shows bigint and booleans, shortens long and multi-line cells', () => {
    const text = formatTable([
      event({ body: 'hi', n: 12345678901234567890n, ok: true }),
      event({ body: `a\nb${'x'.repeat(60)}`, n: 1n, ok: false }),
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('ns/Log: 2 row(s) ticket t-1');
    expect(lines[1]).toMatch(/^level \| body +\| n +\| ok$/);
    expect(lines[3]).toMatch(/^9 +\| hi +\| 12345678901234567890 \| true$/);
    expect(lines[4]).toContain('a b');
    expect(lines[4]).toContain('…');
    expect(lines[4]!.lastIndexOf('|')).toBe(lines[3]!.lastIndexOf('|'));
  });

  it('returns an empty string for no rows', () => {
    expect(formatTable([])).toBe('');
  });
});
