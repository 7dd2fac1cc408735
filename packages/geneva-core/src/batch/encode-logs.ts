import { blobMetadata } from '../encode/central-blob.js';
import { LOG_QUALIFIED, LOG_STRUCT, logFields, readLogHeader, writeLogRow } from '../encode/log-rows.js';
import { listField } from '../model/model-error.js';
import type { ExportLogsServiceRequest } from '../model/otlp-types.js';
import { createBatchBuilder } from './batch-builder.js';
import { createEncodeRun, reasonOf } from './encode-context.js';
import { MAX_COLUMNS, MAX_EVENT_NAME } from './limits.js';
import type { EncodeResult, EncoderIdentity, EncoderOptions } from './types.js';

/**
 * Encodes OTLP logs into Geneva batches: one batch per log event name (`Log` when empty), rows per
 * wire-format §6. Never throws: unreadable records are listed in `rejected`, the rest still goes.
 */
export function encodeLogs(
  request: ExportLogsServiceRequest,
  identity: EncoderIdentity,
  options?: EncoderOptions,
): EncodeResult {
  const run = createEncodeRun('logs', identity, options);
  const builder = createBatchBuilder({
    metadata: blobMetadata(identity),
    structName: LOG_STRUCT,
    qualifiedName: LOG_QUALIFIED,
    fields: logFields,
    maxBatchBytes: options?.maxBatchBytes,
  });
  let resourceLogs: readonly unknown[] = [];
  try {
    resourceLogs = listField(request, 'resourceLogs', 'resource_logs', 'resourceLogs');
  } catch (err) {
    run.reject('request', reasonOf(err));
  }
  for (let ri = 0; ri < resourceLogs.length; ri++) {
    let scopeLogs: readonly unknown[];
    try {
      scopeLogs = listField(resourceLogs[ri], 'scopeLogs', 'scope_logs', 'scopeLogs');
    } catch (err) {
      run.reject(`resourceLogs[${ri}]`, reasonOf(err));
      continue;
    }
    for (let si = 0; si < scopeLogs.length; si++) {
      let records: readonly unknown[];
      try {
        records = listField(scopeLogs[si], 'logRecords', 'log_records', 'logRecords');
      } catch (err) {
        run.reject(`resourceLogs[${ri}].scopeLogs[${si}]`, reasonOf(err));
        continue;
      }
      for (let li = 0; li < records.length; li++) {
        run.at(ri, si, li);
        const warningsBefore = run.warnings.length;
        try {
          const rec = records[li] as object;
          const header = readLogHeader(rec);
          const eventName = header.eventName === '' ? 'Log' : header.eventName;
          if (eventName.length > MAX_EVENT_NAME) {
            throw new Error(`eventName is ${eventName.length} UTF-16 units long (max ${MAX_EVENT_NAME})`);
          }
          const row = writeLogRow(rec, header, run);
          if (row.attrNames.length + 14 > MAX_COLUMNS) {
            throw new Error(`too many attributes: ${row.attrNames.length} (max ${MAX_COLUMNS - 14})`);
          }
          builder.add(eventName, row, run.row.view(), header.time, header.time);
        } catch (err) {
          run.warnings.length = warningsBefore;
          run.reject(run.location(), reasonOf(err));
        }
      }
    }
  }
  return { batches: builder.finish(), rejected: run.rejected, warnings: run.warnings };
}
