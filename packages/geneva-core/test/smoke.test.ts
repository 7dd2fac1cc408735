import { describe, expect, it } from 'vitest';
import { PACKAGE_NAME } from '@geneva-otel/geneva-core';

describe('package', () => {
  it('exports its name', () => {
    expect(PACKAGE_NAME).toBe('@geneva-otel/geneva-core');
  });
});
