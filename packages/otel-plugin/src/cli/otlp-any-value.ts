// OTLP/JSON attribute lists and AnyValues → the plugin's model, validated; errors name the location.
import type { AnyValue, KeyValue } from '../convert/otlp-model.js';
import type { JsonReader } from './otlp-json-values.js';

/** Deepest AnyValue nesting accepted: the encoder's limit (deeper values would be rejected there). */
export const MAX_ANY_VALUE_DEPTH = 64;

/** Reads a `KeyValue[]` (attributes); an empty key is an error, an empty value is kept as `{}`. */
export function keyValues(v: unknown, at: string, r: JsonReader, depth = 0): KeyValue[] {
  return r.array(v, at).map((kv, i) => {
    const o = r.object(kv, `${at}[${i}]`);
    const key = r.string(o['key'], `${at}[${i}].key`);
    if (key === '') r.fail(`${at}[${i}].key`, 'attribute key is empty');
    return { key, value: anyValue(o['value'], `${at}[${i}].value`, r, depth) ?? {} };
  });
}

/**
 * Reads one AnyValue; undefined when absent. int64 stays a decimal string, bytes stay base64.
 * Nesting deeper than {@link MAX_ANY_VALUE_DEPTH} is an error naming the attribute (not a stack overflow).
 */
export function anyValue(v: unknown, at: string, r: JsonReader, depth = 0): AnyValue | undefined {
  if (v === undefined || v === null) return undefined;
  if (depth > MAX_ANY_VALUE_DEPTH) {
    const top = at.split(/\.(?:kvlistValue|arrayValue)\b/)[0] ?? at;
    r.fail(top, `value nests deeper than ${MAX_ANY_VALUE_DEPTH} levels (the encoder's limit)`);
  }
  const o = r.object(v, at);
  if ('stringValue' in o) return { stringValue: r.string(o['stringValue'], `${at}.stringValue`) };
  if ('boolValue' in o) {
    if (typeof o['boolValue'] !== 'boolean') r.fail(`${at}.boolValue`, 'expected true or false');
    return { boolValue: o['boolValue'] as boolean };
  }
  if ('intValue' in o) return { intValue: r.int64(o['intValue'], `${at}.intValue`) };
  if ('doubleValue' in o) return { doubleValue: r.double(o['doubleValue'], `${at}.doubleValue`) };
  if ('bytesValue' in o) return { bytesValue: r.base64(o['bytesValue'], `${at}.bytesValue`) };
  if ('arrayValue' in o) {
    const values = r.array(
      r.object(o['arrayValue'], `${at}.arrayValue`)['values'],
      `${at}.arrayValue.values`,
    );
    return {
      arrayValue: {
        values: values.map((x, i) => anyValue(x, `${at}.arrayValue.values[${i}]`, r, depth + 1) ?? {}),
      },
    };
  }
  if ('kvlistValue' in o) {
    const kv = r.object(o['kvlistValue'], `${at}.kvlistValue`)['values'];
    return { kvlistValue: { values: keyValues(kv, `${at}.kvlistValue.values`, r, depth + 1) } };
  }
  return {}; // an empty AnyValue, which OTLP allows
}
