// Token cache against the emulator: single flight on a cold start, reuse until 5 minutes before
// AuthTokenExpiryTime, and revocation → 401 → one refresh → success. Certificate auth (mutual
// TLS) is used so that revoking every emulator token only hits the gateway token; revoking the
// Entra ID token too (managed / workload identity) is covered by entra-token-refresh.test.ts.
import { GenevaClient } from '@geneva-otel/geneva-core';
import { type GenevaEmulator, startEmulator } from '@geneva-otel/geneva-emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientConfig, logsRequest } from './support.js';

let emulator: GenevaEmulator;
let certPath: string;
beforeAll(async () => {
  emulator = await startEmulator({ tls: true, requireClientCert: true });
  certPath = (await emulator.issueClientCertificate({ password: 'pw' })).path;
});
afterAll(() => emulator?.stop());
beforeEach(() => {
  emulator.reset();
  emulator.setTokenLifetime(3600);
});
afterEach(() => {
  vi.useRealTimers();
});

const newClient = (extra = {}) =>
  new GenevaClient(clientConfig(emulator, { kind: 'certificate', path: certPath, password: 'pw' }, extra));

describe('token cache against the emulator', () => {
  it('50 concurrent cold uploads make exactly one config request', async () => {
    const client = newClient({ maxConcurrentUploads: 8 });
    const { batches } = client.encodeLogs(logsRequest(5, 'Burst'));
    const results = await Promise.all(Array.from({ length: 50 }, () => client.upload(batches[0]!)));
    expect(results.every((r) => r.status === 202 && r.ticket)).toBe(true);
    const c = emulator.counters();
    expect(c.configRequests).toBe(1);
    expect(c.ingestRequests).toBe(50);
    expect(emulator.events({ event: 'Burst' })).toHaveLength(250);
    await client.close();
  });

  it('reuses the gateway token until 5 minutes before expiry, then fetches a new one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] }); // client and emulator share this clock
    emulator.setTokenLifetime(600); // 10 minutes
    const client = newClient();
    const { batches } = client.encodeLogs(logsRequest(1, 'Expiry'));
    await client.upload(batches[0]!);
    vi.setSystemTime(Date.now() + 4 * 60_000 + 50_000); // 5m10s left: still used
    await client.upload(batches[0]!);
    expect(emulator.counters().configRequests).toBe(1);
    vi.setSystemTime(Date.now() + 20_000); // 4m50s left: inside the 5-minute margin
    await client.upload(batches[0]!);
    expect(emulator.counters().configRequests).toBe(2);
    expect(emulator.counters().ingestRequests).toBe(3);
    await client.close();
  });

  it('revocation → 401 → one refresh → success', async () => {
    const client = newClient();
    const { batches } = client.encodeLogs(logsRequest(2, 'Revoked'));
    await client.upload(batches[0]!);
    emulator.revokeAllTokens();
    const result = await client.upload(batches[0]!);
    expect(result).toMatchObject({ status: 202, rowCount: 2 });
    const ingests = emulator.requests().filter((r) => r.kind === 'ingest');
    expect(ingests.map((r) => r.status)).toEqual([202, 401, 202]);
    expect(ingests[1]!.errorCode).toBeDefined();
    expect(emulator.counters().configRequests).toBe(2);
    expect(emulator.events({ event: 'Revoked' })).toHaveLength(4);
    await client.close();
  });

  it('a second 401/403 after the refresh is an AuthError (no third attempt)', async () => {
    const client = newClient();
    const { batches } = client.encodeLogs(logsRequest(1, 'Denied'));
    emulator.faults.inject({
      kind: 'ingest',
      event: 'Denied',
      count: 2,
      action: { type: 'status', status: 403, message: 'denied' },
    });
    const err = await client.upload(batches[0]!).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AuthError', status: 403, eventName: 'Denied', phase: 'upload' });
    expect((err as Error).message).toContain('after one token refresh');
    expect(emulator.requests().filter((r) => r.kind === 'ingest')).toHaveLength(2);
    expect(emulator.counters().configRequests).toBe(2);
    await client.close();
  });

  it('a failed config fetch rejects every waiter; the next upload tries again', async () => {
    const client = newClient();
    const { batches } = client.encodeLogs(logsRequest(1, 'Flaky'));
    emulator.faults.inject({
      kind: 'config',
      count: 1,
      action: { type: 'status', status: 503, retryAfterSeconds: 1 },
    });
    const first = await Promise.allSettled(Array.from({ length: 5 }, () => client.upload(batches[0]!)));
    expect(
      first.every((r) => r.status === 'rejected' && (r.reason as { status?: number }).status === 503),
    ).toBe(true);
    expect(emulator.counters().configRequests).toBe(1);
    await expect(client.upload(batches[0]!)).resolves.toMatchObject({ status: 202 });
    expect(emulator.counters().configRequests).toBe(2);
    await client.close();
  });
});
