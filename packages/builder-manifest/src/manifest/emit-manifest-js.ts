/**
 * The plain-JavaScript form of the manifest: `components.js` (ESM, importable by `node` with no build
 * step, e.g. through `OTEL_GENEVA_MANIFEST`) and `components.d.ts` (its types, the same as those of
 * `components.ts`). Written by string building, so the generate path needs nothing beyond ts-morph's
 * TypeScript module and the output is byte-stable.
 */
import { localNames, SECTIONS, sourceComment, str } from './emit-manifest.js';
import { GENERATED_MARKER, MANIFEST_FILES } from './manifest-files.js';
import { COMPONENT_SECTIONS, type ManifestModel, type ResolvedComponent } from './manifest-types.js';

const TYPE_ALIASES = { exporters: 'ExporterType', receivers: 'ReceiverType', processors: 'ProcessorType' };

function header(model: ManifestModel, what: string): string[] {
  return [`// ${GENERATED_MARKER}`, `// Source: ${sourceComment(model)}`, `// ${what}`, ''];
}

function importLines(model: ManifestModel, typeOnly: boolean): string[] {
  const imports = new Map<string, Set<string>>();
  for (const [c, local] of localNames(model)) {
    const set = imports.get(c.import) ?? new Set<string>();
    set.add(local === c.factory ? c.factory : `${c.factory} as ${local}`);
    imports.set(c.import, set);
  }
  const keyword = typeOnly ? 'import type' : 'import';
  return [...imports.keys()]
    .sort()
    .map((spec) => `${keyword} { ${[...(imports.get(spec) ?? [])].sort().join(', ')} } from ${str(spec)};`);
}

const distDoc = (model: ManifestModel) =>
  `/** Components of the \`${model.dist.name.replace(/\*\//g, '*\\/')}\` distribution: component type → factory, with stability per signal. */`;

/** `components.js`: the manifest as an ES module that imports each factory. */
export function emitManifestJs(model: ManifestModel): string {
  const names = localNames(model);
  const component = (c: ResolvedComponent): string[] => [
    `    ${c.type}: {`,
    `      type: ${str(c.type)},`,
    `      package: ${str(c.package)},`,
    `      version: ${str(c.version)},`,
    `      factory: ${names.get(c)},`,
    `      stability: { ${Object.entries(c.stability)
      .map(([signal, level]) => `${signal}: ${str(level)}`)
      .join(', ')} },`,
    '    },',
  ];
  const lines = [
    ...header(model, `Plain ESM form of ${MANIFEST_FILES.ts}; types in ${MANIFEST_FILES.dts}.`),
    ...importLines(model, false),
    '',
    distDoc(model),
    'export const components = {',
    '  dist: {',
    `    name: ${str(model.dist.name)},`,
    `    description: ${str(model.dist.description)},`,
    ...(model.dist.version === undefined ? [] : [`    version: ${str(model.dist.version)},`]),
    '  },',
  ];
  for (const section of SECTIONS) {
    if (model[section].length === 0) lines.push(`  ${section}: {},`);
    else lines.push(`  ${section}: {`, ...model[section].flatMap(component), '  },');
  }
  lines.push('};', '', 'export default components;', '');
  return lines.join('\n');
}

/** `components.d.ts`: the declarations of `components.js` (literal types, `typeof` each factory). */
export function emitManifestDts(model: ManifestModel): string {
  const names = localNames(model);
  const component = (c: ResolvedComponent): string[] => [
    `    readonly ${c.type}: {`,
    `      readonly type: ${str(c.type)};`,
    `      readonly package: ${str(c.package)};`,
    `      readonly version: ${str(c.version)};`,
    `      readonly factory: typeof ${names.get(c)};`,
    `      readonly stability: { ${Object.entries(c.stability)
      .map(([signal, level]) => `readonly ${signal}: ${str(level)}`)
      .join('; ')} };`,
    '    };',
  ];
  const lines = [
    ...header(model, `Declarations of ${MANIFEST_FILES.js}.`),
    ...importLines(model, true),
    '',
    distDoc(model),
    'export declare const components: {',
    '  readonly dist: {',
    `    readonly name: ${str(model.dist.name)};`,
    `    readonly description: ${str(model.dist.description)};`,
    ...(model.dist.version === undefined ? [] : [`    readonly version: ${str(model.dist.version)};`]),
    '  };',
  ];
  for (const section of SECTIONS) {
    if (model[section].length === 0) lines.push(`  readonly ${section}: {};`);
    else lines.push(`  readonly ${section}: {`, ...model[section].flatMap(component), '  };');
  }
  lines.push('};', '');
  for (const section of SECTIONS) {
    lines.push(`/** Component types of class ${COMPONENT_SECTIONS[section]} in this manifest. */`);
    lines.push(`export type ${TYPE_ALIASES[section]} = keyof typeof components.${section};`);
  }
  lines.push('', 'export default components;', '');
  return lines.join('\n');
}
