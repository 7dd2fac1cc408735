/**
 * Error classes of the Geneva client. Every error carries a stable `code` (`GENEVA_ERR_*`) and a
 * `retryable` flag; branch on those (or on the guards below), never on message text.
 *
 * Messages name the HTTP status, the event and the endpoint (host and path only): they never
 * contain tokens, passwords or query strings.
 */

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export type GenevaErrorCode =
  | 'GENEVA_ERR_INVALID_CONFIG'
  | 'GENEVA_ERR_CERTIFICATE'
  | 'GENEVA_ERR_AUTH'
  | 'GENEVA_ERR_CONFIG_SERVICE'
  | 'GENEVA_ERR_BAD_RESPONSE'
  | 'GENEVA_ERR_HTTP_STATUS'
  | 'GENEVA_ERR_THROTTLED'
  | 'GENEVA_ERR_TIMEOUT'
  | 'GENEVA_ERR_NETWORK'
  | 'GENEVA_ERR_TLS'
  | 'GENEVA_ERR_REDIRECT'
  | 'GENEVA_ERR_ENCODING'
  | 'GENEVA_ERR_INVALID_BATCH'
  | 'GENEVA_ERR_ABORTED'
  | 'GENEVA_ERR_CLOSED'
  | 'GENEVA_ERR_RETRIES_EXHAUSTED';

/** Where in the client an error happened. */
export type GenevaErrorPhase = 'config' | 'auth' | 'config_service' | 'upload' | 'encode' | 'retry';

/** Optional context attached to an error (all of it safe to log). */
export interface GenevaErrorDetails {
  /** HTTP status, when the error comes from a response. */
  status?: number;
  /** Event (table) name of the batch, for uploads. */
  eventName?: string;
  /** `host/path` of the request, without query string. */
  endpoint?: string;
  phase?: GenevaErrorPhase;
  cause?: unknown;
}

/** Base class of every error this package throws. */
export class GenevaError extends Error {
  readonly code: GenevaErrorCode;
  /** True when trying the same request again later may succeed. */
  readonly retryable: boolean = false;
  readonly status?: number;
  readonly eventName?: string;
  readonly endpoint?: string;
  readonly phase?: GenevaErrorPhase;

  constructor(code: GenevaErrorCode, message: string, details: GenevaErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GenevaError';
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.eventName !== undefined) this.eventName = details.eventName;
    if (details.endpoint !== undefined) this.endpoint = details.endpoint;
    if (details.phase !== undefined) this.phase = details.phase;
  }
}

/** A failure that may go away: 429, 408, 5xx, connection errors and resets, timeouts. */
export class RetryableError extends GenevaError {
  override readonly retryable = true;
  /** Server-requested delay from `Retry-After`, in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(
    code: GenevaErrorCode,
    message: string,
    details: GenevaErrorDetails & { retryAfterMs?: number } = {},
  ) {
    super(code, message, details);
    this.name = 'RetryableError';
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/** A failure that the same request will hit again: other 4xx, encoding errors, bad config. */
export class PermanentError extends GenevaError {
  constructor(code: GenevaErrorCode, message: string, details: GenevaErrorDetails = {}) {
    super(code, message, details);
    this.name = 'PermanentError';
  }
}

/**
 * Authentication failed: the gateway answered 401/403 even after one token refresh, the config
 * service refused the credential, or the credential could not produce a token. Not retryable.
 */
export class AuthError extends PermanentError {
  constructor(message: string, details: GenevaErrorDetails = {}) {
    super('GENEVA_ERR_AUTH', message, details);
    this.name = 'AuthError';
  }
}

function flag(err: unknown, key: 'retryable'): boolean | undefined {
  if (err instanceof GenevaError) return err[key];
  // Duck typing so that errors from a second copy of this package (ESM + CJS) still classify.
  if (typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string') {
    const code = (err as { code: string }).code;
    const value = (err as { retryable?: unknown })[key];
    if (code.startsWith('GENEVA_ERR_') && typeof value === 'boolean') return value;
  }
  return undefined;
}

/** True for any error thrown by this package. */
export function isGenevaError(err: unknown): err is GenevaError {
  return flag(err, 'retryable') !== undefined;
}

/** True when the error is worth retrying (a {@link RetryableError} or a wrapper marked retryable). */
export function isRetryable(err: unknown): boolean {
  return flag(err, 'retryable') === true;
}

/** True for Geneva errors that retrying cannot fix (including {@link AuthError}). */
export function isPermanent(err: unknown): boolean {
  return flag(err, 'retryable') === false;
}

/** The server-requested retry delay carried by the error, if any. */
export function retryAfterMs(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const value = (err as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
