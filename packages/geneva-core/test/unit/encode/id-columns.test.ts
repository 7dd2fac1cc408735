import { describe, expect, it } from 'vitest';
import { createBondWriter } from '../../../src/encode/bond-writer.js';
import { writeIdColumn } from '../../../src/encode/id-columns.js';
import type { RecordContext } from '../../../src/encode/record-context.js';

function context(): { ctx: RecordContext; warnings: string[] } {
  const warnings: string[] = [];
  const ctx: RecordContext = {
    head: new Uint8Array(0),
    tail: new Uint8Array(0),
    row: createBondWriter(),
    names: [],
    types: [],
    spanEndTime: false,
    warn: (code, message) => warnings.push(`${code}: ${message}`),
  };
  return { ctx, warnings };
}

/** The Bond STRING bytes of `s` (u32 length + ASCII). */
function bondString(s: string): string {
  const len = Buffer.alloc(4);
  len.writeUInt32LE(s.length);
  return len.toString('hex') + Buffer.from(s).toString('hex');
}

describe('writeIdColumn', () => {
  it('writes plain and normalized ids as lowercase hex', () => {
    const { ctx, warnings } = context();
    const w = createBondWriter();
    expect(writeIdColumn(w, '00f067aa0ba902b7', 8, 'spanId', ctx)).toBe(true);
    expect(writeIdColumn(w, '00F067AA0BA902B7', 8, 'spanId', ctx)).toBe(true);
    expect(
      writeIdColumn(w, Buffer.from('00f067aa0ba902b7', 'hex').toString('base64'), 8, 'spanId', ctx),
    ).toBe(true);
    expect(Buffer.from(w.view()).toString('hex')).toBe(bondString('00f067aa0ba902b7').repeat(3));
    expect(warnings).toEqual([]);
  });

  it('writes nothing for an absent id and warns for a wrong length or garbage', () => {
    const { ctx, warnings } = context();
    const w = createBondWriter();
    expect(writeIdColumn(w, undefined, 8, 'spanId', ctx)).toBe(false);
    expect(writeIdColumn(w, '0102', 8, 'parentSpanId', ctx)).toBe(false);
    expect(writeIdColumn(w, 'not hex!', 16, 'traceId', ctx)).toBe(false);
    expect(w.length).toBe(0);
    expect(warnings).toEqual([
      'GENEVA_WARN_INVALID_ID: parentSpanId omitted: 2 bytes, expected 8',
      'GENEVA_WARN_INVALID_ID: traceId omitted: neither hex nor base64: "not hex!"',
    ]);
  });
});
