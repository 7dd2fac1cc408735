// geneva-send's report: one JSON document (--json) or a few readable lines.
import type { SignalOutcome } from './send-records.js';

/** What `geneva-send --json` prints. */
export interface SendSummary {
  ok: boolean;
  config: string;
  target: { endpoint: string; environment: string; account: string; namespace: string; authMethod: string };
  logs: SignalOutcome;
  traces: SignalOutcome;
  durationMs: number;
}

/** Human-readable summary. */
export function formatSummary(s: SendSummary): string {
  const lines = [
    `geneva-send: ${s.target.endpoint} account=${s.target.account} namespace=${s.target.namespace} auth=${s.target.authMethod}`,
  ];
  for (const [name, o] of [
    ['logs', s.logs],
    ['traces', s.traces],
  ] as const) {
    if (o.files === 0) continue;
    const unit = name === 'logs' ? 'log records' : 'spans';
    lines.push(
      `  ${name}: ${o.sent}/${o.records} ${unit} delivered from ${o.files} file(s) in ${o.exportCalls} export call(s)`,
    );
    const st = o.exporterStats;
    if (st) {
      lines.push(
        `    batches: ${st.batchesSent} sent, ${st.batchesFailed} failed; retries: ${st.batchRetries} batch, ${st.exportRetries} export`,
      );
    }
    for (const [reason, count] of Object.entries(o.dropped)) {
      const why = o.errors[reason];
      lines.push(`    NOT delivered: ${count} — ${reason}${why === undefined ? '' : `: ${why}`}`);
    }
  }
  lines.push(
    s.ok
      ? `all ${s.logs.records + s.traces.records} record(s) delivered in ${s.durationMs} ms`
      : `FAILED: ${s.logs.notDelivered + s.traces.notDelivered} record(s) not delivered (${s.durationMs} ms)`,
  );
  return lines.join('\n');
}
