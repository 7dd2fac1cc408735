import { pathToFileURL } from 'node:url';
import { ManifestError } from '../errors.js';
import type { ComponentMetadata } from './component-metadata.js';
import type { ResolvedPackage } from './resolve-package.js';

const FACTORY_NAME = /^(create|new)\w*Factory$/;

function factoryType(fn: unknown): string | undefined {
  if (typeof fn !== 'function') return undefined;
  try {
    const factory = (fn as () => unknown)();
    const type = (factory as { type?: unknown } | null)?.type;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Names the export of the component package that returns its factory. An explicit name (`factory:` in
 * the builder config, else `otelComponent.factory` in package.json) is checked when the entry can be
 * imported; otherwise the entry is imported and the one `create…Factory` export whose factory has the
 * metadata's `type` is chosen.
 */
export async function findFactoryExport(
  pkg: ResolvedPackage,
  metadata: ComponentMetadata,
  label: string,
  explicit: string | undefined,
): Promise<string> {
  const noFactory = (message: string): never => {
    throw new ManifestError('GENEVA_MANIFEST_ERR_NO_FACTORY', message, label);
  };
  let mod: Record<string, unknown> | undefined;
  let importError: Error | undefined;
  try {
    mod = (await import(pathToFileURL(pkg.entryFile).href)) as Record<string, unknown>;
  } catch (err) {
    importError = err as Error;
  }
  const checkType = (name: string, fn: unknown): void => {
    const type = factoryType(fn);
    if (type !== undefined && type !== metadata.type) {
      throw new ManifestError(
        'GENEVA_MANIFEST_ERR_BAD_METADATA',
        `${name}() returns a factory of type '${type}' but ${pkg.metadataFile} says type '${metadata.type}'`,
        label,
      );
    }
  };
  if (explicit) {
    if (mod) {
      if (typeof mod[explicit] !== 'function')
        noFactory(`'${explicit}' is not a function exported by ${pkg.entryFile}`);
      checkType(explicit, mod[explicit]);
    }
    return explicit;
  }
  if (!mod) {
    return noFactory(
      `cannot import ${pkg.entryFile} to find its factory (${importError?.message}); build the package or set 'factory:'`,
    );
  }
  const names = Object.keys(mod)
    .filter((name) => FACTORY_NAME.test(name) && typeof mod[name] === 'function')
    .sort();
  const matching = names.filter((name) => factoryType(mod[name]) === metadata.type);
  if (matching.length === 1) return matching[0]!;
  if (matching.length > 1) {
    return noFactory(
      `several exports make a '${metadata.type}' factory (${matching.join(', ')}); set 'factory:'`,
    );
  }
  if (names.length === 1) checkType(names[0]!, mod[names[0]!]);
  return noFactory(
    `no export of ${pkg.entryFile} returns a factory of type '${metadata.type}'` +
      (names.length ? ` (found ${names.join(', ')})` : '') +
      "; set 'factory:' to the export name",
  );
}
