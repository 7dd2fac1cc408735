// Type-level checks, run by tsc (`npx tsc --noEmit -p packages/otel-plugin/tsconfig.json`): the
// structural record views and the exporters accept the real SDK types. The runtime assertions
// only make sure the checked values are real SDK records.
import type { LogRecordExporter, ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ReadableLogRecordLike, ReadableSpanLike } from '../../../src/convert/sdk-types.js';
import type { GenevaLogRecordExporter, GenevaSpanExporter } from '../../../src/index.js';
import { makeLogRecords, makeSpans } from '../../helpers/sdk-records.js';

describe('SDK record types are accepted (checked by tsc)', () => {
  it('ReadableLogRecord (sdk-logs 0.223) is a ReadableLogRecordLike', async () => {
    const records: ReadableLogRecord[] = await makeLogRecords(2);
    const views: ReadableLogRecordLike[] = records;
    const one = records[0] satisfies ReadableLogRecordLike | undefined;
    expectTypeOf<ReadableLogRecord>().toExtend<ReadableLogRecordLike>();
    expectTypeOf<GenevaLogRecordExporter>().toExtend<LogRecordExporter>();
    expect(views).toHaveLength(2);
    expect(one?.instrumentationScope.name).toBeTypeOf('string');
  });

  it('ReadableSpan (sdk-trace-base 2.x) is a ReadableSpanLike', async () => {
    const spans: ReadableSpan[] = await makeSpans(1);
    const views: ReadableSpanLike[] = spans;
    const one = spans[0] satisfies ReadableSpanLike | undefined;
    expectTypeOf<ReadableSpan>().toExtend<ReadableSpanLike>();
    expectTypeOf<GenevaSpanExporter>().toExtend<SpanExporter>();
    expect(views.length).toBeGreaterThan(0);
    expect(one?.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});
