import type { ExporterFactoryLike, ManifestComponent } from '../manifest/manifest-types.js';
import type { SdkBatchOptions } from './batch-settings.js';

/** Signals the runtime wires into the SDK. */
export type SdkSignal = 'logs' | 'traces';

/** One exporter instance to build: a configured exporter id used by a pipeline of `signal`. */
export interface PlannedExporter {
  /** Component id from `exporters:` (e.g. `azuregigwarm/secondary`). */
  id: string;
  signal: SdkSignal;
  /** The pipeline that uses it (e.g. `logs`, `traces/audit`). */
  pipeline: string;
  component: ManifestComponent<ExporterFactoryLike>;
  /** The exporter's config block after `${env:…}` substitution (`{}` when empty). */
  config: unknown;
  /** SDK batch options from the pipeline's `batch` processor; undefined → SDK defaults. */
  batch?: SdkBatchOptions;
}

/** A validated collector-style config, ready to build. */
export interface PipelinePlan {
  exporters: PlannedExporter[];
  /** Things accepted but ignored (receivers, memory_limiter, extensions…), one line each. */
  warnings: string[];
}
