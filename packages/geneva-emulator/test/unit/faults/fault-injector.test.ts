import { describe, expect, it } from 'vitest';
import {
  createFaultInjector,
  retryAfterHeader,
  validateFaultRule,
} from '../../../src/faults/fault-injector.js';

describe('fault injector', () => {
  it('consumes rules in order, matching kind and event', () => {
    const faults = createFaultInjector();
    faults.inject({ kind: 'ingest', event: 'A', count: 2, action: { type: 'reset' } });
    faults.inject({ action: { type: 'delay', ms: 5 } });
    expect(faults.take('config', undefined)).toEqual({ type: 'delay', ms: 5 });
    expect(faults.take('config', undefined)).toBeUndefined();
    expect(faults.take('ingest', 'B')).toBeUndefined();
    expect(faults.take('ingest', 'A')).toEqual({ type: 'reset' });
    expect(faults.pending()).toEqual([{ kind: 'ingest', event: 'A', count: 1, action: { type: 'reset' } }]);
    expect(faults.take('ingest', 'A')).toEqual({ type: 'reset' });
    expect(faults.pending()).toEqual([]);
  });

  it('keeps an unlimited rule until cleared', () => {
    const faults = createFaultInjector();
    faults.inject({ count: Number.POSITIVE_INFINITY, action: { type: 'status', status: 503 } });
    for (let i = 0; i < 5; i++) expect(faults.take('identity', undefined)?.type).toBe('status');
    faults.clear();
    expect(faults.take('identity', undefined)).toBeUndefined();
  });

  it('formats Retry-After as seconds or HTTP-date', () => {
    expect(retryAfterHeader({ type: 'status', status: 429, retryAfterSeconds: 3 })).toBe('3');
    expect(retryAfterHeader({ type: 'status', status: 503, retryAfterDate: '2030-01-01T00:00:00Z' })).toBe(
      'Tue, 01 Jan 2030 00:00:00 GMT',
    );
    expect(retryAfterHeader({ type: 'status', status: 500 })).toBeUndefined();
  });

  it.each([
    [null, /object/],
    [{ kind: 'x', action: { type: 'reset' } }, /kind/],
    [{ event: 1, action: { type: 'reset' } }, /event/],
    [{ count: 1.5, action: { type: 'reset' } }, /count/],
    [{}, /action/],
    [{ action: { type: 'status', status: 429, retryAfterSeconds: -1 } }, /retryAfterSeconds/],
    [{ action: { type: 'status', status: 429, retryAfterDate: 'soon' } }, /retryAfterDate/],
    [{ action: { type: 'delay', ms: -5 } }, /ms/],
  ])('rejects %j', (rule, message) => {
    expect(() => validateFaultRule(rule)).toThrow(message);
  });
});
