/**
 * The OTLP/JSON-shaped data model the plugin hands to geneva-core's encoder (hex ids, nanosecond
 * times as decimal strings, integers as numbers). These are structural copies of the shape the
 * contract in docs/architecture.md names; they match what `@opentelemetry/otlp-transformer`'s JSON
 * serializer produces, field for field.
 */
export interface AnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  bytesValue?: string;
  arrayValue?: { values: AnyValue[] };
  kvlistValue?: { values: KeyValue[] };
}
export interface KeyValue {
  key: string;
  value: AnyValue;
}
export interface Resource {
  attributes: KeyValue[];
  droppedAttributesCount: number;
  schemaUrl?: string;
}
export interface InstrumentationScope {
  name: string;
  version?: string;
  attributes?: KeyValue[];
  droppedAttributesCount?: number;
}
export interface LogRecord {
  timeUnixNano: string;
  observedTimeUnixNano: string;
  severityNumber?: number;
  severityText?: string;
  body?: AnyValue;
  eventName?: string;
  attributes: KeyValue[];
  droppedAttributesCount: number;
  flags?: number;
  traceId?: string;
  spanId?: string;
}
export interface ScopeLogs {
  scope?: InstrumentationScope;
  logRecords: LogRecord[];
  schemaUrl?: string;
}
export interface ResourceLogs {
  resource?: Resource;
  scopeLogs: ScopeLogs[];
  schemaUrl?: string;
}
export interface ExportLogsServiceRequest {
  resourceLogs: ResourceLogs[];
}
export interface SpanEvent {
  timeUnixNano: string;
  name: string;
  attributes: KeyValue[];
  droppedAttributesCount: number;
}
export interface SpanLink {
  traceId: string;
  spanId: string;
  traceState?: string;
  attributes: KeyValue[];
  droppedAttributesCount: number;
  flags?: number;
}
export interface Span {
  traceId: string;
  spanId: string;
  traceState?: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: KeyValue[];
  droppedAttributesCount: number;
  events: SpanEvent[];
  droppedEventsCount: number;
  links: SpanLink[];
  droppedLinksCount: number;
  status: { code: number; message?: string };
  flags?: number;
}
export interface ScopeSpans {
  scope?: InstrumentationScope;
  spans: Span[];
  schemaUrl?: string;
}
export interface ResourceSpans {
  resource?: Resource;
  scopeSpans: ScopeSpans[];
  schemaUrl?: string;
}
export interface ExportTraceServiceRequest {
  resourceSpans: ResourceSpans[];
}
