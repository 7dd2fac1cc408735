import type { CodeBlockWriter } from 'ts-morph';
import { GENERATED_MARKER } from './manifest-files.js';
import {
  COMPONENT_SECTIONS,
  type ComponentSection,
  type ManifestModel,
  type ResolvedComponent,
} from './manifest-types.js';

export { GENERATED_MARKER, MANIFEST_FILES } from './manifest-files.js';

/** The component sections in the order every generated file lists them. */
export const SECTIONS = Object.keys(COMPONENT_SECTIONS) as ComponentSection[];

/** A single-quoted JavaScript string literal. */
export const str = (s: string): string =>
  `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;

/** Assigns a local identifier to each (import, factory) pair, aliasing on collisions. */
export function localNames(model: ManifestModel): Map<ResolvedComponent, string> {
  const names = new Map<ResolvedComponent, string>();
  const used = new Map<string, string>(); // local name -> "import#factory"
  for (const section of SECTIONS) {
    for (const c of model[section]) {
      const key = `${c.import}#${c.factory}`;
      let local = c.factory;
      for (let n = 2; used.has(local) && used.get(local) !== key; n++) local = `${c.factory}_${n}`;
      used.set(local, key);
      names.set(c, local);
    }
  }
  return names;
}

function writeComponent(w: CodeBlockWriter, c: ResolvedComponent, local: string): void {
  w.write(`${c.type}: `).inlineBlock(() => {
    w.writeLine(`type: ${str(c.type)},`);
    w.writeLine(`package: ${str(c.package)},`);
    w.writeLine(`version: ${str(c.version)},`);
    w.writeLine(`factory: ${local},`);
    const stability = Object.entries(c.stability).map(([signal, level]) => `${signal}: ${str(level)}`);
    w.writeLine(`stability: { ${stability.join(', ')} },`);
  });
  w.write(',').newLine();
}

/**
 * Emits the TypeScript form of the manifest with ts-morph: imports each factory, exports a typed map.
 * ts-morph is loaded here, on the generate path only (the runtime never needs it).
 */
export async function emitManifestModule(model: ManifestModel): Promise<string> {
  const { IndentationText, Project, QuoteKind, VariableDeclarationKind } = await import('ts-morph');
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces },
  });
  const file = project.createSourceFile('components.ts', '', { overwrite: true });
  const names = localNames(model);
  const imports = new Map<string, Set<string>>();
  for (const [c, local] of names) {
    const set = imports.get(c.import) ?? new Set<string>();
    set.add(local === c.factory ? c.factory : `${c.factory} as ${local}`);
    imports.set(c.import, set);
  }
  for (const spec of [...imports.keys()].sort()) {
    file.addImportDeclaration({ moduleSpecifier: spec, namedImports: [...(imports.get(spec) ?? [])].sort() });
  }
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [
      `Components of the \`${model.dist.name.replace(/\*\//g, '*\\/')}\` distribution: component type → factory, with stability per signal.`,
    ],
    declarations: [
      {
        name: 'components',
        initializer: (w) => {
          w.inlineBlock(() => {
            w.write('dist: ').inlineBlock(() => {
              w.writeLine(`name: ${str(model.dist.name)},`);
              w.writeLine(`description: ${str(model.dist.description)},`);
              if (model.dist.version !== undefined) w.writeLine(`version: ${str(model.dist.version)},`);
            });
            w.write(',').newLine();
            for (const section of SECTIONS) {
              if (model[section].length === 0) {
                w.writeLine(`${section}: {},`);
                continue;
              }
              w.write(`${section}: `).inlineBlock(() => {
                for (const c of model[section]) writeComponent(w, c, names.get(c)!);
              });
              w.write(',').newLine();
            }
          });
          w.write(' as const');
        },
      },
    ],
  });
  const typeAliases: Record<ComponentSection, string> = {
    exporters: 'ExporterType',
    receivers: 'ReceiverType',
    processors: 'ProcessorType',
  };
  for (const section of SECTIONS) {
    file.addTypeAlias({
      isExported: true,
      name: typeAliases[section],
      type: `keyof typeof components.${section}`,
      docs: [`Component types of class ${COMPONENT_SECTIONS[section]} in this manifest.`],
    });
  }
  file.addExportAssignment({ isExportEquals: false, expression: 'components' });
  file.formatText({ indentSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  file.insertText(0, `// ${GENERATED_MARKER}\n// Source: ${sourceComment(model)}\n\n`);
  return file.getFullText().replace(/\n{3,}/g, '\n\n');
}

/** The `Source:` comment value (the builder config, relative to the output directory). */
export function sourceComment(model: ManifestModel): string {
  return model.source.replace(/[\r\n]/g, ' ');
}

/** Emits the JSON form of the manifest (factories named, not imported). */
export function emitManifestJson(model: ManifestModel): string {
  const json = { $comment: GENERATED_MARKER, ...model };
  return `${JSON.stringify(json, null, 2)}\n`;
}
