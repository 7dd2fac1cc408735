// Issues, validates and revokes every token the emulator hands out.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IssuedToken } from '../types.js';
import { type JwtClaims, signJwt, verifyJwt } from './jwt.js';

/** Why a bearer token was refused (stable codes, used in 401 bodies and the request log). */
export type TokenProblem =
  | 'TOKEN_MISSING'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_REVOKED'
  | 'TOKEN_WRONG_KIND';

export interface TokenCheck {
  ok: boolean;
  problem?: TokenProblem;
  message?: string;
  claims?: JwtClaims;
  record?: IssuedToken;
}

export interface TokenRegistry {
  issue(
    kind: IssuedToken['kind'],
    audience: string,
    extra?: Record<string, unknown>,
    meta?: { scope?: string; clientId?: string; lifetimeSeconds?: number },
  ): { token: string; expiresAt: Date; record: IssuedToken };
  check(token: string | undefined, kinds: IssuedToken['kind'][]): TokenCheck;
  revokeAll(): void;
  setLifetime(seconds: number): void;
  lifetime(): number;
  list(): IssuedToken[];
}

/** Creates a registry whose tokens are HS256 JWTs signed with a random per-emulator key. */
export function createTokenRegistry(initialLifetimeSeconds: number): TokenRegistry {
  const key = randomBytes(32);
  const records = new Map<string, IssuedToken>();
  let lifetimeSeconds = initialLifetimeSeconds;

  return {
    issue(kind, audience, extra = {}, meta = {}) {
      const now = Date.now();
      const life = meta.lifetimeSeconds ?? lifetimeSeconds;
      const expiresAtMs = now + life * 1000;
      const jti = randomUUID();
      const claims: JwtClaims = {
        ...extra,
        aud: audience,
        jti,
        iat: Math.floor(now / 1000),
        nbf: Math.floor(now / 1000),
        exp: Math.floor(expiresAtMs / 1000),
        kind,
      };
      const record: IssuedToken = {
        id: jti,
        kind,
        audience,
        ...(meta.scope !== undefined ? { scope: meta.scope } : {}),
        ...(meta.clientId !== undefined ? { clientId: meta.clientId } : {}),
        issuedAt: new Date(now).toISOString(),
        expiresAt: new Date(expiresAtMs).toISOString(),
        revoked: false,
      };
      records.set(jti, record);
      return { token: signJwt(claims, key), expiresAt: new Date(expiresAtMs), record };
    },
    check(token, kinds) {
      if (!token) return { ok: false, problem: 'TOKEN_MISSING', message: 'no bearer token' };
      const claims = verifyJwt(token, key);
      const record = claims ? records.get(claims.jti) : undefined;
      if (!claims || !record) {
        return { ok: false, problem: 'TOKEN_INVALID', message: 'token was not issued by this emulator' };
      }
      if (!kinds.includes(record.kind)) {
        return {
          ok: false,
          problem: 'TOKEN_WRONG_KIND',
          message: `a ${record.kind} token is not accepted here (expected ${kinds.join(' or ')})`,
        };
      }
      if (record.revoked) return { ok: false, problem: 'TOKEN_REVOKED', message: 'token was revoked' };
      if (Date.parse(record.expiresAt) <= Date.now()) {
        return { ok: false, problem: 'TOKEN_EXPIRED', message: `token expired at ${record.expiresAt}` };
      }
      return { ok: true, claims, record };
    },
    revokeAll() {
      for (const r of records.values()) r.revoked = true;
    },
    setLifetime(seconds) {
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError(`token lifetime must be a non-negative number of seconds, got ${seconds}`);
      }
      lifetimeSeconds = seconds;
    },
    lifetime: () => lifetimeSeconds,
    list: () => [...records.values()].map((r) => ({ ...r })),
  };
}
