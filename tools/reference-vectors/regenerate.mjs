#!/usr/bin/env node
// `npm run vectors`: rebuilds the golden vectors from the real geneva-uploader 0.4.0.
//   1. writes the corpus inputs (corpus/build-corpus.mjs, deterministic)
//   2. builds this Rust tool in release mode (needs cargo and crates.io; target/ is reused)
//   3. runs the crate over corpus/ and defective/, writing crate-0.4.0/ and defective/crate-0.4.0/
// Regenerating gives identical files: `git status packages/geneva-core/test/vectors` stays clean.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const vectors = fileURLToPath(new URL('../../packages/geneva-core/test/vectors/', import.meta.url));
const started = process.hrtime.bigint();

// The crate prints this once per client in mock-auth mode; it is expected here.
const MOCK_AUTH_WARNING = /^WARNING: Using MockAuth for GenevaConfigClient.*\n?/gm;

function run(command, args, cwd = here) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  process.stderr.write((result.stderr ?? '').replace(MOCK_AUTH_WARNING, ''));
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

const step = (label) =>
  console.log(`[vectors] ${label} (${Number(process.hrtime.bigint() - started) / 1e9}s)`);

try {
  step('writing corpus inputs');
  run(process.execPath, ['corpus/build-corpus.mjs']);
  step('building tools/reference-vectors (cargo build --release --locked)');
  run('cargo', ['build', '--release', '--locked', '--quiet']);
  const tool = `${here}target/release/reference-vectors`;
  step('running geneva-uploader 0.4.0 over corpus/');
  run(tool, ['generate', `${vectors}corpus`, `${vectors}crate-0.4.0`]);
  step('running geneva-uploader 0.4.0 over defective/');
  run(tool, ['generate', `${vectors}defective`, `${vectors}defective/crate-0.4.0`]);
  step('done');
} catch (error) {
  console.error(`[vectors] ${error.message}`);
  process.exitCode = 1;
}
