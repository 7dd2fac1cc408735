import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type HookableProcess, installShutdownHooks } from '../../../src/runtime/shutdown-hooks.js';

function fakeProcess() {
  const emitter = new EventEmitter();
  const kills: string[] = [];
  const proc = Object.assign(emitter, {
    pid: 4242,
    kill: (_pid: number, signal: NodeJS.Signals) => kills.push(signal),
  }) as unknown as HookableProcess & EventEmitter;
  return { proc, kills };
}

afterEach(() => vi.useRealTimers());

describe('installShutdownHooks', () => {
  it('flushes once on beforeExit', async () => {
    const { proc, kills } = fakeProcess();
    const shutdown = vi.fn(async () => {});
    installShutdownHooks(proc, shutdown, { timeoutMs: 1000, report: () => {} });
    proc.emit('beforeExit');
    proc.emit('beforeExit');
    await Promise.resolve();
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(kills).toEqual([]);
  });

  it('on SIGTERM flushes, then re-raises the signal when nobody else listens', async () => {
    const { proc, kills } = fakeProcess();
    let finish!: () => void;
    const shutdown = vi.fn(() => new Promise<void>((r) => (finish = r)));
    installShutdownHooks(proc, shutdown, { timeoutMs: 1000, report: () => {} });
    proc.emit('SIGTERM');
    await Promise.resolve();
    expect(kills).toEqual([]); // still flushing
    finish();
    await vi.waitFor(() => expect(kills).toEqual(['SIGTERM']));
    expect(proc.listenerCount('SIGTERM')).toBe(0);
  });

  it('leaves the exit to the app when it has its own handler', async () => {
    const { proc, kills } = fakeProcess();
    proc.on('SIGINT', () => {});
    installShutdownHooks(proc, async () => {}, { timeoutMs: 1000, report: () => {} });
    proc.emit('SIGINT');
    await new Promise((r) => setImmediate(r));
    expect(kills).toEqual([]);
  });

  it('reports the timeout with the given message, saying how the flush was triggered', async () => {
    vi.useFakeTimers();
    const { proc } = fakeProcess();
    const reports: string[] = [];
    installShutdownHooks(proc, () => new Promise<void>(() => {}), {
      timeoutMs: 300,
      report: (m) => reports.push(m),
      timeoutMessage: (via) => `timed out via ${via}`,
    });
    proc.emit('beforeExit');
    await vi.advanceTimersByTimeAsync(300);
    expect(reports).toEqual(['timed out via beforeExit']);
  });

  it('gives up after the timeout and reports failures', async () => {
    vi.useFakeTimers();
    const { proc, kills } = fakeProcess();
    const reports: string[] = [];
    installShutdownHooks(proc, () => new Promise<void>(() => {}), {
      timeoutMs: 500,
      report: (m) => reports.push(m),
    });
    proc.emit('SIGINT');
    await vi.advanceTimersByTimeAsync(500);
    expect(reports).toEqual(['flush did not finish within 500 ms; exiting without it']);
    expect(kills).toEqual(['SIGINT']);

    const second = fakeProcess();
    installShutdownHooks(second.proc, async () => Promise.reject(new Error('gateway down')), {
      timeoutMs: 500,
      report: (m) => reports.push(m),
    });
    second.proc.emit('beforeExit');
    await vi.advanceTimersByTimeAsync(0);
    expect(reports[1]).toBe('flush failed: gateway down');
  });
});
