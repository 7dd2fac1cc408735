import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { type BuilderComponentEntry, parseBuilderConfig } from '../builder-config/builder-config.js';
import { readComponentMetadata } from '../builder-config/component-metadata.js';
import { resolveComponentPackage } from '../builder-config/resolve-package.js';
import { ManifestError } from '../errors.js';
import { type GeneratedFile, renderManifest, writeRendered } from './generate-manifest.js';
import { COMPONENT_SECTIONS, type ComponentSection } from './manifest-types.js';

/** Options of {@link addComponent}. */
export interface AddComponentOptions extends BuilderComponentEntry {
  /** Builder config file to edit. */
  config: string;
}

/** Result of {@link addComponent}. */
export interface AddComponentResult {
  section: ComponentSection;
  type: string;
  files: GeneratedFile[];
}

/**
 * `geneva-manifest add <package>`: reads the package's metadata to find its section (by class), appends
 * a `- package:` entry to the builder config (comments and order kept) and regenerates the manifest.
 * Nothing is written unless the whole new config resolves.
 */
export async function addComponent(options: AddComponentOptions): Promise<AddComponentResult> {
  const file = resolve(options.config);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.errors.length > 0) {
    throw new ManifestError('GENEVA_MANIFEST_ERR_BUILDER_CONFIG', `${file}: ${doc.errors[0]!.message}`);
  }
  const current = parseBuilderConfig(doc.toJS());
  const entry: BuilderComponentEntry = { package: options.package };
  if (options.version) entry.version = options.version;
  if (options.path) entry.path = options.path;
  if (options.factory) entry.factory = options.factory;
  const label = `add (${options.package})`;
  for (const section of Object.keys(COMPONENT_SECTIONS) as ComponentSection[]) {
    const i = current[section].findIndex((e) => e.package === options.package);
    if (i >= 0) {
      throw new ManifestError(
        'GENEVA_MANIFEST_ERR_ALREADY_LISTED',
        `already listed as ${section}[${i}]`,
        label,
      );
    }
  }
  const pkg = resolveComponentPackage(entry, 'add', dirname(file));
  const metadata = await readComponentMetadata(pkg.metadataFile, label);
  const section = (Object.keys(COMPONENT_SECTIONS) as ComponentSection[]).find(
    (s) => COMPONENT_SECTIONS[s] === metadata.class,
  );
  if (!section) {
    throw new ManifestError(
      'GENEVA_MANIFEST_ERR_CLASS_MISMATCH',
      `class '${metadata.class}' has no section in a builder config (exporters, receivers, processors)`,
      label,
    );
  }
  let seq = doc.get(section);
  if (!isSeq(seq)) {
    seq = new YAMLSeq();
    doc.set(section, seq);
  }
  const node = new YAMLMap();
  for (const [k, v] of Object.entries(entry)) node.set(k, v);
  (seq as YAMLSeq).add(node);
  if (!isMap(doc.contents))
    throw new ManifestError('GENEVA_MANIFEST_ERR_BUILDER_CONFIG', `${file}: not a mapping`);
  const text = doc.toString();
  const config = parseBuilderConfig(doc.toJS());
  const outputDir = resolve(dirname(file), config.dist.output_path);
  const { contents } = await renderManifest({ config, file, outputDir });
  writeFileSync(file, text);
  return { section, type: metadata.type, files: writeRendered(outputDir, contents) };
}
