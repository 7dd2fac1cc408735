/**
 * What the zero-code start tells the user about delivery: a default diag logger (so drops and their
 * reasons are visible), what is still pending when the exit flush times out, and one line per
 * exporter that dropped records.
 */
import { DiagConsoleLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import type { PipelinesHandle } from './start-pipelines.js';

/** The part of an exporter's `stats()` read here (the azuregigwarm exporters' `ExporterStats`). */
interface StatsLike {
  pending?: number;
  droppedTotal?: number;
  dropped?: Record<string, number>;
}

type WithStats = { stats?: () => StatsLike };

/**
 * Installs a console diag logger at `warn` unless `OTEL_LOG_LEVEL` is set (then NodeSDK installs one
 * at that level). Register runs before the app, so an app that sets its own logger later replaces it.
 */
export function installDefaultDiagLogger(env: Record<string, string | undefined>): void {
  if (env['OTEL_LOG_LEVEL']) return;
  diag.setLogger(new DiagConsoleLogger(), { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
}

function statsOf(handle: PipelinesHandle): { id: string; signal: string; stats: StatsLike }[] {
  const out: { id: string; signal: string; stats: StatsLike }[] = [];
  for (const e of handle.pipelines.exporters) {
    const stats = (e.exporter as WithStats).stats;
    if (typeof stats !== 'function') continue;
    try {
      out.push({ id: e.id, signal: e.signal, stats: stats.call(e.exporter) });
    } catch {
      // an exporter whose stats() throws has nothing to report
    }
  }
  return out;
}

/** Records queued or in flight in every exporter that reports `stats()`. */
export function pendingRecords(handle: PipelinesHandle): number {
  return statsOf(handle).reduce((n, s) => n + (s.stats.pending ?? 0), 0);
}

/** One line per exporter that dropped records: `exporter <id> (<signal>): N record(s) dropped: reason=n, …`. */
export function dropSummaryLines(handle: PipelinesHandle): string[] {
  const lines: string[] = [];
  for (const { id, signal, stats } of statsOf(handle)) {
    const total = stats.droppedTotal ?? 0;
    if (total <= 0) continue;
    const reasons = Object.entries(stats.dropped ?? {})
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `${reason}=${n}`)
      .join(', ');
    lines.push(`exporter ${id} (${signal}): ${total} record(s) NOT delivered: ${reasons}`);
  }
  return lines;
}

/** The message when the exit flush outlives its timeout, saying what really happens next. */
export function timeoutMessage(timeoutMs: number, via: 'signal' | 'beforeExit', pending: number): string {
  const head = `flush did not finish within ${timeoutMs} ms`;
  if (via === 'signal')
    return `${head}; exiting now: ${pending} record(s) still queued or in flight are lost`;
  return (
    `${head}; still delivering ${pending} record(s) in the background; the process stays up until they ` +
    `are delivered or dropped (at most the exporter's retry_on_failure.max_elapsed_time plus one request timeout)`
  );
}
