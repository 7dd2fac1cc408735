// The running telemetry of the demo service, shared between the preload that starts it and the
// service that stops it (both import this module; ESM gives them the same instance).

/** @type {{ handle?: import('@geneva-otel/builder-manifest').PipelinesHandle, exporters: { signal: string, exporter: any }[] }} */
export const telemetry = { exporters: [] };

/** Flushes and stops the SDK and every exporter. */
export async function shutdownTelemetry() {
  if (!telemetry.handle) throw new Error('telemetry was not started (is the --import preload missing?)');
  await telemetry.handle.shutdown();
}

/** The exporters' own delivery counters, per signal (summed over exporters of that signal). */
export function telemetryStats() {
  const out = {};
  for (const { signal, exporter } of telemetry.exporters) {
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
