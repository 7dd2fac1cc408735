import { context, type SpanContext, TraceFlags, trace } from '@opentelemetry/api';
import { JsonLogsSerializer, JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { hrTimeToNanosString } from '../../../src/convert/attributes.js';
import { logRecordsToModel } from '../../../src/convert/log-record-to-model.js';
import { spansToModel } from '../../../src/convert/span-to-model.js';
import { makeLogRecords, makeSpans } from '../../helpers/sdk-records.js';

const viaJson = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));
const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('direct SDK → OTLP model mapping', () => {
  it('produces exactly what otlp-transformer JSON serialization produces, for logs', async () => {
    const records = await makeLogRecords(12);
    expect(roundTrip(logRecordsToModel(records))).toEqual(
      viaJson(JsonLogsSerializer.serializeRequest(records) as Uint8Array),
    );
  });

  it('produces what otlp-transformer JSON serialization produces for spans, except the is-remote flag bits', async () => {
    const spans = await makeSpans(6);
    const expected = viaJson(JsonTraceSerializer.serializeRequest(spans) as Uint8Array);
    // otlp-transformer sets 0x100 ("has is-remote") on span and link flags; we keep the W3C byte.
    let masked = 0;
    for (const rs of expected.resourceSpans)
      for (const ss of rs.scopeSpans)
        for (const span of ss.spans) {
          for (const item of [span, ...(span.links ?? [])]) {
            if (item.flags & 0x300) masked++;
            item.flags &= 0xff;
          }
        }
    expect(masked).toBeGreaterThan(0);
    expect(roundTrip(spansToModel(spans))).toEqual(expected);
  });

  it('span and link flags are the W3C trace-flags byte, also for remote parents and links', async () => {
    const memory = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] });
    const remote: SpanContext = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    };
    const tracer = provider.getTracer('flags');
    const span = tracer.startSpan(
      'remote-child',
      { links: [{ context: { ...remote, spanId: '00f067aa0ba902b7' } }] },
      trace.setSpanContext(context.active(), remote),
    );
    span.end();
    const [sdkSpan] = memory.getFinishedSpans();
    expect(sdkSpan?.parentSpanContext?.isRemote).toBe(true);
    const otlp = viaJson(JsonTraceSerializer.serializeRequest([sdkSpan!]) as Uint8Array);
    expect(otlp.resourceSpans[0].scopeSpans[0].spans[0].flags).toBe(0x301); // what OTLP would carry
    const model = spansToModel([sdkSpan!]).resourceSpans[0]?.scopeSpans[0]?.spans[0];
    expect(model?.flags).toBe(1);
    expect(model?.links?.map((l) => l.flags)).toEqual([1]);
    await provider.shutdown();
  });

  it('groups by resource then scope and keeps record order', async () => {
    const records = await makeLogRecords(6);
    const model = logRecordsToModel(records);
    expect(model.resourceLogs).toHaveLength(1);
    const scopes = model.resourceLogs[0]?.scopeLogs.map((s) => [s.scope?.name, s.logRecords.length]);
    expect(scopes).toEqual([
      ['scope-b', 2],
      ['scope-a', 4],
    ]);
    expect(model.resourceLogs[0]?.scopeLogs[1]?.logRecords.map((l) => l.body?.stringValue)).toEqual([
      'log 1',
      'log 2',
      'log 4',
      undefined,
    ]); // record 5 has a map body
  });

  it('formats nanosecond times exactly', () => {
    expect(hrTimeToNanosString([1_700_000_000, 5])).toBe('1700000000000000005');
    expect(hrTimeToNanosString([0, 42])).toBe('42');
    expect(hrTimeToNanosString([1, 0])).toBe('1000000000');
  });
});
