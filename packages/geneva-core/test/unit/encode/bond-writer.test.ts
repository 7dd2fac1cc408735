import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBondWriter } from '../../../src/encode/bond-writer.js';

describe('BondWriter', () => {
  it('writes little-endian numbers, from safe integers and bigints alike', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => {
        const a = createBondWriter(1);
        const b = createBondWriter(1);
        a.i64(n);
        if (Number.isSafeInteger(Number(n))) b.i64(Number(n));
        else b.i64(n);
        expect(Buffer.from(a.view()).readBigInt64LE(0)).toBe(n);
        expect(Buffer.from(b.view())).toEqual(Buffer.from(a.view()));
      }),
    );
    const w = createBondWriter(1);
    w.u64(2 ** 53 - 1);
    w.u32(0xdeadbeef);
    w.i32(-2);
    w.u16(0xbeef);
    expect(Buffer.from(w.view()).toString('hex')).toBe('ffffffffffff1f00efbeaddefeffffffefbe');
  });

  it('writes STRING as UTF-8 with lone surrogates as U+FFFD, short and long alike', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 100 }),
        fc.integer({ min: 0, max: 0xffff }),
        (s, cu) => {
          const str = s + String.fromCharCode(cu) + s;
          const w = createBondWriter(1);
          w.utf8String(str);
          const bytes = Buffer.from(w.view());
          const expected = Buffer.from(str, 'utf8'); // Node's encoder also writes U+FFFD for lone surrogates
          expect(bytes.readUInt32LE(0)).toBe(expected.length);
          expect(bytes.subarray(4)).toEqual(expected);
        },
      ),
    );
    const w = createBondWriter(1);
    w.utf8String('a\ud800b');
    expect(Buffer.from(w.view()).toString('hex')).toBe('05000000' + '61efbfbd62');
  });

  it('writes WSTRING as code-unit count + UTF-16LE, keeping lone surrogates', () => {
    const w = createBondWriter(1);
    w.wstring('é😀\udc00');
    expect(Buffer.from(w.view()).toString('hex')).toBe('04000000' + 'e9003dd800de00dc');
  });

  it('grows, truncates and patches', () => {
    const w = createBondWriter(1);
    for (let i = 0; i < 10_000; i++) w.u8(i & 0xff);
    expect(w.length).toBe(10_000);
    w.truncate(4);
    w.patchU32(0, 7);
    expect([...w.toBytes()]).toEqual([7, 0, 0, 0]);
    w.reset();
    expect(w.length).toBe(0);
  });
});
