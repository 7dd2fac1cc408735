/**
 * Growable little-endian byte buffer for Bond simple-binary rows, schemas and the central blob.
 * One allocation per doubling; strings are written in place (no per-byte or per-string copies).
 */
export interface BondWriter {
  /** Bytes written so far. */
  readonly length: number;
  u8(v: number): void;
  u16(v: number): void;
  u32(v: number): void;
  i32(v: number): void;
  /** Writes a u64 from a non-negative safe integer or a bigint. */
  u64(v: number | bigint): void;
  /** Writes an i64 from a safe integer or a bigint. */
  i64(v: number | bigint): void;
  f64(v: number): void;
  bool(v: boolean): void;
  zeros(n: number): void;
  bytes(b: Uint8Array): void;
  /** Bond STRING: u32 UTF-8 byte length + UTF-8 (lone surrogates become U+FFFD). */
  utf8String(s: string): void;
  /** Bond WSTRING: u32 UTF-16 code-unit count + UTF-16LE (lone surrogates kept as they are). */
  wstring(s: string): void;
  /** UTF-16LE bytes without any prefix. */
  utf16le(s: string): void;
  /** Overwrites a u32 at `offset` (for lengths known after the fact). */
  patchU32(offset: number, v: number): void;
  /** Drops everything after `length` bytes. */
  truncate(length: number): void;
  /** A view of the bytes written (shares memory until the next write). */
  view(): Uint8Array;
  /** A copy of the bytes written. */
  toBytes(): Uint8Array;
  reset(): void;
  /** Empties the writer and drops its buffer if it grew beyond `maxKeep` bytes. */
  release(maxKeep: number): void;
}

const TWO32 = 0x1_0000_0000;

class Writer implements BondWriter {
  private buf: Buffer;
  private dv: DataView;
  length = 0;

  constructor(initial: number) {
    this.buf = Buffer.allocUnsafe(Math.max(64, initial));
    this.dv = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.length);
  }

  private ensure(n: number): void {
    const need = this.length + n;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = Buffer.allocUnsafe(cap);
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
    this.dv = new DataView(next.buffer, next.byteOffset, next.length);
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.length++] = v;
  }
  u16(v: number): void {
    this.ensure(2);
    this.dv.setUint16(this.length, v, true);
    this.length += 2;
  }
  u32(v: number): void {
    this.ensure(4);
    this.dv.setUint32(this.length, v, true);
    this.length += 4;
  }
  i32(v: number): void {
    this.ensure(4);
    this.dv.setInt32(this.length, v, true);
    this.length += 4;
  }
  u64(v: number | bigint): void {
    this.ensure(8);
    if (typeof v === 'bigint') this.dv.setBigUint64(this.length, v, true);
    else {
      this.dv.setUint32(this.length, v % TWO32, true);
      this.dv.setUint32(this.length + 4, Math.floor(v / TWO32), true);
    }
    this.length += 8;
  }
  i64(v: number | bigint): void {
    this.ensure(8);
    if (typeof v === 'bigint') this.dv.setBigInt64(this.length, v, true);
    else {
      const hi = Math.floor(v / TWO32);
      this.dv.setUint32(this.length, v - hi * TWO32, true);
      this.dv.setInt32(this.length + 4, hi, true);
    }
    this.length += 8;
  }
  f64(v: number): void {
    this.ensure(8);
    this.dv.setFloat64(this.length, v, true);
    this.length += 8;
  }
  bool(v: boolean): void {
    this.u8(v ? 1 : 0);
  }
  zeros(n: number): void {
    this.ensure(n);
    this.buf.fill(0, this.length, this.length + n);
    this.length += n;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  utf8String(s: string): void {
    const n = s.length;
    this.ensure(4 + n * 3);
    const buf = this.buf;
    const start = this.length + 4;
    let pos = start;
    if (n < 48) {
      // Short strings: an ASCII loop beats the native call; fall back on the first non-ASCII char.
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[pos++] = c;
      }
      if (i < n) pos += buf.write(i === 0 ? s : s.slice(i), pos, 'utf8');
    } else {
      pos += buf.write(s, pos, 'utf8');
    }
    this.dv.setUint32(this.length, pos - start, true);
    this.length = pos;
  }
  wstring(s: string): void {
    this.u32(s.length);
    this.utf16le(s);
  }
  utf16le(s: string): void {
    this.ensure(s.length * 2);
    this.length += this.buf.write(s, this.length, 'utf16le');
  }
  patchU32(offset: number, v: number): void {
    this.dv.setUint32(offset, v, true);
  }
  truncate(length: number): void {
    this.length = length;
  }
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
  toBytes(): Uint8Array {
    return new Uint8Array(this.buf.subarray(0, this.length));
  }
  reset(): void {
    this.length = 0;
  }
  release(maxKeep: number): void {
    this.length = 0;
    if (this.buf.length > maxKeep) {
      this.buf = Buffer.allocUnsafe(4096);
      this.dv = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.length);
    }
  }
}

/** A new writer with `initialCapacity` bytes reserved. */
export function createBondWriter(initialCapacity = 1024): BondWriter {
  return new Writer(initialCapacity);
}
