import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { ManifestError } from '../errors.js';
import { COMPONENT_SECTIONS, type ComponentSection } from '../manifest/manifest-types.js';

/** One `- package:` entry of a builder config section (the npm counterpart of `- gomod:`). */
export interface BuilderComponentEntry {
  /** npm package name. */
  package: string;
  /** Semver range the installed package must satisfy (checked at generation). */
  version?: string;
  /** Local folder holding the package (the collector builder's `path`); relative to the builder config. */
  path?: string;
  /** Named export returning the factory; found from the package when absent. */
  factory?: string;
}

/** A builder config (`builder-config.yaml`), shaped like the collector builder's. */
export interface BuilderConfig {
  dist: { name: string; description: string; version?: string; output_path: string };
  exporters: BuilderComponentEntry[];
  receivers: BuilderComponentEntry[];
  processors: BuilderComponentEntry[];
}

/** A builder config with where it came from. */
export interface LoadedBuilderConfig {
  config: BuilderConfig;
  /** Absolute path of the builder config file. */
  file: string;
  /** Absolute output folder (`dist.output_path` resolved against the config's folder). */
  outputDir: string;
}

const TOP_KEYS = new Set(['dist', ...Object.keys(COMPONENT_SECTIONS)]);
const UNSUPPORTED_TOP = new Set([
  'extensions',
  'connectors',
  'providers',
  'converters',
  'replaces',
  'excludes',
]);
const DIST_KEYS = new Set(['name', 'description', 'version', 'output_path']);
const ENTRY_KEYS = new Set(['package', 'version', 'path', 'factory']);
const NPM_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const fail = (message: string, entry?: string): never => {
  throw new ManifestError('GENEVA_MANIFEST_ERR_BUILDER_CONFIG', message, entry);
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function optionalString(obj: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.trim() === '') fail(`'${key}' must be a non-empty string`, where);
  return v as string;
}

function parseEntry(raw: unknown, where: string): BuilderComponentEntry {
  if (!isRecord(raw)) return fail('must be a mapping with a `package:` key', where);
  if ('gomod' in raw) fail("'gomod' is for Go modules: name the npm package with 'package:'", where);
  for (const key of Object.keys(raw)) {
    if (!ENTRY_KEYS.has(key)) fail(`unknown key '${key}' (allowed: ${[...ENTRY_KEYS].join(', ')})`, where);
  }
  const pkg = optionalString(raw, 'package', where);
  if (pkg === undefined) return fail("'package' is required", where);
  if (!NPM_NAME.test(pkg)) fail(`'${pkg}' is not a valid npm package name`, where);
  const entry: BuilderComponentEntry = { package: pkg };
  const version = optionalString(raw, 'version', `${where} (${pkg})`);
  const path = optionalString(raw, 'path', `${where} (${pkg})`);
  const factory = optionalString(raw, 'factory', `${where} (${pkg})`);
  if (factory !== undefined && !IDENTIFIER.test(factory)) {
    fail(`'factory' must be an export name, got '${factory}'`, `${where} (${pkg})`);
  }
  if (version !== undefined) entry.version = version;
  if (path !== undefined) entry.path = path;
  if (factory !== undefined) entry.factory = factory;
  return entry;
}

/** Validates a parsed builder config document; throws {@link ManifestError} naming the key or entry. */
export function parseBuilderConfig(doc: unknown): BuilderConfig {
  if (!isRecord(doc)) return fail('a builder config must be a YAML mapping with `dist:` and `exporters:`');
  for (const key of Object.keys(doc)) {
    if (UNSUPPORTED_TOP.has(key))
      fail(`'${key}' is not supported by geneva-manifest (only exporters, receivers, processors)`);
    if (!TOP_KEYS.has(key)) fail(`unknown key '${key}' (allowed: ${[...TOP_KEYS].join(', ')})`);
  }
  const dist = doc['dist'];
  if (!isRecord(dist)) return fail("'dist' is required: a mapping with name, description, output_path");
  for (const key of Object.keys(dist)) {
    if (!DIST_KEYS.has(key)) fail(`unknown key 'dist.${key}' (allowed: ${[...DIST_KEYS].join(', ')})`);
  }
  const name = optionalString(dist, 'name', 'dist');
  if (name === undefined) return fail("'dist.name' is required");
  const version = optionalString(dist, 'version', 'dist');
  const config: BuilderConfig = {
    dist: {
      name,
      description: optionalString(dist, 'description', 'dist') ?? '',
      output_path: optionalString(dist, 'output_path', 'dist') ?? './generated',
      ...(version === undefined ? {} : { version }),
    },
    exporters: [],
    receivers: [],
    processors: [],
  };
  for (const section of Object.keys(COMPONENT_SECTIONS) as ComponentSection[]) {
    const list = doc[section];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) fail(`'${section}' must be a list of '- package: <npm name>' entries`);
    config[section] = (list as unknown[]).map((raw, i) => parseEntry(raw, `${section}[${i}]`));
  }
  return config;
}

/** Reads and validates a builder config file. */
export function loadBuilderConfig(file: string): LoadedBuilderConfig {
  const abs = resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    return fail(`cannot read builder config ${abs}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    return fail(`builder config ${abs} is not valid YAML: ${(err as Error).message}`);
  }
  const config = parseBuilderConfig(doc);
  return { config, file: abs, outputDir: resolve(dirname(abs), config.dist.output_path) };
}
