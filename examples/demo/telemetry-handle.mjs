// The running telemetry of the demo service: the pipelines that
// `node --import @geneva-otel/builder-manifest/register` started, reached through
// getGenevaPipelines() (the main entry of the package has no side effects).
import { getGenevaPipelines } from '@geneva-otel/builder-manifest';

function handle() {
  const pipelines = getGenevaPipelines();
  if (!pipelines) {
    throw new Error(
      'telemetry was not started (is `--import @geneva-otel/builder-manifest/register` missing?)',
    );
  }
  return pipelines;
}

/** Flushes and stops the SDK and every exporter. */
export async function shutdownTelemetry() {
  await handle().shutdown();
}

/** The exporters' own delivery counters, per signal (summed over exporters of that signal). */
export function telemetryStats() {
  const out = {};
  for (const { signal, exporter } of getGenevaPipelines()?.pipelines.exporters ?? []) {
    const stats = typeof exporter.stats === 'function' ? exporter.stats() : undefined;
    if (!stats) continue;
    out[signal] ??= {};
    const into = out[signal];
    for (const [key, value] of Object.entries(stats)) {
      if (typeof value === 'number') into[key] = (into[key] ?? 0) + value;
      else if (key === 'dropped') {
        for (const [reason, n] of Object.entries(value))
          if (n > 0) into[`dropped.${reason}`] = (into[`dropped.${reason}`] ?? 0) + n;
      }
    }
  }
  return out;
}
