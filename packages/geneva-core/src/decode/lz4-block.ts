import { GenevaDecodeError } from './decode-error.js';

/**
 * Decompresses one raw LZ4 block `src[start, end)` into `out` (which bounds the output size).
 * Returns the number of bytes written. Strict: truncated sequences, a zero or too-far match
 * offset, or output past `out.length` throw GenevaDecodeError with the input offset (+ `base`).
 */
export function decompressLz4Block(
  src: Uint8Array,
  start: number,
  end: number,
  out: Uint8Array,
  base = 0,
): number {
  let ip = start;
  let op = 0;
  const max = out.length;
  const fail = (at: number, msg: string): never => {
    throw new GenevaDecodeError(base + at, `LZ4 block: ${msg}`);
  };
  if (start >= end) fail(start, 'empty block, expected a token');
  for (;;) {
    const tokenAt = ip;
    if (ip >= end) fail(ip, 'truncated, expected a sequence token');
    const token = src[ip++]!;
    let lit = token >>> 4;
    if (lit === 15) {
      let b: number;
      do {
        if (ip >= end) fail(ip, 'truncated literal length');
        b = src[ip++]!;
        lit += b;
        if (lit > max) fail(ip - 1, `literal length exceeds the ${max}-byte chunk`);
      } while (b === 255);
    }
    if (lit > end - ip) fail(ip, `truncated literals: expected ${lit} bytes, ${end - ip} left`);
    if (lit > max - op) fail(tokenAt, `output would exceed the ${max}-byte chunk`);
    out.set(src.subarray(ip, ip + lit), op);
    ip += lit;
    op += lit;
    if (ip === end) return op; // the last sequence has literals only
    if (end - ip < 2) fail(ip, 'truncated, expected a 2-byte match offset');
    const offset = src[ip]! | (src[ip + 1]! << 8);
    if (offset === 0) fail(ip, 'match offset 0');
    if (offset > op) fail(ip, `match offset ${offset} points before the start of the output (${op} bytes)`);
    ip += 2;
    let mlen = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b: number;
      do {
        if (ip >= end) fail(ip, 'truncated match length');
        b = src[ip++]!;
        mlen += b;
        if (mlen > max) fail(ip - 1, `match length exceeds the ${max}-byte chunk`);
      } while (b === 255);
    }
    if (mlen > max - op) fail(tokenAt, `output would exceed the ${max}-byte chunk`);
    let from = op - offset;
    if (offset >= mlen) {
      out.copyWithin(op, from, from + mlen);
      op += mlen;
    } else {
      for (let i = 0; i < mlen; i++) out[op++] = out[from++]!;
    }
  }
}
