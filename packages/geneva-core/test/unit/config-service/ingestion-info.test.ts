import { describe, expect, it } from 'vitest';
import { jwtEndpointClaim, parseIngestionInfo } from '../../../src/config-service/ingestion-info.js';

function jwt(payload: object, pad = false): string {
  const b64u = (s: string) => {
    const t = Buffer.from(s).toString('base64url');
    return pad ? t + '='.repeat((4 - (t.length % 4)) % 4) : t;
  };
  return `${b64u('{"alg":"RS256","typ":"JWT"}')}.${b64u(JSON.stringify(payload))}.c2ln`;
}

const body = (
  token: string,
  keys: unknown[] = [{ AccountMonikerName: 'mydiag', AccountGroupName: 'grp', IsPrimaryMoniker: true }],
) =>
  JSON.stringify({
    IngestionGatewayInfo: {
      Endpoint: 'https://gig.example.com/',
      AuthToken: token,
      AuthTokenExpiryTime: '2030-01-01T00:00:00.1234567+00:00',
    },
    StorageAccountKeys: keys,
    TagId: 'tag',
  });

describe('jwtEndpointClaim', () => {
  it('reads the Endpoint claim with or without padding, including base64url characters', () => {
    // ">>>" and "???" make the base64 contain + and / (so base64url has - and _).
    const payload = { Endpoint: 'https://mon.example.com/x?>>>???', n: 1 };
    for (let extra = 0; extra < 3; extra++) {
      const p = { ...payload, pad: 'x'.repeat(extra) };
      expect(jwtEndpointClaim(jwt(p))).toBe(payload.Endpoint);
      expect(jwtEndpointClaim(jwt(p, true))).toBe(payload.Endpoint);
    }
  });
  it('returns undefined for non-JWTs and missing claims', () => {
    expect(jwtEndpointClaim('opaque-token')).toBeUndefined();
    expect(jwtEndpointClaim(jwt({ other: 1 }))).toBeUndefined();
    expect(jwtEndpointClaim('a.!!!!.c')).toBeUndefined();
  });
});

describe('parseIngestionInfo', () => {
  it('parses the config-service answer', () => {
    const token = jwt({ Endpoint: 'https://monitoring.example.com' });
    expect(parseIngestionInfo(body(token), 'gcs/x')).toEqual({
      gatewayEndpoint: 'https://gig.example.com/',
      authToken: token,
      expiresAt: Date.parse('2030-01-01T00:00:00.123Z'),
      monitoringEndpoint: 'https://monitoring.example.com',
      moniker: 'mydiag',
      accountGroup: 'grp',
      tagId: 'tag',
    });
  });
  it('falls back to the gateway endpoint when the token has no Endpoint claim', () => {
    expect(parseIngestionInfo(body('opaque'), 'gcs/x').monitoringEndpoint).toBe('https://gig.example.com/');
  });
  it('names what is missing, without echoing the token', () => {
    expect(() => parseIngestionInfo('<html>', 'gcs/x')).toThrow(/not JSON/);
    expect(() => parseIngestionInfo('{}', 'gcs/x')).toThrow(/missing "IngestionGatewayInfo"/);
    const noExpiry = JSON.stringify({ IngestionGatewayInfo: { Endpoint: 'https://g', AuthToken: 'SECRET' } });
    expect(() => parseIngestionInfo(noExpiry, 'gcs/x')).toThrow(/AuthTokenExpiryTime/);
    try {
      parseIngestionInfo(body('SECRET', [{ AccountMonikerName: 'a', IsPrimaryMoniker: false }]), 'gcs/x');
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/no usable moniker.*\[a\]/);
      expect((err as Error).message).not.toContain('SECRET');
      expect(err).toMatchObject({ code: 'GENEVA_ERR_BAD_RESPONSE', retryable: false });
    }
  });
});
