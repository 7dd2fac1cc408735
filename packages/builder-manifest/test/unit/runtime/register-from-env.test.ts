// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are collector ${env:NAME} references, not templates
import { EventEmitter } from 'node:events';
import { context, diag, propagation, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getGenevaPipelines, setGenevaPipelines } from '../../../src/runtime/pipelines-registry.js';
import { type RegisterOptions, registerFromEnv } from '../../../src/runtime/register-from-env.js';
import type { HookableProcess } from '../../../src/runtime/shutdown-hooks.js';
import { fixtureManifest, memorySink } from '../../helpers/fixture-manifest.js';
import { createTempProject, type TempProject } from '../../helpers/temp-project.js';

let project: TempProject;
beforeEach(() => {
  project = createTempProject();
  memorySink().length = 0;
});
afterEach(() => {
  setGenevaPipelines(undefined);
  project.cleanup();
  trace.disable();
  logs.disable();
  context.disable();
  propagation.disable();
  diag.disable();
});

async function run(env: Record<string, string>, extra: Partial<RegisterOptions> = {}) {
  const lines: string[] = [];
  const exits: number[] = [];
  const proc = Object.assign(new EventEmitter(), { pid: 1, kill: () => true }) as unknown as HookableProcess &
    EventEmitter;
  const handle = await registerFromEnv({
    env,
    loadDefaultManifest: async () => fixtureManifest,
    stderr: (l) => lines.push(l),
    exit: (code) => exits.push(code),
    process: proc,
    ...extra,
  });
  return { handle, lines, exits, proc };
}

describe('registerFromEnv', () => {
  it('starts pipelines from OTEL_GENEVA_CONFIG and flushes on beforeExit', async () => {
    const config = project.write(
      'otel.yaml',
      'exporters: { memory: { label: "${env:LABEL}" } }\nservice: { pipelines: { logs: { exporters: [memory] } } }\n',
    );
    const { handle, lines, exits, proc } = await run({ OTEL_GENEVA_CONFIG: config, LABEL: 'from-env' });
    expect(handle).toBeDefined();
    expect(lines).toEqual([]);
    expect(exits).toEqual([]);
    logs.getLogger('x').emit({ body: 'registered' });
    proc.emit('beforeExit');
    await handle!.shutdown();
    expect(memorySink()).toEqual([expect.objectContaining({ label: 'from-env', body: 'registered' })]);
  });

  it('publishes the handle for getGenevaPipelines(); instrumentations: hook first, then the SDK gets them', async () => {
    const config = project.write(
      'otel.yaml',
      'exporters: { memory: }\nservice: { pipelines: { traces: { exporters: [memory] } } }\n',
    );
    const calls: string[] = [];
    const { handle, lines } = await run(
      { OTEL_GENEVA_CONFIG: config, OTEL_GENEVA_INSTRUMENTATIONS: 'http, undici' },
      {
        registerEsmLoaderHook: () => calls.push('hook'),
        loadInstrumentations: async (names) => {
          calls.push(`load ${names.join(',')}`);
          return [];
        },
      },
    );
    expect(lines).toEqual([]);
    expect(calls).toEqual(['hook', 'load http,undici']);
    expect(getGenevaPipelines()).toBe(handle);
    expect(getGenevaPipelines()?.pipelines.exporters.map((e) => [e.id, e.signal])).toEqual([
      ['memory', 'traces'],
    ]);
    await handle!.shutdown();
  });

  it('a failing instrumentation load stops the app like a bad config, and publishes nothing', async () => {
    const config = project.write(
      'otel.yaml',
      'exporters: { memory: }\nservice: { pipelines: { traces: { exporters: [memory] } } }\n',
    );
    const { handle, lines, exits } = await run(
      { OTEL_GENEVA_CONFIG: config, OTEL_GENEVA_INSTRUMENTATIONS: 'undici' },
      {
        registerEsmLoaderHook: () => undefined,
        loadInstrumentations: async () => {
          throw new Error(
            "cannot load instrumentations: 'undici': @opentelemetry/instrumentation-undici is not installed",
          );
        },
      },
    );
    expect(handle).toBeUndefined();
    expect(exits).toEqual([1]);
    expect(lines[0]).toContain('@opentelemetry/instrumentation-undici is not installed');
    expect(getGenevaPipelines()).toBeUndefined();
  });

  it('exits 1 with every problem listed when the config is bad', async () => {
    const config = project.write(
      'bad.yaml',
      'exporters: { nope: }\nservice: { pipelines: { metrics: { exporters: [nope] } } }\n',
    );
    const { handle, lines, exits } = await run({ OTEL_GENEVA_CONFIG: config });
    expect(handle).toBeUndefined();
    expect(exits).toEqual([1]);
    expect(lines[0]).toContain(`geneva-otel: invalid configuration (${config}):`);
    expect(lines[0]).toContain("- exporters.nope: unknown exporter type 'nope'");
    expect(lines[0]).toContain('- service.pipelines.metrics: metrics pipelines are not supported');
    expect(lines[0]).toContain('exiting (set OTEL_GENEVA_ON_CONFIG_ERROR=continue to run without export)');
  });

  it('continues without export when asked to', async () => {
    const { handle, lines, exits } = await run({ OTEL_GENEVA_ON_CONFIG_ERROR: 'continue' });
    expect(handle).toBeUndefined();
    expect(exits).toEqual([]);
    expect(lines[0]).toMatch(/OTEL_GENEVA_CONFIG is not set[\s\S]*continuing without exporting telemetry/);
  });

  it('rejects bad register settings and a manifest module that is not a manifest', async () => {
    expect((await run({ OTEL_GENEVA_ON_CONFIG_ERROR: 'maybe' })).lines[0]).toMatch(
      /must be 'exit' or 'continue', got 'maybe'/,
    );
    const config = project.write(
      'ok.yaml',
      'exporters: { memory: }\nservice: { pipelines: { logs: { exporters: [memory] } } }\n',
    );
    const timeout = await run({ OTEL_GENEVA_CONFIG: config, OTEL_GENEVA_SHUTDOWN_TIMEOUT_MS: 'soon' });
    expect(timeout.exits).toEqual([1]);
    expect(timeout.lines[0]).toMatch(/OTEL_GENEVA_SHUTDOWN_TIMEOUT_MS must be a positive number/);
    const notManifest = project.write('not-manifest.mjs', 'export const x = 1;\n');
    const bad = await run({ OTEL_GENEVA_CONFIG: config, OTEL_GENEVA_MANIFEST: notManifest });
    expect(bad.lines[0]).toMatch(/cannot start: .*not-manifest.mjs does not export a components manifest/);
  });
});
