/**
 * The one place where HTTP statuses and transport error codes become Geneva error classes.
 * Pure functions: no I/O, no logging.
 */
import {
  AuthError,
  type GenevaError,
  type GenevaErrorPhase,
  PermanentError,
  RetryableError,
} from './errors.js';

/** What the classifier needs to know about a failed request. */
export interface FailureContext {
  phase: GenevaErrorPhase;
  /** `host/path` of the request (no query string). */
  endpoint: string;
  eventName?: string;
  /** Current time in ms since the epoch (for HTTP-date `Retry-After`); defaults to `Date.now()`. */
  now?: number;
}

const MAX_BODY_IN_MESSAGE = 300;
const JWT_LIKE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*/g;
const BEARER = /(bearer\s+)\S+/gi;

/** Shortens a response body for an error message and masks anything shaped like a token. */
export function sanitizeBody(body: string | undefined): string {
  if (!body) return '';
  const flat = body
    .replace(/\s+/g, ' ')
    .trim()
    .replace(JWT_LIKE, '<redacted>')
    .replace(BEARER, '$1<redacted>');
  return flat.length > MAX_BODY_IN_MESSAGE ? `${flat.slice(0, MAX_BODY_IN_MESSAGE)}…` : flat;
}

/** `host/path` of a URL, for messages: never the query string, user info or fragment. */
export function describeEndpoint(url: string | URL): string {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    return `${u.host}${u.pathname}`;
  } catch {
    return '<invalid url>';
  }
}

/**
 * Parses `Retry-After` (delay-seconds or HTTP-date) into milliseconds from `now`.
 * Returns undefined for a missing or unparsable value; a date in the past gives 0.
 */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: number = Date.now(),
): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/^[A-Za-z]/.test(text)) return undefined; // HTTP-dates start with a day name
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

function what(ctx: FailureContext): string {
  const target = ctx.phase === 'upload' ? 'Geneva ingestion gateway' : 'Geneva config service';
  const event = ctx.eventName === undefined ? '' : ` for event "${ctx.eventName}"`;
  return `${target} at ${ctx.endpoint}${event}`;
}

/** True for statuses worth retrying: 408, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Classifies a non-success HTTP response. 401/403 become {@link AuthError}. */
export function classifyStatus(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  body: string | undefined,
  ctx: FailureContext,
): GenevaError {
  const text = sanitizeBody(body);
  const message = `${what(ctx)} answered HTTP ${status}${text ? `: ${text}` : ''}`;
  const details = { status, endpoint: ctx.endpoint, phase: ctx.phase, eventName: ctx.eventName };
  if (status === 401 || status === 403) return new AuthError(message, details);
  if (isRetryableStatus(status)) {
    const retryAfter = parseRetryAfter(headers['retry-after'], ctx.now);
    const code = status === 429 ? 'GENEVA_ERR_THROTTLED' : 'GENEVA_ERR_HTTP_STATUS';
    return new RetryableError(code, message, { ...details, retryAfterMs: retryAfter });
  }
  return new PermanentError('GENEVA_ERR_HTTP_STATUS', message, details);
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
]);
const NETWORK_CODES = new Set([
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('GENEVA_ERR_')) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Classifies an error thrown while sending a request (no response received). */
export function classifyTransportError(err: unknown, ctx: FailureContext, timeoutMs?: number): GenevaError {
  const details = { endpoint: ctx.endpoint, phase: ctx.phase, eventName: ctx.eventName, cause: err };
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'AbortError' && (err as { timedOut?: boolean }).timedOut !== true) {
    return new PermanentError('GENEVA_ERR_ABORTED', `request to ${what(ctx)} was aborted`, details);
  }
  const code = errorCode(err);
  if (name === 'TimeoutError' || (code !== undefined && TIMEOUT_CODES.has(code))) {
    const after = timeoutMs === undefined ? '' : ` after ${timeoutMs} ms`;
    return new RetryableError('GENEVA_ERR_TIMEOUT', `request to ${what(ctx)} timed out${after}`, details);
  }
  const reason = code ?? (err instanceof Error ? err.message : String(err));
  if (code !== undefined && (code.startsWith('ERR_TLS') || /CERT|SSL|SELF_SIGNED|VERIFY/.test(code))) {
    return new PermanentError('GENEVA_ERR_TLS', `TLS failure talking to ${what(ctx)}: ${reason}`, details);
  }
  if (code !== undefined && NETWORK_CODES.has(code)) {
    return new RetryableError('GENEVA_ERR_NETWORK', `connection to ${what(ctx)} failed: ${reason}`, details);
  }
  // Unknown transport failure: connection-level problems are usually transient.
  return new RetryableError('GENEVA_ERR_NETWORK', `request to ${what(ctx)} failed: ${reason}`, details);
}
