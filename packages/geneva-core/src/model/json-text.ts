import type { NormValue } from './any-value.js';

/**
 * The text written for values 0.4.0 dropped (arrays, maps, bytes, non-string bodies): JSON with
 * ints as exact integers, bytes as base64 strings, maps as objects in key order, empty values as
 * `null`, non-finite doubles as the strings "NaN", "Infinity", "-Infinity". At top level, bytes are
 * written as bare base64 (no quotes) and strings as themselves.
 */
export function valueToText(v: NormValue): string {
  if (v.t === 'string') return v.v;
  if (v.t === 'bytes') return Buffer.from(v.v.buffer, v.v.byteOffset, v.v.length).toString('base64');
  return valueToJson(v);
}

export function valueToJson(v: NormValue): string {
  switch (v.t) {
    case 'string':
      return JSON.stringify(v.v);
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'int':
      return String(v.v);
    case 'double':
      return Number.isFinite(v.v) ? JSON.stringify(v.v) : JSON.stringify(String(v.v));
    case 'bytes':
      return JSON.stringify(Buffer.from(v.v.buffer, v.v.byteOffset, v.v.length).toString('base64'));
    case 'array':
      return arrayToJson(v.v);
    case 'kvlist':
      return kvlistToJson(v.v);
    case 'empty':
      return 'null';
  }
}

function arrayToJson(items: readonly NormValue[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += valueToJson(items[i] as NormValue);
  }
  return `${out}]`;
}

function kvlistToJson(entries: readonly (readonly [string, NormValue])[]): string {
  let out = '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i] as readonly [string, NormValue];
    if (i > 0) out += ',';
    out += `${JSON.stringify(key)}:${valueToJson(value)}`;
  }
  return `${out}}`;
}
