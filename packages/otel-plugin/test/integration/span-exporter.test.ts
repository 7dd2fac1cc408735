import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAzureGigWarmFactory } from '../../src/index.js';
import { type EmulatorSetup, startTlsEmulator } from '../helpers/emulator.js';

let env: EmulatorSetup;
beforeAll(async () => {
  env = await startTlsEmulator();
});
afterAll(() => env.stop());
beforeEach(() => env.emulator.reset());

function pipeline() {
  const exporter = createAzureGigWarmFactory().createTracesExporter(env.block(), {
    clientOptions: env.clientOptions,
    env: env.vars,
  });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'shop' }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 10, maxExportBatchSize: 64 })],
  });
  const tracer = provider.getTracer('integration');
  const make = (n: number) => {
    for (let i = 0; i < n; i++) {
      const parent = tracer.startSpan(`op-${i}`);
      const child = tracer.startSpan(`child-${i}`, {}, trace.setSpan(context.active(), parent));
      child.setStatus({ code: i % 2 ? SpanStatusCode.ERROR : SpanStatusCode.OK });
      child.end();
      parent.end();
    }
  };
  return { exporter, provider, make };
}
const spanNames = () =>
  env.emulator
    .events({ namespace: 'PluginTest', event: 'Span' })
    .map((e) => String(e.values.name))
    .sort();

describe('GenevaSpanExporter against the emulator (real SDK, BatchSpanProcessor)', () => {
  it('delivers every span exactly once, with parents and status', async () => {
    const { exporter, provider, make } = pipeline();
    make(100);
    await provider.shutdown();
    const names = spanNames();
    expect(names).toHaveLength(200);
    expect(new Set(names).size).toBe(200);
    const child = env.emulator
      .events({ namespace: 'PluginTest', event: 'Span' })
      .find((e) => e.values.name === 'child-1');
    expect(child?.values).toMatchObject({ success: false });
    expect(typeof child?.values.parentId).toBe('string');
    // the W3C trace-flags byte (sampled), as on log rows; not OTLP's is-remote bits (0x100)
    expect(child?.values.env_dt_traceFlags).toBe(1);
    expect(exporter.stats()).toMatchObject({ received: 200, sent: 200, droppedTotal: 0 });
  });

  it('503 twice then success: delivered exactly once', async () => {
    env.emulator.faults.inject({
      kind: 'ingest',
      event: 'Span',
      count: 2,
      action: { type: 'status', status: 503 },
    });
    const { exporter, provider, make } = pipeline();
    make(10);
    await provider.shutdown();
    expect(spanNames()).toHaveLength(20);
    expect(new Set(spanNames()).size).toBe(20);
    expect(exporter.stats()).toMatchObject({ sent: 20, droppedTotal: 0 });
  });

  it('400: no retry, counted as dropped', async () => {
    env.emulator.faults.inject({
      kind: 'ingest',
      event: 'Span',
      count: 1,
      action: { type: 'status', status: 400 },
    });
    const { exporter, provider, make } = pipeline();
    make(3);
    await provider.shutdown();
    expect(env.emulator.requests().filter((r) => r.kind === 'ingest')).toHaveLength(1);
    expect(exporter.stats().dropped.permanent_error).toBe(6);
  });
});
