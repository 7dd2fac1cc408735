// --print: arriving rows as a readable table, one block per upload.
import type { ReceivedEvent } from '../types.js';

const MAX_CELL = 40;

function cell(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const flat = text.replace(/[\r\n\t]/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

/** Formats rows that share namespace and event name as an aligned text table. */
export function formatTable(events: ReceivedEvent[]): string {
  if (events.length === 0) return '';
  const first = events[0]!;
  const columns = [...new Set(events.flatMap((e) => e.schema.columns.map((c) => c.name)))];
  const header = ['level', ...columns];
  const rows = events.map((e) => [
    String(e.level),
    ...columns.map((c) => (c in e.values ? cell(e.values[c]) : '')),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  const title = `${first.namespace}/${first.eventName}: ${events.length} row(s)${first.ticket ? ` ticket ${first.ticket}` : ''}`;
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line), ''].join(
    '\n',
  );
}

export function createPrintSink(out: NodeJS.WritableStream): (events: ReceivedEvent[]) => void {
  return (events) => {
    if (events.length > 0) out.write(`${formatTable(events)}\n`);
  };
}
