import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute folder of the fixture component packages. */
export const FIXTURE_COMPONENTS = fileURLToPath(new URL('../fixtures/components/', import.meta.url));

/** The monorepo root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Fixture folder → package name. */
export const FIXTURE_PACKAGES = {
  'memory-exporter': '@fixture/memory-exporter',
  'logs-only-exporter': '@fixture/logs-only-exporter',
  'a-receiver': '@fixture/a-receiver',
  'no-metadata': '@fixture/no-metadata',
  'duplicate-type': '@fixture/memory-exporter-copy',
} as const;

export type FixtureName = keyof typeof FIXTURE_PACKAGES;

/** A throw-away project folder with fixture packages installed in its node_modules. */
export interface TempProject {
  dir: string;
  write(relative: string, text: string): string;
  cleanup(): void;
}

/** Creates a temp folder and copies the named fixture packages into `node_modules/<package name>`. */
export function createTempProject(installed: readonly FixtureName[] = []): TempProject {
  const dir = mkdtempSync(join(tmpdir(), 'geneva-manifest-'));
  // Type declarations of the fixtures import @opentelemetry/*: make them resolvable from the temp folder.
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(
    join(REPO_ROOT, 'node_modules', '@opentelemetry'),
    join(dir, 'node_modules', '@opentelemetry'),
    'dir',
  );
  for (const name of installed) {
    const target = join(dir, 'node_modules', FIXTURE_PACKAGES[name]);
    mkdirSync(target, { recursive: true });
    cpSync(join(FIXTURE_COMPONENTS, name), target, { recursive: true });
  }
  return {
    dir,
    write(relative, text) {
      const file = join(dir, relative);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A builder config listing `exporters` entries (YAML snippets without the leading dash). */
export function builderConfig(entries: { exporters?: string[]; receivers?: string[] } = {}): string {
  const section = (name: string, list?: string[]) =>
    list ? `${name}:\n${list.map((e) => `  - ${e.replace(/\n/g, '\n    ')}`).join('\n')}\n` : '';
  return `dist:\n  name: test-dist\n  description: Test distribution\n  output_path: ./generated\n${section('exporters', entries.exporters)}${section('receivers', entries.receivers)}`;
}
