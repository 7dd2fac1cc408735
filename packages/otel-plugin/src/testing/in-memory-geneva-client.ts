/**
 * `createInMemoryGenevaClient`: a test double of geneva-core's client for exporter tests that do
 * not need the wire format. It groups records into one batch per event name (logs: `eventName`
 * or `Log`; spans: `Span`), as the real encoder does, and answers uploads through a scripted
 * `respond` function. Exported via `@geneva-otel/otel-plugin/testing` only.
 */
import type { ExportLogsServiceRequest, ExportTraceServiceRequest } from '../convert/otlp-model.js';
import type { GenevaClientPort, PortEncodeResult } from '../internal/client-port.js';
import type { UploadableBatch as EncodedBatch, UploadResult } from '../internal/core.js';

/** One upload attempt the fake saw. */
export interface RecordedUpload {
  eventName: string;
  rowCount: number;
  /** 1-based attempt number for this batch. */
  attempt: number;
  /** Names/ids of the rows in the batch (log body or span name). */
  rows: string[];
  outcome: 'accepted' | 'failed';
  at: number;
}

/** How the fake answers: a result, or an error to throw (e.g. core's `RetryableError`). */
export type Responder = (
  batch: EncodedBatch,
  attempt: number,
) => UploadResult | Error | Promise<UploadResult | Error>;

/** The fake client plus what it recorded. */
export interface InMemoryGenevaClient extends GenevaClientPort {
  readonly uploads: RecordedUpload[];
  /** Rows of every accepted batch, in acceptance order. */
  accepted(): string[];
  closed: boolean;
}

const ok = (batch: EncodedBatch): UploadResult => ({
  eventName: batch.eventName,
  status: 202,
  rowCount: batch.rowCount,
  ticket: 't',
});

/** Creates the fake; by default every upload is accepted. */
export function createInMemoryGenevaClient(respond: Responder = ok): InMemoryGenevaClient {
  const rowsOf = new WeakMap<EncodedBatch, string[]>();
  const attempts = new WeakMap<EncodedBatch, number>();
  const uploads: RecordedUpload[] = [];
  const group = (entries: [string, string][]): PortEncodeResult => {
    const byEvent = new Map<string, string[]>();
    for (const [event, row] of entries) byEvent.set(event, [...(byEvent.get(event) ?? []), row]);
    const batches = [...byEvent].map(([eventName, rows]) => {
      const batch = {
        eventName,
        data: Buffer.from(JSON.stringify(rows)),
        startTime: '',
        endTime: '',
        schemaIds: [],
        rowCount: rows.length,
      } satisfies EncodedBatch;
      rowsOf.set(batch, rows);
      return batch;
    });
    return { batches, rejected: [] };
  };
  const client: InMemoryGenevaClient = {
    uploads,
    closed: false,
    accepted: () => uploads.filter((u) => u.outcome === 'accepted').flatMap((u) => u.rows),
    encodeLogs: (request: unknown) => {
      const req = request as ExportLogsServiceRequest;
      return group(
        req.resourceLogs.flatMap((r) =>
          r.scopeLogs.flatMap((s) =>
            s.logRecords.map((l): [string, string] => [
              l.eventName || 'Log',
              String(l.body?.stringValue ?? ''),
            ]),
          ),
        ),
      );
    },
    encodeSpans: (request: unknown) => {
      const req = request as ExportTraceServiceRequest;
      return group(
        req.resourceSpans.flatMap((r) =>
          r.scopeSpans.flatMap((s) => s.spans.map((sp): [string, string] => ['Span', sp.name])),
        ),
      );
    },
    async upload(batch, options) {
      options?.signal?.throwIfAborted();
      const attempt = (attempts.get(batch) ?? 0) + 1;
      attempts.set(batch, attempt);
      const result = await respond(batch, attempt);
      const rows = rowsOf.get(batch) ?? [];
      const failed = result instanceof Error;
      uploads.push({
        eventName: batch.eventName,
        rowCount: batch.rowCount,
        attempt,
        rows,
        outcome: failed ? 'failed' : 'accepted',
        at: Date.now(),
      });
      if (failed) throw result;
      return result;
    },
    async close() {
      client.closed = true;
    },
  };
  return client;
}
