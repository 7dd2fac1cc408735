/**
 * OTLP/JSON-shaped data model accepted by the encoder (no OpenTelemetry SDK import).
 *
 * Field names follow OTLP/JSON (camelCase). At runtime the encoder also accepts the protobuf
 * field names (snake_case, e.g. `resource_logs`, `time_unix_nano`), ids as hex strings, base64
 * strings (protobuf JSON `bytes`) or `Uint8Array`, and 64-bit numbers as decimal strings, numbers,
 * bigints or `{ low, high }` long bits (as `@opentelemetry/otlp-transformer` may produce).
 */

/** A 64-bit integer in any accepted form. */
export type Int64Like = string | number | bigint | LongBits;

/** Two 32-bit halves of a 64-bit integer (protobufjs "long bits"). */
export interface LongBits {
  low: number;
  high: number;
}

/** Trace, span or parent span id: hex string (OTLP/JSON), base64 string (protobuf JSON) or raw bytes. */
export type IdLike = string | Uint8Array;

/** One attribute value: exactly one member is set (an empty object is an empty value). */
export interface AnyValue {
  stringValue?: string | null;
  boolValue?: boolean | null;
  intValue?: Int64Like | null;
  doubleValue?: number | string | null;
  arrayValue?: ArrayValue | null;
  kvlistValue?: KeyValueList | null;
  /** base64 string (protobuf JSON) or raw bytes. */
  bytesValue?: string | Uint8Array | null;
}

export interface ArrayValue {
  values?: readonly AnyValue[];
}

export interface KeyValueList {
  values?: readonly KeyValue[];
}

export interface KeyValue {
  key: string;
  value?: AnyValue | null;
}

export interface Resource {
  attributes?: readonly KeyValue[];
  droppedAttributesCount?: number;
}

export interface InstrumentationScope {
  name?: string;
  version?: string;
  attributes?: readonly KeyValue[];
  droppedAttributesCount?: number;
}

/** Severity number: the enum's integer or its protobuf name (`SEVERITY_NUMBER_INFO`). */
export type SeverityNumberLike = number | string;

export interface LogRecord {
  timeUnixNano?: Int64Like;
  observedTimeUnixNano?: Int64Like;
  severityNumber?: SeverityNumberLike;
  severityText?: string;
  body?: AnyValue | null;
  attributes?: readonly KeyValue[];
  droppedAttributesCount?: number;
  flags?: number;
  traceId?: IdLike;
  spanId?: IdLike;
  eventName?: string;
}

export interface ScopeLogs {
  scope?: InstrumentationScope;
  logRecords?: readonly LogRecord[];
  schemaUrl?: string;
}

export interface ResourceLogs {
  resource?: Resource;
  scopeLogs?: readonly ScopeLogs[];
  schemaUrl?: string;
}

/** OTLP `ExportLogsServiceRequest` in its JSON shape. */
export interface ExportLogsServiceRequest {
  resourceLogs?: readonly ResourceLogs[];
}

/** Span kind: the enum's integer or its protobuf name (`SPAN_KIND_SERVER`). */
export type SpanKindLike = number | string;

/** Status code: the enum's integer or its protobuf name (`STATUS_CODE_ERROR`). */
export type StatusCodeLike = number | string;

export interface Status {
  message?: string;
  code?: StatusCodeLike;
}

export interface SpanEvent {
  timeUnixNano?: Int64Like;
  name?: string;
  attributes?: readonly KeyValue[];
  droppedAttributesCount?: number;
}

export interface Link {
  traceId?: IdLike;
  spanId?: IdLike;
  traceState?: string;
  attributes?: readonly KeyValue[];
  droppedAttributesCount?: number;
  flags?: number;
}

export interface Span {
  traceId?: IdLike;
  spanId?: IdLike;
  traceState?: string;
  parentSpanId?: IdLike;
  flags?: number;
  name?: string;
  kind?: SpanKindLike;
  startTimeUnixNano?: Int64Like;
  endTimeUnixNano?: Int64Like;
  attributes?: readonly KeyValue[];
  droppedAttributesCount?: number;
  events?: readonly SpanEvent[];
  droppedEventsCount?: number;
  links?: readonly Link[];
  droppedLinksCount?: number;
  status?: Status | null;
}

export interface ScopeSpans {
  scope?: InstrumentationScope;
  spans?: readonly Span[];
  schemaUrl?: string;
}

export interface ResourceSpans {
  resource?: Resource;
  scopeSpans?: readonly ScopeSpans[];
  schemaUrl?: string;
}

/** OTLP `ExportTraceServiceRequest` in its JSON shape. */
export interface ExportTraceServiceRequest {
  resourceSpans?: readonly ResourceSpans[];
}
