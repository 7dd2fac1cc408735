import { describe, expect, it } from 'vitest';
import {
  createDefaultConfig,
  formatConfigIssues,
  parseGoDuration,
  parseGoDurationNs,
  redactConfig,
  validateConfig,
} from '../../../packages/otel-plugin/src/config/generated/azuregigwarm.validator.js';
import { docExample } from '../helpers.js';

const errorsOf = (input: unknown): string[] => validateConfig(input).issues.map((i) => i.error);
const valid = (): Record<string, unknown> => docExample();

describe('generated validator: the Go example block', () => {
  it('accepts the doc example unchanged and fills Go defaults', () => {
    const input = valid();
    const before = structuredClone(input);
    const r = validateConfig(input);
    expect(r.issues).toEqual([]);
    expect(input).toEqual(before); // never mutates its input
    if (!r.ok) throw new Error('unreachable');
    expect(r.config.auth_method).toBe(1);
    expect(r.config.sending_queue).toEqual({
      enabled: true,
      wait_for_result: false,
      sizer: 'requests',
      queue_size: 5000,
      block_on_overflow: false,
      num_consumers: 4,
    });
    expect(r.config.retry_on_failure).toMatchObject({
      randomization_factor: 0.5,
      multiplier: 1.5,
      max_elapsed_time: '120s',
    });
    expect(r.config.batch_retry).toEqual({
      enabled: true,
      max_retries: 5,
      initial_interval: '200ms',
      max_interval: '2s',
      multiplier: 1.5,
    });
    expect(r.config.timeout).toBe('5s');
    expect(r.config.msi_resource).toBe('https://monitor.core.windows.net');
  });
});

describe('generated validator: Validate() failures carry the Go text, first failure wins', () => {
  const required = [
    'endpoint',
    'environment',
    'account',
    'namespace',
    'region',
    'tenant',
    'role_name',
    'role_instance',
  ];
  it.each(required)('empty %s', (key) => {
    expect(errorsOf({ ...valid(), [key]: '' })).toEqual([`requires a non-empty "${key}"`]);
  });

  it('reports only the first failing check, in Go order', () => {
    expect(errorsOf({ ...valid(), endpoint: '', tenant: '', auth_method: 9 })).toEqual([
      'requires a non-empty "endpoint"',
    ]);
    expect(errorsOf({})).toEqual(['requires a non-empty "endpoint"']);
  });

  it.each([3, -1, 100])('auth_method %d out of range', (n) => {
    expect(errorsOf({ ...valid(), auth_method: n })).toEqual([
      `invalid auth_method: ${n} (must be 0 for MSI, 1 for Certificate, or 2 for WorkloadIdentity)`,
    ]);
  });

  it('certificate needs cert_path; an empty cert_password is fine', () => {
    expect(errorsOf({ ...valid(), cert_path: '' })).toEqual([
      'requires a non-empty "cert_path" when auth_method == certificate',
    ]);
    expect(errorsOf({ ...valid(), cert_password: '' })).toEqual([]);
  });

  it('workload identity needs workload_identity_resource', () => {
    expect(errorsOf({ ...valid(), auth_method: 2 })).toEqual([
      'requires a non-empty "workload_identity_resource" when auth_method == workload_identity',
    ]);
    expect(
      errorsOf({
        ...valid(),
        auth_method: 2,
        workload_identity_resource: 'https://monitor.core.windows.net',
      }),
    ).toEqual([]);
  });

  it('config_major_version 0 and MSI without extra keys are accepted', () => {
    expect(errorsOf({ ...valid(), config_major_version: 0, auth_method: 0 })).toEqual([]);
  });

  it('retry_on_failure rules (configretry) with the xconfmap path', () => {
    const rof = (o: Record<string, unknown>) => errorsOf({ ...valid(), retry_on_failure: o });
    expect(rof({ initial_interval: '-1s' })).toEqual([
      "retry_on_failure: 'initial_interval' must be non-negative",
    ]);
    expect(rof({ randomization_factor: 1.5 })).toEqual([
      "retry_on_failure: 'randomization_factor' must be within [0, 1]",
    ]);
    expect(rof({ multiplier: -1 })).toEqual(["retry_on_failure: 'multiplier' must be non-negative"]);
    expect(rof({ max_interval: '-1ms' })).toEqual(["retry_on_failure: 'max_interval' must be non-negative"]);
    expect(rof({ max_elapsed_time: '-1h' })).toEqual([
      "retry_on_failure: 'max_elapsed_time' must be non-negative",
    ]);
    expect(rof({ max_elapsed_time: '1s' })).toEqual([
      "retry_on_failure: 'max_elapsed_time' must not be less than 'initial_interval'",
    ]);
    expect(rof({ initial_interval: '1s', max_elapsed_time: '10s' })).toEqual([
      "retry_on_failure: 'max_elapsed_time' must not be less than 'max_interval'",
    ]);
    expect(rof({ max_elapsed_time: '0s', multiplier: 0 })).toEqual([]); // 0 = unlimited
    expect(rof({ enabled: false, multiplier: -5 })).toEqual([]); // disabled: not checked
  });

  it('sending_queue rules (exporterhelper), batch rules under sending_queue::batch', () => {
    const sq = (o: Record<string, unknown>) => errorsOf({ ...valid(), sending_queue: o });
    expect(sq({ num_consumers: 0 })).toEqual(['sending_queue: `num_consumers` must be positive']);
    expect(sq({ queue_size: -1 })).toEqual(['sending_queue: `queue_size` must be positive']);
    expect(sq({ enabled: false, queue_size: -1 })).toEqual([]);
    expect(sq({ storage: 'file_storage', wait_for_result: true })).toEqual([
      'sending_queue: `wait_for_result` is not supported with a persistent queue configured with `storage`',
    ]);
    const batch = (b: Record<string, unknown>) => sq({ batch: b });
    expect(batch({ sizer: 'items', flush_timeout: '200ms', min_size: 10, max_size: 100 })).toEqual([]);
    expect(batch({ sizer: 'requests', flush_timeout: '1s' })).toEqual([
      'sending_queue::batch: `batch` supports only `items` or `bytes` sizer',
    ]);
    expect(batch({ sizer: 'items' })).toEqual(['sending_queue::batch: `flush_timeout` must be positive']);
    expect(batch({ sizer: 'items', flush_timeout: '1s', min_size: -1 })).toEqual([
      'sending_queue::batch: `min_size` must be non-negative',
    ]);
    expect(batch({ sizer: 'bytes', flush_timeout: '1s', max_size: -1 })).toEqual([
      'sending_queue::batch: `max_size` must be non-negative',
    ]);
    expect(batch({ sizer: 'items', flush_timeout: '1s', min_size: 10, max_size: 5 })).toEqual([
      'sending_queue::batch: `max_size` must be greater or equal to `min_size`',
    ]);
    expect(
      sq({ sizer: 'items', queue_size: 10, batch: { sizer: 'items', flush_timeout: '1s', min_size: 11 } }),
    ).toEqual(['sending_queue: `min_size` must be less than or equal to `queue_size`']);
  });

  it('reproduces queuebatch.Config.Unmarshal: an unset batch sizer inherits the queue sizer', () => {
    const sq = (o: Record<string, unknown>) => validateConfig({ ...valid(), sending_queue: o });
    const items = sq({ sizer: 'items', queue_size: 100, batch: { flush_timeout: '1s' } });
    expect(items.issues).toEqual([]);
    expect(items.ok && items.config.sending_queue.batch?.sizer).toBe('items');
    expect(sq({ batch: { flush_timeout: '1s' } }).issues.map((i) => i.error)).toEqual([
      'sending_queue::batch: `batch` supports only `items` or `bytes` sizer',
    ]);
    const bytes = sq({ sizer: 'items', batch: { sizer: 'bytes', flush_timeout: '1s' } });
    expect(bytes.ok && bytes.config.sending_queue.batch?.sizer).toBe('bytes');
    expect(
      sq({ sizer: 'items', queue_size: 5, batch: { flush_timeout: '1s', min_size: 6 } }).issues[0]?.error,
    ).toBe('sending_queue: `min_size` must be less than or equal to `queue_size`');
  });

  it('collects failures of several structs, like errors.Join', () => {
    const r = validateConfig({
      ...valid(),
      region: '',
      sending_queue: { queue_size: 0 },
      retry_on_failure: { multiplier: -1 },
    });
    expect(formatConfigIssues(r.issues)).toBe(
      [
        'requires a non-empty "region"',
        'sending_queue: `queue_size` must be positive',
        "retry_on_failure: 'multiplier' must be non-negative",
      ].join('\n'),
    );
    expect(r.issues.map((i) => i.code)).toEqual(Array(3).fill('GENEVA_ERR_CONFIG_INVALID'));
  });
});

describe('generated validator: decoding errors (mapstructure texts)', () => {
  it('rejects unknown keys at every level', () => {
    expect(errorsOf({ ...valid(), foo: 1, bar: 2 })).toEqual(["'' has invalid keys: bar, foo"]);
    expect(errorsOf({ ...valid(), sending_queue: { queue_size: 1, nope: true } })).toEqual([
      "'sending_queue' has invalid keys: nope",
    ]);
    expect(errorsOf({ ...valid(), sending_queue: { batch: { flush: '1s' } } })).toEqual([
      "'sending_queue.batch' has invalid keys: flush",
    ]);
  });

  it('never echoes the value of a secret (writeOnly) property in a type error', () => {
    const messages = [
      ...errorsOf({ ...valid(), cert_password: ['Hunter2-secret'] }),
      ...errorsOf({ ...valid(), cert_password: { p: 'Hunter2-secret' } }),
      ...errorsOf({ ...valid(), cert_password: 12345678 }),
    ];
    expect(messages).toEqual([
      "'cert_password' expected type 'string', got unconvertible type '[]interface {}', value: '[REDACTED]'",
      "'cert_password' expected type 'string', got unconvertible type 'map[string]interface {}', value: '[REDACTED]'",
      "'cert_password' expected type 'string', got unconvertible type 'int', value: '[REDACTED]'",
    ]);
    expect(messages.join('\n')).not.toMatch(/Hunter2|12345678/);
  });

  it('rejects wrong types', () => {
    expect(errorsOf({ ...valid(), endpoint: 5 })).toEqual([
      "'endpoint' expected type 'string', got unconvertible type 'int', value: '5'",
    ]);
    expect(errorsOf({ ...valid(), config_major_version: 'three' })).toEqual([
      "'config_major_version' expected type 'uint32', got unconvertible type 'string', value: 'three'",
    ]);
    expect(errorsOf({ ...valid(), config_major_version: -1 })).toEqual([
      "cannot parse 'config_major_version', -1 overflows uint32",
    ]);
    expect(errorsOf({ ...valid(), auth_method: 1.5 })[0]).toContain('invalid auth_method: "1.5"');
    expect(errorsOf({ ...valid(), batch_retry: { enabled: 'yes' } })).toEqual([
      "'batch_retry.enabled' expected type 'boolean', got unconvertible type 'string', value: 'yes'",
    ]);
    expect(errorsOf('azuregigwarm')).toEqual(["'' expected a map, got 'string'"]);
    expect(errorsOf({ ...valid(), sending_queue: { sizer: 'pages' } })).toEqual([
      'error decoding \'sending_queue.sizer\': invalid sizer: "pages"',
    ]);
    expect(validateConfig({ ...valid(), endpoint: 5 }).issues[0]?.code).toBe('GENEVA_ERR_CONFIG_DECODE');
  });

  it.each(['5', '1d', '', 'ms', '1.5.5s', ' 1s', '1s '])('rejects the bad duration %j', (d) => {
    expect(errorsOf({ ...valid(), retry_on_failure: { initial_interval: d } })).toEqual([
      `error decoding 'retry_on_failure.initial_interval': time: invalid duration ${JSON.stringify(d)}`,
    ]);
  });

  it('batch_retry intervals are plain strings in Go: anything goes', () => {
    expect(
      errorsOf({ ...valid(), batch_retry: { initial_interval: 'soon', max_retries: -4, multiplier: 0 } }),
    ).toEqual([]);
  });
});

describe('generated validator: overlay (geneva-otel extensions)', () => {
  it('accepts auth_method names and normalizes them to Go values', () => {
    const r = validateConfig({ ...valid(), auth_method: 'certificate' });
    expect(r.ok && r.config.auth_method).toBe(1);
    expect(errorsOf({ ...valid(), auth_method: 'workload_identity' })).toEqual([
      'requires a non-empty "workload_identity_resource" when auth_method == workload_identity',
    ]);
    expect(errorsOf({ ...valid(), auth_method: 'password' })).toEqual([
      'invalid auth_method: "password" (must be 0 for MSI, 1 for Certificate, or 2 for WorkloadIdentity, or one of "msi", "certificate", "workload_identity")',
    ]);
  });

  it('validates timeout, msi_resource and the user-assigned identity choice', () => {
    const msi = { ...valid(), auth_method: 'msi' };
    expect(errorsOf({ ...msi, timeout: '-1s' })).toEqual(["'timeout' must be non-negative"]);
    expect(errorsOf({ ...msi, timeout: 'soon' })).toEqual([
      `error decoding 'timeout': time: invalid duration "soon"`,
    ]);
    expect(errorsOf({ ...msi, msi_resource: '' })).toEqual([
      'requires a non-empty "msi_resource" when auth_method == msi',
    ]);
    expect(errorsOf({ ...msi, msi_client_id: 'c', msi_resource_id: '/subscriptions/x' })).toEqual([
      'requires at most one of "msi_client_id", "msi_object_id" or "msi_resource_id"',
    ]);
    expect(errorsOf({ ...msi, msi_object_id: 'o', disable_instance_discovery: true })).toEqual([]);
  });
});

describe('generated validator: defaults, durations, redaction', () => {
  it('createDefaultConfig matches the Go defaults on the doc page', () => {
    const d = createDefaultConfig();
    for (const k of [
      'endpoint',
      'environment',
      'account',
      'namespace',
      'region',
      'tenant',
      'role_name',
      'role_instance',
    ]) {
      expect(d[k as keyof typeof d]).toBe('');
    }
    expect(d).toMatchObject({
      config_major_version: 0,
      auth_method: 0,
      cert_path: '',
      cert_password: '',
      workload_identity_resource: '',
      sending_queue: {
        enabled: true,
        wait_for_result: false,
        sizer: 'requests',
        queue_size: 1000,
        block_on_overflow: false,
        num_consumers: 10,
      },
      retry_on_failure: {
        enabled: true,
        initial_interval: '5s',
        randomization_factor: 0.5,
        multiplier: 1.5,
        max_interval: '30s',
        max_elapsed_time: '5m',
      },
      batch_retry: {
        enabled: true,
        max_retries: 3,
        initial_interval: '100ms',
        max_interval: '5s',
        multiplier: 2,
      },
    });
    expect(d.sending_queue).not.toHaveProperty('storage');
    expect(d.sending_queue).not.toHaveProperty('batch');
    expect(createDefaultConfig()).not.toBe(d);
  });

  it('parses Go durations', () => {
    expect(parseGoDuration('100ms')).toBe(100);
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('-1s')).toBe(-1000);
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDurationNs('1µs')).toBe(1000);
    expect(parseGoDurationNs('3ns')).toBe(3);
    expect(() => parseGoDuration('1')).toThrow('time: invalid duration "1"');
    expect(() => parseGoDuration('9999999999h')).toThrow('time: invalid duration');
  });

  it('redacts secrets (cert_password) without touching the input', () => {
    const input = valid();
    const red = redactConfig(input);
    expect(red.cert_password).toBe('[REDACTED]');
    expect(input.cert_password).toBe('pfx-password');
    expect(JSON.stringify(validateConfig({ ...input, cert_path: '' }))).not.toContain('pfx-password');
  });
});
