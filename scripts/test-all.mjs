#!/usr/bin/env node
// `npm test`: every check CI runs, in order, on one machine. Each step's output streams through;
// a failing step does not stop the later test steps, so one run shows every failure. Ends with one
// closing line, "tests: N passed, N failed, N skipped", and exits non-zero if anything failed.
//
// Set GENEVA_SKIP_COMPAT=1 to skip the OpenTelemetry JS 3.x / Node 24 compatibility suite (it
// installs its own dependencies from the npm registry).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;

/** @type {{ name: string, ok: boolean, seconds: number }[]} */
const results = [];
let extraPassed = 0;
let extraFailed = 0;

function step(name, command, { capture = false } = {}) {
  console.log(`\n=== ${name}: ${command}`);
  const started = Date.now();
  const run = spawnSync(command, {
    cwd: root,
    shell: true,
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (capture) process.stdout.write(run.stdout ?? '');
  const ok = run.status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return { ok, stdout: run.stdout ?? '' };
}

for (const dir of workspaces) rmSync(join(root, dir, '.test-results'), { recursive: true, force: true });

const built = step('build', 'npx turbo run build').ok;
step('lint and format', 'npx biome ci .');
step('generated config is current', 'npm run --silent codegen:check');
if (built) {
  step('generated manifests are current', 'npm run --silent manifest:check');
  step('typecheck', 'npx turbo run typecheck');
  step('tests', 'npx turbo run test --concurrency=1 --continue');
  if (process.env.GENEVA_SKIP_COMPAT !== '1') {
    const compat = step('OpenTelemetry JS 3.x on Node 24', 'sh packages/otel-plugin/compat/otel3/run.sh', {
      capture: true,
    });
    // node:test closes with "# pass N" (TAP) or "ℹ pass N" (spec reporter).
    extraPassed += Number(/^(?:#|ℹ) pass (\d+)/m.exec(compat.stdout)?.[1] ?? 0);
    extraFailed += Number(/^(?:#|ℹ) fail (\d+)/m.exec(compat.stdout)?.[1] ?? (compat.ok ? 0 : 1));
  }
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)`);
const summary = spawnSync(process.execPath, [join(root, 'scripts/test-summary.mjs')], { encoding: 'utf8' });
const lines = summary.stdout.trim().split('\n');
const counts = /(\d+) passed, (\d+) failed, (\d+) skipped/.exec(lines.at(-1) ?? '') ?? [];
for (const line of lines.slice(0, -1)) console.log(line);
if (extraPassed + extraFailed > 0)
  console.log(`otel-plugin/compat/otel3: ${extraPassed} passed, ${extraFailed} failed`);
const passed = Number(counts[1] ?? 0) + extraPassed;
const failed = Number(counts[2] ?? 0) + extraFailed;
const failedSteps = results.filter((r) => !r.ok).length;
console.log(`tests: ${passed} passed, ${failed} failed, ${Number(counts[3] ?? 0)} skipped`);
process.exit(failedSteps > 0 || failed > 0 || passed === 0 ? 1 : 0);
