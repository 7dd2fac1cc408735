import { describe, expect, it } from 'vitest';
import {
  AuthError,
  GenevaError,
  isGenevaError,
  isPermanent,
  isRetryable,
  PermanentError,
  RetryableError,
  retryAfterMs,
} from '../../../src/send/errors.js';

describe('error classes and guards', () => {
  it('classify each class', () => {
    const r = new RetryableError('GENEVA_ERR_THROTTLED', 'x', { status: 429, retryAfterMs: 2000 });
    const p = new PermanentError('GENEVA_ERR_HTTP_STATUS', 'x', { status: 400 });
    const a = new AuthError('x', { status: 401 });
    expect([isRetryable(r), isPermanent(r), retryAfterMs(r)]).toEqual([true, false, 2000]);
    expect([isRetryable(p), isPermanent(p), retryAfterMs(p)]).toEqual([false, true, undefined]);
    expect([isRetryable(a), isPermanent(a), a.code]).toEqual([false, true, 'GENEVA_ERR_AUTH']);
    expect(a).toBeInstanceOf(PermanentError);
    expect(r).toBeInstanceOf(GenevaError);
    expect(r.name).toBe('RetryableError');
  });

  it('treat foreign errors as neither retryable nor permanent', () => {
    const e = new Error('boom');
    expect([isGenevaError(e), isRetryable(e), isPermanent(e), retryAfterMs(e)]).toEqual([
      false,
      false,
      false,
      undefined,
    ]);
    expect(isRetryable(null)).toBe(false);
  });

  it('recognise a Geneva error from another copy of the package by shape', () => {
    const copy = Object.assign(new Error('x'), {
      code: 'GENEVA_ERR_NETWORK',
      retryable: true,
      retryAfterMs: 5,
    });
    expect([isGenevaError(copy), isRetryable(copy), retryAfterMs(copy)]).toEqual([true, true, 5]);
  });
});
