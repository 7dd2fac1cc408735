/** Real SDK records for tests: log records and spans produced by the actual OTel SDK providers. */
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  type ReadableLogRecord,
  SimpleLogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

export const resource = resourceFromAttributes({ 'service.name': 'checkout', 'service.instance.id': 'i-1' });

/** `n` log records with a mix of attribute types, bodies, event names and span contexts. */
export async function makeLogRecords(n: number): Promise<ReadableLogRecord[]> {
  const memory = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({
    resource,
    processors: [new SimpleLogRecordProcessor({ exporter: memory })],
  });
  const logger = provider.getLogger('scope-a', '1.2.3');
  const other = provider.getLogger('scope-b');
  for (let i = 0; i < n; i++) {
    (i % 3 === 0 ? other : logger).emit({
      severityNumber: SeverityNumber.INFO,
      severityText: 'INFO',
      body: i % 5 === 0 ? { structured: i } : `log ${i}`,
      eventName: i % 2 === 0 ? 'OrderPlaced' : undefined,
      attributes: {
        'http.status_code': 200 + (i % 3),
        ratio: 0.5,
        ok: true,
        user: `u${i}`,
        tags: ['a', 'b'],
      },
      timestamp: [1_700_000_000 + i, 123_456_789],
    });
  }
  await provider.forceFlush();
  const records = memory.getFinishedLogRecords();
  await provider.shutdown();
  return records;
}

/** `n` spans with parents, events, links, statuses and kinds. */
export async function makeSpans(n: number): Promise<ReadableSpan[]> {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(memory)] });
  const tracer = provider.getTracer('tracer-a', '0.1.0');
  for (let i = 0; i < n; i++) {
    const parent = tracer.startSpan(`parent ${i}`, {
      kind: SpanKind.SERVER,
      attributes: { route: '/x', n: i },
    });
    const ctx = trace.setSpan(context.active(), parent);
    const child = tracer.startSpan(
      `child ${i}`,
      { kind: SpanKind.CLIENT, links: [{ context: parent.spanContext() }] },
      ctx,
    );
    child.addEvent('retry', { attempt: 1 });
    child.setStatus({
      code: i % 2 ? SpanStatusCode.ERROR : SpanStatusCode.OK,
      message: i % 2 ? 'boom' : undefined,
    });
    child.end();
    parent.end();
  }
  await provider.forceFlush();
  const spans = memory.getFinishedSpans();
  await provider.shutdown();
  return spans;
}
