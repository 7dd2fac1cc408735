import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LoggerProvider } from '@opentelemetry/sdk-logs';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { createPipelines } from '../../../src/runtime/create-pipelines.js';
import { fixtureManifest, memorySink } from '../../helpers/fixture-manifest.js';
import { createTempProject, type TempProject } from '../../helpers/temp-project.js';

const CONFIG = `
processors:
  batch: { timeout: 50ms, send_batch_size: 10 }
exporters:
  memory:
    label: \${env:PRIMARY_LABEL}
    output: \${env:OUT}
  memory/secondary:
    label: second
service:
  pipelines:
    logs: { processors: [batch], exporters: [memory, memory/secondary] }
    traces: { exporters: [memory, memory/secondary] }
`;

let project: TempProject;
beforeEach(() => {
  project = createTempProject();
  memorySink().length = 0;
});
afterEach(() => project.cleanup());

describe('createPipelines', () => {
  it('feeds a LoggerProvider/TracerProvider pair the user builds; two named instances both receive', async () => {
    const out = join(project.dir, 'out.jsonl');
    const pipelines = createPipelines({
      manifest: fixtureManifest,
      configYaml: CONFIG,
      env: { PRIMARY_LABEL: 'first', OUT: out },
    });
    expect(pipelines.exporters.map(({ exporter: _, ...rest }) => rest)).toEqual([
      { id: 'memory', signal: 'logs', pipeline: 'logs' },
      { id: 'memory/secondary', signal: 'logs', pipeline: 'logs' },
      { id: 'memory', signal: 'traces', pipeline: 'traces' },
      { id: 'memory/secondary', signal: 'traces', pipeline: 'traces' },
    ]);
    // the exporter objects themselves (distinct per id and signal), e.g. for their stats
    expect(new Set(pipelines.exporters.map((e) => e.exporter)).size).toBe(4);
    expect(pipelines.exporters.every((e) => typeof e.exporter.export === 'function')).toBe(true);
    const loggerProvider = new LoggerProvider({ processors: pipelines.logRecordProcessors });
    const tracerProvider = new BasicTracerProvider({ spanProcessors: pipelines.spanProcessors });
    loggerProvider.getLogger('test').emit({ body: 'hello geneva', attributes: { k: 'v' } });
    tracerProvider.getTracer('test').startSpan('checkout').end();
    await pipelines.forceFlush();
    const rows = memorySink().map(
      (r) => `${r['signal']} ${r['exporter']} ${r['label']} ${r['body'] ?? r['name']}`,
    );
    expect(rows.sort()).toEqual([
      'logs memory first hello geneva',
      'logs memory/secondary second hello geneva',
      'traces memory first checkout',
      'traces memory/secondary second checkout',
    ]);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(2); // only `memory` writes the file
    await Promise.all([loggerProvider.shutdown(), tracerProvider.shutdown()]);
    await pipelines.shutdown(); // idempotent after the providers shut the processors down
  });

  it('reports every exporter whose factory rejects its config, building nothing', () => {
    const err = (() => {
      try {
        createPipelines({
          manifest: fixtureManifest,
          configYaml: `exporters: { memory: { colour: red }, memory/b: { label: 3 } }
service: { pipelines: { logs: { exporters: [memory, memory/b] } } }`,
        });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).issues).toEqual([
      {
        code: 'GENEVA_CONFIG_ERR_EXPORTER_CONFIG',
        path: 'exporters.memory',
        message: "invalid memory config: unknown key 'colour'",
      },
      {
        code: 'GENEVA_CONFIG_ERR_EXPORTER_CONFIG',
        path: 'exporters.memory/b',
        message: "invalid memory config: 'label' must be a string",
      },
    ]);
    expect((err as ConfigError).message).toMatch(
      /^invalid configuration \(config YAML\):\n {2}- exporters.memory: /,
    );
  });

  it('names the file in read and YAML errors, and requires exactly one source', () => {
    const missing = join(project.dir, 'missing.yaml');
    expect(() => createPipelines({ manifest: fixtureManifest, configPath: missing })).toThrow(
      new RegExp(`invalid configuration \\(${missing}\\):\\n  - \\(file\\): cannot read config file`),
    );
    const broken = project.write('broken.yaml', 'exporters:\n  memory: [\n');
    expect(() => createPipelines({ manifest: fixtureManifest, configPath: broken })).toThrow(/\(yaml\): /);
    expect(() => createPipelines({ manifest: fixtureManifest })).toThrow(
      /give exactly one of config, configYaml, configPath/,
    );
  });

  it('passes id, env and exporterSettings to the factory', () => {
    const seen: unknown[] = [];
    const manifest = {
      ...fixtureManifest,
      exporters: {
        memory: {
          ...fixtureManifest.exporters.memory,
          factory: () => {
            const f = fixtureManifest.exporters.memory.factory();
            return {
              ...f,
              createLogsExporter: (c: unknown, s?: { id: string }) => {
                seen.push(s);
                return f.createLogsExporter(c, s);
              },
            };
          },
        },
      },
    };
    createPipelines({
      manifest,
      config: { exporters: { memory: null }, service: { pipelines: { logs: { exporters: ['memory'] } } } },
      env: { A: '1' },
      exporterSettings: (id, signal) => ({ tag: `${id}:${signal}` }),
    });
    expect(seen).toEqual([{ tag: 'memory:logs', id: 'memory', env: { A: '1' } }]);
  });
});
