// Event names with `&`, spaces, `+`, `=` and non-ASCII arrive intact: every query value of the
// upload URL is percent-encoded (0.4.0 sends the event name raw).
import { GenevaClient } from '@geneva-otel/geneva-core';
import { type GenevaEmulator, startEmulator } from '@geneva-otel/geneva-emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clientConfig, logsRequest, saveIdentityEnv } from './support.js';

let emulator: GenevaEmulator;
let restoreEnv: () => void;
beforeAll(async () => {
  emulator = await startEmulator();
  restoreEnv = saveIdentityEnv();
  process.env['IDENTITY_ENDPOINT'] = emulator.identity.managedIdentityEndpoint;
  process.env['IDENTITY_HEADER'] = emulator.identity.identityHeader;
});
afterAll(async () => {
  await emulator?.stop();
  restoreEnv?.();
});

it('delivers rows under event names that need encoding', async () => {
  const client = new GenevaClient(
    clientConfig(emulator, { kind: 'msi' }, { namespace: 'Ns With Space&Amp' }),
  );
  const names = ['Audit&Security', 'my event', 'a+b=c', 'Événement_日本', 'x#y?z%20'];
  for (const name of names) {
    const { batches, rejected } = client.encodeLogs(logsRequest(2, name));
    expect(rejected).toEqual([]);
    expect(batches.map((b) => b.eventName)).toEqual([name]);
    await expect(client.upload(batches[0]!)).resolves.toMatchObject({ eventName: name, status: 202 });
  }
  for (const name of names) {
    const rows = emulator.events({ event: name });
    expect(rows.map((r) => [r.eventName, r.namespace])).toEqual([
      [name, 'Ns With Space&Amp'],
      [name, 'Ns With Space&Amp'],
    ]);
  }
  const ingests = emulator.requests().filter((r) => r.kind === 'ingest');
  expect(ingests.map((r) => r.event)).toEqual(names);
  expect(ingests.every((r) => r.status === 202)).toBe(true);
  await client.close();
});
