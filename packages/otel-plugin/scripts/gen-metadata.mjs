// Generates src/factory/generated-status.ts from metadata.yaml (like mdatagen's generated_status.go).
// Usage: node scripts/gen-metadata.mjs [--check]   (--check fails when the file is out of date)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const meta = parse(readFileSync(join(root, 'metadata.yaml'), 'utf8'));
if (typeof meta?.type !== 'string' || meta.status?.class !== 'exporter') {
  throw new Error('metadata.yaml: expected `type` and `status.class: exporter`');
}
// Single-quoted like the rest of the code base, so biome leaves the output alone.
const quote = (s) => `'${String(s).replace(/[\\']/g, '\\$&')}'`;
const stability = {};
for (const [level, signals] of Object.entries(meta.status.stability ?? {})) {
  for (const signal of signals) stability[signal] = level;
}
const text = `// Code generated from metadata.yaml by scripts/gen-metadata.mjs. DO NOT EDIT.

/** Component type, from metadata.yaml \`type\`. */
export const COMPONENT_TYPE = ${quote(meta.type)} as const;

/** Component class, from metadata.yaml \`status.class\`. */
export const COMPONENT_CLASS = ${quote(meta.status.class)} as const;

/** Stability per signal, from metadata.yaml \`status.stability\`. */
export const COMPONENT_STABILITY = { ${Object.entries(stability)
  .map(([k, v]) => `${k}: ${quote(v)}`)
  .join(', ')} } as const;
`;
const out = join(root, 'src/factory/generated-status.ts');
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== text) {
    console.error('src/factory/generated-status.ts is out of date: run `npm run generate:metadata`');
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
}
