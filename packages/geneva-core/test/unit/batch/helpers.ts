import type {
  EncoderIdentity,
  ExportLogsServiceRequest,
  ExportTraceServiceRequest,
  LogRecord,
  Span,
} from '../../../src/encoding.js';

export const IDENTITY: EncoderIdentity = {
  namespace: 'testNs',
  environment: 'Test',
  configMajorVersion: 2,
  tenant: 'tenantA',
  roleName: 'roleB',
  roleInstance: 'inst-1',
};

export const ENV_COLUMNS = {
  env_name: 'Test',
  env_ver: 'Ver2v0',
  Tenant: 'tenantA',
  Role: 'roleB',
  RoleInstance: 'inst-1',
};

export function logRequest(records: LogRecord[]): ExportLogsServiceRequest {
  return { resourceLogs: [{ scopeLogs: [{ logRecords: records }] }] };
}

export function spanRequest(spans: Span[]): ExportTraceServiceRequest {
  return { resourceSpans: [{ scopeSpans: [{ spans }] }] };
}

/** JSON with bigints as `<n>n`, for readable failure output. */
export function show(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));
}
