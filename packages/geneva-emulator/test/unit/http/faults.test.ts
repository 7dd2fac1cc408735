import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GenevaEmulator } from '../../../src/index.js';
import {
  configHeaders,
  configUrl,
  fetchConfig,
  type IngestionInfo,
  upload,
} from '../../helpers/geneva-protocol.js';
import { send } from '../../helpers/http-request.js';
import { encodedSampleBatches } from '../../helpers/sample-logs.js';
import { startTestEmulator } from '../../helpers/start.js';

describe('fault injection', () => {
  let emulator: GenevaEmulator;
  let info: IngestionInfo;
  const batch = encodedSampleBatches(1)[0]!;
  const named = encodedSampleBatches(1, 'Audit')[0]!;

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.stop());
  beforeEach(async () => {
    emulator.reset();
    info = await fetchConfig(emulator.url);
  });

  it.each([400, 401, 403, 500])('answers status %i to the next ingest request only', async (status) => {
    emulator.faults.inject({ kind: 'ingest', action: { type: 'status', status } });
    const first = await upload(info, batch);
    expect(first.status).toBe(status);
    expect(first.json().error.code).toBe('INJECTED_FAULT');
    expect((await upload(info, batch)).status).toBe(202);
    expect(emulator.requests().filter((r) => r.fault === 'status')).toHaveLength(1);
    expect(emulator.counters().faultsApplied).toBe(1);
    expect(emulator.events()).toHaveLength(1);
  });

  it('429 with Retry-After in seconds, for N requests', async () => {
    emulator.faults.inject({
      kind: 'ingest',
      count: 2,
      action: { type: 'status', status: 429, retryAfterSeconds: 7 },
    });
    for (let i = 0; i < 2; i++) {
      const res = await upload(info, batch);
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('7');
    }
    expect((await upload(info, batch)).status).toBe(202);
  });

  it('503 with Retry-After as an HTTP-date', async () => {
    const when = new Date('2030-01-02T03:04:05Z');
    emulator.faults.inject({ kind: 'config', action: { type: 'status', status: 503, retryAfterDate: when } });
    const res = await send(configUrl(emulator.url), { headers: configHeaders() });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('Wed, 02 Jan 2030 03:04:05 GMT');
  });

  it('matches the event name', async () => {
    emulator.faults.inject({ event: 'Audit', action: { type: 'status', status: 500 } });
    expect((await upload(info, batch)).status).toBe(202);
    expect((await upload(info, named)).status).toBe(500);
    expect((await upload(info, named)).status).toBe(202);
  });

  it('delays, then handles normally', async () => {
    emulator.faults.inject({ kind: 'ingest', action: { type: 'delay', ms: 150 } });
    const started = performance.now();
    const res = await upload(info, batch);
    expect(res.status).toBe(202);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(emulator.requests().at(-1)?.fault).toBe('delay');
  });

  it('resets the connection', async () => {
    emulator.faults.inject({ kind: 'ingest', action: { type: 'reset' } });
    await expect(upload(info, batch)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await upload(info, batch)).status).toBe(202);
  });

  it('answers 202 without a ticket (data stored)', async () => {
    emulator.faults.inject({ kind: 'ingest', action: { type: 'no-ticket' } });
    const res = await upload(info, batch);
    expect(res.status).toBe(202);
    expect(res.json()).toEqual({});
    expect(emulator.events()[0]?.ticket).toBeUndefined();
  });

  it('hits identity requests', async () => {
    emulator.faults.inject({ kind: 'identity', action: { type: 'status', status: 500 } });
    const res = await send(`${emulator.identity.managedIdentityEndpoint}?api-version=2019-08-01&resource=r`, {
      headers: { 'X-IDENTITY-HEADER': emulator.identity.identityHeader },
    });
    expect(res.status).toBe(500);
    expect(emulator.requests().at(-1)).toMatchObject({ kind: 'identity', fault: 'status' });
  });

  it('is scriptable over the control API', async () => {
    const bad = await send(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      body: '{"action":{"type":"boom"}}',
    });
    expect(bad.status).toBe(400);
    expect(bad.json().error.message).toMatch(/action.type/);
    const ok = await send(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({
        kind: 'ingest',
        count: -1,
        action: { type: 'status', status: 503, retryAfterSeconds: 1 },
      }),
    });
    expect(ok.status).toBe(201);
    for (let i = 0; i < 3; i++) expect((await upload(info, batch)).status).toBe(503);
    expect((await send(`${emulator.url}/__emulator/faults`)).json().faults).toHaveLength(1);
    await send(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
    expect((await upload(info, batch)).status).toBe(202);
  });

  it('revokes tokens and sets the token lifetime over the control API', async () => {
    const life = await send(`${emulator.url}/__emulator/token-lifetime`, {
      method: 'PUT',
      body: '{"seconds":60}',
    });
    expect(life.json()).toEqual({ tokenLifetimeSeconds: 60 });
    const short = await fetchConfig(emulator.url);
    expect(Date.parse(short.expiry) - Date.now()).toBeLessThanOrEqual(60_000);
    await send(`${emulator.url}/__emulator/token-lifetime`, { method: 'PUT', body: '{"seconds":3600}' });
    expect(
      (await send(`${emulator.url}/__emulator/token-lifetime`, { method: 'PUT', body: '{"seconds":-1}' }))
        .status,
    ).toBe(400);
    await send(`${emulator.url}/__emulator/tokens/revoke`, { method: 'POST' });
    const res = await upload(info, batch);
    expect(res.status).toBe(401);
    expect(res.json().error.code).toBe('TOKEN_REVOKED');
  });

  it('rejects invalid rules from code', () => {
    expect(() => emulator.faults.inject({ count: 0, action: { type: 'reset' } })).toThrow(/count/);
    expect(() => emulator.faults.inject({ kind: 'config', action: { type: 'no-ticket' } })).toThrow(
      /no-ticket/,
    );
    expect(() => emulator.faults.inject({ action: { type: 'status', status: 99 } })).toThrow(/status/);
  });
});
