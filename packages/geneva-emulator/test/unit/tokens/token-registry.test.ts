import { afterEach, describe, expect, it, vi } from 'vitest';
import { signJwt } from '../../../src/tokens/jwt.js';
import { createTokenRegistry } from '../../../src/tokens/token-registry.js';

describe('token registry', () => {
  afterEach(() => vi.useRealTimers());

  it('issues JWTs that verify until they expire', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const registry = createTokenRegistry(60);
    const { token, expiresAt } = registry.issue('ingestion', 'aud', { Endpoint: 'http://x' });
    expect(expiresAt.toISOString()).toBe('2026-01-01T00:01:00.000Z');
    expect(registry.check(token, ['ingestion'])).toMatchObject({
      ok: true,
      claims: { Endpoint: 'http://x', aud: 'aud' },
    });
    vi.setSystemTime(new Date('2026-01-01T00:00:59.999Z'));
    expect(registry.check(token, ['ingestion']).ok).toBe(true);
    vi.setSystemTime(new Date('2026-01-01T00:01:00Z'));
    expect(registry.check(token, ['ingestion'])).toMatchObject({ ok: false, problem: 'TOKEN_EXPIRED' });
  });

  it('refuses forged, foreign, wrong-kind, missing and revoked tokens', () => {
    const registry = createTokenRegistry(60);
    const other = createTokenRegistry(60);
    const { token } = registry.issue('managed-identity', 'aud');
    expect(registry.check(undefined, ['ingestion']).problem).toBe('TOKEN_MISSING');
    expect(registry.check(other.issue('ingestion', 'a').token, ['ingestion']).problem).toBe('TOKEN_INVALID');
    const [h, , s] = token.split('.');
    const tampered = `${h}.${Buffer.from('{"jti":"x","exp":9999999999,"iat":0}').toString('base64url')}.${s}`;
    expect(registry.check(tampered, ['managed-identity']).problem).toBe('TOKEN_INVALID');
    expect(
      registry.check(signJwt({ jti: 'x', exp: 1, iat: 0 }, Buffer.alloc(32)), ['ingestion']).problem,
    ).toBe('TOKEN_INVALID');
    expect(registry.check(token, ['ingestion']).problem).toBe('TOKEN_WRONG_KIND');
    registry.revokeAll();
    expect(registry.check(token, ['managed-identity']).problem).toBe('TOKEN_REVOKED');
    expect(registry.list()[0]).toMatchObject({ revoked: true, kind: 'managed-identity' });
  });

  it('validates the lifetime', () => {
    const registry = createTokenRegistry(60);
    expect(() => registry.setLifetime(-1)).toThrow(/non-negative/);
    registry.setLifetime(0);
    expect(registry.lifetime()).toBe(0);
  });
});
