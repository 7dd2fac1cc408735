import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenevaEmulator } from '../../../src/index.js';
import { fetchConfig, upload } from '../../helpers/geneva-protocol.js';
import { send } from '../../helpers/http-request.js';
import { encodedSampleBatches } from '../../helpers/sample-logs.js';
import { startTestEmulator } from '../../helpers/start.js';

describe('control API', () => {
  let emulator: GenevaEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    const info = await fetchConfig(emulator.url);
    await upload(info, encodedSampleBatches(2)[0]!);
    await upload(info, encodedSampleBatches(1, 'Audit')[0]!);
    await send(`${emulator.url}/nowhere`);
  });
  afterAll(() => emulator.stop());

  it('returns events filtered by namespace and event, with columns and typed values', async () => {
    const all = (await send(`${emulator.url}/__emulator/events`)).json();
    expect(all.count).toBe(3);
    const audit = (await send(`${emulator.url}/__emulator/events?namespace=TestNs&event=Audit`)).json();
    expect(audit.count).toBe(1);
    expect(audit.events[0].schema.columns).toContainEqual({
      name: 'SeverityNumber',
      type: expect.any(String),
    });
    expect(audit.events[0].values.big).toBe('9007199254740993');
    expect((await send(`${emulator.url}/__emulator/events?namespace=Other`)).json().count).toBe(0);
  });

  it('returns the request log without secrets, and counters', async () => {
    const { requests } = (await send(`${emulator.url}/__emulator/requests`)).json();
    expect(requests.map((r: { kind: string }) => r.kind)).toEqual(['config', 'ingest', 'ingest', 'other']);
    expect(requests[3]).toMatchObject({ status: 404, errorCode: 'NOT_FOUND' });
    expect(JSON.stringify(requests)).not.toMatch(/eyJ/); // no JWT anywhere
    const counters = (await send(`${emulator.url}/__emulator/counters`)).json();
    expect(counters).toMatchObject({
      configRequests: 1,
      ingestRequests: 2,
      rowsReceived: 3,
      accepted: 3,
      rejected: 1,
      tokensIssued: 1,
    });
    expect(counters.bytesReceived).toBeGreaterThan(0);
  });

  it('lists tokens without the token strings', async () => {
    const { tokens } = (await send(`${emulator.url}/__emulator/tokens`)).json();
    expect(tokens).toHaveLength(1);
    expect(Object.keys(tokens[0]).sort()).toEqual([
      'audience',
      'expiresAt',
      'id',
      'issuedAt',
      'kind',
      'revoked',
    ]);
  });

  it('reports info and health, refuses bad JSON, and resets', async () => {
    expect((await send(`${emulator.url}/__emulator/health`)).json()).toEqual({ ok: true });
    expect((await send(`${emulator.url}/__emulator/info`)).json()).toMatchObject({ url: emulator.url });
    expect((await send(`${emulator.url}/__emulator/faults`, { method: 'POST', body: '[' })).status).toBe(400);
    expect((await send(`${emulator.url}/__emulator/nope`)).status).toBe(404);
    await send(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    expect(emulator.events()).toHaveLength(0);
    expect(emulator.counters().requests).toBe(0); // control calls are not logged
    expect(emulator.requests()).toEqual([]);
  });
});
