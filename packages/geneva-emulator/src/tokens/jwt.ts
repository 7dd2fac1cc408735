// Minimal HS256 JSON Web Tokens (sign and verify) on node:crypto.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims the emulator puts in its tokens. */
export type JwtClaims = Record<string, unknown> & { jti: string; exp: number; iat: number };

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** Signs `claims` with HMAC-SHA256. */
export function signJwt(claims: JwtClaims, key: Buffer): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac('sha256', key).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** Returns the claims of a token signed with `key`, or undefined when malformed or forged. */
export function verifyJwt(token: string, key: Buffer): JwtClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [head, body, sig] = parts as [string, string, string];
  const expected = createHmac('sha256', key).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
    if (header.alg !== 'HS256') return undefined;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as JwtClaims;
    if (typeof claims !== 'object' || claims === null || typeof claims.jti !== 'string') return undefined;
    return claims;
  } catch {
    return undefined;
  }
}
