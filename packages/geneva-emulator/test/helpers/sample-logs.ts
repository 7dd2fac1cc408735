// OTLP/JSON log requests for tests (shaped like the Go exporter's sample payload).
import { type EncodedBatch, type ExportLogsServiceRequest, encodeLogs } from '@geneva-otel/geneva-core';

export const IDENTITY = {
  namespace: 'TestNs',
  environment: 'Test',
  configMajorVersion: 1,
  tenant: 'tenant1',
  roleName: 'role1',
  roleInstance: 'instance1',
};

/** `count` log records named `eventName` (empty = default `Log` table). */
export function sampleLogs(count = 2, eventName = ''): ExportLogsServiceRequest {
  const base = 1_717_243_200_123_456_700n;
  return {
    resourceLogs: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'test-service' } }] },
        scopeLogs: [
          {
            scope: { name: 'test-scope', version: '1.0.0' },
            logRecords: Array.from({ length: count }, (_, i) => ({
              timeUnixNano: (base + BigInt(i) * 1_000_000n).toString(),
              observedTimeUnixNano: (base + BigInt(i) * 1_000_000n).toString(),
              severityNumber: 9,
              severityText: 'INFO',
              ...(eventName ? { eventName } : {}),
              body: { stringValue: `message ${i}` },
              traceId: '0102030405060708090a0b0c0d0e0f10',
              spanId: '0102030405060708',
              attributes: [
                { key: 'http.method', value: { stringValue: 'GET' } },
                { key: 'http.status_code', value: { intValue: '200' } },
                { key: 'big', value: { intValue: '9007199254740993' } },
                { key: 'ratio', value: { doubleValue: 0.5 } },
                { key: 'ok', value: { boolValue: true } },
              ],
            })),
          },
        ],
      },
    ],
  } as ExportLogsServiceRequest;
}

export function encodedSampleBatches(count = 2, eventName = ''): EncodedBatch[] {
  const result = encodeLogs(sampleLogs(count, eventName), IDENTITY);
  if (result.batches.length === 0)
    throw new Error(`encoder produced no batch: ${JSON.stringify(result.rejected)}`);
  return result.batches;
}
