// Validation of the upload query (wire format §3) against the ingestion token's claims.
import { rejectUnknown, single, UUID, VERSION } from '../config-service/config-query.js';
import { badQuery, ProtocolError } from '../http/protocol-error.js';
import type { JwtClaims } from '../tokens/jwt.js';

export interface IngestQuery {
  endpoint: string;
  moniker: string;
  namespace: string;
  event: string;
  version: string;
  sourceUniqueId: string;
  sourceIdentity: { tenant: string; role: string; roleInstance: string };
  startTime: string;
  endTime: string;
  dataSize: number;
  minLevel: number;
  schemaIds: string[];
  rowCount: number;
}

const KNOWN = [
  'endpoint',
  'moniker',
  'namespace',
  'event',
  'version',
  'sourceUniqueId',
  'sourceIdentity',
  'startTime',
  'endTime',
  'format',
  'dataSize',
  'minLevel',
  'schemaIds',
  'rowCount',
];
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;
const SOURCE_IDENTITY = /^Tenant=([^/]*)\/Role=([^/]*)\/RoleInstance=(.*)$/;
const MD5 = /^[0-9a-f]{32}$/;

function integer(params: URLSearchParams, name: string, min: number): number {
  const raw = single(params, name);
  if (!/^\d+$/.test(raw)) throw badQuery(name, `must be a non-negative integer, got ${raw}`);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw badQuery(name, `must be an integer >= ${min}, got ${raw}`);
  return n;
}

function time(params: URLSearchParams, name: string): string {
  const value = single(params, name);
  if (!TIME.test(value) || Number.isNaN(Date.parse(value.replace(/(\.\d{3})\d{4}Z$/, '$1Z')))) {
    throw badQuery(name, `must be YYYY-MM-DDTHH:MM:SS.fffffffZ (7 fractional digits), got ${value}`);
  }
  return value;
}

/** Parses the upload query and checks it against the claims of the ingestion token. */
export function parseIngestQuery(url: URL, claims: JwtClaims): IngestQuery {
  const q = url.searchParams;
  rejectUnknown(q, KNOWN);
  const format = single(q, 'format');
  if (format !== 'centralbond/lz4hc') throw badQuery('format', `must be centralbond/lz4hc, got ${format}`);
  const endpoint = single(q, 'endpoint');
  if (endpoint !== claims['Endpoint']) {
    throw badQuery(
      'endpoint',
      `must be the token's Endpoint claim ${String(claims['Endpoint'])}, got ${endpoint}`,
    );
  }
  const moniker = single(q, 'moniker');
  if (moniker !== claims['moniker']) {
    throw badQuery('moniker', `must be the primary moniker ${String(claims['moniker'])}, got ${moniker}`);
  }
  const namespace = single(q, 'namespace');
  if (namespace !== claims['namespace']) {
    throw badQuery(
      'namespace',
      `must be the namespace the token was issued for (${String(claims['namespace'])}), got ${namespace}`,
    );
  }
  const version = single(q, 'version');
  if (!VERSION.test(version)) throw badQuery('version', `must be Ver{N}v0, got ${version}`);
  if (version !== claims['version']) {
    throw badQuery(
      'version',
      `must be the ConfigMajorVersion the token was issued for (${String(claims['version'])}), got ${version}`,
    );
  }
  const sourceUniqueId = single(q, 'sourceUniqueId');
  if (!UUID.test(sourceUniqueId)) throw badQuery('sourceUniqueId', `must be a uuid, got ${sourceUniqueId}`);
  const identity = SOURCE_IDENTITY.exec(single(q, 'sourceIdentity'));
  if (!identity)
    throw badQuery('sourceIdentity', 'must be Tenant={tenant}/Role={role}/RoleInstance={instance}');
  const startTime = time(q, 'startTime');
  const endTime = time(q, 'endTime');
  if (endTime < startTime) throw badQuery('endTime', `${endTime} is before startTime ${startTime}`);
  const schemaIds = single(q, 'schemaIds').split(';');
  schemaIds.forEach((id, i) => {
    if (!MD5.test(id))
      throw badQuery('schemaIds', `entry ${i} must be 32 lowercase hex digits, got ${JSON.stringify(id)}`);
  });
  return {
    endpoint,
    moniker,
    namespace,
    event: single(q, 'event'),
    version,
    sourceUniqueId,
    sourceIdentity: { tenant: identity[1]!, role: identity[2]!, roleInstance: identity[3]! },
    startTime,
    endTime,
    dataSize: integer(q, 'dataSize', 1),
    minLevel: integer(q, 'minLevel', 0),
    schemaIds,
    rowCount: integer(q, 'rowCount', 1),
  };
}

/** Checks the decoded blob against the query (schema ids, row count, event names, metadata). */
export function checkBlobAgainstQuery(
  query: IngestQuery,
  blob: { metadata: string; schemas: { id: number; md5: string }[]; events: { eventName: string }[] },
): void {
  const md5s = [...blob.schemas].sort((a, b) => a.id - b.id).map((s) => s.md5.toLowerCase());
  if (md5s.join(';') !== query.schemaIds.join(';')) {
    throw new ProtocolError(
      400,
      'SCHEMA_IDS_MISMATCH',
      `schemaIds ${query.schemaIds.join(';')} do not match the md5s of the blob's schemas in id order (${md5s.join(';')})`,
      'schemaIds',
    );
  }
  if (blob.events.length !== query.rowCount) {
    throw new ProtocolError(
      400,
      'ROW_COUNT_MISMATCH',
      `rowCount ${query.rowCount} but the blob holds ${blob.events.length} rows`,
      'rowCount',
    );
  }
  const wrong = blob.events.findIndex((e) => e.eventName !== query.event);
  if (wrong >= 0) {
    throw new ProtocolError(
      400,
      'EVENT_NAME_MISMATCH',
      `event entry ${wrong} is named ${JSON.stringify(blob.events[wrong]!.eventName)}, the query says ${JSON.stringify(query.event)}`,
      'event',
    );
  }
  const meta = Object.fromEntries(
    blob.metadata.split('/').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  const expected: Record<string, string> = {
    namespace: query.namespace,
    eventVersion: query.version,
    tenant: query.sourceIdentity.tenant,
    role: query.sourceIdentity.role,
    roleinstance: query.sourceIdentity.roleInstance,
  };
  for (const [key, value] of Object.entries(expected)) {
    if (meta[key] !== value) {
      throw new ProtocolError(
        400,
        'METADATA_MISMATCH',
        `blob metadata ${key}=${JSON.stringify(meta[key])} does not match the query (${JSON.stringify(value)})`,
        key,
      );
    }
  }
}
