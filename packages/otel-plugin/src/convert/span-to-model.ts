/** SDK spans → `ExportTraceServiceRequest` (grouped by resource, then scope), without serialising. */
import type { SpanContext } from '@opentelemetry/api';
import { hrTimeToNanosString, toKeyValues } from './attributes.js';
import type {
  ExportTraceServiceRequest,
  ResourceSpans,
  ScopeSpans,
  Span,
  SpanEvent,
  SpanLink,
} from './otlp-model.js';
import { scopeKey, toResource, toScope } from './resource.js';
import type { ReadableSpanLike, SdkResource } from './sdk-types.js';

/**
 * Span and link flags: the W3C trace-flags byte only (`traceFlags & 0xff`, e.g. 1 = sampled).
 * OTLP 1.x also defines "has is-remote" / "is remote" bits (0x100 / 0x200), which the OTLP
 * exporters set; Geneva stores the value as `env_dt_traceFlags`, which users query as W3C trace
 * flags (and log rows carry the plain byte), so they are left out here.
 */
function spanFlags(traceFlags: number): number {
  return traceFlags & 0xff;
}

function linkToModel(link: ReadableSpanLike['links'][number]): SpanLink {
  const ctx: SpanContext = link.context;
  return {
    attributes: toKeyValues(link.attributes),
    traceId: ctx.traceId,
    spanId: ctx.spanId,
    traceState: ctx.traceState?.serialize(),
    droppedAttributesCount: link.droppedAttributesCount || 0,
    flags: spanFlags(ctx.traceFlags),
  };
}

function eventToModel(event: ReadableSpanLike['events'][number]): SpanEvent {
  return {
    attributes: toKeyValues(event.attributes),
    name: event.name,
    timeUnixNano: hrTimeToNanosString(event.time),
    droppedAttributesCount: event.droppedAttributesCount || 0,
  };
}

/** Maps one SDK span to an OTLP span; the span kind is shifted by one (OTLP has UNSPECIFIED = 0). */
export function spanToModel(span: ReadableSpanLike): Span {
  const ctx = span.spanContext();
  const parentSpanId = span.parentSpanContext?.spanId;
  return {
    traceId: ctx.traceId,
    spanId: ctx.spanId,
    parentSpanId: parentSpanId ? parentSpanId : undefined,
    traceState: ctx.traceState?.serialize(),
    name: span.name,
    kind: span.kind == null ? 0 : span.kind + 1,
    startTimeUnixNano: hrTimeToNanosString(span.startTime),
    endTimeUnixNano: hrTimeToNanosString(span.endTime),
    attributes: toKeyValues(span.attributes),
    droppedAttributesCount: span.droppedAttributesCount,
    events: span.events.map(eventToModel),
    droppedEventsCount: span.droppedEventsCount,
    status: { code: span.status.code, message: span.status.message },
    links: span.links.map(linkToModel),
    droppedLinksCount: span.droppedLinksCount,
    flags: spanFlags(ctx.traceFlags),
  };
}

/** Groups SDK spans into one OTLP request, preserving span order within each scope. */
export function spansToModel(spans: readonly ReadableSpanLike[]): ExportTraceServiceRequest {
  const byResource = new Map<SdkResource, Map<string, ScopeSpans>>();
  for (const span of spans) {
    let byScope = byResource.get(span.resource);
    if (byScope === undefined) {
      byScope = new Map();
      byResource.set(span.resource, byScope);
    }
    const key = scopeKey(span.instrumentationScope);
    let scopeSpans = byScope.get(key);
    if (scopeSpans === undefined) {
      const scope = span.instrumentationScope;
      scopeSpans = { scope: toScope(scope), spans: [], schemaUrl: scope.schemaUrl };
      byScope.set(key, scopeSpans);
    }
    scopeSpans.spans.push(spanToModel(span));
  }
  const resourceSpans: ResourceSpans[] = [];
  for (const [resource, byScope] of byResource) {
    const otlpResource = toResource(resource);
    resourceSpans.push({
      resource: otlpResource,
      scopeSpans: [...byScope.values()],
      schemaUrl: otlpResource.schemaUrl,
    });
  }
  return { resourceSpans };
}
