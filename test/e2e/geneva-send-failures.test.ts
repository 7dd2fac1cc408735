// geneva-send when things go wrong: it must never exit before its summary, must say why records
// were not delivered (never echoing secrets), and --validate must refuse configs that cannot work.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GenevaEmulator, startEmulator } from '@geneva-otel/geneva-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emulatorEnv } from './support/emulator-env.js';
import { sendInProcess, useEmulatorIdentity } from './support/in-process.js';
import { repoRoot, runGenevaSend } from './support/spawn-node.js';

const example = `${repoRoot}examples/azuregigwarm.yaml`;
const sampleLogs = `${repoRoot}examples/payloads/sample-logs.json`;
const PASSWORD = 'S3cr3t-Hunter2-PW';

let emulator: GenevaEmulator;
let dir: string;
let restoreEnv: () => void;
beforeAll(async () => {
  emulator = await startEmulator();
  restoreEnv = useEmulatorIdentity(emulator);
  dir = await mkdtemp(join(tmpdir(), 'geneva-send-failures-'));
});
afterAll(async () => {
  restoreEnv?.();
  await emulator?.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => emulator.reset());

/** A loopback port nobody listens on (bound, read, released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The example config with short retries (give up after ~0.5 s) written to `name`. */
async function shortRetryConfig(name: string, extra = ''): Promise<string> {
  const text = (await readFile(example, 'utf8'))
    .replace(/max_elapsed_time: \S+/, 'max_elapsed_time: 500ms')
    .replace(/initial_interval: 100ms/, 'initial_interval: 20ms')
    .replace(/max_interval: 1s/, 'max_interval: 100ms')
    .replace(/max_retries: 3/, 'max_retries: 1')
    .replace(/auth_method: 0.*/, (m) => `${m}${extra}`);
  expect(text).toContain('max_elapsed_time: 500ms');
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

/** A certificate config whose cert_path does not exist; the password must never be printed. */
async function missingCertConfig(): Promise<string> {
  return shortRetryConfig(
    'missing-cert.yaml',
    `\n    cert_path: "${join(dir, 'nope.p12')}"\n    cert_password: "${PASSWORD}"`,
  ).then(async (file) => {
    const text = (await readFile(file, 'utf8')).replace(/auth_method: 0/, 'auth_method: 1');
    await writeFile(file, text);
    return file;
  });
}

describe('the real command waits for retries and reports the outcome', () => {
  it('unreachable endpoint: exit 1 with the reason, after the retries ran out', async () => {
    const file = await shortRetryConfig('unreachable.yaml');
    const run = await runGenevaSend(['--config', file, '--logs', sampleLogs], {
      GENEVA_ENDPOINT: `http://127.0.0.1:${await freePort()}`,
      IDENTITY_ENDPOINT: emulator.identity.managedIdentityEndpoint,
      IDENTITY_HEADER: emulator.identity.identityHeader,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('logs: 0/1 log records delivered');
    expect(run.stdout).toMatch(/NOT delivered: 1 — retries_exhausted: gave up after \d+ attempt\(s\)/);
    expect(run.stdout).toMatch(/ECONNREFUSED|connect|refused/i);
    expect(run.stdout).toContain('FAILED: 1 record(s) not delivered');
    expect(run.stderr).toContain('[warn]'); // the default diag level reports the give-up
  });

  it('two 503s then success: exit 0 and the retries are counted', async () => {
    emulator.faults.inject({ kind: 'ingest', count: 2, action: { type: 'status', status: 503 } });
    const run = await runGenevaSend(['--config', example, '--logs', sampleLogs], emulatorEnv(emulator));
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('logs: 1/1 log records delivered');
    expect(run.stdout).toContain('retries: 2 batch, 0 export');
    expect(emulator.events({ event: 'Log' })).toHaveLength(1);
  });

  it('503 until the retries run out: exit 1 naming the status', async () => {
    emulator.faults.inject({
      kind: 'ingest',
      count: Number.POSITIVE_INFINITY,
      action: { type: 'status', status: 503 },
    });
    const file = await shortRetryConfig('always-503.yaml');
    const run = await runGenevaSend(
      ['--config', file, '--logs', sampleLogs, '--json'],
      emulatorEnv(emulator),
    );
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(summary.logs.dropped).toEqual({ retries_exhausted: 1 });
    expect(summary.logs.errors.retries_exhausted).toMatch(/gave up after \d+ attempt\(s\).*503/);
    expect(summary.logs.exporterStats.exportRetries).toBeGreaterThan(0);
  });
});

describe('failures say why, without secrets', () => {
  it('a missing client certificate is named in text, --json and the warn log; the password never', async () => {
    const file = await missingCertConfig();
    const env = { GENEVA_ENDPOINT: emulator.url };
    const text = await runGenevaSend(['--config', file, '--logs', sampleLogs], env);
    const json = await runGenevaSend(['--config', file, '--logs', sampleLogs, '--json'], {
      ...env,
      OTEL_LOG_LEVEL: 'debug',
    });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      `NOT delivered: 1 — permanent_error: cannot use client certificate "${join(dir, 'nope.p12')}": the file cannot be read (ENOENT)`,
    );
    expect(text.stderr).toMatch(/\[warn\] .*permanent error: cannot use client certificate/);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).logs.errors.permanent_error).toContain('the file cannot be read (ENOENT)');
    const validate = await runGenevaSend(['--config', file, '--validate', '--json'], env);
    expect(validate.code).toBe(2);
    for (const out of [text, json, validate]) expect(out.stdout + out.stderr).not.toContain(PASSWORD);
  });

  it('--validate loads the certificate, flags placeholders and answers --json with JSON', async () => {
    const missing = await sendInProcess(
      ['--config', await missingCertConfig(), '--validate', '--json'],
      emulator,
    );
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({
      ok: false,
      error: {
        code: 'GENEVA_ERR_CLI_CONFIG',
        message: expect.stringContaining('cert_path: cannot use client certificate'),
      },
    });
    const cert = await emulator.issueClientCertificate({ path: join(dir, 'ok.p12'), password: 'p4ss' });
    const wrong = join(dir, 'wrong-password.yaml');
    await writeFile(
      wrong,
      (await readFile(await missingCertConfig(), 'utf8'))
        .replace(join(dir, 'nope.p12'), cert.path)
        .replace(PASSWORD, 'not-the-password'),
    );
    const bad = await sendInProcess(['--config', wrong, '--validate'], emulator);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('wrong password');
    expect(bad.stderr).not.toContain('not-the-password');
    const good = join(dir, 'good-cert.yaml');
    await writeFile(good, (await readFile(wrong, 'utf8')).replace('not-the-password', 'p4ss'));
    const ok = await sendInProcess(['--config', good, '--validate'], emulator);
    expect({ code: ok.code, stderr: ok.stderr }).toEqual({ code: 0, stderr: '' });

    const unedited = await sendInProcess([
      '--config',
      `${repoRoot}examples/configs/azuregigwarm.msi.yaml`,
      '--validate',
    ]);
    expect(unedited.code).toBe(2);
    expect(unedited.stderr).toContain('account: still contains the placeholder <geneva-account>');
  });

  it(`explains an empty \${env:} reference by name and a collector file without exporters`, async () => {
    const env = await sendInProcess(['--config', example, '--validate']); // no GENEVA_ENDPOINT
    const saved = process.env.GENEVA_ENDPOINT;
    expect(saved).toBeUndefined();
    expect(env.code).toBe(2);
    expect(env.stderr).toContain(`\${env:GENEVA_ENDPOINT} is unset or empty`);
    const noExporters = join(dir, 'no-exporters.yaml');
    await writeFile(noExporters, 'receivers: {}\nazuregigwarm:\n  endpoint: x\n');
    const run = await sendInProcess(['--config', noExporters, '--validate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`geneva-send: no exporters.azuregigwarm block found in ${noExporters}\n`);
  });

  it('names an unknown option and shows usage', async () => {
    const run = await sendInProcess(['--config', example, '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^geneva-send: unknown option --bogus\n\nUsage: geneva-send/);
  });
});

describe('hostile input files', () => {
  /** OTLP/JSON text with one kvlist attribute `depth` levels deep (built as text: too deep to stringify). */
  const nested = (depth: number) => {
    let value = '{"stringValue":"leaf"}';
    for (let i = 0; i < depth; i++) value = `{"kvlistValue":{"values":[{"key":"k${i}","value":${value}}]}}`;
    const record = `{"body":{"stringValue":"x"},"attributes":[{"key":"deep","value":${value}}]}`;
    return `{"resourceLogs":[{"scopeLogs":[{"logRecords":[${record}]}]}]}`;
  };

  it('exits 2 naming the record for an attribute nested thousands of levels deep', async () => {
    const file = join(dir, 'nest5000.json');
    await writeFile(file, nested(5000));
    const run = await runGenevaSend(['--config', example, '--logs', file], { GENEVA_ENDPOINT: emulator.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${file}: resourceLogs[0].scopeLogs[0].logRecords[0].attributes[0].value: value nests deeper than 64 levels`,
    );
    expect(run.stderr).not.toContain('RangeError');
    const ok = join(dir, 'nest60.json');
    await writeFile(ok, nested(60));
    const fine = await sendInProcess(['--config', example, '--logs', ok], emulator);
    expect({ code: fine.code, stderr: fine.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('reports only the position or reason for random bytes in a .json file', async () => {
    const file = join(dir, 'random.json');
    const bytes = Buffer.from('\u0007zq\u0001MAGIC-BYTES-42\u0002', 'latin1');
    await writeFile(file, bytes);
    const run = await sendInProcess(['--config', example, '--logs', file], emulator);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/random\.json: not valid OTLP\/JSON: unexpected character/);
    expect(run.stderr).not.toContain('MAGIC');
  });
});
