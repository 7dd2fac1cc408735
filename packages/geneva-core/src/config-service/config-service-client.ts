/**
 * One request to the Geneva config service (`MonitoringStorageKeys`): URL, headers, bearer
 * token or mutual TLS, response classification and parsing.
 */
import { randomUUID } from 'node:crypto';
import { platform } from 'node:os';
import { diag } from '@opentelemetry/api';
import { acquireEntraToken, type EntraTokenSource } from '../auth/credential.js';
import { classifyStatus, classifyTransportError, describeEndpoint } from '../send/classify.js';
import { PermanentError } from '../send/errors.js';
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

/** Creates a {@link ConfigServiceClient}. No I/O until called. */
export function createConfigServiceClient(options: ConfigServiceClientOptions): ConfigServiceClient {
  const { target, http, userAgent, tokenSource } = options;
  return {
    async fetchIngestionInfo(signal) {
      const url = buildConfigServiceUrl(target);
      const endpoint = describeEndpoint(url);
      const requestId = randomUUID();
      const headers: Record<string, string> = {
        'user-agent': userAgent,
        accept: 'application/json',
        'x-ms-client-request-id': requestId,
      };
      if (tokenSource) headers['authorization'] = `Bearer ${await acquireEntraToken(tokenSource, signal)}`;
      log.debug(`requesting ingestion info from ${endpoint} (request id ${requestId})`);
      const ctx = { phase: 'config_service' as const, endpoint };
      let res: Awaited<ReturnType<HttpClient['send']>>;
      try {
        res = await http.send({ method: 'GET', url, headers, ...(signal ? { signal } : {}) });
      } catch (err) {
        throw classifyTransportError(err, ctx);
      }
      if (res.status >= 300 && res.status < 400) {
        throw new PermanentError(
          'GENEVA_ERR_REDIRECT',
          `Geneva config service at ${endpoint} answered HTTP ${res.status} (redirect not followed)`,
          { ...ctx, status: res.status },
        );
      }
      if (res.status < 200 || res.status >= 300) throw classifyStatus(res.status, res.headers, res.body, ctx);
      const info = parseIngestionInfo(res.body, endpoint);
      log.debug(`ingestion info: gateway ${describeEndpoint(info.gatewayEndpoint)}, moniker ${info.moniker}`);
      return info;
    },
  };
}
