// Validation of the config service request (wire format §2): path, query and headers.
import type { IncomingMessage } from 'node:http';
import { badQuery, ProtocolError } from '../http/protocol-error.js';

export interface ConfigRequest {
  api: 'api' | 'userapi';
  environment: string;
  account: string;
  namespace: string;
  region: string;
  identity: string;
  osType: string;
  configMajorVersion: string;
  tagId: string;
}

const PATH = /^\/(api|userapi)\/agent\/v3\/([^/]+)\/([^/]+)\/MonitoringStorageKeys\/?$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const VERSION = /^Ver(\d+)v0$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const IDENTITY = /^Tenant=[^/]+\/Role=[^/]+\/RoleInstance=[^/]+$/;
const OS_TYPES = ['Linux', 'Windows', 'Darwin'];
const KNOWN = ['Namespace', 'Region', 'Identity', 'OSType', 'ConfigMajorVersion', 'TagId'];

/** Returns the single value of a required query parameter. */
export function single(params: URLSearchParams, name: string): string {
  const all = params.getAll(name);
  if (all.length === 0) throw badQuery(name, 'missing');
  if (all.length > 1) throw badQuery(name, `given ${all.length} times`);
  const value = all[0]!;
  if (value === '') throw badQuery(name, 'empty');
  return value;
}

/** Checks that the request carries only known query parameters. */
export function rejectUnknown(params: URLSearchParams, known: string[]): void {
  for (const name of new Set(params.keys())) {
    if (!known.includes(name)) throw badQuery(name, `unknown parameter (expected only ${known.join(', ')})`);
  }
}

/** Validates headers every client request must carry (Accept, User-Agent, x-ms-client-request-id). */
export function validateConfigHeaders(req: IncomingMessage): void {
  const accept = req.headers.accept;
  if (!accept || !/application\/json|\*\/\*/.test(accept)) {
    throw new ProtocolError(
      400,
      'BAD_HEADER',
      `header 'Accept' must accept application/json, got ${JSON.stringify(accept)}`,
      'Accept',
    );
  }
  if (!req.headers['user-agent']) {
    throw new ProtocolError(400, 'BAD_HEADER', `header 'User-Agent' is missing`, 'User-Agent');
  }
  const requestId = req.headers['x-ms-client-request-id'];
  if (typeof requestId !== 'string' || !UUID.test(requestId)) {
    throw new ProtocolError(
      400,
      'BAD_HEADER',
      `header 'x-ms-client-request-id' must be a uuid, got ${JSON.stringify(requestId)}`,
      'x-ms-client-request-id',
    );
  }
}

/** Parses and validates `GET /{api|userapi}/agent/v3/{environment}/{account}/MonitoringStorageKeys/`. */
export function parseConfigRequest(url: URL): ConfigRequest {
  const match = PATH.exec(url.pathname);
  if (!match) {
    throw new ProtocolError(
      404,
      'BAD_PATH',
      `expected /{api|userapi}/agent/v3/{environment}/{account}/MonitoringStorageKeys/, got ${url.pathname}`,
    );
  }
  const q = url.searchParams;
  rejectUnknown(q, KNOWN);
  const identity = single(q, 'Identity');
  if (!BASE64.test(identity))
    throw badQuery('Identity', 'not base64 (a "+" sent unencoded reads as a space)');
  const decoded = Buffer.from(identity, 'base64').toString('utf8');
  if (!IDENTITY.test(decoded)) {
    throw badQuery(
      'Identity',
      `base64 of ${JSON.stringify(decoded)}, expected Tenant=.../Role=.../RoleInstance=...`,
    );
  }
  const osType = single(q, 'OSType');
  if (!OS_TYPES.includes(osType))
    throw badQuery('OSType', `must be one of ${OS_TYPES.join(', ')}, got ${osType}`);
  const configMajorVersion = single(q, 'ConfigMajorVersion');
  if (!VERSION.test(configMajorVersion))
    throw badQuery('ConfigMajorVersion', `must be Ver{N}v0, got ${configMajorVersion}`);
  const tagId = single(q, 'TagId');
  if (!UUID.test(tagId)) throw badQuery('TagId', `must be a uuid, got ${tagId}`);
  return {
    api: match[1] as 'api' | 'userapi',
    environment: decodeURIComponent(match[2]!),
    account: decodeURIComponent(match[3]!),
    namespace: single(q, 'Namespace'),
    region: single(q, 'Region'),
    identity: decoded,
    osType,
    configMajorVersion,
    tagId,
  };
}
