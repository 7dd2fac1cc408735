import { DiagLogLevel } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { cliLogLevel, createStderrDiagLogger } from '../../../src/cli/cli-diag.js';

describe('geneva-send diagnostics', () => {
  it('defaults to warn and honours OTEL_LOG_LEVEL', () => {
    expect(cliLogLevel({})).toBe(DiagLogLevel.WARN);
    expect(cliLogLevel({ OTEL_LOG_LEVEL: 'debug' })).toBe(DiagLogLevel.DEBUG);
    expect(cliLogLevel({ OTEL_LOG_LEVEL: 'nonsense' })).toBe(DiagLogLevel.WARN);
  });
  it('writes one line per message, errors by their message', () => {
    const lines: string[] = [];
    const log = createStderrDiagLogger((t) => lines.push(t));
    log.warn('geneva-otel/deliver', 'dropping batch', new Error('HTTP 400'));
    expect(lines).toEqual(['geneva-send [warn] geneva-otel/deliver dropping batch HTTP 400']);
  });
});
