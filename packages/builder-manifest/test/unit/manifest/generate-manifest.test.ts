import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Project } from 'ts-morph';
import { afterEach, describe, expect, it } from 'vitest';
import { GENERATED_MARKER, generateManifest, ManifestError } from '../../../src/index.js';
import { builderConfig, createTempProject, type TempProject } from '../../helpers/temp-project.js';

const MANIFEST_TYPES = fileURLToPath(new URL('../../../src/manifest/manifest-types.ts', import.meta.url));
let project: TempProject | undefined;
afterEach(() => project?.cleanup());

async function expectManifestError(config: string, code: string, text: RegExp): Promise<void> {
  const err = await generateManifest({ config }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ManifestError);
  expect((err as ManifestError).code).toBe(code);
  expect((err as ManifestError).message).toMatch(text);
}

describe('generateManifest', () => {
  it('writes a deterministic, marked TS module and JSON form that compile and import', async () => {
    project = createTempProject(['memory-exporter', 'logs-only-exporter']);
    const config = project.write(
      'builder-config.yaml',
      builderConfig({
        exporters: [
          "package: '@fixture/memory-exporter'\nversion: ^1.2.0",
          "package: '@fixture/logs-only-exporter'",
        ],
      }),
    );
    const first = await generateManifest({ config });
    expect(first.files.map((f) => basename(f.path))).toEqual([
      'components.ts',
      'components.js',
      'components.d.ts',
      'components.json',
    ]);
    expect(first.files.map((f) => f.status)).toEqual(['written', 'written', 'written', 'written']);
    const tsFile = join(project.dir, 'generated/components.ts');
    const ts = readFileSync(tsFile, 'utf8');
    expect(ts.split('\n')[0]).toBe(`// ${GENERATED_MARKER}`);
    expect(ts).toContain("import { createMemoryExporterFactory } from '@fixture/memory-exporter';");
    expect(ts).toContain("import { createLogsOnlyFactory } from '@fixture/logs-only-exporter';");
    expect(ts.indexOf('logsonly:')).toBeLessThan(ts.indexOf('memory:')); // sorted by type
    const json = JSON.parse(readFileSync(join(project.dir, 'generated/components.json'), 'utf8'));
    expect(json.exporters).toEqual([
      expect.objectContaining({
        type: 'logsonly',
        factory: 'createLogsOnlyFactory',
        stability: { logs: 'development' },
      }),
      expect.objectContaining({
        type: 'memory',
        version: '1.2.3',
        stability: { logs: 'alpha', traces: 'beta' },
      }),
    ]);

    const again = await generateManifest({ config });
    expect(again.files.map((f) => f.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(readFileSync(tsFile, 'utf8')).toBe(ts);
    const jsFile = join(project.dir, 'generated/components.js');
    const dtsFile = join(project.dir, 'generated/components.d.ts');
    for (const file of [jsFile, dtsFile]) {
      expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(`// ${GENERATED_MARKER}`);
    }

    // Plain node imports components.js (no TypeScript loader) and gets the same manifest.
    const printed = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { components } = await import(${JSON.stringify(pathToFileURL(jsFile).href)});` +
          `console.log(JSON.stringify({ types: Object.keys(components.exporters), factory: components.exporters.memory.factory().type, stability: components.exporters.logsonly.stability }));`,
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(printed)).toEqual({
      types: ['logsonly', 'memory'],
      factory: 'memory',
      stability: { logs: 'development' },
    });

    // Compile: the module typechecks strictly and satisfies ComponentsManifest.
    project.write(
      'check.ts',
      `import { components, type ExporterType } from './generated/components.js';\n` +
        `import type { ComponentsManifest } from '${MANIFEST_TYPES.replace(/\\/g, '/')}';\n` +
        `export const m: ComponentsManifest = components;\nexport const t: ExporterType[] = ['memory', 'logsonly'];\n` +
        `// @ts-expect-error not a type in this manifest\nexport const bad: ExporterType = 'otlp';\n`,
    );
    const tsProject = new Project({
      compilerOptions: {
        strict: true,
        module: 99,
        moduleResolution: 100,
        target: 9,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
    });
    // The same checks against components.d.ts (the declarations of components.js).
    project.write(
      'check-dts.ts',
      `import type { components as c, ExporterType } from './generated/components.d.ts';\n` +
        `import type { ComponentsManifest } from '${MANIFEST_TYPES.replace(/\\/g, '/')}';\n` +
        `export type M = typeof c extends ComponentsManifest ? true : never;\nexport const yes: M = true;\n` +
        `export const t: ExporterType[] = ['memory', 'logsonly'];\n` +
        `// @ts-expect-error not a type in this manifest\nexport const bad: ExporterType = 'otlp';\n`,
    );
    tsProject.addSourceFilesAtPaths([
      tsFile,
      dtsFile,
      join(project.dir, 'check.ts'),
      join(project.dir, 'check-dts.ts'),
    ]);
    const diagnostics = tsProject
      .getPreEmitDiagnostics()
      .map((d) => `${d.getSourceFile()?.getBaseName()}: ${d.getMessageText()}`);
    expect(diagnostics).toEqual([]);

    // Import: the factories work.
    const mod = (await import(tsFile)) as typeof import('../../helpers/fixture-manifest.js');
    const { components } = mod as unknown as {
      components: typeof import('../../helpers/fixture-manifest.js').fixtureManifest;
    };
    expect(components.exporters.memory.factory().type).toBe('memory');
    expect(components.exporters.logsonly.stability).toEqual({ logs: 'development' });
  });

  it('--check reports drift and a missing file without writing', async () => {
    project = createTempProject(['memory-exporter']);
    const config = project.write(
      'builder-config.yaml',
      builderConfig({ exporters: ["package: '@fixture/memory-exporter'"] }),
    );
    const missing = await generateManifest({ config, check: true });
    expect(missing.ok).toBe(false);
    expect(missing.files.map((f) => f.status)).toEqual(['missing', 'missing', 'missing', 'missing']);
    await generateManifest({ config });
    expect((await generateManifest({ config, check: true })).ok).toBe(true);
    const jsonFile = join(project.dir, 'generated/components.json');
    writeFileSync(jsonFile, readFileSync(jsonFile, 'utf8').replace('1.2.3', '1.2.4'));
    const drift = await generateManifest({ config, check: true });
    expect(drift.ok).toBe(false);
    expect(drift.files.find((f) => f.path === jsonFile)?.status).toBe('drift');
    expect(readFileSync(jsonFile, 'utf8')).toContain('1.2.4'); // check never writes
    const jsFile = join(project.dir, 'generated/components.js');
    writeFileSync(jsonFile, readFileSync(jsonFile, 'utf8').replace('1.2.4', '1.2.3'));
    writeFileSync(jsFile, readFileSync(jsFile, 'utf8').replace("'1.2.3'", "'1.2.4'"));
    const jsDrift = await generateManifest({ config, check: true });
    expect(jsDrift.files.filter((f) => f.status === 'drift').map((f) => f.path)).toEqual([jsFile]);
  });

  it('imports a path: entry by relative specifier', async () => {
    project = createTempProject();
    const fixtures = fileURLToPath(new URL('../../fixtures/components/memory-exporter', import.meta.url));
    const config = project.write(
      'builder-config.yaml',
      builderConfig({ exporters: [`package: '@fixture/memory-exporter'\npath: ${fixtures}`] }),
    );
    await generateManifest({ config });
    const ts = readFileSync(join(project.dir, 'generated/components.ts'), 'utf8');
    expect(ts).toMatch(/from '\.\.\/.*fixtures\/components\/memory-exporter\/index\.js'/);
    const { components } = (await import(join(project.dir, 'generated/components.ts'))) as {
      components: { exporters: { memory: { factory: () => { type: string } } } };
    };
    expect(components.exporters.memory.factory().type).toBe('memory');
  });

  describe('errors name the entry', () => {
    it('unknown package', async () => {
      project = createTempProject();
      const config = project.write(
        'builder-config.yaml',
        builderConfig({ exporters: ["package: '@fixture/nope'"] }),
      );
      await expectManifestError(
        config,
        'GENEVA_MANIFEST_ERR_UNKNOWN_PACKAGE',
        /^exporters\[0\] \(@fixture\/nope\): unknown package: not found/,
      );
    });
    it('package without metadata', async () => {
      project = createTempProject(['no-metadata']);
      const config = project.write(
        'builder-config.yaml',
        builderConfig({ exporters: ["package: '@fixture/no-metadata'"] }),
      );
      await expectManifestError(
        config,
        'GENEVA_MANIFEST_ERR_NO_METADATA',
        /^exporters\[0\] \(@fixture\/no-metadata\): package without metadata/,
      );
    });
    it('two components with one type', async () => {
      project = createTempProject(['memory-exporter', 'duplicate-type']);
      const config = project.write(
        'builder-config.yaml',
        builderConfig({
          exporters: ["package: '@fixture/memory-exporter'", "package: '@fixture/memory-exporter-copy'"],
        }),
      );
      await expectManifestError(
        config,
        'GENEVA_MANIFEST_ERR_DUPLICATE_TYPE',
        /^exporters\[1\] \(@fixture\/memory-exporter-copy\): two components with type 'memory': this one and exporters\[0\] \(@fixture\/memory-exporter\)/,
      );
    });
    it('class mismatch', async () => {
      project = createTempProject(['a-receiver']);
      const config = project.write(
        'builder-config.yaml',
        builderConfig({ exporters: ["package: '@fixture/a-receiver'"] }),
      );
      await expectManifestError(
        config,
        'GENEVA_MANIFEST_ERR_CLASS_MISMATCH',
        /^exporters\[0\] \(@fixture\/a-receiver\): class mismatch: listed under 'exporters' but its metadata.yaml says class 'receiver'/,
      );
    });
    it('version range not satisfied', async () => {
      project = createTempProject(['memory-exporter']);
      const config = project.write(
        'builder-config.yaml',
        builderConfig({ exporters: ["package: '@fixture/memory-exporter'\nversion: ^2.0.0"] }),
      );
      await expectManifestError(
        config,
        'GENEVA_MANIFEST_ERR_VERSION_MISMATCH',
        /installed version 1\.2\.3 does not satisfy '\^2\.0\.0'/,
      );
    });
    it('factory export that does not exist', async () => {
      project = createTempProject(['memory-exporter']);
      const config = project.write(
        'builder-config.yaml',
        builderConfig({ exporters: ["package: '@fixture/memory-exporter'\nfactory: createNothing"] }),
      );
      await expectManifestError(
        config,
        'GENEVA_MANIFEST_ERR_NO_FACTORY',
        /'createNothing' is not a function exported by/,
      );
    });
    it('metadata type different from the factory type', async () => {
      project = createTempProject(['memory-exporter']);
      const metadata = join(project.dir, 'node_modules/@fixture/memory-exporter/metadata.yaml');
      writeFileSync(metadata, readFileSync(metadata, 'utf8').replace('type: memory', 'type: other'));
      const config = project.write(
        'builder-config.yaml',
        builderConfig({
          exporters: ["package: '@fixture/memory-exporter'\nfactory: createMemoryExporterFactory"],
        }),
      );
      await expectManifestError(
        config,
        'GENEVA_MANIFEST_ERR_BAD_METADATA',
        /returns a factory of type 'memory' but .* says type 'other'/,
      );
    });
  });
});

describe('emitManifestModule', () => {
  it('escapes quotes, newlines and comment terminators from the builder config', async () => {
    const { emitManifestModule } = await import('../../../src/manifest/emit-manifest.js');
    const text = await emitManifestModule({
      dist: { name: "it's */ odd", description: 'line one\nline two \\ end' },
      source: './b.yaml',
      exporters: [],
      receivers: [],
      processors: [],
    });
    expect(text).toContain("name: 'it\\'s */ odd',");
    expect(text).toContain("description: 'line one\\nline two \\\\ end',");
    expect(text).toContain("/** Components of the `it's *\\/ odd` distribution");
    const { Project } = await import('ts-morph');
    const file = new Project({ useInMemoryFileSystem: true }).createSourceFile('c.ts', text);
    expect(file.getProject().getProgram().getSyntacticDiagnostics(file)).toEqual([]);
    expect(file.getVariableDeclarationOrThrow('components').getInitializerOrThrow().getText()).toContain(
      'as const',
    );
  });
});
