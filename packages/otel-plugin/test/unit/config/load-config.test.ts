// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are the collector's literal ${...} syntax under test.
import { describe, expect, it } from 'vitest';
import { AzureGigWarmConfigError, loadAzureGigWarmConfig } from '../../../src/config/load-config.js';

/** The example block from azuregigwarm-config.md, as a Go collector user writes it. */
const GO_BLOCK = `
azuregigwarm:
  endpoint: "https://gcs.example.monitoring.core.windows.net"
  environment: "Prod"
  account: "ContosoShop"
  namespace: "ContosoShopLogs"
  region: "westus2"
  config_major_version: 3
  tenant: "contoso-tenant"
  role_name: "checkout-api"
  role_instance: "checkout-api-0"
  auth_method: 1                      # 0 = system MSI, 1 = certificate, 2 = workload identity
  cert_path: "/etc/geneva/client.p12"
  cert_password: "\${env:GENEVA_CERT_PASSWORD}"
  sending_queue:
    enabled: true
    num_consumers: 4
    queue_size: 5000
  retry_on_failure:
    enabled: true
    initial_interval: 1s
    max_interval: 10s
    max_elapsed_time: 120s
  batch_retry:
    enabled: true
    max_retries: 5
    initial_interval: 200ms
    max_interval: 2s
    multiplier: 1.5
`;

const minimal = {
  endpoint: 'https://gcs.example',
  environment: 'Test',
  account: 'acct',
  namespace: 'ns',
  region: 'westus2',
  tenant: 't',
  role_name: 'r',
  role_instance: 'ri',
};

const errorOf = (raw: unknown, env: Record<string, string> = {}) => {
  try {
    loadAzureGigWarmConfig(raw, env);
  } catch (err) {
    expect(err).toBeInstanceOf(AzureGigWarmConfigError);
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
};

describe('loadAzureGigWarmConfig', () => {
  it('loads the Go example block unchanged, expanding ${env:} and parsing durations', () => {
    const cfg = loadAzureGigWarmConfig(GO_BLOCK, { GENEVA_CERT_PASSWORD: 's3cret' });
    expect(cfg.authMethod).toBe('certificate');
    expect(cfg.auth).toEqual({ kind: 'certificate', path: '/etc/geneva/client.p12', password: 's3cret' });
    expect(cfg.configMajorVersion).toBe(3);
    expect(cfg.sendingQueue).toEqual({
      enabled: true,
      waitForResult: false,
      sizer: 'requests',
      queueSize: 5000,
      blockOnOverflow: false,
      numConsumers: 4,
    });
    expect(cfg.retryOnFailure).toEqual({
      enabled: true,
      initialIntervalMs: 1000,
      randomizationFactor: 0.5,
      multiplier: 1.5,
      maxIntervalMs: 10_000,
      maxElapsedTimeMs: 120_000,
    });
    expect(cfg.batchRetry).toEqual({
      enabled: true,
      maxRetries: 5,
      initialIntervalMs: 200,
      maxIntervalMs: 2000,
      multiplier: 1.5,
    });
    expect(cfg.timeoutMs).toBe(5000);
  });

  it('applies the Go defaults to a minimal block', () => {
    const cfg = loadAzureGigWarmConfig(minimal, {});
    expect(cfg.authMethod).toBe('msi');
    expect(cfg.auth).toMatchObject({ kind: 'msi', resource: 'https://monitor.core.windows.net' });
    expect(cfg.sendingQueue).toEqual({
      enabled: true,
      waitForResult: false,
      sizer: 'requests',
      queueSize: 1000,
      blockOnOverflow: false,
      numConsumers: 10,
    });
    expect(cfg.retryOnFailure.maxElapsedTimeMs).toBe(300_000);
    expect(cfg.retryOnFailure.initialIntervalMs).toBe(5000);
    expect(cfg.batchRetry).toEqual({
      enabled: true,
      maxRetries: 3,
      initialIntervalMs: 100,
      maxIntervalMs: 5000,
      multiplier: 2,
    });
  });

  it('lets GENEVA_ROLE_NAME / GENEVA_ROLE_INSTANCE override, after validation as in Go', () => {
    const cfg = loadAzureGigWarmConfig(minimal, {
      GENEVA_ROLE_NAME: 'from-env',
      GENEVA_ROLE_INSTANCE: 'pod-7',
    });
    expect([cfg.roleName, cfg.roleInstance]).toEqual(['from-env', 'pod-7']);
    expect(errorOf({ ...minimal, role_name: '' }, { GENEVA_ROLE_NAME: 'x' })).toBe(
      'invalid azuregigwarm config: requires a non-empty "role_name"',
    );
  });

  it('rejects what Go rejects, with Go text, first failure wins', () => {
    expect(errorOf({})).toBe('invalid azuregigwarm config: requires a non-empty "endpoint"');
    expect(errorOf({ ...minimal, region: '' })).toBe(
      'invalid azuregigwarm config: requires a non-empty "region"',
    );
    expect(errorOf({ ...minimal, auth_method: 7 })).toBe(
      'invalid azuregigwarm config: invalid auth_method: 7 (must be 0 for MSI, 1 for Certificate, or 2 for WorkloadIdentity)',
    );
    expect(errorOf({ ...minimal, auth_method: 1 })).toBe(
      'invalid azuregigwarm config: requires a non-empty "cert_path" when auth_method == certificate',
    );
    expect(errorOf({ ...minimal, auth_method: 2 })).toBe(
      'invalid azuregigwarm config: requires a non-empty "workload_identity_resource" when auth_method == workload_identity',
    );
    expect(errorOf({ ...minimal, retry_on_failure: { randomization_factor: 2 } })).toBe(
      "invalid azuregigwarm config: retry_on_failure: 'randomization_factor' must be within [0, 1]",
    );
    expect(errorOf({ ...minimal, retry_on_failure: { max_elapsed_time: '1s' } })).toBe(
      "invalid azuregigwarm config: retry_on_failure: 'max_elapsed_time' must not be less than 'initial_interval'",
    );
    expect(errorOf({ ...minimal, sending_queue: { num_consumers: 0 } })).toBe(
      'invalid azuregigwarm config: sending_queue: `num_consumers` must be positive',
    );
    expect(errorOf({ ...minimal, sending_queue: { queue_size: 0 } })).toBe(
      'invalid azuregigwarm config: sending_queue: `queue_size` must be positive',
    );
  });

  it('rejects unknown keys like the collector', () => {
    expect(errorOf({ ...minimal, endpoints: 'x' })).toBe(
      "invalid azuregigwarm config: '' has invalid keys: endpoints",
    );
    expect(errorOf({ ...minimal, sending_queue: { size: 1 } })).toBe(
      "invalid azuregigwarm config: 'sending_queue' has invalid keys: size",
    );
  });

  it('reports decoding errors like mapstructure', () => {
    expect(errorOf({ ...minimal, timeout: '5' })).toBe(
      'invalid azuregigwarm config: error decoding \'timeout\': time: invalid duration "5"',
    );
    expect(errorOf({ ...minimal, auth_method: 'oauth' })).toContain('invalid auth_method: "oauth"');
  });

  it('rejects a persistent queue clearly (not supported yet)', () => {
    expect(errorOf({ ...minimal, sending_queue: { storage: 'file_storage' } })).toBe(
      'invalid azuregigwarm config: sending_queue.storage: persistent queue not supported yet',
    );
  });

  it('rejects the queue options we do not support yet instead of ignoring them', () => {
    expect(errorOf({ ...minimal, sending_queue: { sizer: 'bytes' } })).toBe(
      'invalid azuregigwarm config: sending_queue.sizer: "bytes" is not supported yet (use "requests" or "items")',
    );
    expect(
      errorOf({
        ...minimal,
        sending_queue: { sizer: 'items', batch: { flush_timeout: '1s', sizer: 'items' } },
      }),
    ).toContain('sending_queue.batch: batching inside the queue is not supported yet');
  });

  it('treats timeout 0 as no timeout', () => {
    expect(loadAzureGigWarmConfig({ ...minimal, timeout: '0s' }, {}).timeoutMs).toBe(2_147_483_647);
  });

  it('accepts the friendly auth_method names and the overlay keys', () => {
    const wi = loadAzureGigWarmConfig(
      {
        ...minimal,
        auth_method: 'workload_identity',
        workload_identity_resource: 'https://monitor.core.windows.net',
      },
      {
        AZURE_CLIENT_ID: 'cid',
        AZURE_TENANT_ID: 'tid',
        AZURE_FEDERATED_TOKEN_FILE: '/var/run/token',
      },
    );
    expect(wi.auth).toMatchObject({
      kind: 'workload_identity',
      clientId: 'cid',
      tenantId: 'tid',
      tokenFilePath: '/var/run/token',
    });
    const msi = loadAzureGigWarmConfig(
      { ...minimal, auth_method: 'msi', msi_resource: 'https://x', msi_client_id: 'c', timeout: '750ms' },
      {},
    );
    expect(msi.auth).toMatchObject({ kind: 'msi', resource: 'https://x', clientId: 'c' });
    expect(msi.timeoutMs).toBe(750);
  });

  it('resolves ${env:} for integers like the collector (a whole-value reference is typed)', () => {
    const cfg = loadAzureGigWarmConfig(
      { ...minimal, auth_method: '${env:AUTH}', config_major_version: '${CMV}' },
      { AUTH: '0', CMV: '4' },
    );
    expect(cfg.authMethod).toBe('msi');
    expect(cfg.configMajorVersion).toBe(4);
  });

  it('never puts the certificate password into an error message', () => {
    const msg = errorOf({ ...minimal, auth_method: 1, cert_password: '${env:PW}' }, { PW: 'hunter2' });
    expect(msg).not.toContain('hunter2');
  });
});

describe('loadAzureGigWarmConfig runs the client checks before anything starts', () => {
  it.each([
    ['gcs.monitoring.core.windows.net', 'must be an absolute https:// (or http://) URL'],
    ['ftp://gcs.example/x', '(scheme ftp)'],
    ['http://user:pw-S3cret@gcs.example/?sig=TOKEN-S3cret', 'must not contain credentials'],
    ['https://gcs.example/?sig=TOKEN-S3cret#frag', 'must not contain a query or fragment'],
  ])('%s is a config error naming endpoint, never echoing credentials or query', (endpoint, reason) => {
    const message = errorOf({ ...minimal, endpoint });
    expect(message).toMatch(/^invalid azuregigwarm config: endpoint: /);
    expect(message).toContain(reason);
    expect(message).not.toMatch(/S3cret|user:pw|sig=|#frag/);
  });

  it('reports the YAML error position and reason without the code frame quoting the password', () => {
    const message = errorOf(`account: a\ncert_password: "Hunter2-secret\n  x: [`);
    expect(message).toMatch(/^invalid azuregigwarm config: not valid YAML: .* at line 3, column \d+$/);
    expect(message).not.toContain('Hunter2');
  });
});
