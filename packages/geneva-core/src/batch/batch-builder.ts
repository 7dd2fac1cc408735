import type { EncodedSchema } from '../encode/bond-schema.js';
import type { FieldDef } from '../encode/bond-types.js';
import { type BondWriter, createBondWriter } from '../encode/bond-writer.js';
import {
  eventNameBytes,
  TERMINATOR_HALF,
  writeBlobHeader,
  writeSchemaEntry,
} from '../encode/central-blob.js';
import { compressChunks } from '../encode/lz4-chunks.js';
import type { EncodedRow } from '../encode/record-context.js';
import { formatBatchTime } from '../encode/timestamps.js';
import { compareTime, isZeroTime, type UnixTime, ZERO_TIME } from '../model/time.js';
import { schemaFor } from './schema-cache.js';
import type { EncodedBatch } from './types.js';

/** The column shape of a recent row of a batch: most rows repeat one. */
interface Shape {
  mask: number;
  names: string[];
  types: number[];
  id: number;
}

interface OpenBatch {
  eventName: string;
  /** u16 byte length + UTF-16LE event name, written in every event entry. */
  nameBytes: Uint8Array;
  schemaIds: Map<string, number>;
  schemas: EncodedSchema[];
  events: BondWriter;
  /** Blob bytes so far: header + schemas + events. */
  size: number;
  rowCount: number;
  start: UnixTime | undefined;
  end: UnixTime | undefined;
  /** Column shapes of this batch by shape hash (compared before building a schema key). */
  shapes: Map<number, Shape[]>;
}

export interface BatchBuilderConfig {
  metadata: string;
  structName: string;
  qualifiedName: string;
  fields: (mask: number, names: readonly string[], types: readonly number[]) => FieldDef[];
  maxBatchBytes?: number | undefined;
}

/** Accumulates rows into batches keyed by event name (schema reuse per batch, optional size cap). */
export interface BatchBuilder {
  /**
   * Adds one row. The batch window runs from the earliest to the latest non-zero time of all rows
   * (logs: the record time; spans: start and end), so it holds every row's timestamp.
   */
  add(eventName: string, row: EncodedRow, rowBytes: Uint8Array, start: UnixTime, end: UnixTime): void;
  /** Compresses and returns every batch, in order of first appearance. */
  finish(): EncodedBatch[];
}

/** Identical keys ⇔ identical column lists (names are length-prefixed, so keys are unambiguous). */
function schemaKeyOf(mask: number, names: readonly string[], types: readonly number[]): string {
  let key = `${mask}|`;
  for (let i = 0; i < names.length; i++) {
    const n = names[i]!;
    key += String.fromCharCode(types[i]!, n.length & 0xffff, n.length >>> 16) + n;
  }
  return key;
}

/** A cheap hash of a row's column shape: mask, types, name lengths and end characters. */
function shapeHash(row: EncodedRow): number {
  const names = row.attrNames;
  let h = (row.mask * 31 + names.length) | 0;
  for (let i = 0; i < names.length; i++) {
    const n = names[i]!;
    h = (h * 31 + row.attrTypes[i]! * 65599 + n.length) | 0;
    if (n.length > 0) h = (h * 31 + n.charCodeAt(0) * 33 + n.charCodeAt(n.length - 1)) | 0;
  }
  return h;
}

function sameShape(s: Shape, row: EncodedRow): boolean {
  if (s.mask !== row.mask || s.names.length !== row.attrNames.length) return false;
  for (let i = s.names.length - 1; i >= 0; i--) {
    if (s.types[i] !== row.attrTypes[i] || s.names[i] !== row.attrNames[i]) return false;
  }
  return true;
}

// Encoding is synchronous and never re-entered: the first batch of a call writes its events to one
// reused buffer, and every batch is assembled in one reused blob buffer before compression.
const sharedEvents = createBondWriter(64 * 1024);
const blobScratch = createBondWriter(64 * 1024);
/** Buffers kept between calls up to this size (a huge call must not pin a huge buffer). */
const MAX_KEPT = 4 * 1024 * 1024;

export function createBatchBuilder(config: BatchBuilderConfig): BatchBuilder {
  const open = new Map<string, OpenBatch>();
  const order: OpenBatch[] = [];
  const headerSize = 12 + config.metadata.length * 2;
  const cap =
    config.maxBatchBytes !== undefined && config.maxBatchBytes > 0 ? config.maxBatchBytes : Infinity;
  // Schemas seen in this call, by schema key (the global cache is only consulted on a miss).
  const local = new Map<string, EncodedSchema>();

  function newBatch(eventName: string): OpenBatch {
    let events: BondWriter;
    if (order.length === 0) {
      sharedEvents.release(MAX_KEPT);
      events = sharedEvents;
    } else events = createBondWriter(1024);
    const b: OpenBatch = {
      eventName,
      nameBytes: eventNameBytes(eventName),
      schemaIds: new Map(),
      schemas: [],
      events,
      size: headerSize,
      rowCount: 0,
      start: undefined,
      end: undefined,
      shapes: new Map(),
    };
    open.set(eventName, b);
    order.push(b);
    return b;
  }

  function schemaOf(key: string, row: EncodedRow): EncodedSchema {
    let schema = local.get(key);
    if (schema === undefined) {
      schema = schemaFor(config.structName, config.qualifiedName, key, () =>
        config.fields(row.mask, row.attrNames, row.attrTypes),
      );
      local.set(key, schema);
    }
    return schema;
  }

  return {
    add(eventName, row, rowBytes, start, end) {
      let b = open.get(eventName) ?? newBatch(eventName);
      const eventSize = 2 + 8 + 1 + b.nameBytes.length + 4 + 4 + rowBytes.length + 8;
      const hash = shapeHash(row);
      let id: number | undefined;
      const candidates = b.shapes.get(hash);
      if (candidates !== undefined) {
        for (let i = 0; i < candidates.length; i++) {
          if (sameShape(candidates[i]!, row)) {
            id = candidates[i]!.id;
            break;
          }
        }
      }
      if (id === undefined || b.size + eventSize > cap) {
        const key = schemaKeyOf(row.mask, row.attrNames, row.attrTypes);
        let schemaSize = b.schemaIds.has(key) ? 0 : 38 + schemaOf(key, row).bytes.length;
        if (b.rowCount > 0 && b.size + eventSize + schemaSize > cap) {
          b = newBatch(eventName);
          schemaSize = 38 + schemaOf(key, row).bytes.length;
        }
        id = b.schemaIds.get(key);
        if (id === undefined) {
          id = b.schemas.length + 1;
          b.schemaIds.set(key, id);
          b.schemas.push(schemaOf(key, row));
          b.size += schemaSize;
        }
        const list = b.shapes.get(hash) ?? [];
        if (!list.some((x) => sameShape(x, row))) {
          list.push({ mask: row.mask, names: row.attrNames.slice(), types: row.attrTypes.slice(), id });
          b.shapes.set(hash, list);
        }
      }
      const w = b.events;
      w.u16(2);
      w.u64(id);
      w.u8(row.level & 0xff);
      w.bytes(b.nameBytes);
      w.u32(rowBytes.length + 4);
      w.u32(0x00015053); // "SP" 01 00
      w.bytes(rowBytes);
      w.u32(TERMINATOR_HALF); // 0xdeadc0dedeadc0de without a BigInt write
      w.u32(TERMINATOR_HALF);
      b.size += eventSize;
      b.rowCount++;
      widen(b, start);
      if (end !== start) widen(b, end);
    },
    finish() {
      return order.map((b) => finishBatch(b, config.metadata));
    },
  };
}

function widen(b: OpenBatch, t: UnixTime): void {
  if (isZeroTime(t)) return;
  if (b.start === undefined || compareTime(t, b.start) < 0) b.start = t;
  if (b.end === undefined || compareTime(t, b.end) > 0) b.end = t;
}

let lastMetadata = '';
let lastHeader: Uint8Array = new Uint8Array(0);

/** The blob header for `metadata` (cached: one identity usually sends every batch). */
function blobHeader(metadata: string): Uint8Array {
  if (metadata !== lastMetadata) {
    const w = createBondWriter(12 + metadata.length * 2);
    writeBlobHeader(w, metadata);
    lastHeader = w.toBytes();
    lastMetadata = metadata;
  }
  return lastHeader;
}

function finishBatch(b: OpenBatch, metadata: string): EncodedBatch {
  const w = blobScratch;
  w.release(MAX_KEPT);
  w.bytes(blobHeader(metadata));
  for (let i = 0; i < b.schemas.length; i++) {
    const s = b.schemas[i]!;
    writeSchemaEntry(w, i + 1, s.md5, s.bytes);
  }
  w.bytes(b.events.view());
  const blob = w.view();
  return {
    eventName: b.eventName,
    data: compressChunks(blob),
    startTime: formatBatchTime(b.start ?? ZERO_TIME),
    endTime: formatBatchTime(b.end ?? ZERO_TIME),
    schemaIds: b.schemas.map((s) => s.md5Hex),
    rowCount: b.rowCount,
    uncompressedSize: blob.length,
  };
}
