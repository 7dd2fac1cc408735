import { describe, expect, it } from 'vitest';
import {
  classifyStatus,
  classifyTransportError,
  describeEndpoint,
  parseRetryAfter,
  sanitizeBody,
} from '../../../src/send/classify.js';
import { AuthError, PermanentError, RetryableError } from '../../../src/send/errors.js';

const ctx = {
  phase: 'upload' as const,
  endpoint: 'gig.example.com/api/v1/ingestion/ingest',
  eventName: 'Log',
};

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads delay-seconds and HTTP-dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(['7', '9'], now)).toBe(7000);
  });
  it('ignores garbage', () => {
    for (const v of [undefined, '', '-5', '1.5', 'soon']) expect(parseRetryAfter(v, now)).toBeUndefined();
  });
});

describe('classifyStatus', () => {
  it('maps 429, 408 and 5xx to RetryableError with Retry-After', () => {
    for (const status of [408, 429, 500, 502, 503, 504, 599]) {
      const err = classifyStatus(status, { 'retry-after': '3' }, 'busy', ctx);
      expect(err).toBeInstanceOf(RetryableError);
      expect(err).toMatchObject({ status, retryAfterMs: 3000, eventName: 'Log', phase: 'upload' });
    }
    expect(classifyStatus(429, {}, '', ctx).code).toBe('GENEVA_ERR_THROTTLED');
  });
  it('maps 401/403 to AuthError and other 4xx to PermanentError', () => {
    expect(classifyStatus(401, {}, '', ctx)).toBeInstanceOf(AuthError);
    expect(classifyStatus(403, {}, '', ctx)).toBeInstanceOf(AuthError);
    for (const status of [400, 404, 409, 413, 422]) {
      const err = classifyStatus(status, {}, '', ctx);
      expect(err).toBeInstanceOf(PermanentError);
      expect(err).not.toBeInstanceOf(AuthError);
    }
  });
  it('names status, event and endpoint, and masks tokens in the body', () => {
    const body = 'bad token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl and Bearer abc.def';
    const err = classifyStatus(400, {}, body, ctx);
    expect(err.message).toContain('HTTP 400');
    expect(err.message).toContain('event "Log"');
    expect(err.message).toContain('gig.example.com/api/v1/ingestion/ingest');
    expect(err.message).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(err.message).not.toContain('abc.def');
  });
  it('truncates long bodies', () => {
    expect(sanitizeBody('x'.repeat(5000)).length).toBeLessThan(400);
  });
});

describe('classifyTransportError', () => {
  it('maps undici timeouts and our timeout to GENEVA_ERR_TIMEOUT', () => {
    const undiciTimeout = Object.assign(new Error('Headers Timeout Error'), {
      code: 'UND_ERR_HEADERS_TIMEOUT',
    });
    const ours = Object.assign(new Error('request timed out'), { name: 'TimeoutError' });
    for (const e of [undiciTimeout, ours]) {
      const err = classifyTransportError(e, ctx, 5000);
      expect(err).toBeInstanceOf(RetryableError);
      expect(err.code).toBe('GENEVA_ERR_TIMEOUT');
    }
  });
  it('maps resets and refused connections (also in cause chains) to GENEVA_ERR_NETWORK', () => {
    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    });
    const err = classifyTransportError(reset, ctx);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.code).toBe('GENEVA_ERR_NETWORK');
    expect(err.message).toContain('ECONNRESET');
  });
  it('maps TLS verification failures to a permanent GENEVA_ERR_TLS and caller aborts to GENEVA_ERR_ABORTED', () => {
    const tls = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(classifyTransportError(tls, ctx)).toMatchObject({ code: 'GENEVA_ERR_TLS', retryable: false });
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(classifyTransportError(abort, ctx)).toMatchObject({
      code: 'GENEVA_ERR_ABORTED',
      retryable: false,
    });
  });
});

describe('describeEndpoint', () => {
  it('keeps host and path only', () => {
    expect(describeEndpoint('https://u:p@h.example:8443/a/b?token=secret#x')).toBe('h.example:8443/a/b');
  });
});
