/**
 * @geneva-otel/otel-plugin: OpenTelemetry JS log-record and span exporters for Microsoft Geneva
 * (Warm path), with the Go `azuregigwarm` collector exporter's configuration and semantics.
 */

export { createDefaultConfig, DEFAULT_MSI_RESOURCE } from './config/default-config.js';
export type { Env } from './config/env-substitution.js';
export type {
  AzureGigWarmConfig,
  AzureGigWarmConfigResolved,
} from './config/generated/azuregigwarm.types.js';
export { AzureGigWarmConfigError, loadAzureGigWarmConfig } from './config/load-config.js';
export type {
  AuthMethodName,
  ResolvedAzureGigWarmConfig,
  ResolvedBatchRetryConfig,
  ResolvedRetryOnFailureConfig,
  ResolvedSendingQueueConfig,
} from './config/resolved-config.js';
export { toGenevaClientConfig } from './config/to-core-options.js';
export { logRecordsToModel } from './convert/log-record-to-model.js';
export type { ReadableLogRecordLike, ReadableSpanLike } from './convert/sdk-types.js';
export { spansToModel } from './convert/span-to-model.js';
export type { GenevaExporterOptions } from './exporters/exporter-options.js';
export { GenevaLogRecordExporter } from './exporters/geneva-log-exporter.js';
export { GenevaSpanExporter } from './exporters/geneva-span-exporter.js';
export {
  createAzureGigWarmFactory,
  type ExporterFactory,
  type ExporterSettings,
  type Stability,
} from './factory/factory.js';
export type { GenevaClientPort } from './internal/client-port.js';
export type { DropReason, ExporterStats } from './send/stats.js';
