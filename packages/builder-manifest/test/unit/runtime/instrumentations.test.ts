import { InstrumentationBase } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  instrumentationPackage,
  loadInstrumentations,
  parseInstrumentationList,
} from '../../../src/runtime/instrumentations.js';
import { getGenevaPipelines, setGenevaPipelines } from '../../../src/runtime/pipelines-registry.js';
import type { PipelinesHandle } from '../../../src/runtime/start-pipelines.js';

describe('OTEL_GENEVA_INSTRUMENTATIONS', () => {
  it('parses a comma/space separated list, without duplicates, and names a bad entry', () => {
    expect(parseInstrumentationList(' http, undici  http', 'VAR')).toEqual(['http', 'undici']);
    expect(parseInstrumentationList('', 'VAR')).toEqual([]);
    expect(() => parseInstrumentationList('http,@evil/pkg', 'VAR')).toThrow(
      "VAR: '@evil/pkg' is not an instrumentation name",
    );
    expect(instrumentationPackage('http')).toBe('@opentelemetry/instrumentation-http');
  });

  it('loads the real @opentelemetry/instrumentation-http class (disabled again after the test)', async () => {
    const [http] = await loadInstrumentations(['http']);
    try {
      expect(http).toBeInstanceOf(HttpInstrumentation);
      expect(http).toBeInstanceOf(InstrumentationBase);
      expect(http?.instrumentationName).toBe('@opentelemetry/instrumentation-http');
    } finally {
      http?.disable();
    }
  });

  it('lists every package that is missing or has no single instrumentation class', async () => {
    const importer = async (spec: string): Promise<Record<string, unknown>> => {
      if (spec === '@opentelemetry/instrumentation-two') {
        return { AInstrumentation: class {}, BInstrumentation: class {} };
      }
      throw Object.assign(new Error(`Cannot find package '${spec}'`), { code: 'ERR_MODULE_NOT_FOUND' });
    };
    const err = await loadInstrumentations(['undici', 'two'], { importer, cwd: '/nonexistent' }).catch(
      (e: unknown) => e as Error,
    );
    expect((err as Error).message).toBe(
      "cannot load instrumentations: 'undici': @opentelemetry/instrumentation-undici is not installed (npm install @opentelemetry/instrumentation-undici); " +
        "'two': @opentelemetry/instrumentation-two exports no single instrumentation class (found: AInstrumentation, BInstrumentation)",
    );
  });
});

describe('getGenevaPipelines', () => {
  afterEach(() => setGenevaPipelines(undefined));

  it('reads the handle from globalThis[Symbol.for("geneva-otel.pipelines")]', () => {
    expect(getGenevaPipelines()).toBeUndefined();
    const handle = { forceFlush: async () => undefined } as unknown as PipelinesHandle;
    (globalThis as Record<symbol, unknown>)[Symbol.for('geneva-otel.pipelines')] = handle;
    expect(getGenevaPipelines()).toBe(handle);
  });
});
