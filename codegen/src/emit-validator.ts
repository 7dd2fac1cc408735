import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import type { SchemaNode } from './build-schema.js';
import { formatSource, generatedHeader, inMemorySource } from './emit-types.js';
import { CodegenError } from './errors.js';

const runtimeUrl = new URL('../src/runtime/validator-runtime.js', import.meta.url);

function annotationKeywords(node: unknown, acc = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) annotationKeywords(n, acc);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith('x-')) acc.add(k);
      else annotationKeywords(v, acc);
    }
  }
  return acc;
}

/** Compiles the schema with ajv (strict) and returns the standalone ESM validation code. */
export function compileStandalone(schema: SchemaNode): { code: string; fn: string } {
  const ajv = new Ajv({
    code: { source: true, esm: true },
    useDefaults: true,
    allErrors: true,
    strict: true,
  });
  ajv.addVocabulary([...annotationKeywords(schema)].sort());
  const validate = ajv.compile(schema);
  let code = standaloneCode(ajv, validate);
  if (/\brequire\(|from\s*["']ajv/.test(code)) {
    throw new CodegenError(
      'GENEVA_ERR_CODEGEN_INPUT',
      'ajv standalone code needs ajv runtime helpers; avoid that keyword',
    );
  }
  const m = /export default (\w+);/.exec(code);
  if (!m) throw new CodegenError('GENEVA_ERR_CODEGEN_INPUT', 'unexpected ajv standalone output');
  code = code
    .replace('"use strict";', '')
    .replace(/export const validate = \w+;/, '')
    .replace(m[0], '');
  return { code, fn: m[1] as string };
}

/** Emits `<type>.validator.js` (ESM, no runtime dependency) and its `.d.ts`. */
export function emitValidator(
  schema: SchemaNode,
  typesModule: string,
  source: string,
): { js: string; dts: string } {
  const { code, fn } = compileStandalone(schema);
  const runtime = readFileSync(runtimeUrl, 'utf8').replace(/^export (function|const) /gm, '$1 ');
  const component = schema['x-component'] as { type: string };
  const js = [
    generatedHeader(source),
    '// Structural validation: ajv standalone code (types, unknown keys, patterns, defaults).',
    code,
    `const configSchema = ${JSON.stringify(schema)};`,
    runtime,
    `const api = createConfigValidator(${fn}, configSchema);`,
    `/** Component type from metadata.yaml. */`,
    `export const componentType = ${JSON.stringify(component.type)};`,
    '/** The JSON Schema (Go surface plus overlay, with x-go-* annotations). */',
    'export const schema = configSchema;',
    '/** Validates a config block: Go decoding rules, defaults, then every Validate() rule (Go texts). */',
    'export const validateConfig = api.validateConfig;',
    '/** The Go defaults (createDefaultConfig), freshly built on every call. */',
    'export const createDefaultConfig = api.createDefaultConfig;',
    '/** A copy with secrets (writeOnly keys) replaced by "[REDACTED]". */',
    'export const redactConfig = api.redactConfig;',
    'export { formatConfigIssues, goSprintf, parseGoDuration, parseGoDurationNs };',
    '',
  ].join('\n');
  const title = schema.title as string;
  const dts = `${generatedHeader(source)}
import type { ${title}, ${title}Resolved } from './${typesModule}';

/** One validation failure, in Go's words. */
export interface ConfigIssue {
  /** Key path in Go's xconfmap style (\`sending_queue::batch\`), '' for the top level. */
  path: string;
  /** The Go message text. */
  message: string;
  /** \`path: message\` as the collector prints it. */
  error: string;
  /** \`decode\` (mapstructure stage), the Go Validate() method, or \`overlay\`. */
  source: string;
  code: 'GENEVA_ERR_CONFIG_DECODE' | 'GENEVA_ERR_CONFIG_INVALID';
}

/** Result of {@link validateConfig}. */
export type ValidationResult =
  | { ok: true; config: ${title}Resolved; issues: [] }
  | { ok: false; issues: ConfigIssue[] };

/** Component type from metadata.yaml. */
export declare const componentType: ${JSON.stringify(component.type)};
/** The JSON Schema (Go surface plus overlay, with x-go-* annotations). */
export declare const schema: Record<string, unknown>;
/** Validates a config block (never mutates it): decoding, defaults, then the Validate() rules. */
export declare function validateConfig(input: unknown): ValidationResult;
/** The Go defaults (createDefaultConfig), freshly built on every call. */
export declare function createDefaultConfig(): ${title}Resolved;
/** A copy with secrets (writeOnly keys) replaced by "[REDACTED]". */
export declare function redactConfig<T>(config: T): T;
/** Joins issues one per line, like Go's errors.Join. */
export declare function formatConfigIssues(issues: readonly ConfigIssue[]): string;
/** Go fmt subset (%d %s %v %q %%). */
export declare function goSprintf(format: string, args: readonly unknown[]): string;
/** Parses a Go duration (\`100ms\`, \`1h30m\`, \`-1s\`) to milliseconds; throws \`time: invalid duration "x"\`. */
export declare function parseGoDuration(text: string): number;
/** Parses a Go duration to nanoseconds. */
export declare function parseGoDurationNs(text: string): number;
export type { ${title}, ${title}Resolved };
`;
  return {
    js: formatSource(inMemorySource('validator.js', js)),
    dts: formatSource(inMemorySource('validator.d.ts', dts)),
  };
}
