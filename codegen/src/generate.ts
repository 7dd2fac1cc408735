import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { buildSchema, type SchemaNode } from './build-schema.js';
import { emitTypes } from './emit-types.js';
import { emitValidator } from './emit-validator.js';
import { CodegenError } from './errors.js';
import { runGoHelper } from './go-helper.js';
import type { HelperOutput } from './helper-model.js';
import { readComponentMetadata } from './metadata.js';
import { applyOverlay, readOverlay } from './overlay.js';

/** Options of {@link generateConfig}. */
export interface GenerateOptions {
  /** Go module directory (with go.mod and metadata.yaml). */
  goDir: string;
  /** Config struct (default `Config`). */
  typeName?: string;
  /** Overlay JSON file merged into the schema used for types and validator. */
  overlay?: string;
  /** Output directory. */
  outDir: string;
  /** Also write the plain Go schema (without overlay) to this file. */
  goSchemaFile?: string;
  /** Type name prefix (default from the component type, e.g. `AzureGigWarm`). */
  name?: string;
}

const knownNames: Record<string, string> = { azuregigwarm: 'AzureGigWarm' };

function pascal(type: string): string {
  return (
    knownNames[type] ??
    type
      .split(/[^a-zA-Z0-9]+/)
      .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
      .join('')
  );
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The report of what the generator could not translate. */
export function reportOf(out: HelperOutput, goDir: string): unknown {
  return {
    generatedBy: 'geneva-codegen',
    goModule: out.module,
    goDir,
    untranslated: out.untranslated,
  };
}

/** Generates every output in memory: file path → content. */
export async function generateConfig(options: GenerateOptions): Promise<Map<string, string>> {
  const goDir = resolve(options.goDir);
  const metaPath = join(goDir, 'metadata.yaml');
  if (!existsSync(metaPath)) throw new CodegenError('GENEVA_ERR_CODEGEN_INPUT', `${metaPath} not found`);
  const metadata = readComponentMetadata(metaPath);
  const helper = runGoHelper({ moduleDir: goDir, typeName: options.typeName ?? 'Config' });
  const name = options.name ?? pascal(metadata.type);
  const goSchema = buildSchema(helper, { name, metadata });
  let schema: SchemaNode = goSchema;
  let source = `Go module ${helper.module}`;
  if (options.overlay) {
    schema = applyOverlay(goSchema, readOverlay(options.overlay), basename(options.overlay));
    source += ` + overlay ${basename(options.overlay)}`;
  }
  const t = metadata.type;
  const files = new Map<string, string>();
  const outDir = resolve(options.outDir);
  files.set(join(outDir, `${t}.schema.json`), json(schema));
  files.set(join(outDir, `${t}.types.ts`), await emitTypes(schema, source));
  const v = emitValidator(schema, `${t}.types.js`, source);
  files.set(join(outDir, `${t}.validator.js`), v.js);
  files.set(join(outDir, `${t}.validator.d.ts`), v.dts);
  files.set(join(outDir, `${t}.report.json`), json(reportOf(helper, basename(goDir))));
  if (options.goSchemaFile) files.set(resolve(options.goSchemaFile), json(goSchema));
  return files;
}

/** Writes generated files. */
export function writeFiles(files: Map<string, string>): void {
  for (const [path, content] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/** Compares generated files with what is on disk; returns one line per stale file. */
export function diffFiles(files: Map<string, string>): string[] {
  const stale: string[] = [];
  for (const [path, content] of files) {
    if (!existsSync(path)) {
      stale.push(`${path}: missing`);
      continue;
    }
    const disk = readFileSync(path, 'utf8');
    if (disk === content) continue;
    const a = disk.split('\n');
    const b = content.split('\n');
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    stale.push(
      `${path}: differs from line ${i + 1}\n    committed: ${JSON.stringify(a[i] ?? '<eof>')}\n    generated: ${JSON.stringify(b[i] ?? '<eof>')}`,
    );
  }
  return stale;
}
