import { normalizeAnyValue, toEnum, toUint32 } from '../model/any-value.js';
import { valueToText } from '../model/json-text.js';
import { asString, ModelError, type Rec } from '../model/model-error.js';
import { isZeroTime, toUnixTime, type UnixTime } from '../model/time.js';
import { writeAttributes } from './attributes.js';
import { BondType, type FieldDef } from './bond-types.js';
import type { EncodedRow, RecordContext } from './record-context.js';
import { formatRowTimestamp } from './timestamps.js';
import { M_NEXT, pushTraceContextFields, writeTraceContext } from './trace-context-columns.js';

export const LOG_STRUCT = 'OtlpLogRecord';
export const LOG_QUALIFIED = 'telemetry.OtlpLogRecord';

const M_NAME = M_NEXT;
const M_SEVERITY_TEXT = 16;
const M_BODY = 32;

/** Built-in log column names: an attribute with one of these keys is renamed. */
export const LOG_RESERVED: ReadonlySet<string> = new Set([
  'env_name',
  'env_ver',
  'timestamp',
  'env_time',
  'Tenant',
  'Role',
  'RoleInstance',
  'env_dt_traceId',
  'env_dt_spanId',
  'env_dt_traceFlags',
  'name',
  'SeverityNumber',
  'SeverityText',
  'body',
]);

export const SEVERITY_NAMES: Readonly<Record<string, number>> = Object.fromEntries([
  ['SEVERITY_NUMBER_UNSPECIFIED', 0],
  ...['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'].flatMap((n, i) =>
    ['', '2', '3', '4'].map((suffix, j) => [`SEVERITY_NUMBER_${n}${suffix}`, i * 4 + j + 1]),
  ),
]);

const S = (name: string): FieldDef => ({ name, type: BondType.STRING });
const HEAD: FieldDef[] = [
  'env_name',
  'env_ver',
  'timestamp',
  'env_time',
  'Tenant',
  'Role',
  'RoleInstance',
].map(S);

/** The column list of a log row: built-ins selected by `mask`, then the attribute columns. */
export function logFields(mask: number, names: readonly string[], types: readonly number[]): FieldDef[] {
  const f = HEAD.slice();
  pushTraceContextFields(f, mask);
  if (mask & M_NAME) f.push(S('name'));
  f.push({ name: 'SeverityNumber', type: BondType.INT32 });
  if (mask & M_SEVERITY_TEXT) f.push(S('SeverityText'));
  if (mask & M_BODY) f.push(S('body'));
  for (let i = 0; i < names.length; i++) f.push({ name: names[i]!, type: types[i]! });
  return f;
}

/** Normalized parts of a log record needed before its row is written. */
export interface LogHeader {
  time: UnixTime;
  eventName: string;
}

/** Reads the record's time (time, else observed time) and event name. */
export function readLogHeader(rec: unknown): LogHeader {
  if (rec === null || typeof rec !== 'object') throw new ModelError('log record is not an object');
  let time = toUnixTime((rec as Rec).timeUnixNano ?? (rec as Rec).time_unix_nano, 'timeUnixNano');
  if (isZeroTime(time))
    time = toUnixTime(
      (rec as Rec).observedTimeUnixNano ?? (rec as Rec).observed_time_unix_nano,
      'observedTimeUnixNano',
    );
  return { time, eventName: asString((rec as Rec).eventName ?? (rec as Rec).event_name, 'eventName') };
}

/** Writes one log row (without the SP header) to `ctx.row`; see wire-format §6. */
export function writeLogRow(rec: object, header: LogHeader, ctx: RecordContext): EncodedRow {
  const flags = toUint32((rec as Rec).flags, 'flags');
  const severity = toEnum(
    (rec as Rec).severityNumber ?? (rec as Rec).severity_number,
    SEVERITY_NAMES,
    'severityNumber',
  );
  const severityText = asString((rec as Rec).severityText ?? (rec as Rec).severity_text, 'severityText');
  const body = normalizeAnyValue((rec as Rec).body, 'body');

  const w = ctx.row;
  w.reset();
  w.bytes(ctx.head);
  const ts = formatRowTimestamp(header.time);
  w.utf8String(ts);
  w.utf8String(ts);
  w.bytes(ctx.tail);
  let mask = writeTraceContext(w, rec as Rec, flags, ctx);
  if (header.eventName !== '') {
    mask |= M_NAME;
    w.utf8String(header.eventName);
  }
  w.i32(severity);
  if (severityText !== '') {
    mask |= M_SEVERITY_TEXT;
    w.utf8String(severityText);
  }
  if (body.t !== 'empty') {
    mask |= M_BODY;
    w.utf8String(valueToText(body));
  }
  const attrNames = ctx.names;
  const attrTypes = ctx.types;
  attrNames.length = 0;
  attrTypes.length = 0;
  writeAttributes((rec as Rec).attributes, LOG_RESERVED, ctx, w, attrNames, attrTypes);
  return { mask, attrNames, attrTypes, level: severity & 0xff };
}
