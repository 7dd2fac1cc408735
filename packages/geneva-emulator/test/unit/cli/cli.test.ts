// Spawns the real CLI (src/cli/bin.ts through tsx), talks to it, stops it with SIGTERM.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchConfig, upload } from '../../helpers/geneva-protocol.js';
import { encodedSampleBatches } from '../../helpers/sample-logs.js';

const bin = fileURLToPath(new URL('../../../src/cli/bin.ts', import.meta.url));
const nodeArgs = ['--import', 'tsx', bin];

describe('geneva-emulator CLI', () => {
  let child: ChildProcess | undefined;
  let dir: string | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints --help and exits 0; a bad flag exits 2 with the usage', () => {
    const help = spawnSync(process.execPath, [...nodeArgs, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--events-out F/);
    const bad = spawnSync(process.execPath, [...nodeArgs, '--port', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--port must be a non-negative integer/);
  });

  it('starts on a free port, prints rows and appends them to --events-out, stops on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'geneva-emulator-cli-'));
    const eventsOut = join(dir, 'events.jsonl');
    const stateDir = process.env['GENEVA_EMULATOR_TEST_STATE_DIR'] ?? join(dir, 'state');
    const proc = spawn(
      process.execPath,
      [...nodeArgs, '--port', '0', '--print', '--events-out', eventsOut, '--state-dir', stateDir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    let stdout = '';
    proc.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    const waitFor = (re: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = () => {
          const m = stdout.match(re);
          if (m) {
            proc.stdout!.off('data', check);
            resolve(m);
          }
        };
        proc.stdout!.on('data', check);
        proc.once('exit', (code) => reject(new Error(`exited ${code} before ${re}: ${stdout}`)));
        check();
      });
    const [, url] = await waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(stdout).toContain(join(stateDir, 'ca-cert.pem'));

    const info = await fetchConfig(url!);
    const res = await upload(info, encodedSampleBatches(2)[0]!);
    expect(res.status).toBe(202);
    await waitFor(/TestNs\/Log: 2 row\(s\)/);
    expect(stdout).toMatch(/level \| env_name/);
    expect(stdout).toMatch(/message 1/);

    const lines = readFileSync(eventsOut, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      namespace: 'TestNs',
      eventName: 'Log',
      values: { body: 'message 0', big: '9007199254740993' },
    });

    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/SIGTERM, stopping/);
  });
});
