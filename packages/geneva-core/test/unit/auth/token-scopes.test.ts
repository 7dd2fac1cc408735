import { describe, expect, it } from 'vitest';
import { scopeCandidates } from '../../../src/auth/token-scopes.js';

describe('scopeCandidates', () => {
  it('tries {resource}/.default, {resource}, {resource}/', () => {
    const expected = [
      'https://monitor.core.windows.net/.default',
      'https://monitor.core.windows.net',
      'https://monitor.core.windows.net/',
    ];
    for (const r of [
      'https://monitor.core.windows.net',
      'https://monitor.core.windows.net/',
      'https://monitor.core.windows.net/.default',
      ' https://monitor.core.windows.net// ',
    ]) {
      expect(scopeCandidates(r)).toEqual(expected);
    }
  });
});
