import { describe, expect, it } from 'vitest';
import { BondType } from '../../../src/encode/bond-types.js';
import { writeGenericBlob } from '../../../src/encode/generic-blob.js';
import { decodeBody, decompressChunks, encodeLogs } from '../../../src/encoding.js';
import { ENV_COLUMNS, IDENTITY, logRequest, show } from './helpers.js';

const METADATA = 'namespace=testNs/eventVersion=Ver2v0/tenant=tenantA/role=roleB/roleinstance=inst-1';
const S = BondType.STRING;

describe('encodeLogs', () => {
  it('writes the 0.4.0 column layout byte for byte (independent construction)', () => {
    const result = encodeLogs(
      logRequest([
        {
          timeUnixNano: '1700000000123456789',
          observedTimeUnixNano: '1',
          severityNumber: 17,
          severityText: 'ERROR',
          body: { stringValue: 'disk full' },
          traceId: '0102030405060708090A0B0C0D0E0F10',
          spanId: '1112131415161718',
          flags: 1,
          eventName: 'Audit',
          attributes: [
            { key: 's', value: { stringValue: 'v' } },
            { key: 'i', value: { intValue: '-9007199254740993' } },
            { key: 'd', value: { doubleValue: 2.5 } },
            { key: 'b', value: { boolValue: false } },
          ],
        },
      ]),
      IDENTITY,
    );
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    const [batch] = result.batches;
    const ts = '2023-11-14T22:13:20.123456789+00:00';
    const expected = writeGenericBlob({
      metadata: METADATA,
      schemas: [
        {
          id: 1,
          structName: 'OtlpLogRecord',
          qualifiedName: 'telemetry.OtlpLogRecord',
          fields: [
            ...['env_name', 'env_ver', 'timestamp', 'env_time', 'Tenant', 'Role', 'RoleInstance'].map(
              (name) => ({
                name,
                type: S,
              }),
            ),
            { name: 'env_dt_traceId', type: S },
            { name: 'env_dt_spanId', type: S },
            { name: 'env_dt_traceFlags', type: BondType.UINT32 },
            { name: 'name', type: S },
            { name: 'SeverityNumber', type: BondType.INT32 },
            { name: 'SeverityText', type: S },
            { name: 'body', type: S },
            { name: 's', type: S },
            { name: 'i', type: BondType.INT64 },
            { name: 'd', type: BondType.DOUBLE },
            { name: 'b', type: BondType.BOOL },
          ],
        },
      ],
      events: [
        {
          schemaId: 1,
          level: 17,
          eventName: 'Audit',
          values: [
            'Test',
            'Ver2v0',
            ts,
            ts,
            'tenantA',
            'roleB',
            'inst-1',
            '0102030405060708090a0b0c0d0e0f10',
            '1112131415161718',
            1,
            'Audit',
            17,
            'ERROR',
            'disk full',
            'v',
            -9007199254740993n,
            2.5,
            false,
          ],
        },
      ],
    });
    expect(Buffer.from(decompressChunks(batch!.data)).equals(Buffer.from(expected))).toBe(true);
    expect(batch).toMatchObject({
      eventName: 'Audit',
      rowCount: 1,
      uncompressedSize: expected.length,
      startTime: '2023-11-14T22:13:20.1234567Z',
      endTime: '2023-11-14T22:13:20.1234567Z',
    });
    expect(batch!.schemaIds).toEqual([decodeBody(batch!.data).schemas[0]!.md5]);
  });

  it('groups by event name (empty → Log) and reuses schemas within a batch', () => {
    const shapeA = { attributes: [{ key: 'x', value: { intValue: 1 } }] };
    const shapeB = { attributes: [{ key: 'x', value: { stringValue: '1' } }] };
    const { batches } = encodeLogs(
      logRequest([
        { ...shapeA, timeUnixNano: '3000000000' },
        { ...shapeB, eventName: 'E1', timeUnixNano: '1000000000' },
        { ...shapeA, timeUnixNano: '1000000000' },
        { ...shapeB, timeUnixNano: '2000000000' },
        { ...shapeA, timeUnixNano: '5000000000' },
      ]),
      IDENTITY,
    );
    expect(batches.map((b) => [b.eventName, b.rowCount, b.schemaIds.length])).toEqual([
      ['Log', 4, 2],
      ['E1', 1, 1],
    ]);
    const log = decodeBody(batches[0]!.data);
    expect(log.events.map((e) => e.schemaId)).toEqual([1, 1, 2, 1]);
    expect(log.events.every((e) => e.eventName === 'Log')).toBe(true);
    expect(log.schemas.map((s) => s.md5)).toEqual(batches[0]!.schemaIds);
    expect(batches[0]!.startTime).toBe('1970-01-01T00:00:01.0000000Z');
    expect(batches[0]!.endTime).toBe('1970-01-01T00:00:05.0000000Z');
    expect(log.events[0]!.values['name']).toBeUndefined();
    expect(decodeBody(batches[1]!.data).events[0]!.values['name']).toBe('E1');
  });

  it('reuses each of many interleaved schemas (shape-hash fast path)', () => {
    const shapes = Array.from({ length: 20 }, (_, i) => [
      { key: `k${i % 5}`, value: i % 2 ? { intValue: i } : { stringValue: String(i) } },
      ...(i >= 10 ? [{ key: 'extra', value: { boolValue: true } }] : []),
    ]);
    const records = Array.from({ length: 60 }, (_, n) => ({ attributes: shapes[(n * 7) % 20] }));
    const blob = decodeBody(encodeLogs(logRequest(records), IDENTITY).batches[0]!.data);
    expect(blob.schemas).toHaveLength(20);
    blob.events.forEach((e, n) => {
      const fields = blob.schemas[e.schemaId - 1]!.fields.slice(8).map((f) => [f.name, f.type]);
      const want = shapes[(n * 7) % 20]!.map((a) => [
        a.key,
        'intValue' in a.value ? 'INT64' : a.value.boolValue ? 'BOOL' : 'STRING',
      ]);
      expect(fields).toEqual(want);
    });
  });

  it('falls back to the observed time, then to the epoch', () => {
    const { batches } = encodeLogs(
      logRequest([
        { timeUnixNano: 0, observedTimeUnixNano: '1700000000500000000' },
        { timeUnixNano: '0', observedTimeUnixNano: 0 },
        {},
      ]),
      IDENTITY,
    );
    const rows = decodeBody(batches[0]!.data).events.map((e) => [
      e.values['timestamp'],
      e.values['env_time'],
    ]);
    expect(rows).toEqual([
      ['2023-11-14T22:13:20.500+00:00', '2023-11-14T22:13:20.500+00:00'],
      ['1970-01-01T00:00:00+00:00', '1970-01-01T00:00:00+00:00'],
      ['1970-01-01T00:00:00+00:00', '1970-01-01T00:00:00+00:00'],
    ]);
  });

  it('accepts protobuf-JSON and SDK forms: snake_case, base64/bytes ids, bigint/number/long-bits times, enum names', () => {
    const forms = [
      {
        time_unix_nano: '1700000000000000000',
        trace_id: 'AQIDBAUGBwgJCgsMDQ4PEA==',
        span_id: new Uint8Array([17, 18, 19, 20, 21, 22, 23, 24]),
        severity_number: 'SEVERITY_NUMBER_INFO',
        severity_text: 'INFO',
      },
      {
        timeUnixNano: 1700000000000000000n,
        traceId: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]),
        spanId: '1112131415161718',
        severityNumber: 9,
        severityText: 'INFO',
      },
      {
        timeUnixNano: { low: 1700000000000000000 % 2 ** 32, high: Math.floor(1700000000000000000 / 2 ** 32) },
        traceId: '0102030405060708090a0b0c0d0e0f10',
        spanId: 'ERITFBUWFxg=',
        severityNumber: '9',
        severityText: 'INFO',
      },
    ];
    const decoded = forms.map((f) => {
      const r = encodeLogs({ resource_logs: [{ scope_logs: [{ log_records: [f] }] }] } as never, IDENTITY);
      expect(r.rejected).toEqual([]);
      return decodeBody(r.batches[0]!.data).events[0];
    });
    expect(decoded[0]).toEqual(decoded[1]);
    expect(decoded[0]).toEqual(decoded[2]);
    expect(decoded[0]!.values).toMatchObject({
      ...ENV_COLUMNS,
      timestamp: '2023-11-14T22:13:20+00:00',
      env_dt_traceId: '0102030405060708090a0b0c0d0e0f10',
      env_dt_spanId: '1112131415161718',
      SeverityNumber: 9,
    });
  });

  it('sets the level to the severity number as a byte', () => {
    const { batches } = encodeLogs(logRequest([{ severityNumber: 21 }, { severityNumber: 300 }]), IDENTITY);
    expect(decodeBody(batches[0]!.data).events.map((e) => e.level)).toEqual([21, 44]);
  });

  it('rejects unreadable records with their location and keeps the others', () => {
    const req = {
      resourceLogs: [
        { scopeLogs: [{ logRecords: [{ timeUnixNano: '-5' }, { body: { stringValue: 'ok' } }] }] },
        { scopeLogs: 'nope' },
        { scopeLogs: [{ logRecords: [null, { attributes: [{ key: 'n', value: { intValue: 'x1' } }] }] }] },
      ],
    };
    const r = encodeLogs(req as never, IDENTITY);
    expect(show(r.rejected.map((x) => x.location))).toBe(
      show([
        'resourceLogs[0].scopeLogs[0].logRecords[0]',
        'resourceLogs[1]',
        'resourceLogs[2].scopeLogs[0].logRecords[0]',
        'resourceLogs[2].scopeLogs[0].logRecords[1]',
      ]),
    );
    expect(r.rejected[0]!.reason).toMatch(/timeUnixNano/);
    expect(r.rejected[3]!.reason).toMatch(/attributes\[0\]\.value\.intValue/);
    expect(r.rejected.every((x) => x.signal === 'logs')).toBe(true);
    expect(r.batches.map((b) => b.rowCount)).toEqual([1]);
  });

  it('returns no batches for an empty request', () => {
    expect(encodeLogs({}, IDENTITY)).toEqual({ batches: [], rejected: [], warnings: [] });
    expect(encodeLogs({ resourceLogs: [{ scopeLogs: [{ logRecords: [] }] }] }, IDENTITY).batches).toEqual([]);
  });
});
