// geneva-send with configs a new user gets wrong: an unusable endpoint is a config error (exit 2, no
// stack) both with --validate and for a real send, and no message ever echoes a secret: not URL
// credentials or query, not a password quoted from a YAML code frame, not a wrongly typed password.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runGenevaSend } from './support/spawn-node.js';

const example = `${repoRoot}examples/azuregigwarm.yaml`;
const sampleLogs = `${repoRoot}examples/payloads/sample-logs.json`;
const SECRET = 'Hunter2-secret';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'geneva-send-config-safety-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The example config with `endpoint:` replaced and `extra` lines added under the exporter block. */
async function configWith(name: string, endpoint: string, extra = ''): Promise<string> {
  const text = (await readFile(example, 'utf8'))
    .replace(/endpoint: .*/, `endpoint: ${endpoint}`)
    .replace(/auth_method: 0.*/, (m) => `${m}${extra}`);
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

function expectNoSecret(run: { stdout: string; stderr: string }, ...secrets: string[]): void {
  for (const s of secrets) {
    expect(run.stdout).not.toContain(s);
    expect(run.stderr).not.toContain(s);
  }
}

describe('an unusable endpoint is a config error', () => {
  it.each([
    ['no scheme', '"gcs.monitoring.core.windows.net"', /must be an absolute https:\/\/ \(or http:\/\/\) URL/],
    ['ftp', '"ftp://gcs.example.net/x"', /\(scheme ftp\)/],
  ])('%s: --validate and the real send exit 2 with the reason, no stack', async (_name, endpoint, reason) => {
    const file = await configWith(`endpoint-${_name.replace(' ', '-')}.yaml`, endpoint);
    const validate = await runGenevaSend(['--config', file, '--validate']);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(/invalid azuregigwarm config: endpoint: /);
    expect(validate.stderr).toMatch(reason);
    const send = await runGenevaSend(['--config', file, '--logs', sampleLogs, '--json']);
    expect(send.code).toBe(2);
    const out = JSON.parse(send.stdout);
    expect(out.error.code).toBe('GENEVA_ERR_CLI_CONFIG');
    expect(out.error.message).toMatch(reason);
    expect(send.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('credentials and query in the endpoint are refused and never echoed', async () => {
    const file = await configWith(
      'endpoint-creds.yaml',
      '"http://user:pw-Secret9@127.0.0.1:1/?sig=TOKEN-Secret9"',
    );
    const validate = await runGenevaSend(['--config', file, '--validate', '--json']);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain('endpoint: must not contain credentials');
    expect(validate.stdout).toContain('http://127.0.0.1:1');
    expectNoSecret(validate, 'pw-Secret9', 'TOKEN-Secret9', 'user:pw');
  });
});

describe('secrets never appear in config error messages', () => {
  it('YAML syntax error on the cert_password line: line/column and reason, no code frame', async () => {
    const file = await configWith(
      'yaml-error.yaml',
      '"http://127.0.0.1:1"',
      `\n    cert_password: "${SECRET}\n      x: [`,
    );
    for (const args of [['--validate'], ['--validate', '--json']]) {
      const run = await runGenevaSend(['--config', file, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/not valid YAML: .* at line \d+, column \d+/);
      expectNoSecret(run, SECRET);
    }
  });

  it('a wrongly typed cert_password is reported by type, without its value', async () => {
    const file = await configWith('typed.yaml', '"http://127.0.0.1:1"', `\n    cert_password: ["${SECRET}"]`);
    for (const args of [['--validate'], ['--logs', sampleLogs, '--json']]) {
      const run = await runGenevaSend(['--config', file, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        "'cert_password' expected type 'string', got unconvertible type '[]interface {}'",
      );
      expectNoSecret(run, SECRET);
    }
  });
});
