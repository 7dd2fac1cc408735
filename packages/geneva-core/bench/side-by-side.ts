// Side-by-side encoder throughput: geneva-core vs the real geneva-uploader 0.4.0, on the same inputs
// (the golden-vector corpus in test/vectors/corpus), on this machine.
//
//   npx turbo run build --filter=@geneva-otel/geneva-core   # it measures the built dist/, as users run it
//   npx tsx packages/geneva-core/bench/side-by-side.ts [--records-per-input N] [--rounds R] [--no-crate]
//
// Both sides encode each input (rows + central blob + LZ4 chunks, no upload) ceil(N / records)
// times after a warm-up of a tenth of that (at least 20 calls), and report records/s = records
// encoded / time spent. The sides alternate for R rounds (default 2) and each input keeps its best
// round, which damps the noise of a shared machine; overall = all records / sum of best times.
// The crate side is `tools/reference-vectors bench` (build it once: `cargo build --release` in
// tools/reference-vectors, or `npm run vectors`). Prints records/s for each and the ratio ours/theirs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  type EncoderIdentity,
  type ExportLogsServiceRequest,
  type ExportTraceServiceRequest,
  encodeLogs,
  encodeSpans,
} from '../dist/index.js';

const corpusDir = fileURLToPath(new URL('../test/vectors/corpus/', import.meta.url));
const tool = fileURLToPath(
  new URL('../../../tools/reference-vectors/target/release/reference-vectors', import.meta.url),
);

interface Row {
  input: string;
  records: number;
  iterations: number;
  seconds: number;
  recordsPerSecond: number;
}

interface Side {
  totalRecords: number;
  totalSeconds: number;
  recordsPerSecond: number;
  inputs: Row[];
}

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive integer`);
  return n;
}

const recordsPerInput = argValue('--records-per-input', 20_000);
const rounds = argValue('--rounds', 2);
const WARMUP_MIN = 20;

function countRecords(request: Record<string, unknown>): number {
  let n = 0;
  for (const r of (request['resourceLogs'] as { scopeLogs?: { logRecords?: unknown[] }[] }[] | undefined) ??
    []) {
    for (const s of r.scopeLogs ?? []) n += s.logRecords?.length ?? 0;
  }
  for (const r of (request['resourceSpans'] as { scopeSpans?: { spans?: unknown[] }[] }[] | undefined) ??
    []) {
    for (const s of r.scopeSpans ?? []) n += s.spans?.length ?? 0;
  }
  return n;
}

function benchOurs(): Side {
  const names = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.otlp.json'))
    .map((f) => f.slice(0, -'.otlp.json'.length))
    .sort();
  const inputs: Row[] = [];
  for (const name of names) {
    const request = JSON.parse(readFileSync(`${corpusDir}${name}.otlp.json`, 'utf8')) as Record<
      string,
      unknown
    >;
    const identity = JSON.parse(readFileSync(`${corpusDir}${name}.identity.json`, 'utf8')) as EncoderIdentity;
    const records = countRecords(request);
    if (records === 0) continue;
    const encode =
      'resourceLogs' in request
        ? () => encodeLogs(request as ExportLogsServiceRequest, identity)
        : () => encodeSpans(request as ExportTraceServiceRequest, identity);
    const first = encode();
    if (first.rejected.length > 0) throw new Error(`${name}: ${first.rejected[0]!.reason}`);
    const iterations = Math.max(1, Math.ceil(recordsPerInput / records));
    for (let i = 0; i < Math.max(Math.ceil(iterations / 10), WARMUP_MIN); i++) encode();
    let sink = 0;
    const start = performance.now();
    for (let i = 0; i < iterations; i++) sink += encode().batches.length;
    const seconds = (performance.now() - start) / 1000;
    if (sink === 0) throw new Error(`${name}: no batches`);
    inputs.push({
      input: name,
      records,
      iterations,
      seconds,
      recordsPerSecond: (records * iterations) / seconds,
    });
  }
  return summarize(inputs);
}

function summarize(inputs: Row[]): Side {
  const totalRecords = inputs.reduce((n, r) => n + r.records * r.iterations, 0);
  const totalSeconds = inputs.reduce((n, r) => n + r.seconds, 0);
  return { totalRecords, totalSeconds, recordsPerSecond: totalRecords / totalSeconds, inputs };
}

function benchCrate(): Side | undefined {
  if (process.argv.includes('--no-crate')) return undefined;
  if (!existsSync(tool)) {
    console.log(
      `(crate side skipped: ${tool} not built; run "cargo build --release" in tools/reference-vectors)`,
    );
    return undefined;
  }
  const out = spawnSync(
    tool,
    ['bench', corpusDir, '--records-per-input', String(recordsPerInput), '--json'],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (out.status !== 0) throw new Error(`reference-vectors bench failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as Side;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(12);
const ratio = (a: number, b: number | undefined) =>
  b === undefined ? '' : `${(a / b).toFixed(2)}x`.padStart(8);

/** Per input, the round with the most records/s. */
function best(sides: Side[]): Side {
  const byInput = new Map<string, Row>();
  for (const side of sides) {
    for (const r of side.inputs) {
      const seen = byInput.get(r.input);
      if (seen === undefined || r.recordsPerSecond > seen.recordsPerSecond) byInput.set(r.input, r);
    }
  }
  return summarize([...byInput.values()]);
}

// The sides take turns (never both at once on a shared machine).
const crateRounds: Side[] = [];
const ourRounds: Side[] = [];
for (let round = 0; round < rounds; round++) {
  const c = benchCrate();
  if (c !== undefined) crateRounds.push(c);
  ourRounds.push(benchOurs());
}
const theirs = crateRounds.length > 0 ? best(crateRounds) : undefined;
const ours = best(ourRounds);
const byName = new Map(theirs?.inputs.map((r) => [r.input, r]));
console.log(
  `${'input'.padEnd(34)} ${'records'.padStart(7)} ${'ours rec/s'.padStart(12)} ${'0.4.0 rec/s'.padStart(12)}   ours/0.4.0`,
);
const ratios: number[] = [];
for (const r of ours.inputs) {
  const t = byName.get(r.input)?.recordsPerSecond;
  if (t !== undefined) ratios.push(r.recordsPerSecond / t);
  console.log(
    `${r.input.padEnd(34)} ${String(r.records).padStart(7)} ${fmt(r.recordsPerSecond)} ${t === undefined ? ''.padStart(12) : fmt(t)} ${ratio(r.recordsPerSecond, t)}`,
  );
}
console.log('');
console.log(
  `geneva-core (ours):     ${fmt(ours.recordsPerSecond)} records/s  (${ours.totalRecords} records, ${ours.totalSeconds.toFixed(2)} s)`,
);
if (theirs !== undefined) {
  const geo = Math.exp(ratios.reduce((s, x) => s + Math.log(x), 0) / ratios.length);
  console.log(
    `geneva-uploader 0.4.0:  ${fmt(theirs.recordsPerSecond)} records/s  (${theirs.totalRecords} records, ${theirs.totalSeconds.toFixed(2)} s)`,
  );
  console.log(
    `ratio ours/theirs:      ${(ours.recordsPerSecond / theirs.recordsPerSecond).toFixed(2)}x overall, ${geo.toFixed(2)}x geometric mean per input`,
  );
}
