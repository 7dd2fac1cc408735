// The runtime path (register, startPipelines, createPipelines) must not load the generator's heavy
// dependencies: ts-morph (the TypeScript compiler) and @geneva-otel/codegen (ajv,
// json-schema-to-typescript). The main entry is bundled from src/ as tsup does (dependencies
// external), imported by a plain node child, which then lists the CommonJS modules it loaded.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(PACKAGE_DIR, 'test/fixtures/components/memory-exporter/index.js');
let dir: string;
beforeAll(async () => {
  mkdirSync(join(PACKAGE_DIR, '.tmp'), { recursive: true });
  dir = mkdtempSync(join(PACKAGE_DIR, '.tmp', 'runtime-imports-'));
  await build({
    entryPoints: [join(PACKAGE_DIR, 'src/index.ts')],
    outfile: join(dir, 'index.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runtime imports', () => {
  it('importing the main entry and starting pipelines loads neither ts-morph nor codegen', () => {
    const script = `
      import { createRequire } from 'node:module';
      const m = await import(${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)});
      const { createMemoryExporterFactory } = await import(${JSON.stringify(pathToFileURL(FIXTURE).href)});
      const memory = { type: 'memory', package: '@fixture/memory-exporter', version: '1.2.3', factory: createMemoryExporterFactory, stability: { logs: 'alpha', traces: 'beta' } };
      const manifest = { dist: { name: 'x', description: 'x' }, exporters: { memory }, receivers: {}, processors: {} };
      const h = m.startPipelines({ manifest, configYaml: 'exporters: { memory: }\\nservice: { pipelines: { logs: { exporters: [memory] } } }\\n' });
      await h.shutdown();
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({
        tsMorph: loaded.some((f) => f.includes('ts-morph') || f.includes('/typescript/')),
        codegen: loaded.some((f) => f.includes('codegen') || f.includes('json-schema-to-typescript')),
        sdkLogs: loaded.some((f) => f.includes('sdk-logs')),
      }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      encoding: 'utf8',
    });
    // sdk-logs shows that the cache listing sees the dependencies that ARE loaded
    expect(JSON.parse(out)).toEqual({ tsMorph: false, codegen: false, sdkLogs: true });
  });
});
