import { createHash } from 'node:crypto';
import { BondType, type FieldDef } from './bond-types.js';
import { createBondWriter } from './bond-writer.js';

/** A schema ready for the central blob: its Bond SchemaDef bytes and their md5. */
export interface EncodedSchema {
  readonly bytes: Uint8Array;
  readonly md5: Uint8Array;
  readonly md5Hex: string;
}

/**
 * Bond `SchemaDef` bytes for one struct, byte for byte as geneva-uploader 0.4.0 (and the C++ Bond
 * encoder in the golden vector) lays it out: "SP" v1 header, one struct with zeroed metadata and
 * defaults, the fields with ids 1..n, then the root STRUCT type record.
 */
export function encodeSchemaBytes(
  structName: string,
  qualifiedName: string,
  fields: readonly FieldDef[],
): Uint8Array {
  const w = createBondWriter(128 + fields.length * 80);
  w.bytes(SP_HEADER);
  w.u32(1); // one struct
  w.utf8String(structName);
  w.utf8String(qualifiedName);
  writeMetadataTail(w); // attributes, modifier, default values
  w.u32(0); // base def
  w.zeros(3);
  w.u32(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    w.utf8String(f.name);
    w.u32(0); // empty qualified name
    writeMetadataTail(w);
    w.zeros(3);
    w.u16(i + 1); // field id
    w.u8(f.type);
    w.zeros(6); // struct_def u16, element, key, bonded_type, default-value-present
    if (i !== fields.length - 1) w.zeros(8);
  }
  w.zeros(8);
  w.u8(BondType.STRUCT); // root type: struct 0, not bonded
  w.zeros(5);
  w.zeros(9);
  return w.toBytes();
}

/** Schema bytes plus their md5 (node:crypto). */
export function encodeSchema(
  structName: string,
  qualifiedName: string,
  fields: readonly FieldDef[],
): EncodedSchema {
  const bytes = encodeSchemaBytes(structName, qualifiedName, fields);
  const md5 = new Uint8Array(createHash('md5').update(bytes).digest());
  return { bytes, md5, md5Hex: Buffer.from(md5).toString('hex') };
}

/** attributes (u32 0), modifier (u8 0), default uint/int/double (3×u64 0), string/wstring (2×u32 0), nothing (u8 0). */
function writeMetadataTail(w: ReturnType<typeof createBondWriter>): void {
  w.zeros(4 + 1 + 24 + 8 + 1);
}

export const SP_HEADER: Uint8Array = Uint8Array.of(0x53, 0x50, 0x01, 0x00);
