// Decodes OTLP/protobuf ExportLogsServiceRequest / ExportTraceServiceRequest bytes into the OTLP/JSON
// shape (camelCase names, int64 and fixed64 as decimal strings, trace/span ids as lowercase hex,
// bytes values as base64), so one reader handles both input formats. Field numbers follow
// opentelemetry-proto v1 (logs, trace, common, resource). Unknown fields are skipped, as protobuf
// requires; malformed bytes throw an error naming the byte offset.

type Scalar = 'string' | 'bool' | 'int64' | 'uint' | 'fixed64' | 'fixed32' | 'double' | 'hex' | 'base64';
interface Field {
  name: string;
  /** A scalar kind or the name of another message in {@link MESSAGES}. */
  type: Scalar | string;
  repeated?: boolean;
}
type MessageName = string;
type Json = Record<string, unknown>;

const KV: Field = { name: 'attributes', type: 'KeyValue', repeated: true };
const DROPPED: Field = { name: 'droppedAttributesCount', type: 'uint' };

const MESSAGES: Record<string, Record<number, Field>> = {
  ExportLogsServiceRequest: { 1: { name: 'resourceLogs', type: 'ResourceLogs', repeated: true } },
  ResourceLogs: {
    1: { name: 'resource', type: 'Resource' },
    2: { name: 'scopeLogs', type: 'ScopeLogs', repeated: true },
    3: { name: 'schemaUrl', type: 'string' },
  },
  ScopeLogs: {
    1: { name: 'scope', type: 'InstrumentationScope' },
    2: { name: 'logRecords', type: 'LogRecord', repeated: true },
    3: { name: 'schemaUrl', type: 'string' },
  },
  LogRecord: {
    1: { name: 'timeUnixNano', type: 'fixed64' },
    11: { name: 'observedTimeUnixNano', type: 'fixed64' },
    2: { name: 'severityNumber', type: 'uint' },
    3: { name: 'severityText', type: 'string' },
    5: { name: 'body', type: 'AnyValue' },
    6: KV,
    7: DROPPED,
    8: { name: 'flags', type: 'fixed32' },
    9: { name: 'traceId', type: 'hex' },
    10: { name: 'spanId', type: 'hex' },
    12: { name: 'eventName', type: 'string' },
  },
  ExportTraceServiceRequest: { 1: { name: 'resourceSpans', type: 'ResourceSpans', repeated: true } },
  ResourceSpans: {
    1: { name: 'resource', type: 'Resource' },
    2: { name: 'scopeSpans', type: 'ScopeSpans', repeated: true },
    3: { name: 'schemaUrl', type: 'string' },
  },
  ScopeSpans: {
    1: { name: 'scope', type: 'InstrumentationScope' },
    2: { name: 'spans', type: 'Span', repeated: true },
    3: { name: 'schemaUrl', type: 'string' },
  },
  Span: {
    1: { name: 'traceId', type: 'hex' },
    2: { name: 'spanId', type: 'hex' },
    3: { name: 'traceState', type: 'string' },
    4: { name: 'parentSpanId', type: 'hex' },
    16: { name: 'flags', type: 'fixed32' },
    5: { name: 'name', type: 'string' },
    6: { name: 'kind', type: 'uint' },
    7: { name: 'startTimeUnixNano', type: 'fixed64' },
    8: { name: 'endTimeUnixNano', type: 'fixed64' },
    9: KV,
    10: DROPPED,
    11: { name: 'events', type: 'SpanEvent', repeated: true },
    12: { name: 'droppedEventsCount', type: 'uint' },
    13: { name: 'links', type: 'SpanLink', repeated: true },
    14: { name: 'droppedLinksCount', type: 'uint' },
    15: { name: 'status', type: 'Status' },
  },
  SpanEvent: {
    1: { name: 'timeUnixNano', type: 'fixed64' },
    2: { name: 'name', type: 'string' },
    3: KV,
    4: DROPPED,
  },
  SpanLink: {
    1: { name: 'traceId', type: 'hex' },
    2: { name: 'spanId', type: 'hex' },
    3: { name: 'traceState', type: 'string' },
    4: KV,
    5: DROPPED,
    6: { name: 'flags', type: 'fixed32' },
  },
  Status: { 2: { name: 'message', type: 'string' }, 3: { name: 'code', type: 'uint' } },
  Resource: { 1: KV, 2: DROPPED },
  InstrumentationScope: {
    1: { name: 'name', type: 'string' },
    2: { name: 'version', type: 'string' },
    3: KV,
    4: DROPPED,
  },
  KeyValue: { 1: { name: 'key', type: 'string' }, 2: { name: 'value', type: 'AnyValue' } },
  AnyValue: {
    1: { name: 'stringValue', type: 'string' },
    2: { name: 'boolValue', type: 'bool' },
    3: { name: 'intValue', type: 'int64' },
    4: { name: 'doubleValue', type: 'double' },
    5: { name: 'arrayValue', type: 'ArrayValue' },
    6: { name: 'kvlistValue', type: 'KeyValueList' },
    7: { name: 'bytesValue', type: 'base64' },
  },
  ArrayValue: { 1: { name: 'values', type: 'AnyValue', repeated: true } },
  KeyValueList: { 1: { name: 'values', type: 'KeyValue', repeated: true } },
};

/** Malformed protobuf; `offset` is the byte where decoding stopped. */
export class ProtobufDecodeError extends Error {
  override name = 'ProtobufDecodeError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
  }
}

/**
 * Deepest message nesting decoded: the encoder's 64 AnyValue levels (up to 3 messages each, through
 * KeyValueList and KeyValue) plus the request envelope. Deeper input is refused (naming the record)
 * instead of overflowing the stack.
 */
export const MAX_MESSAGE_DEPTH = 64 * 3 + 16;

/** Decodes an OTLP ExportLogsServiceRequest into its OTLP/JSON shape. */
export function decodeLogsRequestProtobuf(bytes: Uint8Array): Json {
  return decodeMessage(bytes, 0, bytes.length, 'ExportLogsServiceRequest', undefined, 0);
}

/** Decodes an OTLP ExportTraceServiceRequest into its OTLP/JSON shape. */
export function decodeTraceRequestProtobuf(bytes: Uint8Array): Json {
  return decodeMessage(bytes, 0, bytes.length, 'ExportTraceServiceRequest', undefined, 0);
}

/** Where a nested message sits (a chain, turned into text only for an error). */
interface Where {
  parent: Where | undefined;
  step: string;
}

/** The record's OTLP/JSON location, cut before the nested AnyValue levels. */
function recordPath(at: Where | undefined): string {
  const steps: string[] = [];
  for (let w = at; w; w = w.parent) steps.push(w.step);
  const path = steps.reverse().join('.');
  return path.split(/\.(?:kvlistValue|arrayValue)\b/)[0] ?? path;
}

function decodeMessage(
  buf: Uint8Array,
  start: number,
  end: number,
  type: MessageName,
  at: Where | undefined,
  depth: number,
): Json {
  if (depth > MAX_MESSAGE_DEPTH) {
    throw new ProtobufDecodeError(
      `${recordPath(at)}: value nests deeper than 64 levels (the encoder's limit)`,
      start,
    );
  }
  const fields = MESSAGES[type]!;
  const out: Json = {};
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let pos = start;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (pos >= end) throw new ProtobufDecodeError('truncated varint', pos);
      const byte = buf[pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new ProtobufDecodeError('varint longer than 10 bytes', pos);
  };
  const need = (n: number) => {
    if (pos + n > end) throw new ProtobufDecodeError(`field needs ${n} bytes, ${end - pos} left`, pos);
  };
  while (pos < end) {
    const tag = Number(varint());
    const num = tag >>> 3;
    const wire = tag & 7;
    const field = fields[num];
    let value: unknown;
    if (wire === 0) {
      const v = varint();
      if (!field) continue;
      value =
        field.type === 'bool'
          ? v !== 0n
          : field.type === 'int64'
            ? BigInt.asIntN(64, v).toString()
            : Number(v);
    } else if (wire === 1) {
      need(8);
      if (field?.type === 'double') value = view.getFloat64(pos, true);
      else value = view.getBigUint64(pos, true).toString();
      pos += 8;
      if (!field) continue;
    } else if (wire === 5) {
      need(4);
      value = view.getUint32(pos, true);
      pos += 4;
      if (!field) continue;
    } else if (wire === 2) {
      const len = Number(varint());
      need(len);
      const from = pos;
      pos += len;
      if (!field) continue;
      const slice = buf.subarray(from, pos);
      if (field.type === 'string') value = new TextDecoder('utf-8', { fatal: false }).decode(slice);
      else if (field.type === 'hex') value = Buffer.from(slice).toString('hex');
      else if (field.type === 'base64') value = Buffer.from(slice).toString('base64');
      else if (field.type in MESSAGES) {
        const index =
          field.repeated && Array.isArray(out[field.name]) ? (out[field.name] as unknown[]).length : 0;
        const step = field.repeated ? `${field.name}[${index}]` : field.name;
        value = decodeMessage(buf, from, pos, field.type as MessageName, { parent: at, step }, depth + 1);
      } else throw new ProtobufDecodeError(`field ${field.name} (#${num}) has the wrong wire type 2`, from);
    } else {
      throw new ProtobufDecodeError(`unsupported wire type ${wire} for field #${num}`, pos);
    }
    if (!field.repeated) out[field.name] = value;
    else if (Array.isArray(out[field.name])) (out[field.name] as unknown[]).push(value);
    else out[field.name] = [value];
  }
  return out;
}
