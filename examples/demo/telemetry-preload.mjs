// Preloaded with `node --import` before the service: starts the OpenTelemetry SDK from the
// collector-style config named by OTEL_GENEVA_CONFIG (examples/azuregigwarm.yaml), with the
// exporters listed in the generated components manifest (demo/generated/components.json, written by
// `geneva-manifest generate --config examples/builder-config.yaml`), plus HTTP instrumentation.
//
// It does what `--import @geneva-otel/builder-manifest/register` does, with two additions the demo
// needs: the HTTP instrumentation (server spans) and a handle on the exporters (their counters).
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { startPipelines } from '@geneva-otel/builder-manifest';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { telemetry } from './telemetry-handle.mjs';

// The service is an ES module: its `import http from 'node:http'` is only instrumented through the
// import-in-the-middle loader hook that @opentelemetry/instrumentation ships.
register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);

const manifestJson = JSON.parse(
  readFileSync(new URL('./generated/components.json', import.meta.url), 'utf8'),
);

/** Turns the JSON form of the manifest into the runtime form, importing each factory it names. */
async function loadManifest(json) {
  const exporters = {};
  for (const c of json.exporters) {
    const factory = (await import(c.import))[c.factory];
    if (typeof factory !== 'function') throw new Error(`${c.import} has no factory export ${c.factory}`);
    exporters[c.type] = { ...c, factory: () => recordingFactory(factory()) };
  }
  return { dist: json.dist, exporters, receivers: {}, processors: {} };
}

/** Wraps a factory so that the exporters it creates stay reachable for their counters. */
function recordingFactory(factory) {
  const keep = (signal, exporter) => {
    telemetry.exporters.push({ signal, exporter });
    return exporter;
  };
  return {
    ...factory,
    type: factory.type,
    createLogsExporter: (config, settings) => keep('logs', factory.createLogsExporter(config, settings)),
    createTracesExporter: (config, settings) =>
      keep('traces', factory.createTracesExporter(config, settings)),
  };
}

const configPath = process.env.OTEL_GENEVA_CONFIG;
if (!configPath) throw new Error('OTEL_GENEVA_CONFIG is not set: name the collector-style config file');
try {
  telemetry.handle = startPipelines({
    manifest: await loadManifest(manifestJson),
    configPath,
    nodeSdk: {
      serviceName: process.env.OTEL_SERVICE_NAME ?? 'geneva-otel-demo',
      instrumentations: [new HttpInstrumentation()],
    },
  });
} catch (err) {
  // A ConfigError lists every problem with its config path; print it and stop, as a collector would.
  console.error(`[service] cannot start telemetry: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
