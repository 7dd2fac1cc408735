/**
 * Parsing of the config service's answer into what uploads need: gateway endpoint, token,
 * its expiry, the monitoring endpoint (from the JWT `Endpoint` claim) and the moniker.
 */
import { PermanentError } from '../send/errors.js';
import { type StorageAccountKey, selectMoniker } from './moniker.js';

/** Everything an upload needs from the config service. */
export interface IngestionInfo {
  /** Gateway base URL the POST goes to (`IngestionGatewayInfo.Endpoint`). */
  gatewayEndpoint: string;
  /** Bearer token for the gateway. Secret: never log it. */
  authToken: string;
  /** `AuthTokenExpiryTime` in ms since the epoch. */
  expiresAt: number;
  /** Value of the `endpoint=` upload parameter: the JWT `Endpoint` claim, else the gateway endpoint. */
  monitoringEndpoint: string;
  moniker: string;
  accountGroup: string;
  tagId?: string;
}

function bad(reason: string, endpoint: string): PermanentError {
  return new PermanentError(
    'GENEVA_ERR_BAD_RESPONSE',
    `Geneva config service at ${endpoint} sent an unusable answer: ${reason}`,
    {
      phase: 'config_service',
      endpoint,
    },
  );
}

/**
 * Reads the `Endpoint` claim of a JWT's payload (base64url, padding optional; standard base64
 * accepted). Returns undefined when the token is not a JWT or has no such claim.
 */
export function jwtEndpointClaim(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1] || parts[1].length % 4 === 1) return undefined;
  try {
    const normalized = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = JSON.parse(Buffer.from(normalized, 'base64').toString('utf8')) as unknown;
    const claim = (json as { Endpoint?: unknown } | null)?.Endpoint;
    return typeof claim === 'string' && claim !== '' ? claim : undefined;
  } catch {
    return undefined;
  }
}

/** Parses a 2xx config-service body. Throws `GENEVA_ERR_BAD_RESPONSE` naming what is missing. */
export function parseIngestionInfo(body: string, endpoint: string): IngestionInfo {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw bad('the body is not JSON', endpoint);
  }
  const root = (json ?? {}) as Record<string, unknown>;
  const gig = root['IngestionGatewayInfo'] as Record<string, unknown> | undefined;
  if (!gig || typeof gig !== 'object') throw bad('missing "IngestionGatewayInfo"', endpoint);
  const gatewayEndpoint = gig['Endpoint'];
  const authToken = gig['AuthToken'];
  const expiry = gig['AuthTokenExpiryTime'];
  if (typeof gatewayEndpoint !== 'string' || gatewayEndpoint === '') {
    throw bad('missing "IngestionGatewayInfo.Endpoint"', endpoint);
  }
  if (typeof authToken !== 'string' || authToken === '')
    throw bad('missing "IngestionGatewayInfo.AuthToken"', endpoint);
  const expiresAt = typeof expiry === 'string' ? Date.parse(expiry) : Number.NaN;
  if (Number.isNaN(expiresAt)) {
    throw bad(
      `"IngestionGatewayInfo.AuthTokenExpiryTime" is not an RFC 3339 time (${JSON.stringify(expiry)})`,
      endpoint,
    );
  }
  const keys = Array.isArray(root['StorageAccountKeys'])
    ? (root['StorageAccountKeys'] as StorageAccountKey[])
    : [];
  const moniker = selectMoniker(keys);
  if (!moniker) {
    const seen = keys
      .map((k) => `${k.AccountMonikerName}${k.IsPrimaryMoniker ? ' (primary)' : ''}`)
      .join(', ');
    throw bad(
      `no usable moniker: need a primary moniker containing "diag" or a single primary moniker; got [${seen}]`,
      endpoint,
    );
  }
  const tagId = root['TagId'];
  return {
    gatewayEndpoint,
    authToken,
    expiresAt,
    monitoringEndpoint: jwtEndpointClaim(authToken) ?? gatewayEndpoint,
    moniker: moniker.name,
    accountGroup: moniker.accountGroup,
    ...(typeof tagId === 'string' ? { tagId } : {}),
  };
}
