/** The collector-style component factory for the `azuregigwarm` exporter. */
import type { MeterProvider } from '@opentelemetry/api';
import { createDefaultConfig } from '../config/default-config.js';
import type { AzureGigWarmConfigResolved } from '../config/generated/azuregigwarm.types.js';
import type { GenevaExporterOptions } from '../exporters/exporter-options.js';
import { GenevaLogRecordExporter } from '../exporters/geneva-log-exporter.js';
import { GenevaSpanExporter } from '../exporters/geneva-span-exporter.js';
import type { GenevaClientPort } from '../internal/client-port.js';
import { COMPONENT_STABILITY, COMPONENT_TYPE } from './generated-status.js';

/** Collector component stability levels. */
export type Stability =
  | 'undefined'
  | 'unmaintained'
  | 'deprecated'
  | 'development'
  | 'alpha'
  | 'beta'
  | 'stable';

/** Runtime settings a host passes when creating exporters (the collector's `exporter.Settings`). */
export interface ExporterSettings {
  /** Self-metrics destination; noop when absent. */
  meterProvider?: MeterProvider;
  /** Environment for `${env:}` and `GENEVA_ROLE_*` (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Extra geneva-core client options (`ca`, `userAgent`, ...). */
  clientOptions?: GenevaExporterOptions['clientOptions'];
  /** A client to use instead of geneva-core's `GenevaClient`. */
  client?: GenevaClientPort;
  flushTimeoutMs?: number;
  shutdownTimeoutMs?: number;
}

/** A Go-collector-style exporter factory. */
export interface ExporterFactory {
  readonly type: typeof COMPONENT_TYPE;
  readonly stability: { logs: Stability; traces: Stability };
  /** A fresh Go-shaped default `azuregigwarm` block (snake_case, durations as Go strings). */
  createDefaultConfig(): AzureGigWarmConfigResolved;
  /** @throws AzureGigWarmConfigError (`invalid azuregigwarm config: ...`) */
  createLogsExporter(config: unknown, settings?: ExporterSettings): GenevaLogRecordExporter;
  /** @throws AzureGigWarmConfigError (`invalid azuregigwarm config: ...`) */
  createTracesExporter(config: unknown, settings?: ExporterSettings): GenevaSpanExporter;
}

/** Returns the `azuregigwarm` factory; stability comes from metadata.yaml. */
export function createAzureGigWarmFactory(): ExporterFactory {
  return {
    type: COMPONENT_TYPE,
    stability: { logs: COMPONENT_STABILITY.logs, traces: COMPONENT_STABILITY.traces },
    createDefaultConfig,
    createLogsExporter: (config, settings = {}) => new GenevaLogRecordExporter({ ...settings, config }),
    createTracesExporter: (config, settings = {}) => new GenevaSpanExporter({ ...settings, config }),
  };
}
