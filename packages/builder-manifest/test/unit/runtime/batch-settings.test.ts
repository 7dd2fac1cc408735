import { describe, expect, it } from 'vitest';
import type { ConfigIssue } from '../../../src/errors.js';
import { parseBatchSettings } from '../../../src/runtime/batch-settings.js';

function parse(raw: unknown) {
  const issues: ConfigIssue[] = [];
  const warnings: string[] = [];
  const options = parseBatchSettings(raw, 'processors.batch', issues, warnings);
  return { options, issues, warnings };
}

describe('parseBatchSettings', () => {
  it('maps collector defaults for an empty block', () => {
    expect(parse(null).options).toEqual({
      scheduledDelayMillis: 200,
      maxExportBatchSize: 8192,
      maxQueueSize: 16384,
    });
  });

  it('maps timeout and sizes', () => {
    const { options, issues } = parse({ timeout: '1s', send_batch_size: 100, send_batch_max_size: 500 });
    expect(issues).toEqual([]);
    expect(options).toEqual({ scheduledDelayMillis: 1000, maxExportBatchSize: 100, maxQueueSize: 2048 });
    expect(parse({ send_batch_size: 0, send_batch_max_size: 3000 }).options.maxExportBatchSize).toBe(3000);
  });

  it('ignores metadata keys with a warning and reports bad values with their path', () => {
    expect(parse({ metadata_keys: ['tenant'] }).warnings).toEqual([
      expect.stringMatching(/^processors.batch.metadata_keys: ignored/),
    ]);
    const { issues } = parse({ timeout: 'soon', send_batch_size: -1, colour: 'red' });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['GENEVA_CONFIG_ERR_INVALID_VALUE', 'processors.batch.timeout'],
      ['GENEVA_CONFIG_ERR_INVALID_VALUE', 'processors.batch.send_batch_size'],
      ['GENEVA_CONFIG_ERR_UNKNOWN_KEY', 'processors.batch.colour'],
    ]);
    expect(parse({ send_batch_size: 10, send_batch_max_size: 5 }).issues[0]?.message).toBe(
      'send_batch_max_size must be greater or equal to send_batch_size',
    );
  });
});
