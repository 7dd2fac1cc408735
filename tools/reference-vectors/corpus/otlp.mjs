// Small builders for OTLP/JSON requests (the protobuf JSON mapping: hex ids, string u64 times,
// string int64 attributes). Only fields that are passed are written, so inputs can leave fields out.

/** Base time of the corpus: 2023-11-14T22:13:20Z, as nanoseconds (BigInt). */
export const T0 = 1_700_000_000_000_000_000n;

/** `T0 + offset` nanoseconds, as the decimal string OTLP/JSON uses. */
export const at = (offsetNs = 0n) => String(T0 + BigInt(offsetNs));

export const str = (v) => ({ stringValue: v });
export const int = (v) => ({ intValue: typeof v === 'number' ? v : String(v) });
export const dbl = (v) => ({ doubleValue: v });
export const bool = (v) => ({ boolValue: v });
export const arr = (...values) => ({ arrayValue: { values } });
export const kvlist = (entries) => ({ kvlistValue: { values: attrs(entries) } });
export const bytes = (base64) => ({ bytesValue: base64 });

/** `[[key, anyValue], ...]` → OTLP KeyValue list. A value of `undefined` writes a KeyValue without `value`. */
export function attrs(entries) {
  return entries.map(([key, value]) => (value === undefined ? { key } : { key, value }));
}

const SEVERITY_TEXT = [
  'UNSPECIFIED',
  'TRACE',
  'TRACE2',
  'TRACE3',
  'TRACE4',
  'DEBUG',
  'DEBUG2',
  'DEBUG3',
  'DEBUG4',
  'INFO',
  'INFO2',
  'INFO3',
  'INFO4',
  'WARN',
  'WARN2',
  'WARN3',
  'WARN4',
  'ERROR',
  'ERROR2',
  'ERROR3',
  'ERROR4',
  'FATAL',
  'FATAL2',
  'FATAL3',
  'FATAL4',
];
export const severityText = (n) => SEVERITY_TEXT[n];

/**
 * A log record. `o` keys: time, observed, severity, severityText, body, attributes ([[k, v]]),
 * traceId, spanId, flags, eventName, droppedAttributesCount. Absent keys are not written.
 */
export function log(o = {}) {
  const r = {};
  if (o.time !== undefined) r.timeUnixNano = o.time;
  if (o.observed !== undefined) r.observedTimeUnixNano = o.observed;
  if (o.severity !== undefined) r.severityNumber = o.severity;
  if (o.severityText !== undefined) r.severityText = o.severityText;
  if (o.body !== undefined) r.body = o.body;
  if (o.attributes !== undefined) r.attributes = attrs(o.attributes);
  if (o.droppedAttributesCount !== undefined) r.droppedAttributesCount = o.droppedAttributesCount;
  if (o.flags !== undefined) r.flags = o.flags;
  if (o.traceId !== undefined) r.traceId = o.traceId;
  if (o.spanId !== undefined) r.spanId = o.spanId;
  if (o.eventName !== undefined) r.eventName = o.eventName;
  return r;
}

/**
 * A span. `o` keys: traceId, spanId, parentSpanId, traceState, flags, name, kind, start, end,
 * attributes, events, links ([{traceId, spanId, traceState?, attributes?, flags?}]), status ({code, message}).
 */
export function span(o = {}) {
  const r = {};
  if (o.traceId !== undefined) r.traceId = o.traceId;
  if (o.spanId !== undefined) r.spanId = o.spanId;
  if (o.traceState !== undefined) r.traceState = o.traceState;
  if (o.parentSpanId !== undefined) r.parentSpanId = o.parentSpanId;
  if (o.flags !== undefined) r.flags = o.flags;
  if (o.name !== undefined) r.name = o.name;
  if (o.kind !== undefined) r.kind = o.kind;
  if (o.start !== undefined) r.startTimeUnixNano = o.start;
  if (o.end !== undefined) r.endTimeUnixNano = o.end;
  if (o.attributes !== undefined) r.attributes = attrs(o.attributes);
  if (o.events !== undefined) r.events = o.events;
  if (o.links !== undefined) {
    r.links = o.links.map((l) => {
      const link = { traceId: l.traceId, spanId: l.spanId };
      if (l.traceState !== undefined) link.traceState = l.traceState;
      if (l.attributes !== undefined) link.attributes = attrs(l.attributes);
      if (l.flags !== undefined) link.flags = l.flags;
      return link;
    });
  }
  if (o.status !== undefined) r.status = o.status;
  return r;
}

const RESOURCE = {
  attributes: attrs([
    ['service.name', str('vectors-service')],
    ['host.name', str('vectors-host')],
  ]),
};
const SCOPE = { name: 'vectors-scope', version: '1.0.0' };

/** One resource, one scope, these log records. */
export const logsRequest = (records) => ({
  resourceLogs: [{ resource: RESOURCE, scopeLogs: [{ scope: SCOPE, logRecords: records }] }],
});

/** One resource, one scope, these spans. */
export const tracesRequest = (spans) => ({
  resourceSpans: [{ resource: RESOURCE, scopeSpans: [{ scope: SCOPE, spans }] }],
});

/** Deterministic PRNG (mulberry32), so generated corpus inputs are the same on every run. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` random lowercase hex digits from `rand`. */
export const hex = (rand, n) =>
  Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
