import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  createAzureGigWarmFactory,
  GenevaLogRecordExporter,
  GenevaSpanExporter,
} from '../../../src/index.js';
import { createInMemoryGenevaClient } from '../../../src/testing.js';

const pkg = new URL('../../../', import.meta.url);

describe('createAzureGigWarmFactory', () => {
  it('has the component type and stability from metadata.yaml', () => {
    const meta = parse(readFileSync(new URL('metadata.yaml', pkg), 'utf8'));
    const factory = createAzureGigWarmFactory();
    expect(factory.type).toBe(meta.type);
    expect(factory.stability).toEqual({ logs: 'alpha', traces: 'alpha' });
    expect(meta.status.stability.alpha).toEqual(expect.arrayContaining(['logs', 'traces']));
  });

  it('keeps src/factory/generated-status.ts in sync with metadata.yaml', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/gen-metadata.mjs', '--check'], { cwd: pkg }),
    ).not.toThrow();
  });

  it('creates fresh Go-shaped defaults and exporters from a Go block', () => {
    const factory = createAzureGigWarmFactory();
    const a = factory.createDefaultConfig();
    a.endpoint = 'mutated';
    const b = factory.createDefaultConfig();
    expect(b.endpoint).toBe('');
    expect(b.sending_queue).toMatchObject({ queue_size: 1000, num_consumers: 10 });
    expect(b.retry_on_failure).toMatchObject({ initial_interval: '5s', max_elapsed_time: '5m' });
    const block = {
      ...b,
      endpoint: 'https://gcs',
      environment: 'e',
      account: 'a',
      namespace: 'n',
      region: 'r',
      tenant: 't',
      role_name: 'x',
      role_instance: 'y',
    };
    const settings = { client: createInMemoryGenevaClient(), env: {} };
    expect(factory.createLogsExporter(block, settings)).toBeInstanceOf(GenevaLogRecordExporter);
    expect(factory.createTracesExporter(block, settings)).toBeInstanceOf(GenevaSpanExporter);
    expect(() => factory.createLogsExporter(b, settings)).toThrow(
      'invalid azuregigwarm config: requires a non-empty "endpoint"',
    );
  });
});
