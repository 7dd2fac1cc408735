import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlErrorText } from '../../../src/config/yaml-error.js';

describe('yamlErrorText', () => {
  it('keeps the reason and position and drops the code frame (which quotes the source line)', () => {
    let err: unknown;
    try {
      parse('a: 1\ncert_password: "Hunter2-secret\n  x: [');
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).toContain('\n'); // the yaml package's message has a frame
    const text = yamlErrorText(err);
    expect(text).toMatch(/ at line 3, column \d+$/);
    expect(text).not.toContain('\n');
    expect(text).not.toContain('Hunter2');
  });
});
