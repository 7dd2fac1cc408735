import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ExportResultCode, isTracingSuppressed } from '@opentelemetry/core';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAzureGigWarmConfig } from '../../../src/config/load-config.js';
import { GenevaLogRecordExporter } from '../../../src/index.js';
import { createInMemoryGenevaClient } from '../../../src/testing.js';
import { makeLogRecords } from '../../helpers/sdk-records.js';

const block = {
  endpoint: 'https://gcs.example',
  environment: 'Test',
  account: 'acct',
  namespace: 'ns',
  region: 'westus2',
  config_major_version: 2,
  tenant: 't',
  role_name: 'r',
  role_instance: 'ri',
};
const contextManager = new AsyncLocalStorageContextManager();
beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
});
afterAll(() => {
  context.disable();
});

const exportOnce = (
  exporter: GenevaLogRecordExporter,
  records: Parameters<GenevaLogRecordExporter['export']>[0],
) => new Promise<{ code: ExportResultCode; error?: Error }>((resolve) => exporter.export(records, resolve));

describe('exporter engine (in-memory client)', () => {
  it('uploads under suppressTracing so our own HTTP calls never create spans', async () => {
    const suppressed: boolean[] = [];
    const client = createInMemoryGenevaClient((batch) => {
      suppressed.push(isTracingSuppressed(context.active()));
      return { eventName: batch.eventName, status: 202, rowCount: batch.rowCount };
    });
    const exporter = new GenevaLogRecordExporter({ config: block, client, env: {} });
    await exportOnce(exporter, await makeLogRecords(4));
    await exporter.forceFlush();
    expect(suppressed.length).toBeGreaterThan(0);
    expect(suppressed.every(Boolean)).toBe(true);
    expect(trace.getActiveSpan()).toBeUndefined();
    await exporter.shutdown();
    expect(client.closed).toBe(true);
  });

  it('an instrumentation inside our upload path records nothing (the SDK honours suppressTracing)', async () => {
    const spans = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
    const tracer = tracerProvider.getTracer('fake-undici-instrumentation');
    const client = createInMemoryGenevaClient((batch) => {
      tracer.startSpan('POST /api/v1/ingestion/ingest').end(); // what an HTTP instrumentation would do
      return { eventName: batch.eventName, status: 202, rowCount: batch.rowCount };
    });
    const exporter = new GenevaLogRecordExporter({ config: block, client, env: {} });
    await exportOnce(exporter, await makeLogRecords(2));
    await exporter.forceFlush();
    tracer.startSpan('outside the exporter').end(); // control: recorded
    expect(client.uploads.length).toBeGreaterThan(0);
    expect(spans.getFinishedSpans().map((s) => s.name)).toEqual(['outside the exporter']);
    await exporter.shutdown();
    await tracerProvider.shutdown();
  });

  it('records the Go counter names through a MeterProvider, with low-cardinality attributes', async () => {
    const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({
      exporter: metricExporter,
      exportIntervalMillis: 60_000,
    });
    const meterProvider = new MeterProvider({ readers: [reader] });
    const client = createInMemoryGenevaClient();
    const exporter = new GenevaLogRecordExporter({ config: block, client, env: {}, meterProvider });
    await exportOnce(exporter, await makeLogRecords(6));
    await exporter.forceFlush();
    await reader.forceFlush();
    const metrics = metricExporter.getMetrics().flatMap((m) => m.scopeMetrics.flatMap((s) => s.metrics));
    const value = (name: string) => metrics.find((m) => m.descriptor.name === name)?.dataPoints[0]?.value;
    expect(value('azuregigwarm_exporter_received_logs_total')).toBe(6);
    expect(value('azuregigwarm_exporter_sent_logs_total')).toBe(6);
    expect(value('azuregigwarm_exporter_sent_batches_total')).toBe(2); // OrderPlaced + Log
    const attrs = metrics.find((m) => m.descriptor.name === 'azuregigwarm_exporter_sent_logs_total')
      ?.dataPoints[0]?.attributes;
    expect(attrs).toEqual({
      gigwarm_environment: 'Test',
      gigwarm_account: 'acct',
      gigwarm_namespace: 'ns',
      gigwarm_region: 'westus2',
      gigwarm_config_major_version: 2,
    });
    await exporter.shutdown();
    await meterProvider.shutdown();
  });

  it('never throws from export: a converter crash becomes a FAILED result and a counted drop', async () => {
    const exporter = new GenevaLogRecordExporter({
      config: block,
      client: createInMemoryGenevaClient(),
      env: {},
    });
    const broken = [{ hrTime: undefined }] as never;
    const result = await exportOnce(exporter, broken);
    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(exporter.stats().dropped.convert_error).toBe(1);
  });

  it('sizer items: the queue counts records, and a failure is reported with error/phase attributes', async () => {
    const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({
      exporter: metricExporter,
      exportIntervalMillis: 60_000,
    });
    const meterProvider = new MeterProvider({ readers: [reader] });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const client = createInMemoryGenevaClient(async (batch) => {
      await gate;
      return { eventName: batch.eventName, status: 202, rowCount: batch.rowCount };
    });
    const config = { ...block, sending_queue: { sizer: 'items', queue_size: 5, num_consumers: 1 } };
    const exporter = new GenevaLogRecordExporter({ config, client, env: {}, meterProvider });
    const records = await makeLogRecords(3);
    const first = exportOnce(exporter, records); // taken by the consumer
    const second = exportOnce(exporter, records); // 3 of 5 items queued
    const third = exportOnce(exporter, records); // 3 more would exceed 5
    expect((await third).code).toBe(ExportResultCode.FAILED);
    release();
    expect([(await first).code, (await second).code]).toEqual([
      ExportResultCode.SUCCESS,
      ExportResultCode.SUCCESS,
    ]);
    await exporter.shutdown();
    expect(exporter.stats()).toMatchObject({ received: 9, sent: 6, droppedTotal: 3 });
    await reader.forceFlush();
    const failed = metricExporter
      .getMetrics()
      .flatMap((m) => m.scopeMetrics.flatMap((sm) => sm.metrics))
      .find((m) => m.descriptor.name === 'azuregigwarm_exporter_send_failed_logs_total');
    expect(failed?.dataPoints[0]?.value).toBe(3);
    expect(failed?.dataPoints[0]?.attributes).toMatchObject({ error: 'queue_full', phase: 'queue' });
    await meterProvider.shutdown();
  });

  it('without a queue (sending_queue.enabled false) export waits for the outcome', async () => {
    const client = createInMemoryGenevaClient();
    const exporter = new GenevaLogRecordExporter({
      config: { ...block, sending_queue: { enabled: false } },
      client,
      env: {},
    });
    const result = await exportOnce(exporter, await makeLogRecords(3));
    expect(result.code).toBe(ExportResultCode.SUCCESS);
    expect(client.accepted()).toHaveLength(3);
  });

  it('accepts an already resolved config and rejects a bad one at construction with the Go text', () => {
    const config = loadAzureGigWarmConfig(block, {});
    expect(new GenevaLogRecordExporter({ config, client: createInMemoryGenevaClient() }).config).toBe(config);
    expect(() => new GenevaLogRecordExporter({ config: { ...block, tenant: '' }, env: {} })).toThrow(
      'invalid azuregigwarm config: requires a non-empty "tenant"',
    );
  });
});
