import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import semver from 'semver';
import { ManifestError } from '../errors.js';
import type { BuilderComponentEntry } from './builder-config.js';

/** A component package found on disk. */
export interface ResolvedPackage {
  /** Absolute package folder. */
  root: string;
  name: string;
  version: string;
  /** Absolute path of the component's `metadata.yaml`. */
  metadataFile: string;
  /** Absolute path of the ESM entry (`exports["."]`, `module` or `main`). */
  entryFile: string;
  /** `otelComponent.factory` from package.json, if declared. */
  declaredFactory?: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  main?: string;
  module?: string;
  exports?: unknown;
  otelComponent?: { metadata?: string; factory?: string };
}

/** Finds `node_modules/<name>` from `fromDir` upward, the way Node resolves a bare specifier. */
function findInNodeModules(name: string, fromDir: string): string | undefined {
  let dir = resolve(fromDir);
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Picks a file target out of a package.json `exports` value for one subpath (import, then default). */
function exportTarget(exports: unknown, subpath: string): string | undefined {
  if (exports === undefined || exports === null) return undefined;
  const isMap = typeof exports === 'object' && !Array.isArray(exports);
  const keys = isMap ? Object.keys(exports as object) : [];
  const hasSubpaths = keys.some((k) => k.startsWith('.'));
  let target: unknown;
  if (subpath === '.' && (typeof exports === 'string' || (isMap && !hasSubpaths))) target = exports;
  else if (isMap && hasSubpaths) target = (exports as Record<string, unknown>)[subpath];
  for (let depth = 0; depth < 4 && target && typeof target === 'object'; depth++) {
    const t = target as Record<string, unknown>;
    target = t['import'] ?? t['node'] ?? t['default'];
  }
  return typeof target === 'string' ? target : undefined;
}

/**
 * Locates an entry's package (its `path:` folder, or `node_modules` from `configDir` upward), checks its
 * name and `version` range, and finds its `metadata.yaml`: the `./metadata.yaml` export, then
 * `otelComponent.metadata` in package.json, then `metadata.yaml` at the package root.
 */
export function resolveComponentPackage(
  entry: BuilderComponentEntry,
  where: string,
  configDir: string,
): ResolvedPackage {
  const label = `${where} (${entry.package})`;
  const root = entry.path ? resolve(configDir, entry.path) : findInNodeModules(entry.package, configDir);
  if (!root || !existsSync(join(root, 'package.json'))) {
    const hint = entry.path
      ? `no package.json in path '${entry.path}' (${root})`
      : `not found in node_modules from ${configDir} upward; install it first (npm install ${entry.package})`;
    throw new ManifestError('GENEVA_MANIFEST_ERR_UNKNOWN_PACKAGE', `unknown package: ${hint}`, label);
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  if (pkg.name !== entry.package) {
    throw new ManifestError(
      'GENEVA_MANIFEST_ERR_UNKNOWN_PACKAGE',
      `unknown package: ${root} holds '${pkg.name ?? '(no name)'}', not '${entry.package}'`,
      label,
    );
  }
  const version = pkg.version ?? '0.0.0';
  if (entry.version && !semver.satisfies(version, entry.version, { includePrerelease: true })) {
    throw new ManifestError(
      'GENEVA_MANIFEST_ERR_VERSION_MISMATCH',
      `installed version ${version} does not satisfy '${entry.version}'`,
      label,
    );
  }
  const candidates = [
    exportTarget(pkg.exports, './metadata.yaml'),
    pkg.otelComponent?.metadata,
    'metadata.yaml',
  ];
  const metadataFile = candidates
    .filter((c): c is string => typeof c === 'string')
    .map((c) => resolve(root, c))
    .find((f) => existsSync(f));
  if (!metadataFile) {
    throw new ManifestError(
      'GENEVA_MANIFEST_ERR_NO_METADATA',
      `package without metadata: no metadata.yaml in ${root} (export './metadata.yaml' or set otelComponent.metadata in package.json)`,
      label,
    );
  }
  const entryRel = exportTarget(pkg.exports, '.') ?? pkg.module ?? pkg.main ?? 'index.js';
  const resolved: ResolvedPackage = {
    root,
    name: entry.package,
    version,
    metadataFile,
    entryFile: resolve(root, entryRel),
  };
  if (pkg.otelComponent?.factory) resolved.declaredFactory = pkg.otelComponent.factory;
  return resolved;
}
