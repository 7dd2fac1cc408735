// Builds requests the way the reference client (geneva-uploader 0.4.0) does, so tests speak the protocol.
import { randomUUID } from 'node:crypto';
import type { EncodedBatch } from '@geneva-otel/geneva-core';
import { send, type TestRequestOptions, type TestResponse } from './http-request.js';

export const IDENTITY_B64 = Buffer.from('Tenant=Default/Role=GcsClient/RoleInstance=GenevaUploader').toString(
  'base64',
);

export interface ConfigTarget {
  api?: 'api' | 'userapi';
  environment?: string;
  account?: string;
  namespace?: string;
  region?: string;
  version?: number;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
}

export function configUrl(base: string, t: ConfigTarget = {}): string {
  const query: Record<string, string | undefined> = {
    Namespace: t.namespace ?? 'TestNs',
    Region: t.region ?? 'westus2',
    Identity: IDENTITY_B64,
    OSType: 'Linux',
    ConfigMajorVersion: `Ver${t.version ?? 1}v0`,
    TagId: randomUUID(),
    ...t.query,
  };
  const qs = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
    .join('&');
  return `${base}/${t.api ?? 'api'}/agent/v3/${t.environment ?? 'Test'}/${t.account ?? 'TestAccount'}/MonitoringStorageKeys/?${qs}`;
}

export function configHeaders(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const headers: Record<string, string | undefined> = {
    'User-Agent': 'geneva-emulator-test',
    Accept: 'application/json',
    'x-ms-client-request-id': randomUUID(),
    ...extra,
  };
  return Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
}

export interface IngestionInfo {
  endpoint: string;
  token: string;
  moniker: string;
  expiry: string;
  // biome-ignore lint/suspicious/noExplicitAny: the raw config JSON, asserted field by field
  raw: any;
}

/** Fetches config and picks the moniker like 0.4.0 (primary and containing "diag", else primary). */
export async function fetchConfig(
  base: string,
  t: ConfigTarget = {},
  tls: TestRequestOptions = {},
): Promise<IngestionInfo> {
  const res = await send(configUrl(base, t), { headers: configHeaders(t.headers ?? {}), ...tls });
  if (res.status !== 200) throw new Error(`config ${res.status}: ${res.text}`);
  const raw = res.json();
  const keys = raw.StorageAccountKeys as { AccountMonikerName: string; IsPrimaryMoniker: boolean }[];
  const moniker =
    keys.find((k) => k.IsPrimaryMoniker && k.AccountMonikerName.includes('diag')) ??
    keys.find((k) => k.IsPrimaryMoniker);
  const token = raw.IngestionGatewayInfo.AuthToken as string;
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
  return {
    endpoint: claims.Endpoint ?? raw.IngestionGatewayInfo.Endpoint,
    token,
    moniker: moniker!.AccountMonikerName,
    expiry: raw.IngestionGatewayInfo.AuthTokenExpiryTime,
    raw,
  };
}

export interface UploadParams {
  namespace?: string;
  version?: number;
  tenant?: string;
  role?: string;
  roleInstance?: string;
  overrides?: Record<string, string | undefined>;
}

export function uploadUrl(
  info: IngestionInfo,
  batch: Pick<EncodedBatch, 'eventName' | 'startTime' | 'endTime' | 'schemaIds' | 'rowCount' | 'data'>,
  p: UploadParams = {},
): string {
  const query: Record<string, string | undefined> = {
    endpoint: info.endpoint,
    moniker: info.moniker,
    namespace: p.namespace ?? 'TestNs',
    event: batch.eventName,
    version: `Ver${p.version ?? 1}v0`,
    sourceUniqueId: randomUUID(),
    sourceIdentity: `Tenant=${p.tenant ?? 'tenant1'}/Role=${p.role ?? 'role1'}/RoleInstance=${p.roleInstance ?? 'instance1'}`,
    startTime: batch.startTime,
    endTime: batch.endTime,
    format: 'centralbond/lz4hc',
    dataSize: String(batch.data.length),
    minLevel: '2',
    schemaIds: batch.schemaIds.join(';'),
    rowCount: String(batch.rowCount),
    ...p.overrides,
  };
  const qs = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
    .join('&');
  return `${info.raw.IngestionGatewayInfo.Endpoint}/api/v1/ingestion/ingest?${qs}`;
}

export function upload(
  info: IngestionInfo,
  batch: Parameters<typeof uploadUrl>[1],
  p: UploadParams & { body?: Uint8Array; token?: string } = {},
  tls: TestRequestOptions = {},
): Promise<TestResponse> {
  return send(uploadUrl(info, batch, p), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${p.token ?? info.token}`,
      Accept: 'application/json',
      'Content-Type': 'application/octet-stream',
    },
    body: p.body ?? batch.data,
    ...tls,
  });
}
