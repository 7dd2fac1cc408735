/**
 * The gateway upload URL. Same parameters, in the same order, as 0.4.0; unlike 0.4.0 every
 * query value is percent-encoded, so event names with `&`, spaces or non-ASCII survive.
 */
import { randomUUID } from 'node:crypto';
import type { IngestionInfo } from '../config-service/ingestion-info.js';

/** The parts of a batch the URL needs (a subset of the encoder's EncodedBatch). */
export interface UploadBatchMeta {
  eventName: string;
  startTime: string;
  endTime: string;
  schemaIds: readonly string[];
  rowCount: number;
  /** Body size in bytes. */
  dataSize: number;
}

/** The uploading source, as the gateway sees it. */
export interface UploadSource {
  namespace: string;
  configMajorVersion: number;
  tenant: string;
  roleName: string;
  roleInstance: string;
}

/** `Tenant={tenant}/Role={roleName}/RoleInstance={roleInstance}`. */
export function sourceIdentity(source: UploadSource): string {
  return `Tenant=${source.tenant}/Role=${source.roleName}/RoleInstance=${source.roleInstance}`;
}

/** Builds `POST {gateway}/api/v1/ingestion/ingest?...` for one batch. */
export function buildUploadUrl(
  info: Pick<IngestionInfo, 'gatewayEndpoint' | 'monitoringEndpoint' | 'moniker'>,
  batch: UploadBatchMeta,
  source: UploadSource,
  sourceUniqueId: string = randomUUID(),
): URL {
  const query: Array<[string, string]> = [
    ['endpoint', info.monitoringEndpoint],
    ['moniker', info.moniker],
    ['namespace', source.namespace],
    ['event', batch.eventName],
    ['version', `Ver${source.configMajorVersion}v0`],
    ['sourceUniqueId', sourceUniqueId],
    ['sourceIdentity', sourceIdentity(source)],
    ['startTime', batch.startTime],
    ['endTime', batch.endTime],
    ['format', 'centralbond/lz4hc'],
    ['dataSize', String(batch.dataSize)],
    ['minLevel', '2'],
    ['schemaIds', batch.schemaIds.join(';')],
    ['rowCount', String(batch.rowCount)],
  ];
  const base = info.gatewayEndpoint.replace(/\/+$/, '');
  // encodeURIComponent leaves only A-Z a-z 0-9 - _ . ! ~ * ' ( ) unescaped: safe in any query.
  const qs = query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return new URL(`${base}/api/v1/ingestion/ingest?${qs}`);
}
