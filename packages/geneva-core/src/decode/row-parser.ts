import type { ByteReader } from './byte-reader.js';
import type { DecodedField, DecodedValue } from './types.js';

/** Reads one Bond simple-binary row (after the SP header) up to `r.end` exactly. */
export function parseRow(r: ByteReader, fields: readonly DecodedField[]): Record<string, DecodedValue> {
  const values: Record<string, DecodedValue> = {};
  for (const f of fields) {
    const what = `column ${JSON.stringify(f.name)} (${f.type})`;
    let v: DecodedValue;
    switch (f.type) {
      case 'BOOL': {
        const at = r.pos;
        const b = r.u8(what);
        if (b > 1) r.fail(`${what} holds ${b}, expected 0 or 1`, at);
        v = b === 1;
        break;
      }
      case 'UINT8':
        v = r.u8(what);
        break;
      case 'UINT16':
        v = r.u16(what);
        break;
      case 'UINT32':
        v = r.u32(what);
        break;
      case 'UINT64':
        v = r.u64(what);
        break;
      case 'INT8':
        v = r.i8(what);
        break;
      case 'INT16':
        v = r.i16(what);
        break;
      case 'INT32':
        v = r.i32(what);
        break;
      case 'INT64':
        v = r.i64(what);
        break;
      case 'FLOAT':
        v = r.f32(what);
        break;
      case 'DOUBLE':
        v = r.f64(what);
        break;
      case 'STRING':
        v = r.utf8String(what);
        break;
      case 'WSTRING': {
        const units = r.u32(`${what} length`);
        if (units > r.remaining / 2) r.fail(`${what} length ${units} exceeds the row`, r.pos - 4);
        v = r.utf16le(units * 2, what);
        break;
      }
      default:
        return r.fail(`${what} cannot be read in a row`);
    }
    values[f.name] = v;
  }
  if (r.remaining !== 0) r.fail(`${r.remaining} bytes left in the row after the last column`);
  return values;
}
