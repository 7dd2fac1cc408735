/**
 * One request to the Geneva config service (`MonitoringStorageKeys`): URL, headers, bearer
 * token or mutual TLS, response classification and parsing.
 */
import { randomUUID } from 'node:crypto';
import { platform } from 'node:os';
import { diag } from '@opentelemetry/api';
import { acquireEntraToken, type EntraTokenSource } from '../auth/credential.js';
import { refreshEntraToken } from '../auth/token-refresh.js';
import { classifyStatus, classifyTransportError, describeEndpoint } from '../send/classify.js';
import { AuthError, PermanentError, RetryableError } from '../send/errors.js';
import type { HttpClient } from '../transport/http-client.js';
import { type IngestionInfo, parseIngestionInfo } from './ingestion-info.js';

const log = diag.createComponentLogger({ namespace: 'geneva-core/config-service' });

/** Identity the config service sees: fixed by the protocol (as 0.4.0 sends it). */
export const CONFIG_SERVICE_IDENTITY = 'Tenant=Default/Role=GcsClient/RoleInstance=GenevaUploader';

/** What the config-service request is built from. */
export interface ConfigServiceTarget {
  endpoint: string;
  environment: string;
  account: string;
  namespace: string;
  region: string;
  configMajorVersion: number;
  /** `api` for certificate (mutual TLS) auth, `userapi` for bearer tokens. */
  apiPath: 'api' | 'userapi';
}

/** `Linux`, `Windows` or `Darwin` (other platforms pass through as Node names them). */
export function osType(p: string = platform()): string {
  return ({ linux: 'Linux', win32: 'Windows', darwin: 'Darwin' } as Record<string, string>)[p] ?? p;
}

/**
 * Builds the config-service URL: path segments and every query value percent-encoded, query
 * keys in the protocol's order, a fresh `TagId` each call.
 */
export function buildConfigServiceUrl(target: ConfigServiceTarget, tagId: string = randomUUID()): URL {
  const base = target.endpoint.replace(/\/+$/, '');
  const path = `${target.apiPath}/agent/v3/${encodeURIComponent(target.environment)}/${encodeURIComponent(target.account)}/MonitoringStorageKeys/`;
  const query: Array<[string, string]> = [
    ['Namespace', target.namespace],
    ['Region', target.region],
    ['Identity', Buffer.from(CONFIG_SERVICE_IDENTITY, 'utf8').toString('base64')],
    ['OSType', osType()],
    ['ConfigMajorVersion', `Ver${target.configMajorVersion}v0`],
    ['TagId', tagId],
  ];
  return new URL(`${base}/${path}?${query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`);
}

/** Dependencies of {@link createConfigServiceClient}. */
export interface ConfigServiceClientOptions {
  target: ConfigServiceTarget;
  http: HttpClient;
  userAgent: string;
  /** Bearer-token source; undefined for certificate (mutual TLS) auth. */
  tokenSource?: EntraTokenSource;
}

/** Fetches fresh ingestion info (no caching here: see token-cache.ts). */
export interface ConfigServiceClient {
  fetchIngestionInfo(signal?: AbortSignal): Promise<IngestionInfo>;
}

/**
 * Creates a {@link ConfigServiceClient}. No I/O until called.
 *
 * With bearer-token auth, a 401/403 from the config service gets ONE retry with a new Entra ID
 * token that bypasses @azure/identity's cache (see auth/token-refresh.ts); a second 401/403 is an
 * {@link AuthError}. When the credential can only offer the rejected token again, the failure is a
 * RetryableError (`GENEVA_ERR_AUTH`): the cached token expires and a later attempt can succeed.
 */
export function createConfigServiceClient(options: ConfigServiceClientOptions): ConfigServiceClient {
  const { target, http, userAgent, tokenSource } = options;

  const request = async (token: string | undefined, signal: AbortSignal | undefined) => {
    const url = buildConfigServiceUrl(target);
    const endpoint = describeEndpoint(url);
    const requestId = randomUUID();
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: 'application/json',
      'x-ms-client-request-id': requestId,
    };
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    log.debug(`requesting ingestion info from ${endpoint} (request id ${requestId})`);
    const ctx = { phase: 'config_service' as const, endpoint };
    let res: Awaited<ReturnType<HttpClient['send']>>;
    try {
      res = await http.send({ method: 'GET', url, headers, ...(signal ? { signal } : {}) });
    } catch (err) {
      throw classifyTransportError(err, ctx);
    }
    return { res, ctx };
  };

  return {
    async fetchIngestionInfo(signal) {
      const token = tokenSource ? await acquireEntraToken(tokenSource, signal) : undefined;
      let { res, ctx } = await request(token, signal);
      if (tokenSource && token !== undefined && (res.status === 401 || res.status === 403)) {
        const first = classifyStatus(res.status, res.headers, res.body, ctx);
        log.info(
          `config service answered HTTP ${res.status}; getting a new ${tokenSource.description} token and retrying once`,
        );
        const fresh = await refreshEntraToken(tokenSource, token, signal);
        if (fresh === undefined) {
          throw new RetryableError(
            'GENEVA_ERR_AUTH',
            `${first.message}; ${tokenSource.description} offered only the same cached token again (it cannot be refreshed before it expires), will retry later`,
            { status: res.status, endpoint: ctx.endpoint, phase: 'config_service', cause: first },
          );
        }
        ({ res, ctx } = await request(fresh, signal));
        if (res.status === 401 || res.status === 403) {
          const second = classifyStatus(res.status, res.headers, res.body, ctx);
          throw new AuthError(`${second.message} (after one token refresh)`, {
            status: res.status,
            endpoint: ctx.endpoint,
            phase: 'config_service',
          });
        }
      }
      if (res.status >= 300 && res.status < 400) {
        throw new PermanentError(
          'GENEVA_ERR_REDIRECT',
          `Geneva config service at ${ctx.endpoint} answered HTTP ${res.status} (redirect not followed)`,
          { ...ctx, status: res.status },
        );
      }
      if (res.status < 200 || res.status >= 300) throw classifyStatus(res.status, res.headers, res.body, ctx);
      const info = parseIngestionInfo(res.body, ctx.endpoint);
      log.debug(`ingestion info: gateway ${describeEndpoint(info.gatewayEndpoint)}, moniker ${info.moniker}`);
      return info;
    },
  };
}
