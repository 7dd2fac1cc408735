import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ByteReader } from '../../../src/decode/byte-reader.js';
import { parseSchemaBody } from '../../../src/decode/schema-parser.js';
import { encodeSchema, encodeSchemaBytes } from '../../../src/encode/bond-schema.js';
import { BondType } from '../../../src/encode/bond-types.js';

/** Size per 0.4.0's `calculate_exact_encoded_size`: 80 fixed + names + 54 per field + 8 between fields. */
function expectedSize(struct: string, qualified: string, names: string[]): number {
  const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
  let n = 80 + 4 + utf8(struct) + 4 + utf8(qualified);
  names.forEach((name, i) => {
    n += 54 + 4 + utf8(name) + (i < names.length - 1 ? 8 : 0);
  });
  return n;
}

describe('Bond schema bytes', () => {
  it('starts with SP v1, one struct, then the names', () => {
    const b = encodeSchemaBytes('OtlpLogRecord', 'telemetry.OtlpLogRecord', [
      { name: 'env_name', type: BondType.STRING },
    ]);
    expect([...b.subarray(0, 8)]).toEqual([0x53, 0x50, 0x01, 0x00, 1, 0, 0, 0]);
    expect(Buffer.from(b).readUInt32LE(8)).toBe(13);
    expect(Buffer.from(b.subarray(12, 25)).toString()).toBe('OtlpLogRecord');
  });

  it.each([[[]], [['a']], [['env_name', 'env_ver', 'timestamp']], [['ünïcødé', '🚀', '']]])(
    'has the exact 0.4.0 size and parses back (%j)',
    (names: string[]) => {
      const fields = names.map((name, i) => ({ name, type: i % 2 ? BondType.INT64 : BondType.STRING }));
      const b = encodeSchemaBytes('S', 'ns.S', fields);
      expect(b.length).toBe(expectedSize('S', 'ns.S', names));
      const parsed = parseSchemaBody(new ByteReader(b));
      expect(parsed.structName).toBe('S');
      expect(parsed.qualifiedName).toBe('ns.S');
      expect(parsed.fields).toEqual(
        fields.map((f, i) => ({ id: i + 1, name: f.name, type: i % 2 ? 'INT64' : 'STRING' })),
      );
    },
  );

  it('places field id (u16) and type id (u8) 41 bytes after the empty qualified name', () => {
    const b = Buffer.from(
      encodeSchemaBytes('S', 'n.S', [
        { name: 'x', type: BondType.DOUBLE },
        { name: 'y', type: BondType.BOOL },
      ]),
    );
    const firstField = 8 + 5 + 7 + 45 + 4; // header, names, struct metadata, field count
    expect(b.readUInt32LE(firstField)).toBe(1);
    expect(b.toString('utf8', firstField + 4, firstField + 5)).toBe('x');
    const idAt = firstField + 5 + 4 + 41;
    expect(b.readUInt16LE(idAt)).toBe(1);
    expect(b[idAt + 2]).toBe(BondType.DOUBLE);
    const second = idAt + 3 + 6 + 8;
    expect(b.toString('utf8', second + 4, second + 5)).toBe('y');
    expect(b.readUInt16LE(second + 5 + 4 + 41)).toBe(2);
    expect(b[b.length - 15]).toBe(BondType.STRUCT);
  });

  it('identifies schemas by the md5 of their bytes', () => {
    const s = encodeSchema('S', 'n.S', [{ name: 'x', type: BondType.STRING }]);
    expect(s.md5Hex).toBe(createHash('md5').update(s.bytes).digest('hex'));
    expect(Buffer.from(s.md5).toString('hex')).toBe(s.md5Hex);
  });
});
