import { BondType, bondTypeName } from '../encode/bond-types.js';
import type { ByteReader } from './byte-reader.js';
import type { DecodedField } from './types.js';

export interface ParsedSchemaBody {
  structName: string;
  qualifiedName: string;
  fields: DecodedField[];
}

const ROW_TYPES = new Set<number>([
  BondType.BOOL,
  BondType.UINT8,
  BondType.UINT16,
  BondType.UINT32,
  BondType.UINT64,
  BondType.FLOAT,
  BondType.DOUBLE,
  BondType.STRING,
  BondType.INT8,
  BondType.INT16,
  BondType.INT32,
  BondType.INT64,
  BondType.WSTRING,
]);

/**
 * Parses Bond SchemaDef bytes in the layout Geneva uses (one struct, zeroed metadata and
 * defaults, primitive fields; see wire-format §5). Reads `r` up to `r.end` exactly.
 */
export function parseSchemaBody(r: ByteReader): ParsedSchemaBody {
  const magic = r.u32('schema header "SP" 01 00');
  if (magic !== 0x00015053)
    r.fail(`schema header is 0x${magic.toString(16)}, expected "SP" 01 00`, r.pos - 4);
  const structs = r.u32('struct count');
  if (structs !== 1) r.fail(`schema has ${structs} structs, expected 1`, r.pos - 4);
  const structName = r.utf8String('struct name');
  const qualifiedName = r.utf8String('struct qualified name');
  r.zeros(38, 'struct metadata (attributes, modifier, default values)');
  r.zeros(4, 'struct base definition');
  r.zeros(3, 'padding before the field count');
  const count = r.u32('field count');
  if (count > r.remaining / 59) r.fail(`field count ${count} does not fit in the schema`, r.pos - 4);
  const fields: DecodedField[] = [];
  for (let i = 0; i < count; i++) {
    const name = r.utf8String(`field ${i + 1} name`);
    const qn = r.utf8String(`field ${i + 1} qualified name`);
    if (qn !== '') r.fail(`field ${i + 1} has a qualified name, expected none`);
    r.zeros(38 + 3, `field ${i + 1} metadata`);
    const id = r.u16(`field ${i + 1} id`);
    const typeAt = r.pos;
    const typeId = r.u8(`field ${i + 1} type`);
    const type = bondTypeName(typeId);
    if (type === undefined || !ROW_TYPES.has(typeId))
      r.fail(`field ${i + 1} has unsupported Bond type ${typeId}`, typeAt);
    r.zeros(6, `field ${i + 1} type details`);
    if (i !== count - 1) r.zeros(8, `padding after field ${i + 1}`);
    fields.push({ id, name, type });
  }
  r.zeros(8, 'padding after the fields');
  const rootAt = r.pos;
  if (r.u8('root type') !== BondType.STRUCT) r.fail('root type is not STRUCT', rootAt);
  r.zeros(5, 'root type details');
  r.zeros(9, 'final padding');
  if (r.remaining !== 0) r.fail(`${r.remaining} unexpected bytes after the schema`);
  return { structName, qualifiedName, fields };
}
