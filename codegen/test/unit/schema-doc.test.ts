import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedDir, goSchemaFile } from '../helpers.js';

type Node = { properties?: Record<string, Node>; default?: unknown; [k: string]: unknown };
const goSchema = JSON.parse(readFileSync(goSchemaFile, 'utf8')) as Node;
const merged = JSON.parse(readFileSync(`${generatedDir}/azuregigwarm.schema.json`, 'utf8')) as Node;
const p = (n: Node, ...path: string[]): Node => path.reduce((acc, k) => acc.properties?.[k] as Node, n);

describe('schema/azuregigwarm.schema.json holds every fact of the doc page', () => {
  it('has the top-level keys in Go order with their defaults', () => {
    expect(Object.keys(goSchema.properties ?? {})).toEqual([
      'endpoint',
      'environment',
      'account',
      'namespace',
      'region',
      'config_major_version',
      'auth_method',
      'tenant',
      'role_name',
      'role_instance',
      'cert_path',
      'cert_password',
      'workload_identity_resource',
      'sending_queue',
      'retry_on_failure',
      'batch_retry',
    ]);
    expect(goSchema.additionalProperties).toBe(false);
    expect(p(goSchema, 'config_major_version')).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 4294967295,
      default: 0,
    });
    expect(p(goSchema, 'auth_method')['x-go-enum']).toEqual([
      expect.objectContaining({ name: 'MSI', value: 0, string: 'msi' }),
      expect.objectContaining({ name: 'Certificate', value: 1, string: 'certificate' }),
      expect.objectContaining({ name: 'WorkloadIdentity', value: 2, string: 'workload_identity' }),
    ]);
    expect(p(goSchema, 'cert_password')).not.toHaveProperty('writeOnly'); // plain string in Go
    expect(goSchema).not.toHaveProperty('properties.timeout');
  });

  it('has the nested keys and defaults of sending_queue, retry_on_failure and batch_retry', () => {
    expect(p(goSchema, 'sending_queue').default).toEqual({
      enabled: true,
      wait_for_result: false,
      sizer: 'requests',
      queue_size: 1000,
      block_on_overflow: false,
      num_consumers: 10,
    });
    expect(Object.keys(p(goSchema, 'sending_queue').properties ?? {})).toEqual([
      'enabled',
      'wait_for_result',
      'sizer',
      'queue_size',
      'block_on_overflow',
      'storage',
      'num_consumers',
      'batch',
    ]);
    expect(Object.keys(p(goSchema, 'sending_queue', 'batch').properties ?? {})).toEqual([
      'flush_timeout',
      'sizer',
      'min_size',
      'max_size',
    ]);
    expect(p(goSchema, 'sending_queue', 'sizer').enum).toEqual(['bytes', 'items', 'requests']);
    expect(p(goSchema, 'retry_on_failure').default).toEqual({
      enabled: true,
      initial_interval: '5s',
      randomization_factor: 0.5,
      multiplier: 1.5,
      max_interval: '30s',
      max_elapsed_time: '5m',
    });
    expect(p(goSchema, 'batch_retry').default).toEqual({
      enabled: true,
      max_retries: 3,
      initial_interval: '100ms',
      max_interval: '5s',
      multiplier: 2,
    });
    expect(p(goSchema, 'batch_retry', 'initial_interval')).not.toHaveProperty('pattern'); // a plain string in Go
  });

  it('carries every message of the doc page', () => {
    const text = JSON.stringify(goSchema);
    const messages = [
      ...[
        'endpoint',
        'environment',
        'account',
        'namespace',
        'region',
        'tenant',
        'role_name',
        'role_instance',
      ].map((k) => `requires a non-empty "${k}"`),
      'invalid auth_method: %d (must be 0 for MSI, 1 for Certificate, or 2 for WorkloadIdentity)',
      'requires a non-empty "cert_path" when auth_method == certificate',
      'requires a non-empty "workload_identity_resource" when auth_method == workload_identity',
      "'initial_interval' must be non-negative",
      "'randomization_factor' must be within [0, 1]",
      "'multiplier' must be non-negative",
      "'max_interval' must be non-negative",
      "'max_elapsed_time' must be non-negative",
      "'max_elapsed_time' must not be less than 'initial_interval'",
      "'max_elapsed_time' must not be less than 'max_interval'",
      '`num_consumers` must be positive',
      '`queue_size` must be positive',
      '`wait_for_result` is not supported with a persistent queue configured with `storage`',
      '`batch` supports only `items` or `bytes` sizer',
      '`flush_timeout` must be positive',
      '`min_size` must be non-negative',
      '`max_size` must be non-negative',
      '`max_size` must be greater or equal to `min_size`',
    ];
    for (const m of messages) expect(text).toContain(JSON.stringify(m).slice(1, -1));
  });
});

describe('merged schema: the overlay is clearly marked', () => {
  it('marks each added key and the extended auth_method', () => {
    const added = Object.entries(merged.properties ?? {})
      .filter(([, v]) => v['x-geneva-extension'] === true)
      .map(([k]) => k);
    expect(added).toEqual([
      'timeout',
      'msi_resource',
      'msi_client_id',
      'msi_object_id',
      'msi_resource_id',
      'disable_instance_discovery',
    ]);
    expect(p(merged, 'timeout')).toMatchObject({ default: '5s', 'x-go-type': 'time.Duration' });
    expect(p(merged, 'msi_resource').default).toBe('https://monitor.core.windows.net');
    expect(p(merged, 'disable_instance_discovery').default).toBe(false);
    expect(p(merged, 'auth_method')['x-geneva-extended']).toEqual(['acceptEnumNames']);
    expect(p(merged, 'cert_password')).toMatchObject({ writeOnly: true, 'x-geneva-extended': ['secret'] });
    const { properties: _a, 'x-go-rules': _b, 'x-geneva-overlay': _c, ...restMerged } = merged;
    const { properties: _d, 'x-go-rules': _e, ...restGo } = goSchema;
    expect(restMerged).toEqual(restGo);
  });
});
