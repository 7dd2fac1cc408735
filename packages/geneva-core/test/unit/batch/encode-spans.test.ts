import { describe, expect, it } from 'vitest';
import { BondType } from '../../../src/encode/bond-types.js';
import { writeGenericBlob } from '../../../src/encode/generic-blob.js';
import { decodeBody, decompressChunks, encodeSpans } from '../../../src/encoding.js';
import { ENV_COLUMNS, IDENTITY, spanRequest } from './helpers.js';

const METADATA = 'namespace=testNs/eventVersion=Ver2v0/tenant=tenantA/role=roleB/roleinstance=inst-1';
const S = BondType.STRING;
const TRACE = '0102030405060708090a0b0c0d0e0f10';

describe('encodeSpans', () => {
  it('writes the 0.4.0 column layout byte for byte (independent construction)', () => {
    const r = encodeSpans(
      spanRequest([
        {
          traceId: TRACE,
          spanId: '1112131415161718',
          parentSpanId: '2122232425262728',
          flags: 257,
          name: 'GET /',
          kind: 2,
          traceState: 'a=b',
          startTimeUnixNano: '1700000000000000000',
          endTimeUnixNano: '1700000000250000000',
          status: { code: 1, message: 'fine' },
          links: [
            { traceId: TRACE, spanId: '3132333435363738' },
            { traceId: 'ffffffffffffffffffffffffffffffff', spanId: '4142434445464748' },
          ],
          attributes: [{ key: 'http.status_code', value: { intValue: 200 } }],
        },
      ]),
      IDENTITY,
    );
    expect(r.rejected).toEqual([]);
    const ts = '2023-11-14T22:13:20+00:00';
    const links =
      '[{"toSpanId":"3132333435363738","toTraceId":"0102030405060708090a0b0c0d0e0f10"},' +
      '{"toSpanId":"4142434445464748","toTraceId":"ffffffffffffffffffffffffffffffff"}]';
    const expected = writeGenericBlob({
      metadata: METADATA,
      schemas: [
        {
          id: 1,
          structName: 'OtlpSpanRecord',
          qualifiedName: 'telemetry.OtlpSpanRecord',
          fields: [
            ...['env_name', 'env_ver', 'timestamp', 'env_time', 'Tenant', 'Role', 'RoleInstance'].map(
              (name) => ({
                name,
                type: S,
              }),
            ),
            { name: 'kind', type: BondType.INT32 },
            { name: 'startTime', type: S },
            { name: 'success', type: BondType.BOOL },
            { name: 'env_dt_traceId', type: S },
            { name: 'env_dt_spanId', type: S },
            { name: 'env_dt_traceFlags', type: BondType.UINT32 },
            { name: 'name', type: S },
            { name: 'traceState', type: S },
            { name: 'parentId', type: S },
            { name: 'links', type: S },
            { name: 'statusMessage', type: S },
            { name: 'http.status_code', type: BondType.INT64 },
          ],
        },
      ],
      events: [
        {
          schemaId: 1,
          level: 5,
          eventName: 'Span',
          values: [
            'Test',
            'Ver2v0',
            ts,
            ts,
            'tenantA',
            'roleB',
            'inst-1',
            2,
            ts,
            true,
            TRACE,
            '1112131415161718',
            257,
            'GET /',
            'a=b',
            '2122232425262728',
            links,
            'fine',
            200n,
          ],
        },
      ],
    });
    const [batch] = r.batches;
    expect(Buffer.from(decompressChunks(batch!.data)).equals(Buffer.from(expected))).toBe(true);
    expect(batch).toMatchObject({
      eventName: 'Span',
      rowCount: 1,
      startTime: '2023-11-14T22:13:20.0000000Z',
      endTime: '2023-11-14T22:13:20.2500000Z',
    });
  });

  it('puts every span in one Span batch, level 5; success is false only for status Error', () => {
    const r = encodeSpans(
      spanRequest([
        { name: 'a', status: { code: 2 } },
        { name: 'b', status: { code: 'STATUS_CODE_ERROR', message: '' } },
        { name: 'c', status: { code: 1 } },
        { name: 'd' },
        { name: 'e', status: { code: 7 } },
      ]),
      IDENTITY,
    );
    expect(r.batches).toHaveLength(1);
    const events = decodeBody(r.batches[0]!.data).events;
    expect(events.map((e) => [e.values['name'], e.values['success'], e.level, e.eventName])).toEqual([
      ['a', false, 5, 'Span'],
      ['b', false, 5, 'Span'],
      ['c', true, 5, 'Span'],
      ['d', true, 5, 'Span'],
      ['e', true, 5, 'Span'],
    ]);
    expect(events[0]!.values).toMatchObject(ENV_COLUMNS);
    expect(events[0]!.values['statusMessage']).toBeUndefined();
  });

  it('bounds the batch by the earliest non-zero start and the latest end', () => {
    const r = encodeSpans(
      spanRequest([
        { startTimeUnixNano: 0, endTimeUnixNano: 0 },
        { startTimeUnixNano: '2000000000', endTimeUnixNano: '9000000000' },
        { startTimeUnixNano: '1000000000', endTimeUnixNano: '3000000000' },
      ]),
      IDENTITY,
    );
    expect(r.batches[0]).toMatchObject({
      startTime: '1970-01-01T00:00:01.0000000Z',
      endTime: '1970-01-01T00:00:09.0000000Z',
    });
  });

  it('rejects unreadable spans and keeps the others', () => {
    const r = encodeSpans(
      {
        resourceSpans: [{ scopeSpans: [{ spans: [{ kind: 'SPAN_KIND_NOPE' }, { name: 'ok' }, 5] }] }],
      } as never,
      IDENTITY,
    );
    expect(r.rejected.map((x) => [x.location, x.signal])).toEqual([
      ['resourceSpans[0].scopeSpans[0].spans[0]', 'traces'],
      ['resourceSpans[0].scopeSpans[0].spans[2]', 'traces'],
    ]);
    expect(r.batches[0]!.rowCount).toBe(1);
  });

  it('returns no batch for no spans', () => {
    expect(encodeSpans({ resourceSpans: [] }, IDENTITY).batches).toEqual([]);
  });
});
