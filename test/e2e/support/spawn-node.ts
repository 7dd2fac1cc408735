// Runs a Node program as a child process (the way a user runs it) and collects its output.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** What a finished child process left behind. */
export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Spawns `node [nodeArgs] script [args]` from the repository root; kills it after `timeoutMs`. */
export function runNode(
  script: string,
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<ChildResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
  });
}

/** Runs the geneva-send CLI from its TypeScript source (tsx), as `geneva-send <args>`. */
export function runGenevaSend(args: readonly string[], env: Record<string, string | undefined> = {}) {
  return runNode(`${repoRoot}packages/otel-plugin/src/cli/geneva-send.ts`, args, {
    env,
    nodeArgs: ['--import', 'tsx'],
  });
}
