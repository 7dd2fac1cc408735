import { type EncodedSchema, encodeSchema } from '../encode/bond-schema.js';
import type { FieldDef } from '../encode/bond-types.js';

const MAX_ENTRIES = 4096;
const caches = new Map<string, Map<string, Map<string, EncodedSchema>>>();

/**
 * Schema bytes and md5 for a column list, memoized by struct and schema key across calls
 * (the same shapes recur from export to export). Bounded: cleared when full.
 */
export function schemaFor(
  structName: string,
  qualifiedName: string,
  schemaKey: string,
  fields: () => readonly FieldDef[],
): EncodedSchema {
  let byQualified = caches.get(structName);
  if (byQualified === undefined) {
    byQualified = new Map();
    caches.set(structName, byQualified);
  }
  let cache = byQualified.get(qualifiedName);
  if (cache === undefined) {
    cache = new Map();
    byQualified.set(qualifiedName, cache);
  }
  let s = cache.get(schemaKey);
  if (s === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    s = encodeSchema(structName, qualifiedName, fields());
    cache.set(schemaKey, s);
  }
  return s;
}
