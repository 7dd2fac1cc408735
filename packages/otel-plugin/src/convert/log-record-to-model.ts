/** SDK log records → `ExportLogsServiceRequest` (grouped by resource, then scope), without serialising. */
import { hrTimeToNanosString, toAnyValue, toKeyValues } from './attributes.js';
import type { ExportLogsServiceRequest, LogRecord, ResourceLogs, ScopeLogs } from './otlp-model.js';
import { scopeKey, toResource, toScope } from './resource.js';
import type { ReadableLogRecordLike, SdkResource } from './sdk-types.js';

/** Maps one SDK log record to an OTLP log record (hex ids, nanosecond strings). */
export function logRecordToModel(log: ReadableLogRecordLike): LogRecord {
  const ctx = log.spanContext;
  return {
    timeUnixNano: hrTimeToNanosString(log.hrTime),
    observedTimeUnixNano: hrTimeToNanosString(log.hrTimeObserved),
    severityNumber: log.severityNumber,
    severityText: log.severityText,
    body: toAnyValue(log.body),
    eventName: log.eventName,
    attributes: toKeyValues(log.attributes),
    droppedAttributesCount: log.droppedAttributesCount,
    flags: ctx?.traceFlags,
    traceId: ctx?.traceId,
    spanId: ctx?.spanId,
  };
}

/** Groups SDK log records into one OTLP request, preserving record order within each scope. */
export function logRecordsToModel(logs: readonly ReadableLogRecordLike[]): ExportLogsServiceRequest {
  const byResource = new Map<SdkResource, Map<string, ScopeLogs>>();
  for (const log of logs) {
    let byScope = byResource.get(log.resource);
    if (byScope === undefined) {
      byScope = new Map();
      byResource.set(log.resource, byScope);
    }
    const key = scopeKey(log.instrumentationScope);
    let scopeLogs = byScope.get(key);
    if (scopeLogs === undefined) {
      const scope = log.instrumentationScope;
      scopeLogs = { scope: toScope(scope), logRecords: [], schemaUrl: scope.schemaUrl };
      byScope.set(key, scopeLogs);
    }
    scopeLogs.logRecords.push(logRecordToModel(log));
  }
  const resourceLogs: ResourceLogs[] = [];
  for (const [resource, byScope] of byResource) {
    const otlpResource = toResource(resource);
    resourceLogs.push({
      resource: otlpResource,
      scopeLogs: [...byScope.values()],
      schemaUrl: otlpResource.schemaUrl,
    });
  }
  return { resourceLogs };
}
