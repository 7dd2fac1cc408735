import { GenevaDecodeError } from './decode-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bounds-checked little-endian reader; every failure names the offset and what was expected. */
export class ByteReader {
  private readonly dv: DataView;
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
    /** Added to positions in error offsets (when reading a slice of a larger input). */
    readonly base = 0,
  ) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    this.pos = start;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  fail(message: string, at = this.pos): never {
    throw new GenevaDecodeError(this.base + at, message);
  }

  need(n: number, what: string): void {
    if (n > this.end - this.pos)
      this.fail(`truncated: expected ${what} (${n} bytes), ${this.end - this.pos} left`);
  }

  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }
  u16(what: string): number {
    this.need(2, what);
    const v = this.dv.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }
  u32(what: string): number {
    this.need(4, what);
    const v = this.dv.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  i8(what: string): number {
    this.need(1, what);
    return this.dv.getInt8(this.pos++);
  }
  i16(what: string): number {
    this.need(2, what);
    const v = this.dv.getInt16(this.pos, true);
    this.pos += 2;
    return v;
  }
  i32(what: string): number {
    this.need(4, what);
    const v = this.dv.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
  u64(what: string): bigint {
    this.need(8, what);
    const v = this.dv.getBigUint64(this.pos, true);
    this.pos += 8;
    return v;
  }
  i64(what: string): bigint {
    this.need(8, what);
    const v = this.dv.getBigInt64(this.pos, true);
    this.pos += 8;
    return v;
  }
  f32(what: string): number {
    this.need(4, what);
    const v = this.dv.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }
  f64(what: string): number {
    this.need(8, what);
    const v = this.dv.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const b = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  /** Bond STRING: u32 byte length + UTF-8 (must be valid). */
  utf8String(what: string): string {
    const at = this.pos;
    const n = this.u32(`${what} length`);
    const b = this.take(n, what);
    try {
      return utf8.decode(b);
    } catch {
      return this.fail(`${what} is not valid UTF-8`, at);
    }
  }
  /** `n` bytes of UTF-16LE (n must be even). */
  utf16le(n: number, what: string): string {
    if (n % 2 !== 0) this.fail(`${what} has an odd UTF-16 byte length ${n}`);
    const b = this.take(n, what);
    return Buffer.from(b.buffer, b.byteOffset, b.length).toString('utf16le');
  }
  /** Requires `n` zero bytes (fixed metadata and padding of the schema layout). */
  zeros(n: number, what: string): void {
    this.need(n, what);
    for (let i = 0; i < n; i++) {
      if (this.bytes[this.pos + i] !== 0) this.fail(`expected zero byte in ${what}`, this.pos + i);
    }
    this.pos += n;
  }
}
