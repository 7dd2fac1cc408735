import { compressSync } from 'lz4-napi';

/** Uncompressed bytes per chunk. */
export const CHUNK_SIZE = 64 * 1024;

/**
 * The upload body: the blob cut into 64 KiB pieces, each written as a u32 LE compressed length
 * followed by one raw LZ4 block (lz4_flex block format, as 0.4.0 writes it). Empty blob → empty body.
 */
export function compressChunks(blob: Uint8Array): Uint8Array {
  if (blob.length === 0) return new Uint8Array(0);
  const src = Buffer.from(blob.buffer, blob.byteOffset, blob.length);
  const parts: Buffer[] = [];
  let total = 0;
  for (let off = 0; off < src.length; off += CHUNK_SIZE) {
    // compressSync writes u32 LE uncompressed size + raw block: overwrite that prefix with the
    // compressed length in place, and the output is already one chunk of the body.
    const c = compressSync(src.subarray(off, Math.min(off + CHUNK_SIZE, src.length)));
    c.writeUInt32LE(c.length - 4, 0);
    parts.push(c);
    total += c.length;
  }
  const body = parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
  return new Uint8Array(body.buffer, body.byteOffset, body.length); // a plain Uint8Array view, no copy
}
