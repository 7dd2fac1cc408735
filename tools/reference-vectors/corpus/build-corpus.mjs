#!/usr/bin/env node
// Writes the vector corpus (inputs only) into packages/geneva-core/test/vectors/:
//   corpus/<name>.otlp.json + <name>.identity.json    inputs where 0.4.0 is the byte reference
//   defective/<name>.otlp.json + <name>.identity.json inputs where 0.4.0 is defective
//   corpus/index.json, defective/index.json           name, signal, description
// Deterministic: the same files on every run. The crate outputs are written by the Rust tool.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { defectiveInputs } from './defective.mjs';
import { goSampleInputs } from './go-samples.mjs';
import { logInputs } from './logs.mjs';
import { traceInputs } from './traces.mjs';

const VECTORS = new URL('../../../packages/geneva-core/test/vectors/', import.meta.url);

/** The identity every input uses unless it brings its own. */
export const DEFAULT_IDENTITY = {
  namespace: 'VectorsNamespace',
  environment: 'Test',
  configMajorVersion: 1,
  tenant: 'vectors-tenant',
  roleName: 'vectors-role',
  roleInstance: 'vectors-role-0',
  account: 'VectorsAccount',
  region: 'westus2',
};

/**
 * JSON text, indented unless large (then one line, to keep the repository small). `-0` cannot go
 * through JSON.stringify, so a marker string becomes the literal `-0.0`.
 */
function json(value) {
  const pretty = JSON.stringify(value, null, 2);
  const text = pretty.length > 100_000 ? JSON.stringify(value) : pretty;
  return `${text.replaceAll('"__NEGATIVE_ZERO__"', '-0.0')}\n`;
}

function writeFolder(folder, inputs) {
  const dir = new URL(`${folder}/`, VECTORS);
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.otlp.json') || file.endsWith('.identity.json')) rmSync(new URL(file, dir));
  }
  const seen = new Set();
  const index = [];
  for (const input of inputs) {
    if (seen.has(input.name)) throw new Error(`duplicate corpus name ${input.name}`);
    seen.add(input.name);
    writeFileSync(new URL(`${input.name}.otlp.json`, dir), json(input.request));
    writeFileSync(new URL(`${input.name}.identity.json`, dir), json(input.identity ?? DEFAULT_IDENTITY));
    const signal = 'resourceLogs' in input.request ? 'logs' : 'traces';
    index.push({ name: input.name, signal, description: input.description });
  }
  writeFileSync(new URL('index.json', dir), json(index));
  return inputs.length;
}

const main = writeFolder('corpus', [...goSampleInputs, ...logInputs, ...traceInputs]);
const defective = writeFolder('defective', defectiveInputs);
console.log(`corpus: ${main} inputs, defective: ${defective} inputs`);
