/**
 * The client configuration: user-facing options, defaults, and validation at construction with
 * errors that name the field (and never echo a password).
 */
import type { TokenCredential } from '@azure/core-auth';
import type { Dispatcher } from 'undici';
import type { GenevaAuth } from '../auth/auth-options.js';
import { PermanentError } from '../send/errors.js';

/** Options of a {@link GenevaClient}. */
export interface GenevaClientConfig {
  /** Config service (GCS) base URL, `https://…` (plain `http://` is accepted, e.g. for the emulator). */
  endpoint: string;
  environment: string;
  account: string;
  namespace: string;
  region: string;
  /** Geneva config major version N (sent as `VerNv0`). */
  configMajorVersion: number;
  tenant: string;
  roleName: string;
  roleInstance: string;
  auth: GenevaAuth;
  /** Per-HTTP-request timeout (config service and each upload). Default 5000 ms. */
  timeoutMs?: number;
  /** Uploads in flight at once; more wait their turn. Default 8. */
  maxConcurrentUploads?: number;
  /** `User-Agent` header. Default `geneva-otel-node/0.1.0`. */
  userAgent?: string;
  /** Extra CA certificate(s) (PEM) trusted for the config service and gateway, on top of the system roots. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Stop using a cached gateway token this long before its expiry. Default 300000 (5 min). */
  tokenRefreshMarginMs?: number;
  /** Testing hook: an undici dispatcher (e.g. `MockAgent`) used for every request. */
  dispatcher?: Dispatcher;
}

/** Validated configuration with defaults applied. */
export interface ResolvedGenevaClientConfig
  extends Required<Omit<GenevaClientConfig, 'ca' | 'dispatcher'>>,
    Pick<GenevaClientConfig, 'ca' | 'dispatcher'> {}

export const DEFAULT_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_CONCURRENT_UPLOADS = 8;
export const DEFAULT_USER_AGENT = 'geneva-otel-node/0.1.0';

function invalid(field: string, reason: string): PermanentError {
  return new PermanentError(
    'GENEVA_ERR_INVALID_CONFIG',
    `invalid Geneva client config: "${field}" ${reason}`,
    {
      phase: 'config',
    },
  );
}

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, 'must be a non-empty string');
  return value;
}

function optionalString(value: unknown, field: string): void {
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
    throw invalid(field, 'must be a non-empty string when given');
  }
}

function positiveInt(value: unknown, field: string, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw invalid(
      field,
      `must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function validateAuth(auth: unknown): GenevaAuth {
  if (typeof auth !== 'object' || auth === null) throw invalid('auth', 'must be an object with a "kind"');
  const a = auth as Record<string, unknown>;
  switch (a['kind']) {
    case 'msi': {
      optionalString(a['resource'], 'auth.resource');
      const ids = (['clientId', 'objectId', 'resourceId'] as const).filter((k) => a[k] !== undefined);
      for (const k of ids) optionalString(a[k], `auth.${k}`);
      if (ids.length > 1)
        throw invalid('auth', `give at most one of clientId, objectId, resourceId (got ${ids.join(', ')})`);
      break;
    }
    case 'workload_identity':
      requireString(a['resource'], 'auth.resource');
      for (const k of ['clientId', 'tenantId', 'tokenFilePath', 'authorityHost'])
        optionalString(a[k], `auth.${k}`);
      break;
    case 'certificate':
      requireString(a['path'], 'auth.path');
      if (a['password'] !== undefined && typeof a['password'] !== 'string')
        throw invalid('auth.password', 'must be a string');
      break;
    case 'credential': {
      const c = a['credential'] as TokenCredential | undefined;
      if (typeof c?.getToken !== 'function')
        throw invalid('auth.credential', 'must be a TokenCredential (with getToken)');
      requireString(a['resource'], 'auth.resource');
      break;
    }
    default:
      throw invalid(
        'auth.kind',
        `must be one of msi, workload_identity, certificate, credential; got ${JSON.stringify(a['kind'])}`,
      );
  }
  return auth as GenevaAuth;
}

/** Validates the config and applies defaults. Throws `GENEVA_ERR_INVALID_CONFIG` naming the field. */
export function resolveClientConfig(config: GenevaClientConfig): ResolvedGenevaClientConfig {
  if (typeof config !== 'object' || config === null) throw invalid('config', 'must be an object');
  const endpoint = requireString(config.endpoint, 'endpoint');
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw invalid('endpoint', `must be an absolute URL, got ${JSON.stringify(endpoint)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid('endpoint', 'must use https:// or http://');
  if (url.search || url.hash || url.username || url.password)
    throw invalid('endpoint', 'must not contain a query, fragment or credentials');
  for (const field of [
    'environment',
    'account',
    'namespace',
    'region',
    'tenant',
    'roleName',
    'roleInstance',
  ] as const) {
    requireString(config[field], field);
  }
  const major = config.configMajorVersion;
  if (typeof major !== 'number' || !Number.isInteger(major) || major < 0 || major > 0xffffffff) {
    throw invalid(
      'configMajorVersion',
      `must be an integer in [0, 4294967295], got ${JSON.stringify(major)}`,
    );
  }
  const auth = validateAuth(config.auth);
  optionalString(config.userAgent, 'userAgent');
  return {
    ...config,
    auth,
    timeoutMs: positiveInt(config.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS),
    maxConcurrentUploads: positiveInt(
      config.maxConcurrentUploads,
      'maxConcurrentUploads',
      DEFAULT_MAX_CONCURRENT_UPLOADS,
    ),
    userAgent: config.userAgent ?? DEFAULT_USER_AGENT,
    tokenRefreshMarginMs: positiveInt(config.tokenRefreshMarginMs, 'tokenRefreshMarginMs', 5 * 60_000, true),
  };
}
