import { type NormValue, normalizeAnyValue } from '../model/any-value.js';
import { valueToText } from '../model/json-text.js';
import { ModelError } from '../model/model-error.js';
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
    const v = typeof str === 'string' ? undefined : readValue(value, i);
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
    let type: number = BondType.STRING;
    if (v === undefined) w.utf8String(str as string);
    else if (v.t === 'int') {
      type = BondType.INT64;
      w.i64(v.v);
    } else if (v.t === 'double') {
      type = BondType.DOUBLE;
      w.f64(v.v);
    } else if (v.t === 'bool') {
      type = BondType.BOOL;
      w.bool(v.v);
    } else w.utf8String(valueToText(v));
    names.push(name);
    types.push(type);
    seen?.add(name);
  }
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
