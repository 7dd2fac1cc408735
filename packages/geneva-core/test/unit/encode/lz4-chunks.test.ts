import { randomBytes } from 'node:crypto';
import { uncompressSync } from 'lz4-napi';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, compressChunks } from '../../../src/encode/lz4-chunks.js';
import { decompressChunks } from '../../../src/encoding.js';

/** Splits a body into its chunks: [compressed length, block bytes]. */
function chunks(body: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const b = Buffer.from(body);
  for (let pos = 0; pos < b.length; ) {
    const len = b.readUInt32LE(pos);
    out.push(b.subarray(pos + 4, pos + 4 + len));
    pos += 4 + len;
  }
  return out;
}

function sample(n: number): Uint8Array {
  // half random, half repetitive: both literal runs and matches
  const b = Buffer.alloc(n);
  const r = randomBytes(n);
  for (let i = 0; i < n; i++) b[i] = i % 512 < 256 ? r[i]! : i & 0x0f;
  return b;
}

describe('LZ4 chunks', () => {
  it('empty blob → empty body', () => {
    expect(compressChunks(new Uint8Array(0)).length).toBe(0);
    expect(decompressChunks(new Uint8Array(0)).length).toBe(0);
  });

  it.each([1, 100, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 17])(
    'cuts %i bytes into 64 KiB raw blocks',
    (n) => {
      const blob = sample(n);
      const body = compressChunks(blob);
      const parts = chunks(body);
      expect(parts.length).toBe(Math.ceil(n / CHUNK_SIZE));
      parts.forEach((block, i) => {
        const expected = blob.subarray(i * CHUNK_SIZE, Math.min((i + 1) * CHUNK_SIZE, n));
        // lz4-napi's own decoder wants the u32 size prefix that compressChunks strips
        const prefixed = Buffer.concat([Buffer.from(Uint32Array.of(expected.length).buffer), block]);
        expect(Buffer.from(uncompressSync(prefixed)).equals(Buffer.from(expected))).toBe(true);
      });
      expect(Buffer.from(decompressChunks(body)).equals(Buffer.from(blob))).toBe(true);
    },
  );

  it('compresses repetitive data', () => {
    const body = compressChunks(new Uint8Array(10 * CHUNK_SIZE).fill(0xab));
    expect(body.length).toBeLessThan(10 * 400);
    expect(decompressChunks(body).every((x) => x === 0xab)).toBe(true);
  });
});
