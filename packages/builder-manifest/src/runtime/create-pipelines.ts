import { diag } from '@opentelemetry/api';
import {
  BatchLogRecordProcessor,
  type LogRecordExporter,
  type LogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import { BatchSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ConfigError, type ConfigIssue } from '../errors.js';
import type {
  ComponentsManifest,
  ExporterCreateSettings,
  ExporterFactoryLike,
} from '../manifest/manifest-types.js';
import { type ConfigSource, loadCollectorConfig } from './load-config.js';
import type { PlannedExporter, SdkSignal } from './pipeline-plan.js';
import { type ValidateOptions, validateConfig } from './validate-config.js';

const log = diag.createComponentLogger({ namespace: 'builder-manifest/pipelines' });

/** Options of {@link createPipelines}: a manifest, one config source, validation options. */
export interface PipelinesOptions extends ConfigSource, Omit<ValidateOptions, 'source'> {
  /** The generated components manifest (`components` from `components.ts`). */
  manifest: ComponentsManifest;
  /**
   * Extra settings passed to every `create*Exporter` call next to `id` and `env` (for `azuregigwarm`:
   * `meterProvider`, `clientOptions`…), or a function of the exporter id and signal returning them.
   */
  exporterSettings?: Record<string, unknown> | ((id: string, signal: SdkSignal) => Record<string, unknown>);
}

/** Exporters wired into SDK processors, ready to hand to a LoggerProvider/TracerProvider or NodeSDK. */
export interface Pipelines {
  /** One batch processor per (logs pipeline, exporter). */
  readonly logRecordProcessors: LogRecordProcessor[];
  /** One batch processor per (traces pipeline, exporter). */
  readonly spanProcessors: SpanProcessor[];
  /**
   * What was built: exporter id, signal, pipeline, and the exporter itself (e.g. to read the
   * `azuregigwarm` exporters' `stats()`).
   */
  readonly exporters: readonly {
    id: string;
    signal: SdkSignal;
    pipeline: string;
    exporter: LogRecordExporter | SpanExporter;
  }[];
  /** Parts of the config accepted but ignored (receivers, memory_limiter…). */
  readonly warnings: readonly string[];
  /** Flushes every processor. */
  forceFlush(): Promise<void>;
  /** Shuts every processor (and so every exporter) down; idempotent. */
  shutdown(): Promise<void>;
}

type Built = { plan: PlannedExporter; exporter: LogRecordExporter | SpanExporter };

function buildExporters(planned: PlannedExporter[], source: string, options: PipelinesOptions): Built[] {
  const issues: ConfigIssue[] = [];
  const factories = new Map<string, ExporterFactoryLike>();
  const built: Built[] = [];
  for (const plan of planned) {
    const path = `exporters.${plan.id}`;
    try {
      let factory = factories.get(plan.component.type);
      if (!factory) {
        factory = plan.component.factory();
        factories.set(plan.component.type, factory);
      }
      if (factory.type !== plan.component.type) {
        throw new Error(
          `factory of ${plan.component.package} has type '${factory.type}', the manifest says '${plan.component.type}'; regenerate the manifest`,
        );
      }
      const create = (plan.signal === 'logs' ? factory.createLogsExporter : factory.createTracesExporter) as
        | ((config: unknown, settings: ExporterCreateSettings) => LogRecordExporter | SpanExporter)
        | undefined;
      if (typeof create !== 'function') {
        issues.push({
          code: 'GENEVA_CONFIG_ERR_UNSUPPORTED_SIGNAL',
          path,
          message: `factory '${factory.type}' cannot create a ${plan.signal} exporter`,
        });
        continue;
      }
      const extra =
        typeof options.exporterSettings === 'function'
          ? options.exporterSettings(plan.id, plan.signal)
          : options.exporterSettings;
      const settings: ExporterCreateSettings = { ...extra, id: plan.id, env: options.env ?? process.env };
      const exporter = create.call(factory, plan.config, settings);
      built.push({ plan, exporter });
    } catch (err) {
      issues.push({ code: 'GENEVA_CONFIG_ERR_EXPORTER_CONFIG', path, message: (err as Error).message });
    }
  }
  if (issues.length > 0) {
    for (const b of built) b.exporter.shutdown().catch(() => undefined);
    throw new ConfigError(issues, source);
  }
  return built;
}

/**
 * Loads and validates a collector-style config against the manifest, builds every exporter with its
 * factory and wraps each in an SDK batch processor. Nothing is exported until the processors are given
 * to an SDK. Throws a {@link ConfigError} listing every problem, with nothing left running.
 *
 * @example
 * const pipelines = createPipelines({ manifest: components, configPath: 'otel-config.yaml' });
 * const loggerProvider = new LoggerProvider({ processors: pipelines.logRecordProcessors });
 * const tracerProvider = new BasicTracerProvider({ spanProcessors: pipelines.spanProcessors });
 */
export function createPipelines(options: PipelinesOptions): Pipelines {
  const { doc, source } = loadCollectorConfig(options);
  const plan = validateConfig(doc, options.manifest, { ...options, source });
  for (const warning of plan.warnings) log.info(warning);
  const built = buildExporters(plan.exporters, source, options);
  const logRecordProcessors: LogRecordProcessor[] = [];
  const spanProcessors: SpanProcessor[] = [];
  for (const { plan: p, exporter } of built) {
    if (p.signal === 'logs') {
      logRecordProcessors.push(
        new BatchLogRecordProcessor({ exporter: exporter as LogRecordExporter, ...p.batch }),
      );
    } else {
      spanProcessors.push(new BatchSpanProcessor(exporter as SpanExporter, p.batch));
    }
  }
  const all = (fn: (p: LogRecordProcessor | SpanProcessor) => Promise<void>, what: string) => async () => {
    const results = await Promise.allSettled([...logRecordProcessors, ...spanProcessors].map(fn));
    for (const r of results)
      if (r.status === 'rejected') log.error(`${what} failed: ${(r.reason as Error)?.message ?? r.reason}`);
  };
  let shutdownPromise: Promise<void> | undefined;
  const shutdown = all((p) => p.shutdown(), 'shutdown');
  return {
    logRecordProcessors,
    spanProcessors,
    exporters: built.map(({ plan: p, exporter }) => ({
      id: p.id,
      signal: p.signal,
      pipeline: p.pipeline,
      exporter,
    })),
    warnings: plan.warnings,
    forceFlush: all((p) => p.forceFlush(), 'forceFlush'),
    shutdown: () => {
      shutdownPromise ??= shutdown();
      return shutdownPromise;
    },
  };
}
