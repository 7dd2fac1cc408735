/**
 * Self-metrics with the Go exporter's counter names (meter `azuregigwarmexporter`), recorded only
 * when a `MeterProvider` is given (a noop meter otherwise). Attributes are the low-cardinality
 * `gigwarm_*` identity plus, on failures, `error` (a drop reason) and `phase`.
 */
import { type Attributes, createNoopMeter, type MeterProvider } from '@opentelemetry/api';
import type { ResolvedAzureGigWarmConfig } from '../config/resolved-config.js';
import type { DropReason } from '../send/stats.js';

/** Counters one exporter records. */
export interface ExporterMetrics {
  received(n: number): void;
  sent(n: number): void;
  sendFailed(n: number, reason: DropReason): void;
  batchSent(): void;
  batchFailed(reason: DropReason): void;
}

/** Builds the counters for `signal` (`logs` or `spans`); `meterProvider` absent → noop. */
export function createExporterMetrics(
  signal: 'logs' | 'spans',
  config: Pick<
    ResolvedAzureGigWarmConfig,
    'environment' | 'account' | 'namespace' | 'region' | 'configMajorVersion'
  >,
  meterProvider?: MeterProvider,
): ExporterMetrics {
  const meter = meterProvider ? meterProvider.getMeter('azuregigwarmexporter') : createNoopMeter();
  const base: Attributes = {
    gigwarm_environment: config.environment,
    gigwarm_account: config.account,
    gigwarm_namespace: config.namespace,
    gigwarm_region: config.region,
    gigwarm_config_major_version: config.configMajorVersion,
  };
  const received = meter.createCounter(`azuregigwarm_exporter_received_${signal}_total`, {
    description: `Number of ${signal} received by the exporter`,
  });
  const sent = meter.createCounter(`azuregigwarm_exporter_sent_${signal}_total`, {
    description: `Number of ${signal} accepted by the Geneva ingestion gateway`,
  });
  const failed = meter.createCounter(`azuregigwarm_exporter_send_failed_${signal}_total`, {
    description: `Number of ${signal} that could not be delivered`,
  });
  const batchesSent = meter.createCounter('azuregigwarm_exporter_sent_batches_total', {
    description: 'Number of batches accepted by the Geneva ingestion gateway',
  });
  const batchesFailed = meter.createCounter('azuregigwarm_exporter_send_failed_batches_total', {
    description: 'Number of batches that could not be delivered',
  });
  const phaseOf = (reason: DropReason) =>
    reason === 'queue_full' || reason === 'shutdown'
      ? 'queue'
      : reason.startsWith('encode') || reason === 'convert_error'
        ? 'encode'
        : 'upload';
  return {
    received: (n) => n > 0 && received.add(n, base),
    sent: (n) => n > 0 && sent.add(n, base),
    sendFailed: (n, reason) => n > 0 && failed.add(n, { ...base, error: reason, phase: phaseOf(reason) }),
    batchSent: () => batchesSent.add(1, base),
    batchFailed: (reason) => batchesFailed.add(1, { ...base, error: reason, phase: phaseOf(reason) }),
  };
}
