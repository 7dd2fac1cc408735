import { type BondWriter, createBondWriter } from './bond-writer.js';

/** Closes every schema and event entry. */
export const TERMINATOR = 0xdeadc0dedeadc0den;
/** Both u32 halves of the terminator are the same. */
export const TERMINATOR_HALF = 0xdeadc0de;
export const CENTRAL_BLOB_VERSION = 1;
export const CENTRAL_BLOB_FORMAT = 2;

/** Header: u32 version, u32 format, u32 metadata byte length, metadata as UTF-16LE. */
export function writeBlobHeader(w: BondWriter, metadata: string, version = 1, format = 2): void {
  w.u32(version);
  w.u32(format);
  w.u32(metadata.length * 2);
  w.utf16le(metadata);
}

/** Schema entry: u16 0, u64 id, md5, u32 length, schema bytes, terminator. */
export function writeSchemaEntry(w: BondWriter, id: number, md5: Uint8Array, schema: Uint8Array): void {
  w.u16(0);
  w.u64(id);
  w.bytes(md5);
  w.u32(schema.length);
  w.bytes(schema);
  w.u64(TERMINATOR);
}

/**
 * Event entry: u16 2, u64 schema id, u8 level, u16 name byte length, name UTF-16LE,
 * u32 (4 + row length), "SP" 01 00, row, terminator. `row` excludes the SP header.
 */
export function writeEventEntry(
  w: BondWriter,
  schemaId: number,
  level: number,
  eventName: string,
  row: Uint8Array,
): void {
  w.u16(2);
  w.u64(schemaId);
  w.u8(level & 0xff);
  w.u16(eventName.length * 2);
  w.utf16le(eventName);
  w.u32(row.length + 4);
  w.u32(0x00015053); // "SP" 01 00
  w.bytes(row);
  w.u64(TERMINATOR);
}

const nameCache = new Map<string, Uint8Array>();

/** u16 byte length + UTF-16LE of an event name (memoized: names repeat from call to call). */
export function eventNameBytes(eventName: string): Uint8Array {
  let bytes = nameCache.get(eventName);
  if (bytes === undefined) {
    const w = createBondWriter(2 + eventName.length * 2);
    w.u16(eventName.length * 2);
    w.utf16le(eventName);
    bytes = w.toBytes();
    if (nameCache.size >= 1024) nameCache.clear();
    nameCache.set(eventName, bytes);
  }
  return bytes;
}

/** The metadata string of a blob. */
export function blobMetadata(identity: {
  namespace: string;
  configMajorVersion: number;
  tenant: string;
  roleName: string;
  roleInstance: string;
}): string {
  return (
    `namespace=${identity.namespace}/eventVersion=Ver${identity.configMajorVersion}v0` +
    `/tenant=${identity.tenant}/role=${identity.roleName}/roleinstance=${identity.roleInstance}`
  );
}
