// One run of geneva-send against a misbehaving Geneva: the gateway answers 503 several times and
// every token is revoked mid-run. Every record must still arrive exactly once.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GenevaEmulator, startEmulator } from '@geneva-otel/geneva-emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { logsPayload, tracesPayload } from './support/generate-payloads.js';
import { sendInProcess, useEmulatorIdentity } from './support/in-process.js';
import { repoRoot } from './support/spawn-node.js';

const LOGS = 3000;
const SPANS = 600;
let emulator: GenevaEmulator;
let dir: string;
let restoreEnv: () => void;
beforeAll(async () => {
  emulator = await startEmulator();
  restoreEnv = useEmulatorIdentity(emulator);
  dir = await mkdtemp(join(tmpdir(), 'geneva-send-faults-'));
});
afterAll(async () => {
  restoreEnv?.();
  await emulator?.stop();
  await rm(dir, { recursive: true, force: true });
});

/**
 * The example config with certificate auth and short retry intervals. Certificate auth, because the
 * config service then authenticates the client by its certificate, so revoking every token hits the
 * ingestion token only (see the managed identity note in the report: a revoked Entra ID token is
 * not re-acquired by geneva-core).
 */
async function faultConfig(): Promise<string> {
  const cert = await emulator.issueClientCertificate({ path: join(dir, 'client.p12'), password: 'p4ss' });
  const text = (await readFile(`${repoRoot}examples/azuregigwarm.yaml`, 'utf8'))
    .replace(/auth_method: 0.*/, `auth_method: 1\n    cert_path: "${cert.path}"\n    cert_password: "p4ss"`)
    .replace(/num_consumers: \d+/, 'num_consumers: 2')
    .replace(
      /retry_on_failure:\n(\s+)enabled: true\n\s+initial_interval: \S+\n\s+max_interval: \S+/,
      (_m, indent) =>
        `retry_on_failure:\n${indent}enabled: true\n${indent}initial_interval: 20ms\n${indent}max_interval: 200ms`,
    );
  expect(text).toContain('auth_method: 1');
  expect(text).toContain('initial_interval: 20ms');
  const file = join(dir, 'faults.yaml');
  await writeFile(file, text);
  return file;
}

it('delivers every record exactly once through 503s and a token revocation', async () => {
  const logsFile = join(dir, 'logs.json');
  const tracesFile = join(dir, 'traces.json');
  await writeFile(logsFile, JSON.stringify(logsPayload(LOGS, 'log')));
  await writeFile(tracesFile, JSON.stringify(tracesPayload(SPANS, 'span')));
  const config = await faultConfig();

  // The first four uploads get 503 (one with Retry-After), the next few are slowed down so that
  // the revocation below lands while uploads are still to come.
  emulator.faults.inject({ kind: 'ingest', count: 3, action: { type: 'status', status: 503 } });
  emulator.faults.inject({
    kind: 'ingest',
    count: 1,
    action: { type: 'status', status: 503, retryAfterSeconds: 0 },
  });
  emulator.faults.inject({ kind: 'ingest', count: 6, action: { type: 'delay', ms: 120 } });
  let revokedAt = -1;
  const watcher = setInterval(() => {
    if (revokedAt < 0 && emulator.requests().some((r) => r.kind === 'ingest' && r.status === 202)) {
      emulator.revokeAllTokens();
      revokedAt = emulator.requests().length;
    }
  }, 5);
  const run = await sendInProcess(
    ['--config', config, '--logs', logsFile, '--traces', tracesFile, '--json'],
    emulator,
  ).finally(() => clearInterval(watcher));

  const summary = JSON.parse(run.stdout);
  expect(run.stderr).toBe('');
  expect({ code: run.code, logs: summary.logs.dropped, traces: summary.traces.dropped }).toEqual({
    code: 0,
    logs: {},
    traces: {},
  });
  expect(summary.logs).toMatchObject({ records: LOGS, sent: LOGS, notDelivered: 0 });
  expect(summary.traces).toMatchObject({ records: SPANS, sent: SPANS, notDelivered: 0 });

  // The faults really happened: four 503s, and uploads refused after the revocation.
  const requests = emulator.requests();
  expect(requests.filter((r) => r.kind === 'ingest' && r.status === 503)).toHaveLength(4);
  expect(revokedAt).toBeGreaterThan(0);
  const afterRevocation = requests.slice(revokedAt);
  expect(afterRevocation.some((r) => r.status === 401 || r.status === 403)).toBe(true);
  expect(afterRevocation.some((r) => r.kind === 'config' && r.status === 200)).toBe(true);
  expect(summary.logs.exporterStats.batchRetries + summary.traces.exporterStats.batchRetries).toBeGreaterThan(
    0,
  );

  // Exactly once: every record id arrives one time, nothing else arrives.
  for (const [event, prefix, count] of [
    [undefined, 'log', LOGS],
    ['Span', 'span', SPANS],
  ] as const) {
    const rows = emulator
      .events({ namespace: 'GenevaOtelDemo' })
      .filter((e) => (event ? e.eventName === event : e.eventName !== 'Span'));
    const ids = rows.map((r) => r.values['record.id']);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    expect(ids.every((id) => typeof id === 'string' && id.startsWith(`${prefix}-`))).toBe(true);
  }
  const logEvents = new Set(emulator.events({ namespace: 'GenevaOtelDemo' }).map((e) => e.eventName));
  expect(logEvents).toEqual(new Set(['Log', 'AuditEvent', 'Span']));
});
