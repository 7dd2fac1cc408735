import { type NormValue, normalizeAnyValue } from '../model/any-value.js';
import { valueToText } from '../model/json-text.js';
import { ModelError, type Rec } from '../model/model-error.js';
import { BondType } from './bond-types.js';
import type { BondWriter } from './bond-writer.js';
import type { RecordContext } from './record-context.js';

/** Prefix given to an attribute whose key equals a built-in column name. */
export const RENAME_PREFIX = 'attr_';

/**
 * Writes the attribute columns of one record to `w` and appends their names/types. Rules
 * (differences from 0.4.0 in brackets):
 * - string → STRING, int → INT64, double → DOUBLE, bool → BOOL;
 * - [arrays, maps and bytes → STRING with JSON text / base64, 0.4.0 dropped them];
 * - empty values are skipped (as 0.4.0);
 * - [a repeated key keeps its first value; later ones are dropped with a warning];
 * - [a key equal to a built-in column name is renamed `attr_<key>` (again until free), with a warning].
 */
export function writeAttributes(
  attrs: unknown,
  reserved: ReadonlySet<string>,
  ctx: RecordContext,
  w: BondWriter,
  names: string[],
  types: number[],
): void {
  if (attrs === undefined || attrs === null) return;
  if (!Array.isArray(attrs)) throw new ModelError('attributes is not an array');
  let allKeys: Set<string> | undefined;
  let seen: Set<string> | undefined;
  for (let i = 0; i < attrs.length; i++) {
    const kv = attrs[i] as { key?: unknown; value?: unknown } | null;
    if (kv === null || typeof kv !== 'object') throw new ModelError(`attributes[${i}] is not a KeyValue`);
    const rawKey = kv.key ?? '';
    if (typeof rawKey !== 'string') throw new ModelError(`attributes[${i}].key is not a string`);
    // Column names are UTF-8: compare keys as they will be written (lone surrogates → U+FFFD).
    let name = wellFormed(rawKey);
    const value = kv.value as { stringValue?: unknown } | null | undefined;
    // Fast path for the common case; normalizeAnyValue gives the same answer.
    const str = value !== null && typeof value === 'object' ? value.stringValue : undefined;
    const scalar = typeof str === 'string' ? BondType.STRING : readScalar(value);
    const num = scalarNumber; // readScalar's number, before anything else can call it
    const v = scalar === NOT_SCALAR ? readValue(value, i) : undefined;
    if (v !== undefined && v.t === 'empty') continue;
    if (reserved.has(name)) {
      allKeys ??= new Set(attrs.map((a) => wellFormed(String((a as { key?: unknown } | null)?.key ?? ''))));
      let renamed = RENAME_PREFIX + name;
      while (reserved.has(renamed) || allKeys.has(renamed)) renamed = RENAME_PREFIX + renamed;
      ctx.warn(
        'GENEVA_WARN_RENAMED_ATTRIBUTE',
        `attribute ${JSON.stringify(name)} collides with a built-in column; written as ${JSON.stringify(renamed)}`,
      );
      name = renamed;
    }
    if (seen === undefined && names.length >= 16) seen = new Set(names);
    if (seen !== undefined ? seen.has(name) : names.includes(name)) {
      ctx.warn(
        'GENEVA_WARN_DUPLICATE_ATTRIBUTE',
        `attribute ${JSON.stringify(name)} repeated; first value kept`,
      );
      continue;
    }
    let type: number = scalar;
    if (scalar === BondType.STRING) w.utf8String(str as string);
    else if (scalar === BondType.INT64) w.i64(num);
    else if (scalar === BondType.DOUBLE) w.f64(num);
    else if (scalar === BondType.BOOL) w.bool(num !== 0);
    else if (v === undefined) throw new Error('unreachable: no attribute value');
    else if (v.t === 'int') {
      type = BondType.INT64;
      w.i64(v.v);
    } else if (v.t === 'double') {
      type = BondType.DOUBLE;
      w.f64(v.v);
    } else if (v.t === 'bool') {
      type = BondType.BOOL;
      w.bool(v.v);
    } else {
      type = BondType.STRING;
      w.utf8String(valueToText(v));
    }
    names.push(name);
    types.push(type);
    seen?.add(name);
  }
}

const NOT_SCALAR = -1;
/** The number (or 0/1 for a bool) read by the last successful readScalar call. */
let scalarNumber = 0;

/**
 * Fast path for the common number and bool values: their Bond type when no member of higher
 * precedence is set (normalizeAnyValue reads them to the same value), else NOT_SCALAR (the long way).
 */
function readScalar(value: unknown): number {
  if (value === null || typeof value !== 'object') return NOT_SCALAR;
  const o = value as Rec;
  if (o['stringValue'] != null || o['string_value'] != null) return NOT_SCALAR;
  const iv = o['intValue'];
  if (iv != null) {
    scalarNumber = typeof iv === 'number' ? (Number.isSafeInteger(iv) ? iv : Number.NaN) : smallInt(iv);
    return Number.isNaN(scalarNumber) ? NOT_SCALAR : BondType.INT64;
  }
  if (o['int_value'] != null) return NOT_SCALAR;
  const dv = o['doubleValue'];
  if (dv != null) {
    if (typeof dv !== 'number') return NOT_SCALAR;
    scalarNumber = dv;
    return BondType.DOUBLE;
  }
  if (o['double_value'] != null) return NOT_SCALAR;
  const bv = o['boolValue'];
  if (typeof bv !== 'boolean') return NOT_SCALAR;
  scalarNumber = bv ? 1 : 0;
  return BondType.BOOL;
}

/** A decimal string of at most 15 digits (optional '-') as a number; NaN for anything else. */
function smallInt(v: unknown): number {
  if (typeof v !== 'string') return Number.NaN;
  const neg = v.charCodeAt(0) === 45;
  const first = neg ? 1 : 0;
  if (v.length === first || v.length - first > 15) return Number.NaN;
  let n = 0;
  for (let i = first; i < v.length; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return neg ? -n : n;
}

/** normalizeAnyValue with the attribute index added to the error path only on failure. */
function readValue(value: unknown, i: number): NormValue {
  try {
    return normalizeAnyValue(value, 'value');
  } catch (err) {
    if (err instanceof ModelError) throw new ModelError(`attributes[${i}].${err.message}`);
    throw err;
  }
}

type WellFormedString = string & { isWellFormed(): boolean; toWellFormed(): string };

/** `s` with lone surrogates replaced by U+FFFD (what its UTF-8 encoding will hold). */
export function wellFormed(s: string): string {
  const w = s as WellFormedString;
  return w.isWellFormed() ? s : w.toWellFormed();
}
