import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { compressChunks, decodeBody, encodeSpans } from '@geneva-otel/geneva-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenevaEmulator } from '../../../src/index.js';
import { fetchConfig, type IngestionInfo, upload, uploadUrl } from '../../helpers/geneva-protocol.js';
import { encodedSampleBatches, IDENTITY } from '../../helpers/sample-logs.js';
import { startTestEmulator } from '../../helpers/start.js';

const golden = readFileSync(new URL('../../fixtures/cpp-bond-central-blob.bin', import.meta.url));
const goldenBody = compressChunks(golden);
const goldenBatch = () => {
  const decoded = decodeBody(goldenBody);
  return {
    eventName: 'basename',
    data: goldenBody,
    startTime: '2024-06-01T12:00:00.0000000Z',
    endTime: '2024-06-01T12:00:00.0000000Z',
    schemaIds: decoded.schemas.map((s) => s.md5),
    rowCount: 1,
  };
};
const goldenUpload = { namespace: 'testNamespace', tenant: 'T', role: 'R', roleInstance: 'RI' };

describe('ingestion gateway', () => {
  let emulator: GenevaEmulator;
  let info: IngestionInfo;
  let goldenInfo: IngestionInfo;

  beforeAll(async () => {
    emulator = await startTestEmulator({ maxBodyBytes: 64 * 1024 });
  });
  afterAll(() => emulator.stop());
  beforeEach(async () => {
    emulator.reset();
    info = await fetchConfig(emulator.url);
    goldenInfo = await fetchConfig(emulator.url, { namespace: 'testNamespace' });
  });

  it('accepts encoder output, answers 202 with a ticket and stores typed rows', async () => {
    const [batch] = encodedSampleBatches(3);
    const res = await upload(info, batch!);
    expect(res.status, res.text).toBe(202);
    const { ticket } = res.json();
    expect(ticket).toMatch(/^[0-9a-f-]{36}$/);
    const events = emulator.events({ namespace: 'TestNs', event: 'Log' });
    expect(events).toHaveLength(3);
    const first = events[0]!;
    expect(first.ticket).toBe(ticket);
    expect(first.level).toBe(9);
    expect(first.schema.structName).toBe('OtlpLogRecord');
    expect(first.schema.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining(['env_name', 'timestamp', 'body', 'http.method']),
    );
    expect(first.values['body']).toBe('message 0');
    expect(first.values['env_dt_traceId']).toBe('0102030405060708090a0b0c0d0e0f10');
    expect(first.values['big']).toBe(9007199254740993n);
    expect(first.values['ratio']).toBe(0.5);
    expect(first.values['ok']).toBe(true);
    expect(first.metadata).toBe(
      'namespace=TestNs/eventVersion=Ver1v0/tenant=tenant1/role=role1/roleinstance=instance1',
    );
    expect(emulator.counters()).toMatchObject({ ingestRequests: 1, rowsReceived: 3 });
  });

  it('accepts span batches from the encoder', async () => {
    const { batches } = encodeSpans(
      {
        resourceSpans: [
          {
            resource: { attributes: [] },
            scopeSpans: [
              {
                scope: { name: 's' },
                spans: [
                  {
                    traceId: '0102030405060708090a0b0c0d0e0f10',
                    spanId: '0102030405060708',
                    name: 'GET /items',
                    kind: 2,
                    startTimeUnixNano: '1717243200000000000',
                    endTimeUnixNano: '1717243201000000000',
                    status: { code: 1 },
                    attributes: [{ key: 'http.route', value: { stringValue: '/items' } }],
                  },
                ],
              },
            ],
          },
        ],
      },
      IDENTITY,
    );
    const res = await upload(info, batches[0]!);
    expect(res.status, res.text).toBe(202);
    const [span] = emulator.events({ event: 'Span' });
    expect(span).toMatchObject({ level: 5, schema: { structName: 'OtlpSpanRecord' } });
    expect(span!.values).toMatchObject({
      name: 'GET /items',
      kind: 2,
      success: true,
      'http.route': '/items',
    });
  });

  it('decodes the golden C++ Bond blob (LZ4-chunked with compressChunks)', async () => {
    const res = await upload(goldenInfo, goldenBatch(), goldenUpload);
    expect(res.status, res.text).toBe(202);
    const [event] = emulator.events({ namespace: 'testNamespace', event: 'basename' });
    expect(event).toMatchObject({
      level: 5,
      schema: {
        structName: 'MdsContainer',
        columns: [
          { name: 'Float64Col', type: expect.any(String) },
          { name: 'Int32Col', type: expect.any(String) },
          { name: 'Int64Col', type: expect.any(String) },
          { name: 'BoolCol', type: expect.any(String) },
          { name: 'StringCol', type: expect.any(String) },
        ],
      },
      values: {
        // biome-ignore lint/suspicious/noApproximativeNumericConstant: the golden blob holds 3.1415, not π
        Float64Col: 3.1415,
        Int32Col: 42,
        Int64Col: 123456789012345n,
        BoolCol: true,
        StringCol: 'Hello Bond!',
      },
    });
  });

  it('serves decoded rows over the control API with bigint as strings', async () => {
    await upload(goldenInfo, goldenBatch(), goldenUpload);
    const res = await fetch(`${emulator.url}/__emulator/events?namespace=testNamespace&event=basename`);
    const body = (await res.json()) as { count: number; events: { values: Record<string, unknown> }[] };
    expect(body.count).toBe(1);
    expect(body.events[0]!.values['Int64Col']).toBe('123456789012345');
  });

  const violations: [
    string,
    (b: ReturnType<typeof goldenBatch>) => Parameters<typeof upload>[2],
    number,
    string,
  ][] = [
    ['dataSize', () => ({ ...goldenUpload, overrides: { dataSize: '5' } }), 400, 'DATA_SIZE_MISMATCH'],
    [
      'schemaIds',
      () => ({ ...goldenUpload, overrides: { schemaIds: '0'.repeat(32) } }),
      400,
      'SCHEMA_IDS_MISMATCH',
    ],
    ['schemaIds format', () => ({ ...goldenUpload, overrides: { schemaIds: 'XYZ' } }), 400, 'BAD_QUERY'],
    ['rowCount', () => ({ ...goldenUpload, overrides: { rowCount: '2' } }), 400, 'ROW_COUNT_MISMATCH'],
    ['event', () => ({ ...goldenUpload, overrides: { event: 'other' } }), 400, 'EVENT_NAME_MISMATCH'],
    [
      'startTime',
      () => ({ ...goldenUpload, overrides: { startTime: '2024-06-01T12:00:00Z' } }),
      400,
      'BAD_QUERY',
    ],
    [
      'endTime before start',
      () => ({ ...goldenUpload, overrides: { endTime: '2024-05-01T12:00:00.0000000Z' } }),
      400,
      'BAD_QUERY',
    ],
    ['format', () => ({ ...goldenUpload, overrides: { format: 'centralbond/lz4' } }), 400, 'BAD_QUERY'],
    ['missing minLevel', () => ({ ...goldenUpload, overrides: { minLevel: undefined } }), 400, 'BAD_QUERY'],
    ['unknown param', () => ({ ...goldenUpload, overrides: { extra: '1' } }), 400, 'BAD_QUERY'],
    ['sourceUniqueId', () => ({ ...goldenUpload, overrides: { sourceUniqueId: 'nope' } }), 400, 'BAD_QUERY'],
    ['version', () => ({ ...goldenUpload, overrides: { version: 'Ver2v0' } }), 400, 'BAD_QUERY'],
    ['moniker', () => ({ ...goldenUpload, overrides: { moniker: 'other' } }), 400, 'BAD_QUERY'],
    ['endpoint', () => ({ ...goldenUpload, overrides: { endpoint: 'https://elsewhere' } }), 400, 'BAD_QUERY'],
    ['metadata tenant', () => ({ ...goldenUpload, tenant: 'X' }), 400, 'METADATA_MISMATCH'],
    ['token', () => ({ ...goldenUpload, token: 'a.b.c' }), 401, 'TOKEN_INVALID'],
  ];
  it.each(violations)(
    'rejects a wrong %s with a JSON explanation, and records it',
    async (_n, params, status, code) => {
      const res = await upload(goldenInfo, goldenBatch(), params(goldenBatch()));
      expect(res.status, res.text).toBe(status);
      expect(res.json().error.code).toBe(code);
      const logged = emulator.requests().at(-1)!;
      expect(logged).toMatchObject({ kind: 'ingest', status, errorCode: code });
      expect(emulator.events()).toHaveLength(0);
    },
  );

  it('rejects a namespace the token was not issued for', async () => {
    const res = await upload(info, goldenBatch(), goldenUpload);
    expect(res.status).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BAD_QUERY', field: 'namespace' });
  });

  it('rejects garbage, truncated LZ4 and a wrong embedded md5 with 400, and keeps serving', async () => {
    const garbage = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const truncated = goldenBody.subarray(0, goldenBody.length - 7);
    const badMd5Blob = Buffer.from(golden);
    // The md5 of schema 1 sits after: version, format, metadata length + metadata, u16 type, u64 id.
    const md5At = 12 + badMd5Blob.readUInt32LE(8) + 2 + 8;
    badMd5Blob.writeUInt8(badMd5Blob.readUInt8(md5At) ^ 0xff, md5At);
    const badMd5 = compressChunks(badMd5Blob);
    for (const body of [garbage, truncated, badMd5]) {
      const res = await upload(goldenInfo, { ...goldenBatch(), data: body }, goldenUpload);
      expect(res.status, res.text).toBe(400);
      expect(res.json().error.code).toBe('DECODE_FAILED');
    }
    const ok = await upload(goldenInfo, goldenBatch(), goldenUpload);
    expect(ok.status).toBe(202);
  });

  it('survives a client that disconnects mid-body', async () => {
    const req = request(uploadUrl(goldenInfo, goldenBatch(), goldenUpload), {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${goldenInfo.token}`,
        Accept: 'application/json',
        'Content-Length': '1000',
      },
    });
    req.on('error', () => {});
    req.write(Buffer.alloc(10));
    await new Promise((r) => setTimeout(r, 50));
    req.destroy();
    await vi.waitFor(() =>
      expect(emulator.requests().at(-1)).toMatchObject({ kind: 'ingest', errorCode: 'BAD_BODY' }),
    );
    expect((await upload(goldenInfo, goldenBatch(), goldenUpload)).status).toBe(202);
  });

  it('answers 413 for a body above the cap, then keeps serving', async () => {
    const big = new Uint8Array(65 * 1024);
    const res = await upload(goldenInfo, { ...goldenBatch(), data: big }, goldenUpload);
    expect(res.status).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
    expect((await upload(goldenInfo, goldenBatch(), goldenUpload)).status).toBe(202);
  });

  it('refuses expired and revoked tokens with 401', async () => {
    emulator.setTokenLifetime(0);
    const expired = await fetchConfig(emulator.url, { namespace: 'testNamespace' });
    emulator.setTokenLifetime(3600);
    const res = await upload(expired, goldenBatch(), goldenUpload);
    expect(res.status).toBe(401);
    expect(res.json().error.code).toBe('TOKEN_EXPIRED');

    emulator.revokeAllTokens();
    const revoked = await upload(goldenInfo, goldenBatch(), goldenUpload);
    expect(revoked.status).toBe(401);
    expect(revoked.json().error.code).toBe('TOKEN_REVOKED');
    expect(emulator.issuedTokens().every((t) => t.revoked)).toBe(true);
  });

  it('rejects GET with 405', async () => {
    const res = await fetch(`${emulator.url}/api/v1/ingestion/ingest`);
    expect(res.status).toBe(405);
  });
});
