import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findFactoryExport } from '../../../src/builder-config/find-factory-export.js';
import { resolveComponentPackage } from '../../../src/builder-config/resolve-package.js';
import { ManifestError } from '../../../src/errors.js';
import { createTempProject, FIXTURE_COMPONENTS, type TempProject } from '../../helpers/temp-project.js';

let project: TempProject | undefined;
afterEach(() => project?.cleanup());

const META = { type: 'thing', class: 'exporter' as const, stability: { logs: 'alpha' as const } };

function localPackage(name: string, indexJs: string): string {
  project ??= createTempProject();
  project.write(
    `${name}/package.json`,
    JSON.stringify({ name: `@t/${name}`, version: '1.0.0', type: 'module', main: 'index.js' }),
  );
  project.write(
    `${name}/metadata.yaml`,
    'type: thing\nstatus: { class: exporter, stability: { alpha: [logs] } }\n',
  );
  project.write(`${name}/index.js`, indexJs);
  return join(project.dir, name);
}

const codeOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as ManifestError).message;

describe('resolveComponentPackage', () => {
  it('finds metadata through otelComponent.metadata and the ESM entry through main', () => {
    const pkg = resolveComponentPackage(
      { package: '@fixture/logs-only-exporter', path: join(FIXTURE_COMPONENTS, 'logs-only-exporter') },
      'exporters[0]',
      '/',
    );
    expect(pkg.metadataFile).toBe(join(FIXTURE_COMPONENTS, 'logs-only-exporter/component/metadata.yaml'));
    expect(pkg.entryFile).toBe(join(FIXTURE_COMPONENTS, 'logs-only-exporter/main.js'));
  });

  it('rejects a path holding another package, or no package at all', () => {
    const wrongName = () =>
      resolveComponentPackage(
        { package: '@t/other', path: join(FIXTURE_COMPONENTS, 'a-receiver') },
        'exporters[2]',
        '/',
      );
    expect(wrongName).toThrow(ManifestError);
    expect(wrongName).toThrow('exporters[2] (@t/other): unknown package: ');
    expect(wrongName).toThrow("holds '@fixture/a-receiver', not '@t/other'");
    expect(() =>
      resolveComponentPackage({ package: '@t/x', path: './nowhere' }, 'exporters[0]', '/tmp'),
    ).toThrow("unknown package: no package.json in path './nowhere'");
  });
});

describe('findFactoryExport (discovery by importing the entry)', () => {
  it('picks the one create…Factory export whose factory has the metadata type', async () => {
    const root = localPackage(
      'two',
      "export const createOtherFactory = () => ({ type: 'other' });\nexport const createThingFactory = () => ({ type: 'thing' });\n",
    );
    const pkg = resolveComponentPackage({ package: '@t/two', path: root }, 'exporters[0]', '/');
    expect(await findFactoryExport(pkg, META, 'exporters[0] (@t/two)', undefined)).toBe('createThingFactory');
  });

  it('asks for factory: when none or several exports match, or the entry cannot be imported', async () => {
    const none = localPackage(
      'none',
      "export const createOtherFactory = () => ({ type: 'other' });\nexport const x = 1;\n",
    );
    const pkgNone = resolveComponentPackage({ package: '@t/none', path: none }, 'exporters[0]', '/');
    expect(await codeOf(findFactoryExport(pkgNone, META, 'exporters[0] (@t/none)', undefined))).toMatch(
      /returns a factory of type 'other' but .* says type 'thing'/,
    );
    const empty = localPackage('empty', 'export const x = 1;\n');
    const pkgEmpty = resolveComponentPackage({ package: '@t/empty', path: empty }, 'exporters[0]', '/');
    expect(await codeOf(findFactoryExport(pkgEmpty, META, 'exporters[0] (@t/empty)', undefined))).toMatch(
      /^exporters\[0\] \(@t\/empty\): no export of .* returns a factory of type 'thing'; set 'factory:'/,
    );
    const several = localPackage(
      'several',
      "export const createAFactory = () => ({ type: 'thing' });\nexport const newBFactory = () => ({ type: 'thing' });\n",
    );
    const pkgSeveral = resolveComponentPackage({ package: '@t/several', path: several }, 'exporters[0]', '/');
    expect(await codeOf(findFactoryExport(pkgSeveral, META, 'x', undefined))).toMatch(
      /several exports make a 'thing' factory \(createAFactory, newBFactory\)/,
    );
    const broken = localPackage('broken', 'throw new Error("not built");\n');
    const pkgBroken = resolveComponentPackage({ package: '@t/broken', path: broken }, 'exporters[0]', '/');
    expect(await codeOf(findFactoryExport(pkgBroken, META, 'x', undefined))).toMatch(
      /cannot import .* \(not built\); build the package or set 'factory:'/,
    );
    // An explicit name is trusted when the entry cannot be imported (e.g. --check before a build).
    expect(await findFactoryExport(pkgBroken, META, 'x', 'createThingFactory')).toBe('createThingFactory');
  });
});
