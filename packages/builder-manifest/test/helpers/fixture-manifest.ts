import type { ComponentsManifest } from '../../src/index.js';
import { createLogsOnlyFactory } from '../fixtures/components/logs-only-exporter/main.js';
import { createMemoryExporterFactory } from '../fixtures/components/memory-exporter/index.js';

/** A hand-written manifest over the fixture components, for runtime tests that do not run the generator. */
export const fixtureManifest = {
  dist: { name: 'fixture-dist', description: 'fixture' },
  exporters: {
    memory: {
      type: 'memory',
      package: '@fixture/memory-exporter',
      version: '1.2.3',
      factory: createMemoryExporterFactory,
      stability: { logs: 'alpha', traces: 'beta' },
    },
    logsonly: {
      type: 'logsonly',
      package: '@fixture/logs-only-exporter',
      version: '0.3.0',
      factory: createLogsOnlyFactory,
      stability: { logs: 'development' },
    },
  },
  receivers: {},
  processors: {},
} as const satisfies ComponentsManifest;

/** Rows the memory exporter wrote in this process. */
export function memorySink(): Record<string, unknown>[] {
  const key = Symbol.for('fixture.memory-exporter');
  const g = globalThis as unknown as Record<symbol, Record<string, unknown>[] | undefined>;
  g[key] ??= [];
  return g[key];
}
