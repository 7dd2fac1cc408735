/** The part of `process` the hooks use (injectable for tests). */
export interface HookableProcess {
  pid: number;
  once(event: 'beforeExit' | 'exit', listener: () => void): unknown;
  on(event: NodeJS.Signals, listener: () => void): unknown;
  removeListener(event: NodeJS.Signals, listener: () => void): unknown;
  listenerCount(event: NodeJS.Signals): number;
  kill(pid: number, signal: NodeJS.Signals): unknown;
}

/** Options of {@link installShutdownHooks}. */
export interface ShutdownHookOptions {
  /** Longest wait for the flush before giving up. */
  timeoutMs: number;
  /** Where to report a flush that failed or timed out. */
  report(message: string): void;
  /** The message for a flush that timed out (default: `flush did not finish within N ms; …`). */
  timeoutMessage?: (via: 'signal' | 'beforeExit') => string;
  signals?: readonly NodeJS.Signals[];
}

/**
 * Flushes (via `shutdown`) once when the event loop drains (`beforeExit`) or on SIGINT/SIGTERM. After a
 * signal's flush, if no other listener handles that signal, the signal is re-raised so the process ends
 * the way it would have without us (exit status 128 + signal number).
 * @returns a function that removes the hooks.
 */
export function installShutdownHooks(
  proc: HookableProcess,
  shutdown: () => Promise<void>,
  options: ShutdownHookOptions,
): () => void {
  let flushing: Promise<void> | undefined;
  const flush = (via: 'signal' | 'beforeExit'): Promise<void> => {
    flushing ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        options.report(
          options.timeoutMessage?.(via) ??
            `flush did not finish within ${options.timeoutMs} ms; exiting without it`,
        );
        resolve();
      }, options.timeoutMs);
      timer.unref();
      shutdown().then(
        () => {
          clearTimeout(timer);
          resolve();
        },
        (err: unknown) => {
          clearTimeout(timer);
          options.report(`flush failed: ${(err as Error)?.message ?? String(err)}`);
          resolve();
        },
      );
    });
    return flushing;
  };
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const signal of signals) {
    const handler = (): void => {
      void flush('signal').then(() => {
        proc.removeListener(signal, handler);
        if (proc.listenerCount(signal) === 0) proc.kill(proc.pid, signal);
      });
    };
    handlers.set(signal, handler);
    proc.on(signal, handler);
  }
  proc.once('beforeExit', () => void flush('beforeExit'));
  return () => {
    for (const [signal, handler] of handlers) proc.removeListener(signal, handler);
  };
}
