// One test per deliberate difference from geneva-uploader 0.4.0 (README, "Differences from 0.4.0").
import { describe, expect, it } from 'vitest';
import { decodeBody, encodeLogs, encodeSpans } from '../../../src/encoding.js';
import { IDENTITY, logRequest, spanRequest } from './helpers.js';

const only = (r: ReturnType<typeof encodeLogs>) => {
  expect(r.rejected).toEqual([]);
  expect(r.batches).toHaveLength(1);
  return decodeBody(r.batches[0]!.data);
};

describe('differences from 0.4.0', () => {
  it('1. an attribute named like a built-in column is renamed attr_<key> (0.4.0: misaligned row)', () => {
    const r = encodeLogs(
      logRequest([
        {
          body: { stringValue: 'real body' },
          attributes: [
            { key: 'body', value: { intValue: 7 } },
            { key: 'Role', value: { stringValue: 'mine' } },
            { key: 'attr_Role', value: { boolValue: true } },
          ],
        },
      ]),
      IDENTITY,
    );
    const blob = only(r);
    const names = blob.schemas[0]!.fields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(blob.events[0]!.values).toMatchObject({
      body: 'real body',
      Role: 'roleB',
      attr_body: 7n,
      attr_attr_Role: 'mine',
      attr_Role: true,
    });
    expect(r.warnings.map((w) => w.code)).toEqual([
      'GENEVA_WARN_RENAMED_ATTRIBUTE',
      'GENEVA_WARN_RENAMED_ATTRIBUTE',
    ]);
    expect(r.warnings[0]!.location).toBe('resourceLogs[0].scopeLogs[0].logRecords[0]');
  });

  it('1b. span built-ins are reserved too; log-only names are not', () => {
    const r = encodeSpans(
      spanRequest([
        {
          attributes: [
            { key: 'kind', value: { stringValue: 'x' } },
            { key: 'body', value: { stringValue: 'y' } },
          ],
        },
      ]),
      IDENTITY,
    );
    expect(decodeBody(r.batches[0]!.data).events[0]!.values).toMatchObject({
      kind: 0,
      attr_kind: 'x',
      body: 'y',
    });
  });

  it('2. a repeated attribute key keeps its first value, with a warning (0.4.0: duplicate columns)', () => {
    const r = encodeLogs(
      logRequest([
        {
          attributes: [
            { key: 'k', value: { stringValue: 'first' } },
            { key: 'k', value: { intValue: 2 } },
            { key: 'j', value: { intValue: 3 } },
          ],
        },
      ]),
      IDENTITY,
    );
    const blob = only(r);
    expect(blob.schemas[0]!.fields.slice(-2).map((f) => [f.name, f.type])).toEqual([
      ['k', 'STRING'],
      ['j', 'INT64'],
    ]);
    expect(blob.events[0]!.values['k']).toBe('first');
    expect(r.warnings).toMatchObject([{ code: 'GENEVA_WARN_DUPLICATE_ATTRIBUTE', signal: 'logs' }]);
  });

  it('3. ids of the wrong length are omitted with a warning (0.4.0: NUL characters)', () => {
    const logs = encodeLogs(
      logRequest([{ traceId: '0102', spanId: '01020304050607080910', body: { stringValue: 'x' } }]),
      IDENTITY,
    );
    const row = only(logs).events[0]!.values;
    expect(row['env_dt_traceId']).toBeUndefined();
    expect(row['env_dt_spanId']).toBeUndefined();
    expect(logs.warnings.map((w) => w.message)).toEqual([
      'traceId omitted: 2 bytes, expected 16',
      'spanId omitted: 10 bytes, expected 8',
    ]);
    const spans = encodeSpans(spanRequest([{ traceId: 'not an id!', parentSpanId: '00' }]), IDENTITY);
    const span = decodeBody(spans.batches[0]!.data).events[0]!.values;
    expect(span['env_dt_traceId']).toBeUndefined();
    expect(span['parentId']).toBeUndefined();
    expect(spans.warnings.map((w) => w.code)).toEqual(['GENEVA_WARN_INVALID_ID', 'GENEVA_WARN_INVALID_ID']);
  });

  it('4. arrays, maps and bytes become JSON / base64 STRING columns (0.4.0: dropped)', () => {
    const blob = only(
      encodeLogs(
        logRequest([
          {
            attributes: [
              {
                key: 'arr',
                value: {
                  arrayValue: { values: [{ intValue: '9007199254740993' }, { doubleValue: 1.5 }, {}] },
                },
              },
              {
                key: 'map',
                value: {
                  kvlistValue: {
                    values: [
                      { key: 'a', value: { boolValue: true } },
                      { key: 'b', value: { bytesValue: 'AQI=' } },
                    ],
                  },
                },
              },
              { key: 'raw', value: { bytesValue: new Uint8Array([1, 2, 255]) } },
              {
                key: 'nan',
                value: { arrayValue: { values: [{ doubleValue: 'NaN' }, { stringValue: 'q"' }] } },
              },
              { key: 'empty', value: {} },
            ],
          },
        ]),
        IDENTITY,
      ),
    );
    expect(blob.events[0]!.values).toMatchObject({
      arr: '[9007199254740993,1.5,null]',
      map: '{"a":true,"b":"AQI="}',
      raw: 'AQL/',
      nan: '["NaN","q\\""]',
    });
    expect('empty' in blob.events[0]!.values).toBe(false); // empty values stay skipped, as in 0.4.0
  });

  it('5. non-string bodies are written as text in the body column (0.4.0: no body column)', () => {
    const bodies = [
      [{ intValue: 42 }, '42'],
      [{ boolValue: true }, 'true'],
      [{ doubleValue: 0.1 }, '0.1'],
      [{ bytesValue: 'aGk=' }, 'aGk='],
      [{ kvlistValue: { values: [{ key: 'msg', value: { stringValue: 'hi' } }] } }, '{"msg":"hi"}'],
    ] as const;
    const r = encodeLogs(logRequest(bodies.map(([body]) => ({ body }))), IDENTITY);
    expect(only(r).events.map((e) => e.values['body'])).toEqual(bodies.map(([, text]) => text));
  });

  it('6. the batch start time ignores a first record without time (0.4.0: stuck at 0)', () => {
    const r = encodeLogs(logRequest([{}, { timeUnixNano: '1700000000000000000' }]), IDENTITY);
    expect(r.batches[0]!.startTime).toBe('2023-11-14T22:13:20.0000000Z');
    expect(r.batches[0]!.endTime).toBe('2023-11-14T22:13:20.0000000Z');
  });

  it('7. maxBatchBytes splits a batch; each part has its own schema ids; nothing is lost', () => {
    const records = Array.from({ length: 50 }, (_, i) => ({
      timeUnixNano: String(1_000_000_000 * (i + 1)),
      attributes: [{ key: i % 2 ? 'odd' : 'even', value: { stringValue: 'x'.repeat(100) } }],
    }));
    const whole = encodeLogs(logRequest(records), IDENTITY);
    expect(whole.batches).toHaveLength(1);
    const cap = 4000;
    const split = encodeLogs(logRequest(records), IDENTITY, { maxBatchBytes: cap });
    expect(split.batches.length).toBeGreaterThan(5);
    expect(split.batches.every((b) => b.eventName === 'Log' && b.uncompressedSize <= cap)).toBe(true);
    expect(split.batches.reduce((n, b) => n + b.rowCount, 0)).toBe(50);
    const rows = split.batches.flatMap((b) => {
      const blob = decodeBody(b.data);
      expect(blob.schemas.map((s) => s.id)).toEqual(blob.schemas.map((_, i) => i + 1));
      expect(blob.schemas.map((s) => s.md5)).toEqual(b.schemaIds);
      return blob.events.map((e) => e.values['timestamp']);
    });
    expect(rows).toEqual(decodeBody(whole.batches[0]!.data).events.map((e) => e.values['timestamp']));
    expect(split.batches[1]!.startTime > split.batches[0]!.endTime).toBe(true);
    // a single row larger than the cap still goes, alone
    const big = encodeLogs(logRequest([{ body: { stringValue: 'y'.repeat(10_000) } }, {}]), IDENTITY, {
      maxBatchBytes: 1000,
    });
    expect(big.batches.map((b) => b.rowCount)).toEqual([1, 1]);
  });

  it('8. spanEndTime adds endTime and durationNs (off by default)', () => {
    const span = { startTimeUnixNano: '1700000000000000000', endTimeUnixNano: '1700000001500000000' };
    const off = decodeBody(encodeSpans(spanRequest([span]), IDENTITY).batches[0]!.data);
    expect(off.schemas[0]!.fields.map((f) => f.name)).not.toContain('endTime');
    const on = decodeBody(
      encodeSpans(spanRequest([span, { startTimeUnixNano: '5' }]), IDENTITY, { spanEndTime: true })
        .batches[0]!.data,
    );
    expect(on.schemas[0]!.fields.slice(-2)).toEqual([
      { id: 11, name: 'endTime', type: 'STRING' },
      { id: 12, name: 'durationNs', type: 'INT64' },
    ]);
    expect(on.events.map((e) => [e.values['endTime'], e.values['durationNs']])).toEqual([
      ['2023-11-14T22:13:21.500+00:00', 1_500_000_000n],
      ['1970-01-01T00:00:00+00:00', 0n],
    ]);
    const renamed = encodeSpans(
      spanRequest([{ attributes: [{ key: 'durationNs', value: { intValue: 1 } }] }]),
      IDENTITY,
      {
        spanEndTime: true,
      },
    );
    expect(decodeBody(renamed.batches[0]!.data).events[0]!.values['attr_durationNs']).toBe(1n);
  });

  it('9. the batch window holds every row: earliest to latest non-zero start or end (0.4.0: min start, max end)', () => {
    const r = encodeSpans(
      spanRequest([{ startTimeUnixNano: '3000000000' }, { startTimeUnixNano: '2000000000' }]),
      IDENTITY,
    );
    expect(r.batches[0]).toMatchObject({
      startTime: '1970-01-01T00:00:02.0000000Z',
      endTime: '1970-01-01T00:00:03.0000000Z',
    });
    // a span ending before it starts, and a later span without end: 0.4.0 would give [3 s, 11 s]
    const mixed = encodeSpans(
      spanRequest([
        { startTimeUnixNano: '10000000000', endTimeUnixNano: '11000000000' },
        { startTimeUnixNano: '20000000000' },
        { startTimeUnixNano: '3000000000', endTimeUnixNano: '2000000000' },
      ]),
      IDENTITY,
    );
    expect(mixed.batches[0]).toMatchObject({
      startTime: '1970-01-01T00:00:02.0000000Z',
      endTime: '1970-01-01T00:00:20.0000000Z',
    });
  });

  it('10. malformed records are rejected and reported instead of failing the whole batch', () => {
    const r = encodeLogs(
      logRequest([{ severityNumber: 'LOUD' }, { body: { stringValue: 'kept' } }]),
      IDENTITY,
    );
    expect(r.rejected).toHaveLength(1);
    expect(r.batches[0]!.rowCount).toBe(1);
  });

  it('11. an event name too long for the u16 length field is rejected (0.4.0: truncated length)', () => {
    const r = encodeLogs(logRequest([{ eventName: 'e'.repeat(40_000) }, { eventName: 'ok' }]), IDENTITY);
    expect(r.rejected[0]!.reason).toMatch(/eventName is 40000 UTF-16 units long/);
    expect(r.batches.map((b) => b.eventName)).toEqual(['ok']);
  });
});
