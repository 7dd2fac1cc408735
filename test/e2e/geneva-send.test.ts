// geneva-send against the emulator: the Go exporter's two sample payloads replayed with the
// example config, decoded on arrival and checked column by column; --validate, --json and the
// exit codes of bad config and bad input.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GenevaEmulator, startEmulator } from '@geneva-otel/geneva-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emulatorEnv } from './support/emulator-env.js';
import { sendInProcess, useEmulatorIdentity } from './support/in-process.js';
import { repoRoot, runGenevaSend } from './support/spawn-node.js';

const config = `${repoRoot}examples/azuregigwarm.yaml`;
const sampleLogs = `${repoRoot}examples/payloads/sample-logs.json`;
const sampleTraces = `${repoRoot}examples/payloads/sample-traces.json`;
// The example config's identity columns.
const identity = {
  env_name: 'Test',
  env_ver: 'Ver2v0',
  Tenant: 'demo-tenant',
  Role: 'demo-service',
  RoleInstance: 'demo-service-0',
};

let emulator: GenevaEmulator;
let dir: string;
let restoreEnv: () => void;
beforeAll(async () => {
  emulator = await startEmulator();
  restoreEnv = useEmulatorIdentity(emulator);
  dir = await mkdtemp(join(tmpdir(), 'geneva-send-e2e-'));
});
afterAll(async () => {
  restoreEnv?.();
  await emulator?.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => emulator.reset());

describe('geneva-send replays the Go samples into the emulator', () => {
  it('delivers the sample log record with exactly the expected row', async () => {
    const run = await sendInProcess(['--config', config, '--logs', sampleLogs], emulator);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('logs: 1/1 log records delivered');
    const rows = emulator.events({ namespace: 'GenevaOtelDemo', event: 'Log' });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.level).toBe(9);
    expect(row.metadata).toBe(
      'namespace=GenevaOtelDemo/eventVersion=Ver2v0/tenant=demo-tenant/role=demo-service/roleinstance=demo-service-0',
    );
    expect(row.schema.columns.map((c) => ({ name: c.name, type: c.type.toLowerCase() }))).toEqual([
      { name: 'env_name', type: 'string' },
      { name: 'env_ver', type: 'string' },
      { name: 'timestamp', type: 'string' },
      { name: 'env_time', type: 'string' },
      { name: 'Tenant', type: 'string' },
      { name: 'Role', type: 'string' },
      { name: 'RoleInstance', type: 'string' },
      { name: 'SeverityNumber', type: 'int32' },
      { name: 'SeverityText', type: 'string' },
      { name: 'body', type: 'string' },
      { name: 'log.level', type: 'string' },
      { name: 'http.method', type: 'string' },
      { name: 'http.status_code', type: 'int64' },
      { name: 'custom.field', type: 'string' },
    ]);
    expect(row.values).toEqual({
      ...identity,
      timestamp: '2023-11-14T22:13:20.123456789+00:00',
      env_time: '2023-11-14T22:13:20.123456789+00:00',
      SeverityNumber: 9,
      SeverityText: 'INFO',
      body: 'This is a test log message for Azure GigWarm exporter',
      'log.level': 'info',
      'http.method': 'GET',
      'http.status_code': 200n,
      'custom.field': 'custom-value',
    });
  });

  it('delivers the sample span with exactly the expected row', async () => {
    const run = await sendInProcess(['--config', config, '--traces', sampleTraces], emulator);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = emulator.events({ namespace: 'GenevaOtelDemo', event: 'Span' });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.level).toBe(5);
    expect(row.schema.columns.map((c) => `${c.name}:${c.type.toLowerCase()}`)).toEqual([
      'env_name:string',
      'env_ver:string',
      'timestamp:string',
      'env_time:string',
      'Tenant:string',
      'Role:string',
      'RoleInstance:string',
      'kind:int32',
      'startTime:string',
      'success:bool',
      'env_dt_traceId:string',
      'env_dt_spanId:string',
      'name:string',
      'http.method:string',
      'http.url:string',
      'http.status_code:int64',
    ]);
    expect(row.values).toEqual({
      ...identity,
      timestamp: '2023-11-14T22:13:20+00:00',
      env_time: '2023-11-14T22:13:20+00:00',
      kind: 1,
      startTime: '2023-11-14T22:13:20+00:00',
      success: true,
      env_dt_traceId: '5b8efff798038103d269b633813fc60c',
      env_dt_spanId: 'eee19b7ec3c1b174',
      name: 'test-operation',
      'http.method': 'GET',
      'http.url': 'https://example.com/api/test',
      'http.status_code': 200n,
    });
  });

  it('sends both files in one run of the real command and reports JSON', async () => {
    const run = await runGenevaSend(
      ['--config', config, '--logs', sampleLogs, '--traces', sampleTraces, '--json'],
      emulatorEnv(emulator),
    );
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({
      ok: true,
      target: { endpoint: emulator.url, namespace: 'GenevaOtelDemo', authMethod: 'msi' },
      logs: { records: 1, sent: 1, notDelivered: 0, dropped: {} },
      traces: { records: 1, sent: 1, notDelivered: 0, dropped: {} },
    });
    expect(summary.logs.exporterStats).toMatchObject({
      received: 1,
      sent: 1,
      batchesSent: 1,
      droppedTotal: 0,
    });
    expect(
      emulator
        .events()
        .map((e) => e.eventName)
        .sort(),
    ).toEqual(['Log', 'Span']);
  });
});

describe('geneva-send config and input errors', () => {
  it('--validate refuses the unedited example configs and accepts them filled in, without sending', async () => {
    const cert = await emulator.issueClientCertificate({ path: join(dir, 'example.p12'), password: 'p4ss' });
    for (const file of [
      'azuregigwarm.msi.yaml',
      'azuregigwarm.certificate.yaml',
      'azuregigwarm.workload-identity.yaml',
    ]) {
      const path = `${repoRoot}examples/configs/${file}`;
      const unedited = await sendInProcess(['--config', path, '--validate']);
      expect(unedited.code).toBe(2);
      expect(unedited.stderr).toContain('account: still contains the placeholder <geneva-account>');
      // Filled in as a user would: every <...> replaced, the certificate a real PKCS#12 file.
      const filled = join(dir, file);
      await writeFile(
        filled,
        (await readFile(path, 'utf8'))
          .replace('"</path/to/client-certificate.p12>"', JSON.stringify(cert.path))
          .replace(`\${env:GENEVA_CERT_PASSWORD}`, 'p4ss')
          .replace(/<([^<>]*)>/g, (_m, inner: string) => inner.replace(/[^A-Za-z0-9-]+/g, '-')),
      );
      const run = await sendInProcess(['--config', filled, '--validate']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('is valid');
    }
    expect(emulator.counters().requests).toBe(0);
  });

  it('exits 2 with the Go message for an invalid block (bare block form)', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      'endpoint: "http://127.0.0.1:1"\nenvironment: Test\naccount: a\nnamespace: n\nregion: r\n',
    );
    const run = await runGenevaSend(['--config', file, '--validate']); // the real command's exit code
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('requires a non-empty "tenant"');
    const badAuth = join(dir, 'bad-auth.yaml');
    await writeFile(
      badAuth,
      'exporters:\n  azuregigwarm:\n    endpoint: e\n    environment: e\n    account: a\n    namespace: n\n    region: r\n' +
        '    tenant: t\n    role_name: r\n    role_instance: i\n    auth_method: 7\n',
    );
    const run2 = await sendInProcess(['--config', badAuth, '--validate']);
    expect(run2.code).toBe(2);
    expect(run2.stderr).toContain(
      'invalid auth_method: 7 (must be 0 for MSI, 1 for Certificate, or 2 for WorkloadIdentity)',
    );
  });

  it('exits 2 on a bad input file, naming it, before sending anything', async () => {
    const file = join(dir, 'bad-logs.json');
    await writeFile(file, '{"resourceLogs": [{"scopeLogs": [{"logRecords": [{"spanId": "zz"}]}]}]}');
    const run = await sendInProcess(['--config', config, '--logs', sampleLogs, '--logs', file], emulator);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}: resourceLogs[0].scopeLogs[0].logRecords[0].spanId`);
    expect(emulator.counters().ingestRequests).toBe(0);
  });

  it('exits 2 on bad arguments with the usage text', async () => {
    const run = await sendInProcess(['--config', config, '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: geneva-send');
  });

  it('exits 1 when the gateway refuses the data for good', async () => {
    emulator.faults.inject({
      kind: 'ingest',
      count: Number.POSITIVE_INFINITY,
      action: { type: 'status', status: 400 },
    });
    const run = await sendInProcess(['--config', config, '--logs', sampleLogs, '--json'], emulator);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(summary.ok).toBe(false);
    expect(summary.logs).toMatchObject({
      records: 1,
      sent: 0,
      notDelivered: 1,
      dropped: { permanent_error: 1 },
    });
    expect(emulator.events()).toHaveLength(0);
  });
});
