import { createHash } from 'node:crypto';
import { ByteReader } from './byte-reader.js';
import { parseRow } from './row-parser.js';
import { parseSchemaBody } from './schema-parser.js';
import type { DecodedCentralBlob, DecodedEvent, DecodedSchema } from './types.js';

const TERMINATOR = 0xdeadc0dedeadc0den;

/**
 * Parses a central blob (wire-format §4): header, then schema entries, then event entries, to the
 * end. Verifies version 1 / format 2, each schema md5, schema-before-event order, known schema ids,
 * the row SP header and every terminator. Throws GenevaDecodeError with the blob offset.
 */
export function decodeCentralBlob(blob: Uint8Array): DecodedCentralBlob {
  const r = new ByteReader(blob);
  const version = r.u32('version');
  if (version !== 1) r.fail(`version ${version}, expected 1`, 0);
  const format = r.u32('format');
  if (format !== 2) r.fail(`format ${format}, expected 2`, 4);
  const metaLen = r.u32('metadata length');
  const metadata = r.utf16le(metaLen, 'metadata');
  const schemas: DecodedSchema[] = [];
  const byId = new Map<number, DecodedSchema>();
  const events: DecodedEvent[] = [];
  while (r.remaining > 0) {
    const entryAt = r.pos;
    const kind = r.u16('entry type');
    if (kind === 0) {
      if (events.length > 0) r.fail('schema entry after an event entry', entryAt);
      const id = readId(r, 'schema id');
      const md5 = Buffer.from(r.take(16, 'schema md5')).toString('hex');
      const len = r.u32('schema length');
      r.need(len, 'schema bytes');
      const bytesAt = r.pos;
      const bytes = blob.subarray(bytesAt, bytesAt + len);
      const actual = createHash('md5').update(bytes).digest('hex');
      if (actual !== md5)
        r.fail(`schema ${id} md5 ${md5} does not match its bytes (${actual})`, bytesAt - 20);
      const body = parseSchemaBody(new ByteReader(blob, bytesAt, bytesAt + len));
      r.pos = bytesAt + len;
      terminator(r);
      if (byId.has(id)) r.fail(`schema id ${id} defined twice`, entryAt + 2);
      const schema: DecodedSchema = { id, md5, ...body };
      schemas.push(schema);
      byId.set(id, schema);
    } else if (kind === 2) {
      const idAt = r.pos;
      const schemaId = readId(r, 'event schema id');
      const schema = byId.get(schemaId) ?? r.fail(`event refers to unknown schema id ${schemaId}`, idAt);
      const level = r.u8('event level');
      const nameLen = r.u16('event name length');
      const eventName = r.utf16le(nameLen, 'event name');
      const rowLen = r.u32('row length');
      if (rowLen < 4) r.fail(`row length ${rowLen}, expected at least 4 (SP header)`, r.pos - 4);
      r.need(rowLen, 'row');
      const rowEnd = r.pos + rowLen;
      const sp = r.u32('row header "SP" 01 00');
      if (sp !== 0x00015053) r.fail('row does not start with "SP" 01 00', r.pos - 4);
      const values = parseRow(new ByteReader(blob, r.pos, rowEnd), schema.fields);
      r.pos = rowEnd;
      terminator(r);
      events.push({ schemaId, level, eventName, values });
    } else {
      r.fail(`unknown entry type ${kind}, expected 0 (schema) or 2 (event)`, entryAt);
    }
  }
  return { version, format, metadata, schemas, events };
}

function readId(r: ByteReader, what: string): number {
  const at = r.pos;
  const id = r.u64(what);
  if (id > BigInt(Number.MAX_SAFE_INTEGER)) r.fail(`${what} ${id} is too large`, at);
  return Number(id);
}

function terminator(r: ByteReader): void {
  const at = r.pos;
  if (r.u64('terminator 0xdeadc0dedeadc0de') !== TERMINATOR)
    r.fail('bad terminator, expected 0xdeadc0dedeadc0de', at);
}
