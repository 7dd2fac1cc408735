// The built plugin with the OpenTelemetry JS SDK 3.x (sdk-logs 3, sdk-trace 3, api 1.10) on Node 24,
// against the Geneva emulator: every record arrives exactly once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator } from '@geneva-otel/geneva-emulator';
import { GenevaLogRecordExporter, GenevaSpanExporter } from '@geneva-otel/otel-plugin';
import { context, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

let emulator;
let stateDir;
let block;
before(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'otel3-compat-'));
  emulator = await startEmulator({ tls: true, stateDir });
  const cert = await emulator.issueClientCertificate({ password: 'pw' });
  block = {
    endpoint: emulator.url,
    environment: 'Test',
    account: 'acct',
    namespace: 'Otel3',
    region: 'westus2',
    config_major_version: 1,
    tenant: 't',
    role_name: 'r',
    role_instance: 'ri',
    auth_method: 'certificate',
    cert_path: cert.path,
    cert_password: 'pw',
  };
});
after(async () => {
  await emulator?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

const resource = resourceFromAttributes({ 'service.name': 'otel3' });

test('log records from sdk-logs 3.x arrive exactly once', async () => {
  const exporter = new GenevaLogRecordExporter({
    config: block,
    clientOptions: { ca: emulator.caCertPem },
    env: {},
  });
  const provider = new LoggerProvider({
    resource,
    processors: [new BatchLogRecordProcessor({ exporter, scheduledDelayMillis: 10 })],
  });
  const logger = provider.getLogger('compat');
  for (let i = 0; i < 50; i++)
    logger.emit({ severityNumber: 9, body: `log-${i}`, eventName: 'Compat', attributes: { i } });
  await provider.shutdown();
  const bodies = emulator.events({ namespace: 'Otel3', event: 'Compat' }).map((e) => e.values.body);
  assert.equal(bodies.length, 50);
  assert.equal(new Set(bodies).size, 50);
  assert.deepEqual(exporter.stats().dropped, {
    queue_full: 0,
    permanent_error: 0,
    retries_exhausted: 0,
    shutdown: 0,
    encode_rejected: 0,
    convert_error: 0,
  });
});

test('spans from sdk-trace 3.x arrive exactly once, with parent ids', async () => {
  const exporter = new GenevaSpanExporter({
    config: block,
    clientOptions: { ca: emulator.caCertPem },
    env: {},
  });
  const provider = new TracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 10 })],
  });
  const tracer = provider.getTracer('compat');
  for (let i = 0; i < 20; i++) {
    const parent = tracer.startSpan(`parent-${i}`);
    tracer.startSpan(`child-${i}`, {}, trace.setSpan(context.active(), parent)).end();
    parent.end();
  }
  await provider.shutdown();
  const spans = emulator.events({ namespace: 'Otel3', event: 'Span' });
  assert.equal(spans.length, 40);
  assert.equal(new Set(spans.map((s) => s.values.name)).size, 40);
  assert.equal(typeof spans.find((s) => s.values.name === 'child-3')?.values.parentId, 'string');
  assert.equal(exporter.stats().sent, 40);
});
