/** Options shared by {@link GenevaLogRecordExporter} and {@link GenevaSpanExporter}. */
import type { MeterProvider } from '@opentelemetry/api';
import type { Env } from '../config/env-substitution.js';
import { loadAzureGigWarmConfig } from '../config/load-config.js';
import type { ResolvedAzureGigWarmConfig } from '../config/resolved-config.js';
import { toGenevaClientConfig } from '../config/to-core-options.js';
import type { GenevaClientPort } from '../internal/client-port.js';
import { createGenevaClient, type GenevaClientConfig } from '../internal/core.js';

/** How to build an exporter. Only `config` is required. */
export interface GenevaExporterOptions {
  /**
   * The Go collector's `azuregigwarm` block (object or YAML text; `${env:NAME}` expanded, validated
   * with Go's messages) or a config already returned by `loadAzureGigWarmConfig`.
   */
  config: unknown;
  /** Environment for `${env:}` and `GENEVA_ROLE_*` overrides (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Self-metrics go here; without it a noop meter is used. */
  meterProvider?: MeterProvider;
  /**
   * Extra geneva-core client options merged over the ones derived from the config: e.g. `ca` (PEM of
   * a private CA, as for the emulator), `userAgent`, `tokenRefreshMarginMs`.
   */
  clientOptions?: Partial<
    Pick<GenevaClientConfig, 'ca' | 'userAgent' | 'tokenRefreshMarginMs' | 'maxConcurrentUploads'>
  >;
  /** Use this client instead of geneva-core's `GenevaClient` (custom transports, tests). */
  client?: GenevaClientPort;
  /** Deadline of `forceFlush()` in ms (default 30000). */
  flushTimeoutMs?: number;
  /** Deadline of `shutdown()` in ms for draining queued and in-flight data (default 30000). */
  shutdownTimeoutMs?: number;
}

const isResolved = (c: unknown): c is ResolvedAzureGigWarmConfig =>
  typeof c === 'object' && c !== null && 'sendingQueue' in c && 'retryOnFailure' in c && 'auth' in c;

/** Resolves config and client; throws `AzureGigWarmConfigError` for a bad config. */
export function resolveExporterSetup(options: GenevaExporterOptions): {
  config: ResolvedAzureGigWarmConfig;
  client: GenevaClientPort;
} {
  const config = isResolved(options.config)
    ? options.config
    : loadAzureGigWarmConfig(options.config, (options.env ?? process.env) as Env);
  const client =
    options.client ?? createGenevaClient({ ...toGenevaClientConfig(config), ...options.clientOptions });
  return { config, client };
}
