// Turns an OTLP/JSON-shaped export request (parsed JSON, or decoded protobuf) into the plugin's OTLP
// model, validated record by record, and flattens it into one unit per log record or span. Units
// travel through the exporter engine like SDK records would, and are regrouped into requests by
// resource and scope (otlp-regroup.ts) when the engine converts a chunk. Nothing is rounded: int64 values and
// nanosecond times stay decimal strings, flags stay as given, so a replay writes what the file says.
import type { InstrumentationScope, LogRecord, Resource, Span } from '../convert/otlp-model.js';
import { anyValue, keyValues } from './otlp-any-value.js';
import type { JsonReader } from './otlp-json-values.js';

/** Where a record sits: its resource and scope headers (shared by reference between units). */
export interface Header {
  resource: { resource: Resource; schemaUrl?: string };
  scope: { scope: InstrumentationScope; schemaUrl?: string };
}
/** One log record with its headers. */
export interface LogUnit extends Header {
  record: LogRecord;
}
/** One span with its headers. */
export interface SpanUnit extends Header {
  record: Span;
}

const SEVERITY: Record<string, number> = { SEVERITY_NUMBER_UNSPECIFIED: 0 };
['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'].forEach((level, i) => {
  ['', '2', '3', '4'].forEach((n, j) => {
    SEVERITY[`SEVERITY_NUMBER_${level}${n}`] = i * 4 + j + 1;
  });
});
const KIND: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
const STATUS: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

/** Validates an ExportLogsServiceRequest and returns its log records in order. */
export function logsRequestToUnits(request: unknown, r: JsonReader): LogUnit[] {
  const root = r.object(request, 'request');
  if (!('resourceLogs' in root)) r.fail('request', 'not an ExportLogsServiceRequest (no "resourceLogs")');
  return walk(root['resourceLogs'], 'resourceLogs', 'scopeLogs', 'logRecords', r, (l, at) => {
    const severityText = r.string(l['severityText'], `${at}.severityText`);
    const eventName = r.string(l['eventName'], `${at}.eventName`);
    const body = anyValue(l['body'], `${at}.body`, r);
    const flags = r.int(l['flags'], `${at}.flags`);
    const traceId = r.id(l['traceId'], `${at}.traceId`, 16);
    const spanId = r.id(l['spanId'], `${at}.spanId`, 8);
    return {
      timeUnixNano: r.nanos(l['timeUnixNano'], `${at}.timeUnixNano`).toString(),
      observedTimeUnixNano: r.nanos(l['observedTimeUnixNano'], `${at}.observedTimeUnixNano`).toString(),
      severityNumber: r.enumValue(l['severityNumber'], `${at}.severityNumber`, SEVERITY),
      ...(severityText ? { severityText } : {}),
      ...(body ? { body } : {}),
      ...(eventName ? { eventName } : {}),
      attributes: keyValues(l['attributes'], `${at}.attributes`, r),
      droppedAttributesCount: r.int(l['droppedAttributesCount'], `${at}.droppedAttributesCount`),
      ...(flags ? { flags } : {}),
      ...(traceId ? { traceId } : {}),
      ...(spanId ? { spanId } : {}),
    } satisfies LogRecord;
  });
}

/** Validates an ExportTraceServiceRequest and returns its spans in order. */
export function traceRequestToUnits(request: unknown, r: JsonReader): SpanUnit[] {
  const root = r.object(request, 'request');
  if (!('resourceSpans' in root)) r.fail('request', 'not an ExportTraceServiceRequest (no "resourceSpans")');
  return walk(root['resourceSpans'], 'resourceSpans', 'scopeSpans', 'spans', r, (s, at) => {
    const traceId = r.id(s['traceId'], `${at}.traceId`, 16);
    const spanId = r.id(s['spanId'], `${at}.spanId`, 8);
    if (!traceId || !spanId) r.fail(at, 'a span needs a traceId and a spanId');
    const start = r.nanos(s['startTimeUnixNano'], `${at}.startTimeUnixNano`);
    const end = r.nanos(s['endTimeUnixNano'], `${at}.endTimeUnixNano`);
    if (end < start) r.fail(`${at}.endTimeUnixNano`, 'the span ends before it starts');
    const parentSpanId = r.id(s['parentSpanId'], `${at}.parentSpanId`, 8);
    const traceState = r.string(s['traceState'], `${at}.traceState`);
    const status = r.object(s['status'], `${at}.status`);
    const message = r.string(status['message'], `${at}.status.message`);
    const flags = r.int(s['flags'], `${at}.flags`);
    const kind = r.enumValue(s['kind'], `${at}.kind`, KIND);
    if (kind < 0 || kind > 5) r.fail(`${at}.kind`, `unknown span kind ${kind}`);
    return {
      traceId,
      spanId,
      ...(traceState ? { traceState } : {}),
      ...(parentSpanId ? { parentSpanId } : {}),
      name: r.string(s['name'], `${at}.name`),
      kind,
      startTimeUnixNano: start.toString(),
      endTimeUnixNano: end.toString(),
      attributes: keyValues(s['attributes'], `${at}.attributes`, r),
      droppedAttributesCount: r.int(s['droppedAttributesCount'], `${at}.droppedAttributesCount`),
      events: r.array(s['events'], `${at}.events`).map((e, i) => {
        const eat = `${at}.events[${i}]`;
        const eo = r.object(e, eat);
        return {
          timeUnixNano: r.nanos(eo['timeUnixNano'], `${eat}.timeUnixNano`).toString(),
          name: r.string(eo['name'], `${eat}.name`),
          attributes: keyValues(eo['attributes'], `${eat}.attributes`, r),
          droppedAttributesCount: r.int(eo['droppedAttributesCount'], `${eat}.droppedAttributesCount`),
        };
      }),
      droppedEventsCount: r.int(s['droppedEventsCount'], `${at}.droppedEventsCount`),
      links: r.array(s['links'], `${at}.links`).map((l, i) => {
        const lat = `${at}.links[${i}]`;
        const lo = r.object(l, lat);
        const linkTrace = r.id(lo['traceId'], `${lat}.traceId`, 16);
        const linkSpan = r.id(lo['spanId'], `${lat}.spanId`, 8);
        if (!linkTrace || !linkSpan) r.fail(lat, 'a link needs a traceId and a spanId');
        const linkState = r.string(lo['traceState'], `${lat}.traceState`);
        const linkFlags = r.int(lo['flags'], `${lat}.flags`);
        return {
          traceId: linkTrace,
          spanId: linkSpan,
          ...(linkState ? { traceState: linkState } : {}),
          attributes: keyValues(lo['attributes'], `${lat}.attributes`, r),
          droppedAttributesCount: r.int(lo['droppedAttributesCount'], `${lat}.droppedAttributesCount`),
          ...(linkFlags ? { flags: linkFlags } : {}),
        };
      }),
      droppedLinksCount: r.int(s['droppedLinksCount'], `${at}.droppedLinksCount`),
      status: {
        code: r.enumValue(status['code'], `${at}.status.code`, STATUS),
        ...(message ? { message } : {}),
      },
      ...(flags ? { flags } : {}),
    } satisfies Span;
  });
}

function walk<R>(
  resources: unknown,
  rKey: string,
  sKey: string,
  recKey: string,
  r: JsonReader,
  read: (o: Record<string, unknown>, at: string) => R,
): (Header & { record: R })[] {
  const out: (Header & { record: R })[] = [];
  r.array(resources, rKey).forEach((rv, i) => {
    const at = `${rKey}[${i}]`;
    const ro = r.object(rv, at);
    const res = r.object(ro['resource'], `${at}.resource`);
    const resource: Header['resource'] = {
      resource: {
        attributes: keyValues(res['attributes'], `${at}.resource.attributes`, r),
        droppedAttributesCount: r.int(res['droppedAttributesCount'], `${at}.resource.droppedAttributesCount`),
      },
      ...optionalString(ro, 'schemaUrl', at, r),
    };
    r.array(ro[sKey], `${at}.${sKey}`).forEach((sv, j) => {
      const sat = `${at}.${sKey}[${j}]`;
      const so = r.object(sv, sat);
      const sc = r.object(so['scope'], `${sat}.scope`);
      const version = r.string(sc['version'], `${sat}.scope.version`);
      const scope: Header['scope'] = {
        scope: {
          name: r.string(sc['name'], `${sat}.scope.name`),
          ...(version ? { version } : {}),
          attributes: keyValues(sc['attributes'], `${sat}.scope.attributes`, r),
          droppedAttributesCount: r.int(sc['droppedAttributesCount'], `${sat}.scope.droppedAttributesCount`),
        },
        ...optionalString(so, 'schemaUrl', sat, r),
      };
      r.array(so[recKey], `${sat}.${recKey}`).forEach((rec, k) => {
        const rat = `${sat}.${recKey}[${k}]`;
        out.push({ resource, scope, record: read(r.object(rec, rat), rat) });
      });
    });
  });
  return out;
}

function optionalString(o: Record<string, unknown>, key: string, at: string, r: JsonReader) {
  const v = r.string(o[key], `${at}.${key}`);
  return v ? { [key]: v } : {};
}
