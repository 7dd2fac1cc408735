import { CHUNK_SIZE } from '../encode/lz4-chunks.js';
import { GenevaDecodeError } from './decode-error.js';
import { decompressLz4Block } from './lz4-block.js';

/**
 * Inverse of compressChunks: each chunk is a u32 LE compressed length and one raw LZ4 block that
 * inflates to 64 KiB (the last one to 1..64 KiB). Empty body → empty blob. Output is bounded by
 * 64 KiB per chunk present, so corrupt lengths cannot make it over-allocate.
 */
export function decompressChunks(body: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const dv = new DataView(body.buffer, body.byteOffset, body.length);
  let pos = 0;
  let total = 0;
  let lastShortAt = -1;
  while (pos < body.length) {
    if (body.length - pos < 4) {
      throw new GenevaDecodeError(pos, `truncated chunk header: expected 4 bytes, ${body.length - pos} left`);
    }
    const len = dv.getUint32(pos, true);
    if (len === 0) throw new GenevaDecodeError(pos, 'chunk with compressed length 0');
    if (len > body.length - pos - 4) {
      throw new GenevaDecodeError(
        pos,
        `truncated chunk: header says ${len} bytes, ${body.length - pos - 4} left`,
      );
    }
    if (lastShortAt >= 0) {
      throw new GenevaDecodeError(lastShortAt, 'chunk shorter than 64 KiB is followed by another chunk');
    }
    const out = new Uint8Array(CHUNK_SIZE);
    const n = decompressLz4Block(body, pos + 4, pos + 4 + len, out);
    if (n < CHUNK_SIZE) lastShortAt = pos;
    parts.push(n === CHUNK_SIZE ? out : out.subarray(0, n));
    total += n;
    pos += 4 + len;
  }
  if (parts.length === 1) return parts[0]!;
  const blob = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    blob.set(p, off);
    off += p.length;
  }
  return blob;
}
