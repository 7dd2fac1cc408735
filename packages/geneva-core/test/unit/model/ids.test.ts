import { describe, expect, it } from 'vitest';
import { normalizeFixedId, normalizeId, plainHexId } from '../../../src/model/ids.js';

describe('ids', () => {
  it('reads hex (any case), base64, base64url and bytes to lowercase hex', () => {
    const hex = '0102030405060708090a0b0c0d0e0f10';
    expect(normalizeId(hex.toUpperCase())).toEqual({ kind: 'ok', hex });
    expect(normalizeId(Buffer.from(hex, 'hex').toString('base64'))).toEqual({ kind: 'ok', hex });
    expect(normalizeId('-_8')).toEqual({ kind: 'ok', hex: 'fbff' });
    expect(normalizeId(new Uint8Array(Buffer.from(hex, 'hex')))).toEqual({ kind: 'ok', hex });
  });

  it('treats empty as absent and garbage as invalid', () => {
    expect(normalizeId('')).toEqual({ kind: 'absent' });
    expect(normalizeId(undefined)).toEqual({ kind: 'absent' });
    expect(normalizeId(new Uint8Array(0))).toEqual({ kind: 'absent' });
    expect(normalizeId('not hex!').kind).toBe('invalid');
    expect(normalizeId(42).kind).toBe('invalid');
  });

  it('checks the length of fixed ids', () => {
    expect(normalizeFixedId('0102', 8)).toEqual({ kind: 'invalid', reason: '2 bytes, expected 8' });
    expect(normalizeFixedId('0000000000000000', 8)).toEqual({ kind: 'ok', hex: '0000000000000000' });
  });

  it('passes plain lowercase hex through and leaves everything else to normalizeId', () => {
    expect(plainHexId('0a1b')).toBe('0a1b');
    expect(plainHexId('0A1B')).toBeUndefined();
    expect(plainHexId('0a1')).toBeUndefined();
    expect(plainHexId('')).toBeUndefined();
    expect(plainHexId('zz')).toBeUndefined();
    expect(plainHexId(new Uint8Array([1]))).toBeUndefined();
  });
});
