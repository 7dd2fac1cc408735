// A collector-style YAML with two named azuregigwarm instances, run through the package's generated
// manifest (the real otel-plugin factory) and NodeSDK, against the Geneva emulator over TLS with
// certificate auth: logs and traces reach both instances' namespaces.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GenevaEmulator, startEmulator } from '@geneva-otel/geneva-emulator';
import { context, propagation, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { components } from '../../src/generated/components.js';
import { startPipelines } from '../../src/runtime/start-pipelines.js';

const instance = (namespace: string) => `
    endpoint: \${env:GENEVA_ENDPOINT}
    environment: Test
    account: acct
    namespace: ${namespace}
    region: westus2
    config_major_version: 2
    tenant: tenant
    role_name: role
    role_instance: role-0
    auth_method: 1
    cert_path: \${env:CERT_PATH}
    cert_password: \${env:CERT_PASSWORD}
    retry_on_failure: { initial_interval: 20ms, max_interval: 50ms, max_elapsed_time: 5s }
    batch_retry: { max_retries: 1, initial_interval: 10ms, max_interval: 20ms }`;

const CONFIG = `
receivers:
  otlp:
    protocols: { grpc: { endpoint: 0.0.0.0:4317 } }
processors:
  batch: { timeout: 5s, send_batch_size: 100 }
exporters:
  azuregigwarm:${instance('PrimaryNs')}
  azuregigwarm/secondary:${instance('SecondaryNs')}
service:
  pipelines:
    logs:
      receivers: [otlp]
      processors: [batch]
      exporters: [azuregigwarm, azuregigwarm/secondary]
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [azuregigwarm, azuregigwarm/secondary]
`;

let emulator: GenevaEmulator;
let stateDir: string;
let env: Record<string, string>;
beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'builder-manifest-emu-'));
  emulator = await startEmulator({ tls: true, stateDir });
  const cert = await emulator.issueClientCertificate({ password: 'pfx-pass' });
  env = { GENEVA_ENDPOINT: emulator.url, CERT_PATH: cert.path, CERT_PASSWORD: 'pfx-pass' };
});
afterAll(async () => {
  await emulator.stop();
  rmSync(stateDir, { recursive: true, force: true });
});
afterEach(() => {
  trace.disable();
  logs.disable();
  context.disable();
  propagation.disable();
});

describe('collector-style YAML → generated manifest → NodeSDK → emulator', () => {
  it('logs and traces reach both named instances', async () => {
    const handle = startPipelines({
      manifest: components,
      configYaml: CONFIG,
      env,
      exporterSettings: { clientOptions: { ca: emulator.caCertPem } },
      nodeSdk: { autoDetectResources: false, serviceName: 'manifest-e2e' },
    });
    const logger = logs.getLogger('e2e');
    for (let i = 0; i < 5; i++) logger.emit({ body: `order-${i}` });
    const tracer = trace.getTracer('e2e');
    tracer.startActiveSpan('checkout', (span) => {
      tracer.startSpan('charge-card').end();
      span.end();
    });
    await handle.shutdown();
    const bodies = (namespace: string) =>
      emulator
        .events({ namespace, event: 'Log' })
        .map((e) => String(e.values['body']))
        .sort();
    const spans = (namespace: string) =>
      emulator
        .events({ namespace, event: 'Span' })
        .map((e) => String(e.values['name']))
        .sort();
    const orders = ['order-0', 'order-1', 'order-2', 'order-3', 'order-4'];
    expect(bodies('PrimaryNs')).toEqual(orders);
    expect(bodies('SecondaryNs')).toEqual(orders);
    expect(spans('PrimaryNs')).toEqual(['charge-card', 'checkout']);
    expect(spans('SecondaryNs')).toEqual(['charge-card', 'checkout']);
  });

  it('an invalid azuregigwarm block fails before anything starts, naming the instance and never the password', () => {
    const bad = CONFIG.replace('namespace: SecondaryNs', 'namespace: ""');
    const before = emulator.requests().length;
    let error: unknown;
    try {
      startPipelines({ manifest: components, configYaml: bad, env });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      expect.objectContaining({
        code: 'GENEVA_CONFIG_ERR_EXPORTER_CONFIG',
        path: 'exporters.azuregigwarm/secondary',
        message: expect.stringContaining('requires a non-empty "namespace"'),
      }),
      expect.objectContaining({ path: 'exporters.azuregigwarm/secondary' }),
    ]);
    expect((error as Error).message).not.toContain('pfx-pass');
    expect(emulator.requests()).toHaveLength(before); // nothing was started, so nothing was sent
  });
});
