/** Pure conversions of SDK attribute values and times into the OTLP/JSON model. */
import type { HrTime } from '@opentelemetry/api';
import type { AnyValue, KeyValue } from './otlp-model.js';

/** Converts one attribute or body value; unsupported values become an empty `AnyValue`, as OTLP does. */
export function toAnyValue(value: unknown): AnyValue {
  switch (typeof value) {
    case 'string':
      return { stringValue: value };
    case 'number':
      return Number.isInteger(value) ? { intValue: value } : { doubleValue: value };
    case 'boolean':
      return { boolValue: value };
    case 'object': {
      if (value === null) return {};
      if (value instanceof Uint8Array) return { bytesValue: Buffer.from(value).toString('base64') };
      if (Array.isArray(value)) return { arrayValue: { values: value.map(toAnyValue) } };
      return { kvlistValue: { values: toKeyValues(value as Record<string, unknown>) } };
    }
    default:
      return {};
  }
}

/** Converts an attribute map into OTLP key/value pairs, in insertion order. */
export function toKeyValues(attributes: Record<string, unknown> | undefined): KeyValue[] {
  if (attributes === undefined) return [];
  const keys = Object.keys(attributes);
  const out = new Array<KeyValue>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    out[i] = { key, value: toAnyValue(attributes[key]) };
  }
  return out;
}

/** `[seconds, nanos]` → decimal nanoseconds since the epoch, exactly (no float rounding). */
export function hrTimeToNanosString(time: HrTime): string {
  const seconds = Math.trunc(time[0]);
  const nanos = Math.trunc(time[1]);
  if (seconds === 0) return String(nanos);
  return `${seconds}${String(nanos).padStart(9, '0')}`;
}
