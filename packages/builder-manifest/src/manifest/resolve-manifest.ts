import { dirname, relative, sep } from 'node:path';
import type { LoadedBuilderConfig } from '../builder-config/builder-config.js';
import { readComponentMetadata } from '../builder-config/component-metadata.js';
import { findFactoryExport } from '../builder-config/find-factory-export.js';
import { resolveComponentPackage } from '../builder-config/resolve-package.js';
import { ManifestError } from '../errors.js';
import {
  COMPONENT_SECTIONS,
  type ComponentSection,
  type ManifestModel,
  type ResolvedComponent,
} from './manifest-types.js';

const toPosix = (p: string): string => p.split(sep).join('/');

function relativeSpecifier(fromDir: string, file: string): string {
  const rel = toPosix(relative(fromDir, file));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * Resolves every entry of a builder config into the manifest model: package, installed version,
 * metadata (type, class, stability per signal) and factory export. Throws a {@link ManifestError}
 * naming the entry on an unknown package, a package without metadata, a class mismatch or two
 * components with one type.
 */
export async function resolveManifest(loaded: LoadedBuilderConfig): Promise<ManifestModel> {
  const { config, file, outputDir } = loaded;
  const configDir = dirname(file);
  const model: ManifestModel = {
    dist: { name: config.dist.name, description: config.dist.description },
    source: relativeSpecifier(outputDir, file),
    exporters: [],
    receivers: [],
    processors: [],
  };
  if (config.dist.version !== undefined) model.dist.version = config.dist.version;
  for (const section of Object.keys(COMPONENT_SECTIONS) as ComponentSection[]) {
    const expectedClass = COMPONENT_SECTIONS[section];
    const byType = new Map<string, string>();
    for (const [i, entry] of config[section].entries()) {
      const where = `${section}[${i}]`;
      const label = `${where} (${entry.package})`;
      const pkg = resolveComponentPackage(entry, where, configDir);
      const metadata = await readComponentMetadata(pkg.metadataFile, label);
      if (metadata.class !== expectedClass) {
        throw new ManifestError(
          'GENEVA_MANIFEST_ERR_CLASS_MISMATCH',
          `class mismatch: listed under '${section}' but its metadata.yaml says class '${metadata.class}' (${pkg.metadataFile})`,
          label,
        );
      }
      const previous = byType.get(metadata.type);
      if (previous) {
        throw new ManifestError(
          'GENEVA_MANIFEST_ERR_DUPLICATE_TYPE',
          `two components with type '${metadata.type}': this one and ${previous}`,
          label,
        );
      }
      byType.set(metadata.type, label);
      const factory = await findFactoryExport(pkg, metadata, label, entry.factory ?? pkg.declaredFactory);
      const component: ResolvedComponent = {
        type: metadata.type,
        class: metadata.class,
        package: pkg.name,
        version: pkg.version,
        import: entry.path ? relativeSpecifier(outputDir, pkg.entryFile) : pkg.name,
        factory,
        stability: metadata.stability,
      };
      model[section].push(component);
    }
    model[section].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  }
  return model;
}
