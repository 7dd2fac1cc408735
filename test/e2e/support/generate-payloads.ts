// Larger OTLP/JSON payloads with one unique id per record, to check delivery exactly once.

/** `count` log records, alternating between two event names, each with a unique `record.id`. */
export function logsPayload(count: number, prefix: string): object {
  const base = 1_700_000_000_000_000_000n;
  return {
    resourceLogs: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'fault-run' } }] },
        scopeLogs: [
          {
            scope: { name: 'e2e' },
            logRecords: Array.from({ length: count }, (_, i) => ({
              timeUnixNano: String(base + BigInt(i) * 1_000_000n),
              severityNumber: 9,
              severityText: 'INFO',
              ...(i % 2 === 1 ? { eventName: 'AuditEvent' } : {}),
              body: { stringValue: `record ${i}` },
              attributes: [
                { key: 'record.id', value: { stringValue: `${prefix}-${i}` } },
                { key: 'seq', value: { intValue: String(i) } },
              ],
            })),
          },
        ],
      },
    ],
  };
}

/** `count` spans with unique span ids and a `record.id`. */
export function tracesPayload(count: number, prefix: string): object {
  const base = 1_700_000_000_000_000_000n;
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'fault-run' } }] },
        scopeSpans: [
          {
            scope: { name: 'e2e' },
            spans: Array.from({ length: count }, (_, i) => ({
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: (0x1000000000000000n + BigInt(i)).toString(16),
              name: `op-${i % 7}`,
              kind: 2,
              startTimeUnixNano: String(base + BigInt(i) * 1_000_000n),
              endTimeUnixNano: String(base + BigInt(i) * 1_000_000n + 500_000n),
              attributes: [{ key: 'record.id', value: { stringValue: `${prefix}-${i}` } }],
              status: {},
            })),
          },
        ],
      },
    ],
  };
}
