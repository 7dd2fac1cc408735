// Shared helpers of the geneva-core ↔ emulator integration tests.
import type { ExportLogsServiceRequest, GenevaClientConfig } from '@geneva-otel/geneva-core';
import type { GenevaEmulator } from '@geneva-otel/geneva-emulator';

/** A client config pointing at the emulator (auth supplied by the test). */
export function clientConfig(
  emulator: GenevaEmulator,
  auth: GenevaClientConfig['auth'],
  extra: Partial<GenevaClientConfig> = {},
): GenevaClientConfig {
  return {
    endpoint: emulator.url,
    environment: 'Test',
    account: 'IntegrationAcct',
    namespace: 'IntegrationNs',
    region: 'westus2',
    configMajorVersion: 2,
    tenant: 'it-tenant',
    roleName: 'it-role',
    roleInstance: 'it-role-0',
    auth,
    ca: emulator.caCertPem,
    ...extra,
  };
}

/** An OTLP/JSON logs request with `count` records, all with the given event name. */
export function logsRequest(count: number, eventName = '', body = 'hello'): ExportLogsServiceRequest {
  const now = BigInt(Date.now()) * 1_000_000n;
  return {
    resourceLogs: [
      {
        resource: { attributes: [] },
        scopeLogs: [
          {
            scope: { name: 'it' },
            logRecords: Array.from({ length: count }, (_, i) => ({
              timeUnixNano: String(now + BigInt(i)),
              severityNumber: 9,
              severityText: 'INFO',
              ...(eventName ? { eventName } : {}),
              body: { stringValue: `${body} ${i}` },
              attributes: [{ key: 'i', value: { intValue: String(i) } }],
            })),
          },
        ],
      },
    ],
  } as ExportLogsServiceRequest;
}

const ENV_KEYS = [
  'IDENTITY_ENDPOINT',
  'IDENTITY_HEADER',
  'AZURE_CLIENT_ID',
  'AZURE_TENANT_ID',
  'AZURE_FEDERATED_TOKEN_FILE',
  'AZURE_AUTHORITY_HOST',
  'AZURE_POD_IDENTITY_AUTHORITY_HOST',
  'MSI_ENDPOINT',
  'MSI_SECRET',
  'IDENTITY_SERVER_THUMBPRINT',
  'IMDS_ENDPOINT',
];

/** Snapshot of the identity-related environment, restored by the returned function. */
export function saveIdentityEnv(): () => void {
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) delete process.env[k];
  return () => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  };
}
