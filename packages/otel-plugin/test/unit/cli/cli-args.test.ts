import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/cli-args.js';

describe('parseCliArgs', () => {
  it('names an unknown option instead of suggesting a positional', () => {
    expect(() => parseCliArgs(['--config', 'c.yaml', '--bogus'])).toThrow(/^unknown option --bogus$/);
  });
  it('names an option that lacks its value', () => {
    expect(() => parseCliArgs(['--config'])).toThrow(/^option --config needs a value$/);
  });
});
