/** `GenevaLogRecordExporter`: an SDK `LogRecordExporter` that ships log records to Geneva. */
import type { ExportResult } from '@opentelemetry/core';
import type { ResolvedAzureGigWarmConfig } from '../config/resolved-config.js';
import { logRecordsToModel } from '../convert/log-record-to-model.js';
import type { ReadableLogRecordLike } from '../convert/sdk-types.js';
import type { ExporterStats } from '../send/stats.js';
import { createExportEngine, type ExportEngine } from './export-engine.js';
import { type GenevaExporterOptions, resolveExporterSetup } from './exporter-options.js';

/**
 * Exports SDK log records to Geneva with the `azuregigwarm` semantics (sending queue, retries,
 * per-batch retries). Use it with a `BatchLogRecordProcessor`. `export()` never throws.
 *
 * @throws AzureGigWarmConfigError from the constructor when the config is invalid.
 */
export class GenevaLogRecordExporter {
  /** The validated configuration in use. */
  readonly config: ResolvedAzureGigWarmConfig;
  readonly #engine: ExportEngine<ReadableLogRecordLike>;

  constructor(options: GenevaExporterOptions) {
    const { config, client } = resolveExporterSetup(options);
    this.config = config;
    this.#engine = createExportEngine<ReadableLogRecordLike>({
      ...options,
      signal: 'logs',
      config,
      client,
      toRequest: (records) => ({
        signal: 'logs',
        request: logRecordsToModel(records),
        items: records.length,
      }),
    });
  }

  /** Queues the records (or sends them, without a queue); the outcome goes to `resultCallback`. */
  export(logs: ReadableLogRecordLike[], resultCallback: (result: ExportResult) => void): void {
    this.#engine.export(logs, resultCallback);
  }

  /** Waits for queued and in-flight records, up to `flushTimeoutMs`. */
  forceFlush(): Promise<void> {
    return this.#engine.forceFlush();
  }

  /** Drains (up to `shutdownTimeoutMs`), drops what is left with reason `shutdown`, closes the client. Idempotent. */
  shutdown(): Promise<void> {
    return this.#engine.shutdown();
  }

  /** Delivery counters: received, sent, dropped by reason, batches, retries. */
  stats(): ExporterStats {
    return this.#engine.stats();
  }
}
