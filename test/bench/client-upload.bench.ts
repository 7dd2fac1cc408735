// Upload throughput of GenevaClient against the emulator over loopback: uploads/s and rows/s with
// 1, 4 and 16 concurrent uploads. The emulator (which decodes every body) runs in a worker thread;
// a second table uses a minimal counting sink instead, to show the client's own ceiling.
// Run: npm run bench -w @geneva-otel/tests   (turbo builds geneva-core and geneva-emulator first)
// Env: BENCH_ROWS (rows per batch, 200), BENCH_SECONDS (per round, 3).
import { Worker } from 'node:worker_threads';
import { type ExportLogsServiceRequest, GenevaClient } from '@geneva-otel/geneva-core';

const ROWS_PER_BATCH = Number(process.env['BENCH_ROWS'] ?? 200);
const SECONDS_PER_ROUND = Number(process.env['BENCH_SECONDS'] ?? 3);
const CONCURRENCY = [1, 4, 16];

interface Ready {
  type: 'ready';
  url: string;
  caCertPem?: string;
  identity?: { managedIdentityEndpoint: string; identityHeader: string };
}

function request(rows: number): ExportLogsServiceRequest {
  const now = BigInt(Date.now()) * 1_000_000n;
  return {
    resourceLogs: [
      {
        resource: { attributes: [] },
        scopeLogs: [
          {
            scope: { name: 'bench' },
            logRecords: Array.from({ length: rows }, (_, i) => ({
              timeUnixNano: String(now + BigInt(i) * 1000n),
              severityNumber: 9,
              severityText: 'INFO',
              body: { stringValue: `request ${i} served in ${i % 97} ms` },
              attributes: [
                { key: 'http.route', value: { stringValue: '/api/orders/:id' } },
                { key: 'http.status_code', value: { intValue: String(200 + (i % 5)) } },
                { key: 'duration_ms', value: { doubleValue: (i % 97) + 0.5 } },
              ],
            })),
          },
        ],
      },
    ],
  } as ExportLogsServiceRequest;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function run(sink: boolean): Promise<void> {
  const worker = new Worker(new URL('./emulator-worker.mjs', import.meta.url), { workerData: { sink } });
  const next = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const on = (m: { type: string }) => {
        if (m.type === type) {
          worker.off('message', on);
          resolve(m as T);
        }
      };
      worker.on('message', on);
    });
  const ready = await next<Ready>('ready');
  if (ready.identity) {
    process.env['IDENTITY_ENDPOINT'] = ready.identity.managedIdentityEndpoint;
    process.env['IDENTITY_HEADER'] = ready.identity.identityHeader;
  }
  const credential = {
    getToken: async () => ({ token: 'sink', expiresOnTimestamp: Date.now() + 3_600_000 }),
  };

  const base = {
    endpoint: ready.url,
    environment: 'Bench',
    account: 'BenchAcct',
    namespace: 'BenchNs',
    region: 'local',
    configMajorVersion: 1,
    tenant: 't',
    roleName: 'bench',
    roleInstance: 'bench-0',
    auth: sink
      ? { kind: 'credential' as const, credential, resource: 'https://monitor.core.windows.net' }
      : { kind: 'msi' as const },
    ...(ready.caCertPem ? { ca: ready.caCertPem } : {}),
  };
  const encoder = new GenevaClient(base);
  const batch = encoder.encodeLogs(request(ROWS_PER_BATCH)).batches[0]!;
  console.log(
    `\n${sink ? 'counting sink (client ceiling)' : 'geneva-emulator (decodes every body)'}: ${ROWS_PER_BATCH} rows/batch, ` +
      `body ${batch.data.byteLength} B (uncompressed ${batch.uncompressedSize} B), ${SECONDS_PER_ROUND} s per round`,
  );
  console.log('concurrency | uploads |  uploads/s |     rows/s |   MB/s | p50 ms | p99 ms');
  for (const concurrency of CONCURRENCY) {
    const client = new GenevaClient({ ...base, maxConcurrentUploads: concurrency });
    for (let i = 0; i < concurrency * 2; i++) await client.upload(batch); // warm up: token, sockets
    worker.postMessage({ type: 'reset' });
    await next('reset-done');
    const latencies: number[] = [];
    const started = performance.now();
    const deadline = started + SECONDS_PER_ROUND * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          await client.upload(batch);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    worker.postMessage({ type: 'reset' });
    const { counters } = await next<{ counters: { accepted: number; rowsReceived: number } }>('reset-done');
    latencies.sort((a, b) => a - b);
    const n = latencies.length;
    if (counters.rowsReceived !== n * ROWS_PER_BATCH)
      throw new Error(`emulator saw ${counters.rowsReceived} rows, sent ${n * ROWS_PER_BATCH}`);
    console.log(
      [
        String(concurrency).padStart(11),
        String(n).padStart(7),
        (n / seconds).toFixed(1).padStart(10),
        ((n * ROWS_PER_BATCH) / seconds).toFixed(0).padStart(10),
        ((n * batch.data.byteLength) / seconds / 1e6).toFixed(2).padStart(6),
        percentile(latencies, 50).toFixed(2).padStart(6),
        percentile(latencies, 99).toFixed(2).padStart(6),
      ].join(' | '),
    );
    await client.close();
  }
  worker.postMessage({ type: 'stop' });
  await new Promise((r) => worker.once('exit', r));
}

await run(false);
await run(true);
