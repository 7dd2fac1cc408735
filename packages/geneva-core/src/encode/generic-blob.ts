import { encodeSchema } from './bond-schema.js';
import { BondType, type FieldDef } from './bond-types.js';
import { type BondWriter, createBondWriter } from './bond-writer.js';
import { writeBlobHeader, writeEventEntry, writeSchemaEntry } from './central-blob.js';

/** A value for one column of a generic row. */
export type GenericValue = string | number | bigint | boolean;

export interface GenericSchema {
  id: number;
  structName: string;
  qualifiedName: string;
  fields: readonly FieldDef[];
}

export interface GenericEvent {
  schemaId: number;
  level: number;
  eventName: string;
  /** One value per schema field, in field order. */
  values: readonly GenericValue[];
}

export interface GenericBlob {
  metadata: string;
  schemas: readonly GenericSchema[];
  events: readonly GenericEvent[];
}

/**
 * Lower-level writer: a central blob with any struct name, metadata and primitive field types
 * (used to reproduce external golden vectors such as the C++ Bond `MdsContainer` blob).
 */
export function writeGenericBlob(blob: GenericBlob): Uint8Array {
  const w = createBondWriter(1024);
  writeBlobHeader(w, blob.metadata);
  const byId = new Map<number, GenericSchema>();
  for (const s of blob.schemas) {
    const enc = encodeSchema(s.structName, s.qualifiedName, s.fields);
    writeSchemaEntry(w, s.id, enc.md5, enc.bytes);
    byId.set(s.id, s);
  }
  const row = createBondWriter(256);
  for (const e of blob.events) {
    const s = byId.get(e.schemaId);
    if (s === undefined) throw new Error(`event refers to unknown schema ${e.schemaId}`);
    if (e.values.length !== s.fields.length) throw new Error('event has not one value per field');
    row.reset();
    for (let i = 0; i < s.fields.length; i++) writeValue(row, s.fields[i]!.type, e.values[i]!);
    writeEventEntry(w, e.schemaId, e.level, e.eventName, row.view());
  }
  return w.toBytes();
}

function writeValue(w: BondWriter, type: number, v: GenericValue): void {
  switch (type) {
    case BondType.BOOL:
      w.bool(Boolean(v));
      return;
    case BondType.UINT8:
    case BondType.INT8:
      w.u8(Number(v) & 0xff);
      return;
    case BondType.UINT16:
    case BondType.INT16:
      w.u16(Number(v) & 0xffff);
      return;
    case BondType.UINT32:
      w.u32(Number(v));
      return;
    case BondType.INT32:
      w.i32(Number(v));
      return;
    case BondType.UINT64:
      w.u64(BigInt(v));
      return;
    case BondType.INT64:
      w.i64(BigInt(v));
      return;
    case BondType.FLOAT: {
      const b = new DataView(new ArrayBuffer(4));
      b.setFloat32(0, Number(v), true);
      w.bytes(new Uint8Array(b.buffer));
      return;
    }
    case BondType.DOUBLE:
      w.f64(Number(v));
      return;
    case BondType.STRING:
      w.utf8String(String(v));
      return;
    case BondType.WSTRING:
      w.wstring(String(v));
      return;
    default:
      throw new Error(`Bond type ${type} is not a primitive column type`);
  }
}
