// geneva-send's diagnostics: an OpenTelemetry diag logger that writes every level to stderr (stdout
// stays clean for --json), at OTEL_LOG_LEVEL (default: warn), so drops and retries say why.
import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { diagLogLevelFromString } from '@opentelemetry/core';

const LEVELS = ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'VERBOSE', 'ALL'];

/** Resolves OTEL_LOG_LEVEL (case-insensitive; unknown or unset = warn). */
export function cliLogLevel(env: Record<string, string | undefined>): DiagLogLevel {
  const name = env['OTEL_LOG_LEVEL']?.trim().toUpperCase();
  if (!name || !LEVELS.includes(name)) return DiagLogLevel.WARN;
  return diagLogLevelFromString(name) ?? DiagLogLevel.WARN;
}

/** A diag logger writing `level message args…` lines through `write`. */
export function createStderrDiagLogger(write: (text: string) => void): DiagLogger {
  const at =
    (level: string) =>
    (message: string, ...args: unknown[]): void => {
      const extra = args.map((a) => (a instanceof Error ? a.message : formatArg(a))).join(' ');
      write(`geneva-send [${level}] ${message}${extra ? ` ${extra}` : ''}`);
    };
  return {
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    verbose: at('verbose'),
  };
}

/** Installs the logger globally (the bin entry only; in-process callers keep their own). */
export function installCliDiagLogger(
  env: Record<string, string | undefined>,
  write: (text: string) => void,
): void {
  diag.setLogger(createStderrDiagLogger(write), {
    logLevel: cliLogLevel(env),
    suppressOverrideMessage: true,
  });
}

function formatArg(a: unknown): string {
  if (typeof a === 'string') return a;
  try {
    return JSON.stringify(a) ?? String(a);
  } catch {
    return String(a);
  }
}
