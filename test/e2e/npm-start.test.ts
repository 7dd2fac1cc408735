// The `npm start` path, run as a new user runs it: the demo spawns the emulator and an instrumented
// service, drives real requests, and must report every record delivered exactly once.
// Needs the packages built (`npm run build`; the root `npm test` builds first).
import { expect, it } from 'vitest';
import { repoRoot, runNode } from './support/spawn-node.js';

it('npm start delivers every log record, event and span exactly once and says so', async () => {
  const run = await runNode(`${repoRoot}examples/demo/main.mjs`, [], { timeoutMs: 90_000 });
  // On failure, show everything the run printed.
  expect({ code: run.code, stderr: run.stderr }, run.stdout).toEqual({ code: 0, stderr: '' });
  const out = run.stdout;
  // Progress while it runs.
  expect(out).toMatch(/Geneva emulator listening on http:\/\/127\.0\.0\.1:\d+/);
  expect(out).toContain('300/300 requests answered');
  // What Geneva received, per namespace and event, with columns and decoded rows.
  expect(out).toContain('namespace GenevaOtelDemo');
  expect(out).toMatch(/event Log: 300 rows, 1 schema\(s\)/);
  expect(out).toMatch(/event CheckoutCompleted: 30 rows, 1 schema\(s\)/);
  expect(out).toMatch(/event Span: 300 rows, 1 schema\(s\)/);
  expect(out).toMatch(/columns: env_name:\w+ env_ver:\w+ timestamp:\w+ env_time:\w+ Tenant:\w+ Role:\w+/);
  expect(out).toContain(
    'every row: env_name="Test" env_ver="Ver2v0" Tenant="demo-tenant" Role="demo-service"',
  );
  expect(out).toMatch(/row: timestamp="[^"]+" .*demo\.request_id="req-\d{4}"/);
  // The exporter's own counters: everything received was sent, nothing dropped.
  expect(out).toMatch(/logs: received=330 sent=330 droppedTotal=0 pending=0/);
  expect(out).toMatch(/traces: received=300 sent=300 droppedTotal=0 pending=0/);
  // The verdict.
  expect(out).toContain('OK   log records: emitted 300, received 300 (event Log), each exactly once');
  expect(out).toContain('OK   CheckoutCompleted events: emitted 30, received 30');
  expect(out).toContain('OK   server spans: emitted 300, received 300 (event Span), each exactly once');
  expect(out).toContain('OK: every record the service emitted arrived in Geneva exactly once');
  expect(run.ms).toBeLessThan(60_000);
});

it('DEMO_FAULTS=1: the first uploads get 503, the exporter retries, and everything still arrives once', async () => {
  const run = await runNode(`${repoRoot}examples/demo/main.mjs`, [], {
    env: { DEMO_FAULTS: '1', DEMO_REQUESTS: '60' },
    timeoutMs: 90_000,
  });
  expect({ code: run.code, stderr: run.stderr }, run.stdout).toEqual({ code: 0, stderr: '' });
  expect(run.stdout).toContain('the gateway will answer the first 4 uploads with 503');
  // Four 503s were answered and retried: the counters show the retries, and nothing was dropped.
  expect(run.stdout).toMatch(/Emulator counters: .* 4 request\(s\) rejected/);
  // Each 503 is followed by exactly one retry: of the batch, or (once its batch_retry is used up)
  // of the export; either way nothing is dropped.
  const counters = [
    ...run.stdout.matchAll(/droppedTotal=0 pending=0 .*batchRetries=(\d+) exportRetries=(\d+)/g),
  ];
  expect(counters).toHaveLength(2);
  expect(counters.reduce((sum, m) => sum + Number(m[1]) + Number(m[2]), 0)).toBe(4);
  expect(run.stdout).toContain('OK   server spans: emitted 60, received 60 (event Span), each exactly once');
  expect(run.stdout).toContain('OK: every record the service emitted arrived in Geneva exactly once');
});
