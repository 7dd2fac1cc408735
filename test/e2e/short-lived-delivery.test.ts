// Data held in a backoff must keep a process alive: a short-lived app under the zero-code register
// hook, and a script awaiting provider.shutdown(), both with one injected 503, must deliver their
// record after the retry and exit normally (before the fix, the first exited 0 without it and the
// second never settled its top-level await, exit 13). Real child processes against the emulator.
// Needs the packages built (`npx turbo run build --filter=@geneva-otel/builder-manifest...`).
import { type GenevaEmulator, startEmulator } from '@geneva-otel/geneva-emulator';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { emulatorEnv } from './support/emulator-env.js';
import { repoRoot, runNode } from './support/spawn-node.js';

const apps = `${repoRoot}test/e2e/support/apps/`;
let emulator: GenevaEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});
beforeEach(() => emulator.reset());

const ingest = () => emulator.requests().filter((r) => r.kind === 'ingest');

it('register hook: a short-lived app delivers its one log record after a 503', async () => {
  emulator.faults.inject({ kind: 'ingest', count: 1, action: { type: 'status', status: 503 } });
  const run = await runNode(`${apps}emit-one-log.mjs`, [], {
    nodeArgs: ['--import', '@geneva-otel/builder-manifest/register'],
    env: { ...emulatorEnv(emulator), OTEL_GENEVA_CONFIG: `${repoRoot}examples/azuregigwarm.yaml` },
    timeoutMs: 30_000,
  });
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  expect(run.stdout).toBe('app ran\n');
  expect(ingest().map((r) => r.status)).toEqual([503, 202]); // refused once, then retried
  const rows = emulator.events({ namespace: 'GenevaOtelDemo', event: 'Log' });
  expect(rows.map((r) => r.values['body'])).toEqual(['short-lived hello']);
});

it('await provider.shutdown() settles and delivers after a 503', async () => {
  emulator.faults.inject({ kind: 'ingest', count: 1, action: { type: 'status', status: 503 } });
  const block = {
    endpoint: emulator.url,
    environment: 'Test',
    account: 'GenevaOtelDemo',
    namespace: 'GenevaOtelDemo',
    region: 'local',
    config_major_version: 2,
    tenant: 't',
    role_name: 'r',
    role_instance: 'r0',
    auth_method: 0,
    retry_on_failure: { enabled: true, initial_interval: '50ms', max_interval: '200ms' },
    batch_retry: { enabled: false },
  };
  const run = await runNode(`${apps}provider-shutdown.mjs`, [], {
    env: { ...emulatorEnv(emulator), GENEVA_BLOCK: JSON.stringify(block) },
    timeoutMs: 30_000,
  });
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  expect(JSON.parse(run.stdout)).toMatchObject({ received: 1, sent: 1, droppedTotal: 0, exportRetries: 1 });
  expect(ingest().map((r) => r.status)).toEqual([503, 202]);
  const rows = emulator.events({ namespace: 'GenevaOtelDemo', event: 'Log' });
  expect(rows.map((r) => r.values['body'])).toEqual(['shutdown hello']);
});
