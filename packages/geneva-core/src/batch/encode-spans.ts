import { blobMetadata } from '../encode/central-blob.js';
import { readSpanTimes, SPAN_QUALIFIED, SPAN_STRUCT, spanFields, writeSpanRow } from '../encode/span-rows.js';
import { listField } from '../model/model-error.js';
import type { ExportTraceServiceRequest } from '../model/otlp-types.js';
import { createBatchBuilder } from './batch-builder.js';
import { createEncodeRun, reasonOf } from './encode-context.js';
import { MAX_COLUMNS } from './limits.js';
import type { EncodeResult, EncoderIdentity, EncoderOptions } from './types.js';

/** Event (table) name of every span batch. */
export const SPAN_EVENT_NAME = 'Span';

/**
 * Encodes OTLP spans into Geneva batches: one `Span` batch (more only with `maxBatchBytes`), rows
 * per wire-format §7. Never throws: unreadable spans are listed in `rejected`, the rest still goes.
 */
export function encodeSpans(
  request: ExportTraceServiceRequest,
  identity: EncoderIdentity,
  options?: EncoderOptions,
): EncodeResult {
  const run = createEncodeRun('traces', identity, options);
  const builder = createBatchBuilder({
    metadata: blobMetadata(identity),
    structName: SPAN_STRUCT,
    qualifiedName: SPAN_QUALIFIED,
    fields: spanFields,
    maxBatchBytes: options?.maxBatchBytes,
  });
  let resourceSpans: readonly unknown[] = [];
  try {
    resourceSpans = listField(request, 'resourceSpans', 'resource_spans', 'resourceSpans');
  } catch (err) {
    run.reject('request', reasonOf(err));
  }
  for (let ri = 0; ri < resourceSpans.length; ri++) {
    let scopeSpans: readonly unknown[];
    try {
      scopeSpans = listField(resourceSpans[ri], 'scopeSpans', 'scope_spans', 'scopeSpans');
    } catch (err) {
      run.reject(`resourceSpans[${ri}]`, reasonOf(err));
      continue;
    }
    for (let si = 0; si < scopeSpans.length; si++) {
      let spans: readonly unknown[];
      try {
        spans = listField(scopeSpans[si], 'spans', 'spans', 'spans');
      } catch (err) {
        run.reject(`resourceSpans[${ri}].scopeSpans[${si}]`, reasonOf(err));
        continue;
      }
      for (let pi = 0; pi < spans.length; pi++) {
        run.at(ri, si, pi);
        const warningsBefore = run.warnings.length;
        try {
          const span = spans[pi] as object;
          const times = readSpanTimes(span);
          const row = writeSpanRow(span, times, run);
          if (row.attrNames.length + 20 > MAX_COLUMNS) {
            throw new Error(`too many attributes: ${row.attrNames.length} (max ${MAX_COLUMNS - 20})`);
          }
          builder.add(SPAN_EVENT_NAME, row, run.row.view(), times.start, times.end);
        } catch (err) {
          run.warnings.length = warningsBefore;
          run.reject(run.location(), reasonOf(err));
        }
      }
    }
  }
  return { batches: builder.finish(), rejected: run.rejected, warnings: run.warnings };
}
