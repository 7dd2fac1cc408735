/**
 * Structural views of the SDK records the exporters accept. They are the subset of
 * `ReadableLogRecord` (sdk-logs 0.2xx and 3.x) and `ReadableSpan` (sdk-trace-base 2.x,
 * sdk-trace 3.x) that the plugin reads, so one build serves both SDK lines without importing
 * either at runtime or in its type declarations.
 */
import type { Attributes, HrTime, Link, SpanContext, SpanStatus } from '@opentelemetry/api';

/** The resource as both SDK lines expose it. */
export interface SdkResource {
  readonly attributes: Record<string, unknown>;
  readonly schemaUrl?: string;
}
/** An instrumentation scope as both SDK lines expose it. */
export interface SdkInstrumentationScope {
  readonly name: string;
  readonly version?: string;
  readonly schemaUrl?: string;
  readonly attributes?: Record<string, unknown>;
  readonly droppedAttributesCount?: number;
}
/** The fields of an SDK `ReadableLogRecord` the log exporter reads. */
export interface ReadableLogRecordLike {
  readonly hrTime: HrTime;
  readonly hrTimeObserved: HrTime;
  readonly spanContext?: SpanContext;
  readonly severityText?: string;
  readonly severityNumber?: number;
  readonly body?: unknown;
  readonly eventName?: string;
  readonly resource: SdkResource;
  readonly instrumentationScope: SdkInstrumentationScope;
  readonly attributes: Record<string, unknown>;
  readonly droppedAttributesCount: number;
}
/** A span event as the SDK records it. */
export interface SdkTimedEvent {
  readonly time: HrTime;
  readonly name: string;
  readonly attributes?: Attributes;
  readonly droppedAttributesCount?: number;
}
/** The fields of an SDK `ReadableSpan` the span exporter reads. */
export interface ReadableSpanLike {
  readonly name: string;
  readonly kind: number;
  spanContext(): SpanContext;
  readonly parentSpanContext?: SpanContext;
  readonly startTime: HrTime;
  readonly endTime: HrTime;
  readonly status: SpanStatus;
  readonly attributes: Attributes;
  readonly links: Link[];
  readonly events: SdkTimedEvent[];
  readonly resource: SdkResource;
  readonly instrumentationScope: SdkInstrumentationScope;
  readonly droppedAttributesCount: number;
  readonly droppedEventsCount: number;
  readonly droppedLinksCount: number;
}
