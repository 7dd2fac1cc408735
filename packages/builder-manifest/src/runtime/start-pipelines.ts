import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { createPipelines, type Pipelines, type PipelinesOptions } from './create-pipelines.js';

/** Options of {@link startPipelines}. */
export interface StartPipelinesOptions extends PipelinesOptions {
  /**
   * Extra NodeSDK settings (resource, instrumentations, serviceName…). Processors given here run before
   * the pipelines' processors. `metricReaders` defaults to none: this runtime exports logs and traces.
   */
  nodeSdk?: Partial<NodeSDKConfiguration>;
}

/** A running set of pipelines. */
export interface PipelinesHandle {
  /** The started NodeSDK (its providers are registered as the global ones). */
  readonly sdk: NodeSDK;
  readonly pipelines: Pipelines;
  /** Flushes every pipeline. */
  forceFlush(): Promise<void>;
  /** Flushes and stops the SDK and every exporter; idempotent. */
  shutdown(): Promise<void>;
}

/**
 * Validates the config, builds the exporters (see {@link createPipelines}) and starts a NodeSDK with
 * their processors. Throws a ConfigError before anything starts if the config is invalid.
 *
 * @example
 * const handle = startPipelines({ manifest: components, configPath: 'otel-config.yaml' });
 * process.on('SIGTERM', () => void handle.shutdown());
 */
export function startPipelines(options: StartPipelinesOptions): PipelinesHandle {
  const pipelines = createPipelines(options);
  const extra = options.nodeSdk ?? {};
  const sdk = new NodeSDK({
    metricReaders: [],
    ...extra,
    logRecordProcessors: [...(extra.logRecordProcessors ?? []), ...pipelines.logRecordProcessors],
    spanProcessors: [...(extra.spanProcessors ?? []), ...pipelines.spanProcessors],
  });
  sdk.start();
  let stopping: Promise<void> | undefined;
  return {
    sdk,
    pipelines,
    forceFlush: () => pipelines.forceFlush(),
    shutdown: () => {
      // The SDK shuts its providers (and so our processors) down; pipelines.shutdown() covers an SDK
      // disabled by OTEL_SDK_DISABLED, and is a no-op for processors already shut down.
      stopping ??= sdk.shutdown().then(() => pipelines.shutdown());
      return stopping;
    },
  };
}
