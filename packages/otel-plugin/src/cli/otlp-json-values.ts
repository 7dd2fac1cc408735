// Readers for the OTLP/JSON encoding's value forms, tolerant where the OTLP/JSON spec allows variants
// (64-bit integers as strings or numbers, enums as integers or names) and strict everywhere else.
// Every error names the input file and the location of the bad value, e.g.
// `logs.json: resourceLogs[0].scopeLogs[0].logRecords[3].timeUnixNano: expected ...`.
import { CliInputError } from './cli-errors.js';

/** A location-aware reader of one input file. */
export interface JsonReader {
  fail(where: string, what: string): never;
  object(value: unknown, where: string): Record<string, unknown>;
  array(value: unknown, where: string): unknown[];
  string(value: unknown, where: string): string;
  /** A 32-bit-safe integer (counts, enums, flags); absent = 0. */
  int(value: unknown, where: string): number;
  /** An int64 as a decimal string (kept exact). */
  int64(value: unknown, where: string): string;
  double(value: unknown, where: string): number;
  base64(value: unknown, where: string): string;
  /** Unsigned nanoseconds since the epoch; absent = 0. */
  nanos(value: unknown, where: string): bigint;
  /** A trace (16 bytes) or span (8 bytes) id as lowercase hex; absent or empty = ''. */
  id(value: unknown, where: string, bytes: 8 | 16): string;
  enumValue(value: unknown, where: string, names: Record<string, number>): number;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Creates a reader whose errors are prefixed with the input file's name. */
export function createJsonReader(file: string): JsonReader {
  const fail = (where: string, what: string): never => {
    throw new CliInputError('GENEVA_ERR_CLI_INPUT', `${file}: ${where}: ${what}`);
  };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const reader: JsonReader = {
    fail,
    object: (v, where) =>
      v === undefined || v === null ? {} : isObject(v) ? v : fail(where, 'expected an object'),
    array: (v, where) =>
      v === undefined || v === null ? [] : Array.isArray(v) ? v : fail(where, 'expected an array'),
    string: (v, where) =>
      v === undefined || v === null ? '' : typeof v === 'string' ? v : fail(where, 'expected a string'),
    int(v, where) {
      if (v === undefined || v === null) return 0;
      const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isSafeInteger(n))
        fail(where, `expected an integer, got ${show(v)}`);
      return n as number;
    },
    int64(v, where) {
      const text = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
      if (typeof text !== 'string' || !/^-?\d+$/.test(text)) {
        return fail(where, `expected a 64-bit integer (a decimal string), got ${show(v)}`);
      }
      const n = BigInt(text);
      if (n < INT64_MIN || n > INT64_MAX) fail(where, `${text} does not fit in a signed 64-bit integer`);
      return n.toString();
    },
    double(v, where) {
      if (typeof v === 'number') return v;
      if (v === 'NaN' || v === 'Infinity' || v === '-Infinity') return Number(v);
      return fail(where, `expected a number, got ${show(v)}`);
    },
    base64(v, where) {
      const s = reader.string(v, where);
      if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s)) fail(where, 'expected base64 bytes');
      return s;
    },
    nanos(v, where) {
      if (v === undefined || v === null) return 0n;
      const text = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
      if (typeof text !== 'string' || !/^\d+$/.test(text) || BigInt(text) > UINT64_MAX) {
        return fail(
          where,
          `expected unsigned nanoseconds since the epoch (a decimal string), got ${show(v)}`,
        );
      }
      return BigInt(text);
    },
    id(v, where, bytes) {
      const s = reader.string(v, where);
      if (s === '') return '';
      if (s.length !== bytes * 2 || !/^[0-9a-fA-F]+$/.test(s)) {
        fail(where, `expected ${bytes * 2} hex digits (OTLP/JSON writes ids as hex), got ${show(v)}`);
      }
      return s.toLowerCase();
    },
    enumValue(v, where, names) {
      if (typeof v === 'string' && Object.hasOwn(names, v)) return names[v]!;
      return reader.int(v, where);
    },
  };
  return reader;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
