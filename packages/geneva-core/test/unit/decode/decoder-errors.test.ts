import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBondWriter } from '../../../src/encode/bond-writer.js';
import { CHUNK_SIZE, compressChunks } from '../../../src/encode/lz4-chunks.js';
import {
  decodeBody,
  decodeCentralBlob,
  decompressChunks,
  encodeLogs,
  GenevaDecodeError,
} from '../../../src/encoding.js';
import { IDENTITY, logRequest } from '../batch/helpers.js';

const body = encodeLogs(
  logRequest([
    {
      timeUnixNano: '1700000000000000000',
      body: { stringValue: 'x' },
      attributes: [{ key: 'k', value: { intValue: 1 } }],
    },
    {
      timeUnixNano: '1700000000000000001',
      body: { stringValue: 'y' },
      attributes: [{ key: 'k', value: { intValue: 2 } }],
    },
  ]),
  IDENTITY,
).batches[0]!.data;
const blob = decompressChunks(body);

function decodeError(f: () => unknown): GenevaDecodeError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(GenevaDecodeError);
    return err as GenevaDecodeError;
  }
  throw new Error('expected a GenevaDecodeError');
}

function patched(src: Uint8Array, at: number, bytes: number[]): Uint8Array {
  const copy = new Uint8Array(src);
  copy.set(bytes, at);
  return copy;
}

describe('decoder errors', () => {
  it('every truncation of a blob fails with an offset inside it, except at entry boundaries', () => {
    let complete = 0;
    for (let n = 1; n < blob.length; n++) {
      try {
        const partial = decodeCentralBlob(blob.subarray(0, n));
        // a blob is parsed to its end: cutting between entries leaves a valid, shorter blob
        expect(partial.schemas.length + partial.events.length).toBe(complete);
        complete++;
        continue;
      } catch (err) {
        if (!(err instanceof GenevaDecodeError)) throw err;
      }
      const err = decodeError(() => decodeCentralBlob(blob.subarray(0, n)));
      expect(err.offset).toBeGreaterThanOrEqual(0);
      expect(err.offset).toBeLessThanOrEqual(n);
      expect(err.message).toMatch(/at byte \d+/);
      expect(err.code).toBe('GENEVA_ERR_DECODE');
    }
    expect(complete).toBe(3); // after the header, the schema and the first event
  });

  it('every truncation of a body fails', () => {
    for (let n = 1; n < body.length; n++) decodeError(() => decodeBody(body.subarray(0, n)));
  });

  it('names the bad header, md5, terminator, entry type and schema id', () => {
    expect(decodeError(() => decodeCentralBlob(patched(blob, 0, [2]))).message).toMatch(
      /version 2, expected 1/,
    );
    expect(decodeError(() => decodeCentralBlob(patched(blob, 4, [3]))).message).toMatch(/format 3/);
    const metaLen = Buffer.from(blob).readUInt32LE(8);
    const schemaAt = 12 + metaLen;
    const md5 = decodeError(() => decodeCentralBlob(patched(blob, schemaAt + 10, [0xff])));
    expect(md5.message).toMatch(/md5/);
    expect(md5.offset).toBe(schemaAt + 10);
    const schemaLen = Buffer.from(blob).readUInt32LE(schemaAt + 26);
    const termAt = schemaAt + 30 + schemaLen;
    const term = decodeError(() => decodeCentralBlob(patched(blob, termAt, [0])));
    expect(term.offset).toBe(termAt);
    expect(term.message).toMatch(/terminator/);
    const eventAt = termAt + 8;
    expect(decodeError(() => decodeCentralBlob(patched(blob, eventAt, [7]))).message).toMatch(
      /unknown entry type 7/,
    );
    expect(decodeError(() => decodeCentralBlob(patched(blob, eventAt + 2, [9]))).message).toMatch(
      /unknown schema id 9/,
    );
  });

  it('rejects a row that does not fill its length exactly', () => {
    // grow the row length by one byte of garbage before the terminator
    const b = Buffer.from(blob);
    const w = createBondWriter();
    const metaLen = b.readUInt32LE(8);
    const schemaAt = 12 + metaLen;
    const eventAt = schemaAt + 30 + b.readUInt32LE(schemaAt + 26) + 8;
    const nameLen = b.readUInt16LE(eventAt + 11);
    const rowLenAt = eventAt + 13 + nameLen;
    const rowLen = b.readUInt32LE(rowLenAt);
    w.bytes(b.subarray(0, rowLenAt));
    w.u32(rowLen + 1);
    w.bytes(b.subarray(rowLenAt + 4, rowLenAt + 4 + rowLen));
    w.u8(0);
    w.bytes(b.subarray(rowLenAt + 4 + rowLen));
    const err = decodeError(() => decodeCentralBlob(w.view()));
    expect(err.message).toMatch(/1 bytes left in the row/);
  });

  it('LZ4: zero offset, offset before output, oversize output, chunk after a short chunk', () => {
    // token 0x10: 1 literal then a match (offset 0)
    expect(decodeError(() => decompressChunks(Uint8Array.of(4, 0, 0, 0, 0x10, 0x41, 0, 0))).message).toMatch(
      /offset 0/,
    );
    expect(decodeError(() => decompressChunks(Uint8Array.of(4, 0, 0, 0, 0x10, 0x41, 5, 0))).message).toMatch(
      /points before the start/,
    );
    // literal run claiming more than 64 KiB: 15 + 255*300
    const huge = new Uint8Array(4 + 1 + 300);
    huge.set([huge.length - 4, 1, 0, 0, 0xf0]);
    huge.fill(255, 5);
    expect(decodeError(() => decompressChunks(huge)).message).toMatch(/exceeds the 65536-byte chunk/);
    const short = compressChunks(new Uint8Array(10));
    const twice = new Uint8Array([...short, ...short]);
    expect(decodeError(() => decompressChunks(twice)).message).toMatch(/shorter than 64 KiB/);
    expect(decodeError(() => decompressChunks(Uint8Array.of(0, 0, 0, 0))).message).toMatch(/length 0/);
    expect(decodeError(() => decompressChunks(Uint8Array.of(9, 0, 0, 0, 1))).offset).toBe(0);
  });

  it('a full chunk followed by a short one is fine', () => {
    const data = new Uint8Array(CHUNK_SIZE + 5).map((_, i) => i % 251);
    expect(Buffer.from(decompressChunks(compressChunks(data))).equals(Buffer.from(data))).toBe(true);
  });

  it('arbitrary bytes either decode or raise GenevaDecodeError (never another error, never hang)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        for (const f of [() => decodeBody(bytes), () => decodeCentralBlob(bytes)]) {
          try {
            f();
          } catch (err) {
            if (!(err instanceof GenevaDecodeError)) throw err;
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('single-byte corruptions of a real body raise only GenevaDecodeError', () => {
    for (let i = 0; i < body.length; i++) {
      for (const x of [0x00, 0xff, body[i]! ^ 0x10]) {
        try {
          decodeBody(patched(body, i, [x]));
        } catch (err) {
          if (!(err instanceof GenevaDecodeError)) throw err;
        }
      }
    }
  });
});
