import { ModelError } from './model-error.js';

/** An OTLP AnyValue read into one tagged form. `int` is a number when it is a safe integer. */
export type NormValue =
  | { readonly t: 'string'; readonly v: string }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'int'; readonly v: number | bigint }
  | { readonly t: 'double'; readonly v: number }
  | { readonly t: 'bytes'; readonly v: Uint8Array }
  | { readonly t: 'array'; readonly v: readonly NormValue[] }
  | { readonly t: 'kvlist'; readonly v: readonly (readonly [string, NormValue])[] }
  | { readonly t: 'empty' };

const EMPTY_VALUE: NormValue = Object.freeze({ t: 'empty' });
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const INT_STR = /^-?[0-9]+$/;
const MAX_DEPTH = 64;

/** Reads one AnyValue (camelCase or snake_case members). Unreadable → ModelError naming `what`. */
export function normalizeAnyValue(value: unknown, what: string, depth = 0): NormValue {
  if (value === undefined || value === null) return EMPTY_VALUE;
  if (typeof value !== 'object') throw new ModelError(`${what} is not an AnyValue object`);
  if (depth > MAX_DEPTH) throw new ModelError(`${what} nests deeper than ${MAX_DEPTH} levels`);
  const o = value as Record<string, unknown>;
  let v = o['stringValue'] ?? o['string_value'];
  if (v !== undefined && v !== null) {
    if (typeof v !== 'string') throw new ModelError(`${what}.stringValue is not a string`);
    return { t: 'string', v };
  }
  v = o['intValue'] ?? o['int_value'];
  if (v !== undefined && v !== null) {
    if (typeof v === 'number' && Number.isSafeInteger(v)) return { t: 'int', v };
    return { t: 'int', v: toInt64(v, `${what}.intValue`) };
  }
  v = o['doubleValue'] ?? o['double_value'];
  if (v !== undefined && v !== null) {
    if (typeof v === 'number') return { t: 'double', v };
    return { t: 'double', v: toDouble(v, `${what}.doubleValue`) };
  }
  v = o['boolValue'] ?? o['bool_value'];
  if (v !== undefined && v !== null) {
    if (typeof v !== 'boolean') throw new ModelError(`${what}.boolValue is not a boolean`);
    return { t: 'bool', v };
  }
  v = o['arrayValue'] ?? o['array_value'];
  if (v !== undefined && v !== null) {
    const values = (v as { values?: unknown }).values ?? [];
    if (!Array.isArray(values)) throw new ModelError(`${what}.arrayValue.values is not an array`);
    const items = new Array<NormValue>(values.length);
    for (let i = 0; i < values.length; i++) {
      items[i] = nested(values[i], depth, what, '.arrayValue.values', i, '');
    }
    return { t: 'array', v: items };
  }
  v = o['kvlistValue'] ?? o['kvlist_value'];
  if (v !== undefined && v !== null) {
    const values = (v as { values?: unknown }).values ?? [];
    if (!Array.isArray(values)) throw new ModelError(`${what}.kvlistValue.values is not an array`);
    const entries = new Array<readonly [string, NormValue]>(values.length);
    for (let i = 0; i < values.length; i++) {
      const kv = values[i] as { key?: unknown; value?: unknown } | null;
      const key = kv?.key ?? '';
      if (typeof key !== 'string') {
        throw new ModelError(`${what}.kvlistValue.values[${i}].key is not a string`);
      }
      entries[i] = [
        key,
        nested((kv as { value?: unknown }).value, depth, what, '.kvlistValue.values', i, '.value'),
      ];
    }
    return { t: 'kvlist', v: entries };
  }
  v = o['bytesValue'] ?? o['bytes_value'];
  if (v !== undefined && v !== null) {
    if (v instanceof Uint8Array) return { t: 'bytes', v };
    if (typeof v === 'string') return { t: 'bytes', v: new Uint8Array(Buffer.from(v, 'base64')) };
    throw new ModelError(`${what}.bytesValue is neither base64 text nor bytes`);
  }
  return EMPTY_VALUE;
}

/**
 * Reads a nested value; its error path (`<what><list>[<i>]<member>`) is only built on failure, so
 * the common case allocates no path strings.
 */
function nested(
  value: unknown,
  depth: number,
  what: string,
  list: string,
  i: number,
  member: string,
): NormValue {
  try {
    return normalizeAnyValue(value, '', depth + 1);
  } catch (err) {
    if (err instanceof ModelError) throw new ModelError(`${what}${list}[${i}]${member}${err.message}`);
    throw err;
  }
}

/** A signed 64-bit integer from a number, decimal string, bigint or long bits. */
export function toInt64(v: unknown, what: string): number | bigint {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return v;
    if (Number.isInteger(v)) return checkRange(BigInt(v), what);
    throw new ModelError(`${what} is not an integer: ${v}`);
  }
  if (typeof v === 'string') {
    if (!INT_STR.test(v) || v.length > 21) throw new ModelError(`${what} is not an integer string`);
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : checkRange(BigInt(v), what);
  }
  if (typeof v === 'bigint') return checkRange(v, what);
  if (typeof v === 'object' && v !== null && typeof (v as { low?: unknown }).low === 'number') {
    const { low, high } = v as { low: number; high: number };
    return BigInt.asIntN(64, (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0));
  }
  throw new ModelError(`${what} has an unsupported type (${typeof v})`);
}

function checkRange(b: bigint, what: string): bigint {
  if (b < I64_MIN || b > I64_MAX) throw new ModelError(`${what} is outside the int64 range`);
  return b;
}

function toDouble(v: unknown, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (v === 'NaN') return Number.NaN;
    if (v === 'Infinity') return Number.POSITIVE_INFINITY;
    if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
    const n = Number(v);
    if (v.trim() !== '' && !Number.isNaN(n)) return n;
  }
  throw new ModelError(`${what} is not a number`);
}

/** Reads a 32-bit integer or a protobuf enum name found in `names`. */
export function toEnum(v: unknown, names: Readonly<Record<string, number>>, what: string): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) return v;
  if (typeof v === 'string') {
    const n = names[v];
    if (n !== undefined) return n;
    if (/^-?[0-9]+$/.test(v)) return toEnum(Number(v), names, what);
  }
  throw new ModelError(`${what} is not a valid enum value: ${JSON.stringify(v)}`);
}

/** Reads a `fixed32` flags field; absent → 0. */
export function toUint32(v: unknown, what: string): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff) return v;
  throw new ModelError(`${what} is not a u32: ${JSON.stringify(v)}`);
}
