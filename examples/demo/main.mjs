// `npm start`: the whole path on this machine. Starts the Geneva emulator, runs an instrumented
// HTTP service (a child process, configured from examples/azuregigwarm.yaml through the generated
// components manifest), sends it a few hundred requests, shuts it down with a flush, then prints
// what Geneva received and checks that every record the service emitted arrived exactly once.
// Exit code 0 = all arrived exactly once; 1 = something went wrong (and what, is printed).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '@geneva-otel/geneva-emulator';
import { driveRequests } from './drive-requests.mjs';
import { checkExactlyOnce, printReceived } from './report.mjs';

const REQUESTS = Number(process.env.DEMO_REQUESTS ?? 300);
const CONCURRENCY = 10;
// DEMO_FAULTS=1: the gateway answers the first uploads with 503 (one with Retry-After), to show the
// retries in the exporter's counters; every record must still arrive exactly once.
const FAULTS = process.env.DEMO_FAULTS === '1';
const NAMESPACE = 'GenevaOtelDemo';
const configPath = fileURLToPath(new URL('../azuregigwarm.yaml', import.meta.url));
const servicePath = fileURLToPath(new URL('./service.mjs', import.meta.url));
// The components manifest generated from examples/builder-config.yaml, in its plain-ESM form.
const manifestPath = fileURLToPath(new URL('./generated/components.js', import.meta.url));
const examplesDir = fileURLToPath(new URL('../', import.meta.url));
const t0 = performance.now();
const log = (text) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(4)}s] ${text}`);

async function main() {
  const emulator = await startEmulator();
  let child;
  try {
    log(
      `Geneva emulator listening on ${emulator.url} (identity endpoint ${emulator.identity.managedIdentityEndpoint})`,
    );
    // The zero-code start: the register hook starts the SDK from the config and the manifest, with
    // the HTTP instrumentation (and its ESM loader hook), before service.mjs runs.
    child = fork(servicePath, [], {
      cwd: examplesDir, // resolves @geneva-otel/builder-manifest from the examples workspace
      execArgv: ['--import', '@geneva-otel/builder-manifest/register'],
      env: {
        ...process.env,
        GENEVA_ENDPOINT: emulator.url,
        OTEL_GENEVA_CONFIG: configPath,
        OTEL_GENEVA_MANIFEST: manifestPath,
        OTEL_GENEVA_INSTRUMENTATIONS: 'http',
        // Managed identity, App Service style: @azure/identity reads these two variables.
        IDENTITY_ENDPOINT: emulator.identity.managedIdentityEndpoint,
        IDENTITY_HEADER: emulator.identity.identityHeader,
        // The identity endpoint is HTTPS with the emulator's own CA.
        NODE_EXTRA_CA_CERTS: emulator.caCertPath,
        OTEL_SERVICE_NAME: 'geneva-otel-demo',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = once(child, 'exit');
    const ready = await Promise.race([
      once(child, 'message').then(([m]) => m),
      exited.then(([code]) => {
        throw new Error(`the service exited with code ${code} before it was ready (see its output above)`);
      }),
    ]);
    const baseUrl = `http://127.0.0.1:${ready.port}`;
    log(`service (pid ${child.pid}) ready on ${baseUrl}, config ${configPath}`);

    if (FAULTS) {
      emulator.faults.inject({ kind: 'ingest', count: 3, action: { type: 'status', status: 503 } });
      emulator.faults.inject({
        kind: 'ingest',
        count: 1,
        action: { type: 'status', status: 503, retryAfterSeconds: 0 },
      });
      log('DEMO_FAULTS=1: the gateway will answer the first 4 uploads with 503 Service Unavailable');
    }
    log(`sending ${REQUESTS} requests, ${CONCURRENCY} at a time...`);
    const step = Math.max(1, Math.floor(REQUESTS / 5));
    const driven = await driveRequests(baseUrl, {
      count: REQUESTS,
      concurrency: CONCURRENCY,
      onProgress: (done) => done % step === 0 && log(`  ${done}/${REQUESTS} requests answered`),
    });
    if (driven.failed.length)
      log(`${driven.failed.length} request(s) failed, e.g. ${driven.failed[0].error}`);

    log('stopping the service: closing the server and flushing telemetry...');
    const stopped = once(child, 'message').then(([m]) => m);
    child.send({ type: 'shutdown' });
    const report = await Promise.race([
      stopped,
      exited.then(([code]) => {
        throw new Error(`the service exited with code ${code} during shutdown`);
      }),
    ]);
    await exited;
    log(`service stopped (exit ${child.exitCode})${report.error ? `; shutdown error: ${report.error}` : ''}`);

    const events = emulator.events({ namespace: NAMESPACE });
    console.log('\nWhat Geneva received:');
    printReceived(emulator.events());
    console.log('\nExporter counters (from the service):');
    console.log(`  ${formatCounters(report.exporter)}`);
    const c = emulator.counters();
    console.log(
      `Emulator counters: ${c.configRequests} config requests, ${c.identityRequests} identity requests, ` +
        `${c.ingestRequests} uploads, ${c.rejected} request(s) rejected, ${c.rowsReceived} rows, ${c.bytesReceived} bytes`,
    );

    console.log('\nExactly-once check (request ids emitted by the service vs rows received):');
    const check = checkExactlyOnce(report.emitted, events);
    for (const line of check.lines) console.log(line);
    const ok = check.ok && driven.failed.length === 0 && !report.error;
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      ok
        ? `\nOK: every record the service emitted arrived in Geneva exactly once (${seconds}s).`
        : `\nFAILED: see the lines marked FAIL above (${seconds}s).`,
    );
    return ok ? 0 : 1;
  } finally {
    if (child && child.exitCode === null) child.kill();
    await emulator.stop();
  }
}

function formatCounters(stats) {
  if (!stats) return '(the exporter reported no counters)';
  return Object.entries(stats)
    .map(([signal, values]) =>
      typeof values === 'object' && values !== null
        ? `${signal}: ${Object.entries(values)
            .filter(([, v]) => typeof v !== 'object')
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')}`
        : `${signal}=${values}`,
    )
    .join('\n  ');
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`\nFAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
