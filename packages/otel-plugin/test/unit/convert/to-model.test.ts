import { JsonLogsSerializer, JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
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

  it('produces exactly what otlp-transformer JSON serialization produces, for spans', async () => {
    const spans = await makeSpans(6);
    expect(roundTrip(spansToModel(spans))).toEqual(
      viaJson(JsonTraceSerializer.serializeRequest(spans) as Uint8Array),
    );
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
