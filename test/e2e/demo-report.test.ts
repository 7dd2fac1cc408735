// The demo's exactly-once verdict: it must name what is missing, duplicated or unexpected.
import { describe, expect, it } from 'vitest';

type Row = { namespace: string; eventName: string; values: Record<string, unknown> };
type Check = (
  emitted: { logs: string[]; events: string[]; spans: string[] },
  rows: Row[],
) => { ok: boolean; lines: string[] };
// A plain .mjs module of the examples workspace (no type declarations).
const reportModule = new URL('../../examples/demo/report.mjs', import.meta.url).href;
const { checkExactlyOnce } = (await import(reportModule)) as { checkExactlyOnce: Check };

const row = (eventName: string, id?: string): Row => ({
  namespace: 'GenevaOtelDemo',
  eventName,
  values: id === undefined ? {} : { 'demo.request_id': id },
});

describe('demo exactly-once check', () => {
  it('passes when each emitted id arrived once per event', () => {
    const result = checkExactlyOnce({ logs: ['a', 'b'], events: ['a'], spans: ['a', 'b'] }, [
      row('Log', 'a'),
      row('Log', 'b'),
      row('CheckoutCompleted', 'a'),
      row('Span', 'b'),
      row('Span', 'a'),
    ]);
    expect(result.ok).toBe(true);
    expect(result.lines.every((l) => l.includes('OK'))).toBe(true);
  });

  it('names missing, duplicated, unexpected and id-less rows, and unknown events', () => {
    const result = checkExactlyOnce({ logs: ['a', 'b', 'c'], events: ['a'], spans: ['a'] }, [
      row('Log', 'a'),
      row('Log', 'a'),
      row('Log', 'x'),
      row('Log'),
      row('CheckoutCompleted', 'a'),
      row('Span', 'a'),
      row('Mystery', 'a'),
    ]);
    expect(result.ok).toBe(false);
    const text = result.lines.join('\n');
    expect(text).toContain('FAIL log records: emitted 3, received 4 (event Log)');
    expect(text).toContain('missing 2: b, c');
    expect(text).toContain('duplicated 1: a x2');
    expect(text).toContain('not emitted by the service 1: x');
    expect(text).toContain('1 row(s) without a demo.request_id column');
    expect(text).toContain('FAIL unexpected event Mystery: 1 row(s)');
  });

  it('fails when the service emitted nothing at all', () => {
    const result = checkExactlyOnce({ logs: [], events: [], spans: [] }, []);
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toContain('nothing was emitted');
  });
});
