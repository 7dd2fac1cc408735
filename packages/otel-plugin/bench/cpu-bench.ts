/**
 * CPU time per 10k spans and per 10k log records: our Geneva exporters vs the OTLP/HTTP protobuf
 * exporters, both sending to the same local sink (a child process, so its CPU is not counted).
 * Also compares our direct SDK → OTLP model mapping with the otlp-transformer JSON round trip.
 * Run: npm run bench (builds first). Prints a table and ratios (ours / OTLP; < 1 = cheaper).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MSI_RESOURCE, encodeLogs, encodeSpans } from '@geneva-otel/geneva-core';
import {
  GenevaLogRecordExporter,
  GenevaSpanExporter,
  loadAzureGigWarmConfig,
  logRecordsToModel,
  spansToModel,
} from '@geneva-otel/otel-plugin';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { JsonLogsSerializer, JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { makeLogRecords, makeSpans } from '../test/helpers/sdk-records.js';

const N = 10_000;
const BATCH = 512;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

interface Exporter<T> {
  export(items: T[], cb: (r: { code: number; error?: Error }) => void): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

function cpuMs(fn: () => void | Promise<void>): Promise<number> {
  const start = process.cpuUsage();
  return Promise.resolve(fn()).then(() => {
    const d = process.cpuUsage(start);
    return (d.user + d.system) / 1000;
  });
}

async function exportAll<T>(exporter: Exporter<T>, items: T[]): Promise<void> {
  const pending: Promise<void>[] = [];
  for (let i = 0; i < items.length; i += BATCH) {
    pending.push(
      new Promise((resolve, reject) =>
        exporter.export(items.slice(i, i + BATCH), (r) =>
          r.code === 0 ? resolve() : reject(r.error ?? new Error('export failed')),
        ),
      ),
    );
  }
  await Promise.all(pending);
  await exporter.forceFlush();
}

/** Median CPU ms of a synchronous step, after warm-up. */
function cpuSync(fn: () => unknown): number {
  for (let i = 0; i < 2; i++) fn();
  const runs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.cpuUsage();
    fn();
    const d = process.cpuUsage(start);
    runs.push((d.user + d.system) / 1000);
  }
  return median(runs);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function measure<T>(exporter: Exporter<T>, items: T[]): Promise<number> {
  await exportAll(exporter, items); // warm-up: connections, token, JIT
  const runs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await cpuMs(() => exportAll(exporter, items)));
  await exporter.shutdown();
  return median(runs);
}

async function main(): Promise<void> {
  const sink: ChildProcess = fork(fileURLToPath(new URL('./sink-server.mjs', import.meta.url)), {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const [chunk] = (await once(sink.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
    const base = `http://127.0.0.1:${chunk.toString().trim()}`;
    const config = {
      ...loadAzureGigWarmConfig(
        {
          endpoint: base,
          environment: 'Bench',
          account: 'a',
          namespace: 'ns',
          region: 'r',
          tenant: 't',
          role_name: 'r',
          role_instance: 'ri',
        },
        {},
      ),
      // A fixed bearer token instead of managed identity (no identity endpoint in the sink).
      auth: {
        kind: 'credential' as const,
        resource: DEFAULT_MSI_RESOURCE,
        credential: { getToken: async () => ({ token: 'bench', expiresOnTimestamp: Date.now() + 3600_000 }) },
      },
    };
    const [logs, spans] = [await makeLogRecords(N), await makeSpans(N / 2)];

    const rows: [string, number, number][] = [];
    const oursLogs = await measure(
      new GenevaLogRecordExporter({ config }) as Exporter<(typeof logs)[number]>,
      logs,
    );
    const otlpLogs = await measure(
      new OTLPLogExporter({ url: `${base}/v1/logs` }) as Exporter<(typeof logs)[number]>,
      logs,
    );
    rows.push(['10k log records', oursLogs, otlpLogs]);
    const oursSpans = await measure(
      new GenevaSpanExporter({ config }) as Exporter<(typeof spans)[number]>,
      spans,
    );
    const otlpSpans = await measure(
      new OTLPTraceExporter({ url: `${base}/v1/traces` }) as Exporter<(typeof spans)[number]>,
      spans,
    );
    rows.push(['10k spans', oursSpans, otlpSpans]);

    const mapLogs = cpuSync(() => logRecordsToModel(logs));
    const jsonLogs = cpuSync(() =>
      JSON.parse(new TextDecoder().decode(JsonLogsSerializer.serializeRequest(logs))),
    );
    const mapSpans = cpuSync(() => spansToModel(spans));
    const jsonSpans = cpuSync(() =>
      JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans))),
    );
    const identity = {
      namespace: 'ns',
      environment: 'e',
      configMajorVersion: 1,
      tenant: 't',
      roleName: 'r',
      roleInstance: 'ri',
    };
    const logModel = logRecordsToModel(logs);
    const spanModel = spansToModel(spans);
    const encLogs = cpuSync(() => encodeLogs(logModel, identity));
    const encSpans = cpuSync(() => encodeSpans(spanModel, identity));

    console.log(
      `CPU time (user+system, median of ${ROUNDS}), exporters sending to a local sink, Node ${process.version}`,
    );
    console.log('| workload | geneva-otel ms | OTLP/HTTP protobuf ms | ratio ours/OTLP |');
    console.log('|---|---:|---:|---:|');
    for (const [name, ours, otlp] of rows)
      console.log(`| ${name} | ${ours.toFixed(1)} | ${otlp.toFixed(1)} | ${(ours / otlp).toFixed(2)} |`);
    console.log('\nSDK records → OTLP model (CPU ms per 10k)');
    console.log('| records | direct mapping | otlp-transformer JSON + parse | ratio |');
    console.log('|---|---:|---:|---:|');
    console.log(
      `| log records | ${mapLogs.toFixed(1)} | ${jsonLogs.toFixed(1)} | ${(mapLogs / jsonLogs).toFixed(2)} |`,
    );
    console.log(
      `| spans | ${mapSpans.toFixed(1)} | ${jsonSpans.toFixed(1)} | ${(mapSpans / jsonSpans).toFixed(2)} |`,
    );
    console.log(
      '\nBreakdown of our pipeline (CPU ms per 10k): the rest of the exporter figure is queue, retry and HTTP',
    );
    console.log('| step | logs | spans |');
    console.log('|---|---:|---:|');
    console.log(`| SDK → OTLP model (otel-plugin) | ${mapLogs.toFixed(1)} | ${mapSpans.toFixed(1)} |`);
    console.log(
      `| Bond rows + LZ4 (geneva-core encodeLogs/encodeSpans) | ${encLogs.toFixed(1)} | ${encSpans.toFixed(1)} |`,
    );
  } finally {
    sink.kill();
  }
}

await main();
