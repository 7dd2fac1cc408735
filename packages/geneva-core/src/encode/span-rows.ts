import { toEnum, toUint32 } from '../model/any-value.js';
import { normalizeId, plainHexId } from '../model/ids.js';
import { asList, asString, ModelError, type Rec } from '../model/model-error.js';
import { diffNanos, isZeroTime, toUnixTime, type UnixTime } from '../model/time.js';
import { writeAttributes } from './attributes.js';
import { BondType, type FieldDef } from './bond-types.js';
import { writeIdColumn } from './id-columns.js';
import type { EncodedRow, RecordContext } from './record-context.js';
import { formatRowTimestamp } from './timestamps.js';
import { M_NEXT, pushTraceContextFields, writeTraceContext } from './trace-context-columns.js';

export const SPAN_STRUCT = 'OtlpSpanRecord';
export const SPAN_QUALIFIED = 'telemetry.OtlpSpanRecord';
/** Level of every span event entry. */
export const SPAN_LEVEL = 5;

const M_NAME = M_NEXT;
const M_TRACE_STATE = 16;
const M_PARENT_ID = 32;
const M_LINKS = 64;
const M_STATUS_MESSAGE = 128;
const M_END_TIME = 256;

const BASE_RESERVED = [
  'env_name',
  'env_ver',
  'timestamp',
  'env_time',
  'Tenant',
  'Role',
  'RoleInstance',
  'kind',
  'startTime',
  'success',
  'env_dt_traceId',
  'env_dt_spanId',
  'env_dt_traceFlags',
  'name',
  'traceState',
  'parentId',
  'links',
  'statusMessage',
];
/** Built-in span column names (0.4.0); `endTime`/`durationNs` join them when the opt-in columns are on. */
export const SPAN_RESERVED: ReadonlySet<string> = new Set(BASE_RESERVED);
export const SPAN_RESERVED_WITH_END: ReadonlySet<string> = new Set([
  ...BASE_RESERVED,
  'endTime',
  'durationNs',
]);

export const SPAN_KIND_NAMES: Readonly<Record<string, number>> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
export const STATUS_CODE_NAMES: Readonly<Record<string, number>> = {
  STATUS_CODE_UNSET: 0,
  STATUS_CODE_OK: 1,
  STATUS_CODE_ERROR: 2,
};

const S = (name: string): FieldDef => ({ name, type: BondType.STRING });
const HEAD: FieldDef[] = [
  ...['env_name', 'env_ver', 'timestamp', 'env_time', 'Tenant', 'Role', 'RoleInstance'].map(S),
  { name: 'kind', type: BondType.INT32 },
  S('startTime'),
  { name: 'success', type: BondType.BOOL },
];

/** The column list of a span row: built-ins selected by `mask`, then the attribute columns. */
export function spanFields(mask: number, names: readonly string[], types: readonly number[]): FieldDef[] {
  const f = HEAD.slice();
  pushTraceContextFields(f, mask);
  if (mask & M_NAME) f.push(S('name'));
  if (mask & M_TRACE_STATE) f.push(S('traceState'));
  if (mask & M_PARENT_ID) f.push(S('parentId'));
  if (mask & M_LINKS) f.push(S('links'));
  if (mask & M_STATUS_MESSAGE) f.push(S('statusMessage'));
  if (mask & M_END_TIME) f.push(S('endTime'), { name: 'durationNs', type: BondType.INT64 });
  for (let i = 0; i < names.length; i++) f.push({ name: names[i]!, type: types[i]! });
  return f;
}

export interface SpanTimes {
  start: UnixTime;
  end: UnixTime;
}

export function readSpanTimes(span: unknown): SpanTimes {
  if (span === null || typeof span !== 'object') throw new ModelError('span is not an object');
  return {
    start: toUnixTime(
      (span as Rec).startTimeUnixNano ?? (span as Rec).start_time_unix_nano,
      'startTimeUnixNano',
    ),
    end: toUnixTime((span as Rec).endTimeUnixNano ?? (span as Rec).end_time_unix_nano, 'endTimeUnixNano'),
  };
}

/** Writes one span row (without the SP header) to `ctx.row`; see wire-format §7. */
export function writeSpanRow(span: object, times: SpanTimes, ctx: RecordContext): EncodedRow {
  const kind = toEnum((span as Rec).kind, SPAN_KIND_NAMES, 'kind');
  const status = (span as Rec).status as object | undefined;
  const code = status ? toEnum((status as Rec).code, STATUS_CODE_NAMES, 'status.code') : 0;
  const statusMessage = status ? asString((status as Rec).message, 'status.message') : '';
  const flags = toUint32((span as Rec).flags, 'flags');
  const name = asString((span as Rec).name, 'name');
  const traceState = asString((span as Rec).traceState ?? (span as Rec).trace_state, 'traceState');
  const links = asList((span as Rec).links, 'links');

  const w = ctx.row;
  w.reset();
  w.bytes(ctx.head);
  const ts = formatRowTimestamp(times.start);
  w.utf8String(ts);
  w.utf8String(ts);
  w.bytes(ctx.tail);
  w.i32(kind);
  w.utf8String(ts);
  w.bool(code !== 2);
  let mask = writeTraceContext(w, span as Rec, flags, ctx);
  if (name !== '') {
    mask |= M_NAME;
    w.utf8String(name);
  }
  if (traceState !== '') {
    mask |= M_TRACE_STATE;
    w.utf8String(traceState);
  }
  const parentSpanId = (span as Rec).parentSpanId ?? (span as Rec).parent_span_id;
  if (writeIdColumn(w, parentSpanId, 8, 'parentSpanId', ctx)) mask |= M_PARENT_ID;
  if (links.length > 0) {
    mask |= M_LINKS;
    w.utf8String(linksJson(links, ctx));
  }
  if (statusMessage !== '') {
    mask |= M_STATUS_MESSAGE;
    w.utf8String(statusMessage);
  }
  if (ctx.spanEndTime) {
    mask |= M_END_TIME;
    w.utf8String(formatRowTimestamp(times.end));
    w.i64(isZeroTime(times.end) ? 0 : diffNanos(times.start, times.end));
  }
  const attrNames = ctx.names;
  const attrTypes = ctx.types;
  attrNames.length = 0;
  attrTypes.length = 0;
  const reserved = ctx.spanEndTime ? SPAN_RESERVED_WITH_END : SPAN_RESERVED;
  writeAttributes((span as Rec).attributes, reserved, ctx, w, attrNames, attrTypes);
  return { mask, attrNames, attrTypes, level: SPAN_LEVEL };
}

/** `[{"toSpanId":"<hex>","toTraceId":"<hex>"},...]` from each link's raw id bytes, as 0.4.0 writes it. */
function linksJson(links: readonly unknown[], ctx: RecordContext): string {
  let out = '[';
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    if (link === null || typeof link !== 'object') throw new ModelError(`links[${i}] is not an object`);
    const sid = linkIdHex((link as Rec).spanId ?? (link as Rec).span_id, i, 'spanId', ctx);
    const tid = linkIdHex((link as Rec).traceId ?? (link as Rec).trace_id, i, 'traceId', ctx);
    if (i > 0) out += ',';
    out += `{"toSpanId":"${sid}","toTraceId":"${tid}"}`;
  }
  return `${out}]`;
}

/** Link `i`'s id `member` as hex of any length; absent → '', unreadable → '' with a warning. */
function linkIdHex(value: unknown, i: number, member: string, ctx: RecordContext): string {
  const hex = plainHexId(value);
  if (hex !== undefined) return hex;
  const id = normalizeId(value);
  if (id.kind === 'invalid')
    ctx.warn('GENEVA_WARN_INVALID_ID', `links[${i}].${member} written empty: ${id.reason}`);
  return id.kind === 'ok' ? id.hex : '';
}
