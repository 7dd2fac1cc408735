// Regroups flat record units (in order) into OTLP export requests: one entry per run of records
// that share a resource and a scope, so a chunk of a file keeps the file's structure.
import type { ExportLogsServiceRequest, ExportTraceServiceRequest } from '../convert/otlp-model.js';
import type { Header, LogUnit, SpanUnit } from './otlp-to-model.js';

/** Regroups units (in order) into one request, one entry per run of the same resource and scope. */
export function logUnitsToRequest(units: readonly LogUnit[]): ExportLogsServiceRequest {
  return {
    resourceLogs: regroup(units).map((g) => ({
      ...g.resource,
      scopeLogs: g.scopes.map((s) => ({ ...s.scope, logRecords: s.records })),
    })),
  };
}

/** Regroups span units (in order) into one request. */
export function spanUnitsToRequest(units: readonly SpanUnit[]): ExportTraceServiceRequest {
  return {
    resourceSpans: regroup(units).map((g) => ({
      ...g.resource,
      scopeSpans: g.scopes.map((s) => ({ ...s.scope, spans: s.records })),
    })),
  };
}

function regroup<R>(units: readonly (Header & { record: R })[]) {
  const groups: { resource: Header['resource']; scopes: { scope: Header['scope']; records: R[] }[] }[] = [];
  for (const u of units) {
    let g = groups.at(-1);
    if (g?.resource !== u.resource) {
      g = { resource: u.resource, scopes: [] };
      groups.push(g);
    }
    let s = g.scopes.at(-1);
    if (s?.scope !== u.scope) {
      s = { scope: u.scope, records: [] };
      g.scopes.push(s);
    }
    s.records.push(u.record);
  }
  return groups;
}
