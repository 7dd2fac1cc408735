import { context, propagation, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { afterEach, describe, expect, it } from 'vitest';
import { startPipelines } from '../../../src/runtime/start-pipelines.js';
import { fixtureManifest, memorySink } from '../../helpers/fixture-manifest.js';

afterEach(() => {
  trace.disable();
  logs.disable();
  context.disable();
  propagation.disable();
});

describe('startPipelines (NodeSDK)', () => {
  it('starts NodeSDK with the pipelines; global providers export to both named instances; shutdown flushes', async () => {
    memorySink().length = 0;
    const handle = startPipelines({
      manifest: fixtureManifest,
      configYaml: `
receivers: { otlp: { protocols: { http: } } }
processors: { batch: { timeout: 10s } }
exporters: { memory: { label: a }, memory/secondary: { label: b } }
service:
  pipelines:
    logs: { receivers: [otlp], processors: [batch], exporters: [memory, memory/secondary] }
    traces: { receivers: [otlp], processors: [batch], exporters: [memory/secondary] }
`,
      nodeSdk: { serviceName: 'sdk-test', autoDetectResources: false },
    });
    logs.getLogger('t').emit({ body: 'via NodeSDK' });
    trace.getTracer('t').startSpan('op').end();
    expect(memorySink()).toHaveLength(0); // batched: 10 s timeout, nothing exported yet
    await handle.shutdown();
    const rows = memorySink().map((r) => `${r['signal']} ${r['label']} ${r['body'] ?? r['name']}`);
    expect(rows.sort()).toEqual(['logs a via NodeSDK', 'logs b via NodeSDK', 'traces b op']);
    await handle.shutdown(); // idempotent
  });
});
