/**
 * Trace/span ids normalized to lowercase hex. Accepts hex strings (OTLP/JSON), base64 strings
 * (protobuf JSON `bytes`) and raw bytes. An even-length all-hex string is read as hex.
 */
export type NormalizedId =
  | { readonly kind: 'absent' }
  | { readonly kind: 'ok'; readonly hex: string }
  | { readonly kind: 'invalid'; readonly reason: string };

const ABSENT: NormalizedId = Object.freeze({ kind: 'absent' });
const NOT_HEX = 0;
const LOWER_HEX = 1;
const MIXED_HEX = 2;

/** Whether `s` is all hex digits, and whether any is uppercase (a loop: cheaper than two regex tests). */
function hexKind(s: string): number {
  let kind = LOWER_HEX;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66)) continue;
    if (c >= 0x41 && c <= 0x46) kind = MIXED_HEX;
    else return NOT_HEX;
  }
  return kind;
}
/**
 * `value` itself when it is already a non-empty, even-length, lowercase hex string (what the OTel
 * SDK hands over), else undefined: the caller then takes the general {@link normalizeId} path.
 */
export function plainHexId(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || (value.length & 1) !== 0) return undefined;
  return hexKind(value) === LOWER_HEX ? value : undefined;
}

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Any byte length; empty → absent. Unreadable strings → invalid. */
export function normalizeId(value: unknown): NormalizedId {
  if (value === undefined || value === null) return ABSENT;
  if (typeof value === 'string') {
    if (value.length === 0) return ABSENT;
    if ((value.length & 1) === 0) {
      const h = hexKind(value);
      if (h !== NOT_HEX) return { kind: 'ok', hex: h === LOWER_HEX ? value : value.toLowerCase() };
    }
    if (BASE64.test(value) && value.length % 4 !== 1) {
      const bytes = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
      return bytes.length === 0 ? ABSENT : { kind: 'ok', hex: bytes.toString('hex') };
    }
    return { kind: 'invalid', reason: `neither hex nor base64: ${JSON.stringify(value.slice(0, 64))}` };
  }
  if (value instanceof Uint8Array) {
    if (value.length === 0) return ABSENT;
    return { kind: 'ok', hex: Buffer.from(value.buffer, value.byteOffset, value.length).toString('hex') };
  }
  return { kind: 'invalid', reason: `unsupported id type (${typeof value})` };
}

/**
 * An id that must have `bytes` bytes: absent stays absent; a wrong length or unreadable value is
 * invalid (0.4.0 wrote NUL characters for those; we omit the column and warn).
 */
export function normalizeFixedId(value: unknown, bytes: number): NormalizedId {
  const id = normalizeId(value);
  if (id.kind === 'ok' && id.hex.length !== bytes * 2) {
    return { kind: 'invalid', reason: `${id.hex.length / 2} bytes, expected ${bytes}` };
  }
  return id;
}
