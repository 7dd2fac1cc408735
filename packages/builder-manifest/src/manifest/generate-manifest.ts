import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LoadedBuilderConfig, loadBuilderConfig } from '../builder-config/builder-config.js';
import { emitManifestJson, emitManifestModule } from './emit-manifest.js';
import { emitManifestDts, emitManifestJs } from './emit-manifest-js.js';
import { MANIFEST_FILES } from './manifest-files.js';
import type { ManifestModel } from './manifest-types.js';
import { resolveManifest } from './resolve-manifest.js';

/** What happened to one generated file. */
export interface GeneratedFile {
  path: string;
  status: 'written' | 'unchanged' | 'drift' | 'missing';
}

/** Result of {@link generateManifest}. */
export interface GenerateResult {
  model: ManifestModel;
  files: GeneratedFile[];
  /** False when `check` found a generated file missing or different from what the config produces. */
  ok: boolean;
}

/** Options of {@link generateManifest}. */
export interface GenerateOptions {
  /** Builder config file (`builder-config.yaml`). */
  config: string;
  /** Compare instead of writing: report drift, write nothing. */
  check?: boolean;
}

const readOrUndefined = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** Renders the manifest files of an already-loaded builder config (path → content). */
export async function renderManifest(
  loaded: LoadedBuilderConfig,
): Promise<{ model: ManifestModel; contents: Map<string, string> }> {
  const model = await resolveManifest(loaded);
  const contents = new Map<string, string>([
    [join(loaded.outputDir, MANIFEST_FILES.ts), await emitManifestModule(model)],
    [join(loaded.outputDir, MANIFEST_FILES.js), emitManifestJs(model)],
    [join(loaded.outputDir, MANIFEST_FILES.dts), emitManifestDts(model)],
    [join(loaded.outputDir, MANIFEST_FILES.json), emitManifestJson(model)],
  ]);
  return { model, contents };
}

/** Writes rendered files (only those that changed). */
export function writeRendered(outputDir: string, contents: Map<string, string>): GeneratedFile[] {
  mkdirSync(outputDir, { recursive: true });
  return [...contents].map(([path, text]) => {
    if (readOrUndefined(path) === text) return { path, status: 'unchanged' as const };
    writeFileSync(path, text);
    return { path, status: 'written' as const };
  });
}

/**
 * `geneva-manifest generate`: reads the builder config, resolves every component and writes
 * `components.ts`, `components.js` + `components.d.ts` (plain ESM) and `components.json` into
 * `dist.output_path`. Deterministic: the same config and
 * installed packages give byte-identical files. With `check`, writes nothing and reports drift.
 */
export async function generateManifest(options: GenerateOptions): Promise<GenerateResult> {
  const loaded = loadBuilderConfig(options.config);
  const { model, contents } = await renderManifest(loaded);
  if (!options.check) return { model, files: writeRendered(loaded.outputDir, contents), ok: true };
  const files = [...contents].map(([path, text]): GeneratedFile => {
    const current = readOrUndefined(path);
    if (current === undefined) return { path, status: 'missing' };
    return { path, status: current === text ? 'unchanged' : 'drift' };
  });
  return { model, files, ok: files.every((f) => f.status === 'unchanged') };
}
