// Loads geneva-send's --config file: a collector-style YAML (`exporters.azuregigwarm`, or a single
// `azuregigwarm/<name>` instance), a wrapper `{ azuregigwarm: {...} }`, or a bare exporter block.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { yamlErrorText } from '../config/yaml-error.js';
import { loadAzureGigWarmConfig, type ResolvedAzureGigWarmConfig } from '../index.js';
import { CliInputError } from './cli-errors.js';
import { findPlaceholders } from './cli-validate.js';

/** The exporter block as written (before `${env:}` expansion) and its resolved form. */
export interface CliConfig {
  /** The raw `azuregigwarm` block, handed to the factory exactly as a collector would. */
  block: Record<string, unknown>;
  /** Which key the block came from, e.g. `exporters.azuregigwarm`. */
  source: string;
  resolved: ResolvedAzureGigWarmConfig;
}

/** Reads, extracts and validates; config problems throw {@link CliInputError} with Go's message text. */
export async function loadCliConfig(
  path: string,
  env: Record<string, string | undefined>,
): Promise<CliConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliInputError(
      'GENEVA_ERR_CLI_CONFIG',
      `${path}: cannot read the config file: ${errorText(err)}`,
    );
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new CliInputError('GENEVA_ERR_CLI_CONFIG', `${path}: not valid YAML: ${yamlErrorText(err)}`);
  }
  const { block, source } = extractBlock(doc, path);
  try {
    return { block, source, resolved: loadAzureGigWarmConfig(block, env) };
  } catch (err) {
    const hint = emptyEnvHint(block, env);
    // Example placeholders left in (e.g. `https://<gcs-endpoint>…`) are usually the real cause: list them.
    const placeholders = findPlaceholders(block);
    const more = placeholders.length > 0 ? `\n  ${placeholders.join('\n  ')}` : '';
    throw new CliInputError('GENEVA_ERR_CLI_CONFIG', `${path}: ${source}: ${errorText(err)}${hint}${more}`, {
      cause: err,
    });
  }
}

/** Top-level keys that mark a collector config (which must then have `exporters:`). */
const COLLECTOR_KEYS = ['receivers', 'processors', 'connectors', 'extensions', 'service'];
/** `${env:NAME}` / `${NAME}` references without a `:-` fallback. */
const ENV_REF = /\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Names the variables referenced by the block that are unset or empty (never their values). */
export function emptyEnvHint(block: unknown, env: Record<string, string | undefined>): string {
  const empty = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(ENV_REF)) if (!env[m[1] as string]) empty.add(m[1] as string);
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x);
    } else if (isMap(v)) {
      for (const x of Object.values(v)) visit(x);
    }
  };
  visit(block);
  if (empty.size === 0) return '';
  const names = [...empty].map((n) => `\${env:${n}}`).join(', ');
  return ` (hint: ${names} ${empty.size === 1 ? 'is' : 'are'} unset or empty in the environment, so ${empty.size === 1 ? 'it' : 'they'} expanded to "")`;
}

function extractBlock(doc: unknown, path: string): { block: Record<string, unknown>; source: string } {
  if (!isMap(doc)) throw new CliInputError('GENEVA_ERR_CLI_CONFIG', `${path}: expected a YAML mapping`);
  const noExporters = () =>
    new CliInputError('GENEVA_ERR_CLI_CONFIG', `no exporters.azuregigwarm block found in ${path}`);
  if (!('exporters' in doc) && COLLECTOR_KEYS.some((k) => k in doc)) throw noExporters();
  if ('exporters' in doc) {
    const exporters = doc['exporters'];
    if (!isMap(exporters))
      throw new CliInputError('GENEVA_ERR_CLI_CONFIG', `${path}: exporters: expected a mapping`);
    const ids = Object.keys(exporters).filter(
      (id) => id === 'azuregigwarm' || id.startsWith('azuregigwarm/'),
    );
    const id = ids.includes('azuregigwarm') ? 'azuregigwarm' : ids.length === 1 ? ids[0] : undefined;
    if (ids.length === 0) throw noExporters();
    if (id === undefined) {
      throw new CliInputError(
        'GENEVA_ERR_CLI_CONFIG',
        `${path}: exporters: several azuregigwarm exporters (${ids.join(', ')})`,
      );
    }
    return { block: asBlock(exporters[id], path, `exporters.${id}`), source: `exporters.${id}` };
  }
  if ('azuregigwarm' in doc && Object.keys(doc).length === 1) {
    return { block: asBlock(doc['azuregigwarm'], path, 'azuregigwarm'), source: 'azuregigwarm' };
  }
  return { block: doc, source: 'azuregigwarm' };
}

function asBlock(value: unknown, path: string, key: string): Record<string, unknown> {
  // `azuregigwarm:` with nothing under it is the collector's "all defaults", which validation rejects.
  if (value === null || value === undefined) return {};
  if (!isMap(value)) throw new CliInputError('GENEVA_ERR_CLI_CONFIG', `${path}: ${key}: expected a mapping`);
  return value;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
