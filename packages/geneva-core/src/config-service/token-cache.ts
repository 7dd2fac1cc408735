/**
 * Caches the config service's ingestion info (gateway token) until `refreshMarginMs` before
 * `AuthTokenExpiryTime`, with single flight: however many uploads wait, one config request is in
 * flight; its failure rejects every waiter and the next call tries again.
 */
import { diag } from '@opentelemetry/api';
import type { IngestionInfo } from './ingestion-info.js';

const log = diag.createComponentLogger({ namespace: 'geneva-core/token-cache' });

/** Default margin before expiry at which a cached token is no longer used: 5 minutes. */
export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;

/** Settings of {@link createTokenCache}. */
export interface TokenCacheOptions {
  /** Fetches fresh ingestion info. Receives a signal aborted when the cache is closed. */
  fetch: (signal: AbortSignal) => Promise<IngestionInfo>;
  refreshMarginMs?: number;
  now?: () => number;
}

/** The cache. */
export interface TokenCache {
  /** Cached info if still fresh, else the result of the (shared) fetch. `signal` only stops this caller's wait. */
  get(signal?: AbortSignal): Promise<IngestionInfo>;
  /** Drops `info` if it is still the cached entry (after a 401/403 from the gateway). */
  invalidate(info: IngestionInfo): void;
  /** Aborts an in-flight fetch; later calls reject. */
  close(): void;
  /** Number of config fetches started (for self-diagnostics and tests). */
  readonly fetches: number;
}

/** Creates a {@link TokenCache}. No I/O until `get()`. */
export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const { fetch, refreshMarginMs = DEFAULT_REFRESH_MARGIN_MS, now = Date.now } = options;
  const lifetime = new AbortController();
  let cached: IngestionInfo | undefined;
  let inflight: Promise<IngestionInfo> | undefined;
  let fetches = 0;

  const isFresh = (info: IngestionInfo) => info.expiresAt - refreshMarginMs > now();

  const start = (): Promise<IngestionInfo> => {
    fetches++;
    const p = fetch(lifetime.signal).then(
      (info) => {
        if (inflight === p) inflight = undefined;
        cached = info;
        if (!isFresh(info)) {
          log.warn(
            `config service token expires within the refresh margin (${refreshMarginMs} ms); it will be fetched again on every upload`,
          );
        }
        return info;
      },
      (err: unknown) => {
        if (inflight === p) inflight = undefined;
        throw err;
      },
    );
    inflight = p;
    return p;
  };

  return {
    get fetches() {
      return fetches;
    },
    get(signal) {
      if (lifetime.signal.aborted) return Promise.reject(lifetime.signal.reason);
      if (cached && isFresh(cached)) return Promise.resolve(cached);
      const shared = inflight ?? start();
      if (!signal) return shared;
      if (signal.aborted) return Promise.reject(signal.reason);
      return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    invalidate(info) {
      if (cached === info) {
        cached = undefined;
        log.debug('dropped the cached gateway token');
      }
    },
    close() {
      cached = undefined;
      lifetime.abort(new Error('token cache closed'));
    },
  };
}
