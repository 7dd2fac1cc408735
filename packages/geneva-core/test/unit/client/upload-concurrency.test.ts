import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GenevaClient } from '../../../src/geneva-client.js';

// A real loopback server playing config service + gateway, holding each upload 30 ms and
// recording how many are in flight at once and over how many sockets they arrive.
let server: Server;
let base = '';
const stats = { inFlight: 0, maxInFlight: 0, uploads: 0, sockets: new Set<unknown>() };
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url!.includes('/MonitoringStorageKeys/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify({
          IngestionGatewayInfo: {
            Endpoint: base,
            AuthToken: 'tok',
            AuthTokenExpiryTime: new Date(Date.now() + 3_600_000).toISOString(),
          },
          StorageAccountKeys: [
            { AccountMonikerName: 'mdiag', AccountGroupName: 'g', IsPrimaryMoniker: true },
          ],
        }),
      );
    }
    stats.sockets.add(req.socket);
    stats.inFlight++;
    stats.uploads++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        stats.inFlight--;
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end('{"ticket":"t"}');
      }, 30),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

it('keeps at most maxConcurrentUploads uploads in flight, over reused keep-alive sockets', async () => {
  const credential: TokenCredential = {
    getToken: async () => ({ token: 'e', expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
  const client = new GenevaClient({
    endpoint: base,
    environment: 'E',
    account: 'A',
    namespace: 'N',
    region: 'r',
    configMajorVersion: 1,
    tenant: 't',
    roleName: 'r',
    roleInstance: 'i',
    auth: { kind: 'credential', credential, resource: 'https://monitor.core.windows.net' },
    maxConcurrentUploads: 3,
  });
  const batch = {
    eventName: 'Log',
    data: new Uint8Array(64),
    startTime: 's',
    endTime: 'e',
    schemaIds: ['a'],
    rowCount: 1,
  };
  const results = await Promise.all(Array.from({ length: 24 }, () => client.upload(batch)));
  expect(results).toHaveLength(24);
  expect(stats.uploads).toBe(24);
  expect(stats.maxInFlight).toBe(3);
  expect(stats.sockets.size).toBeLessThanOrEqual(3);
  await client.close();
});
