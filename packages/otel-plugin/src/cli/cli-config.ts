// Loads geneva-send's --config file: a collector-style YAML (`exporters.azuregigwarm`, or a single
// `azuregigwarm/<name>` instance), a wrapper `{ azuregigwarm: {...} }`, or a bare exporter block.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { loadAzureGigWarmConfig, type ResolvedAzureGigWarmConfig } from '../index.js';
import { CliInputError } from './cli-errors.js';

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
    throw new CliInputError('GENEVA_ERR_CLI_CONFIG', `${path}: not valid YAML: ${errorText(err)}`);
  }
  const { block, source } = extractBlock(doc, path);
  try {
    return { block, source, resolved: loadAzureGigWarmConfig(block, env) };
  } catch (err) {
    throw new CliInputError('GENEVA_ERR_CLI_CONFIG', `${path}: ${source}: ${errorText(err)}`, { cause: err });
  }
}

function extractBlock(doc: unknown, path: string): { block: Record<string, unknown>; source: string } {
  if (!isMap(doc)) throw new CliInputError('GENEVA_ERR_CLI_CONFIG', `${path}: expected a YAML mapping`);
  if ('exporters' in doc) {
    const exporters = doc['exporters'];
    if (!isMap(exporters))
      throw new CliInputError('GENEVA_ERR_CLI_CONFIG', `${path}: exporters: expected a mapping`);
    const ids = Object.keys(exporters).filter(
      (id) => id === 'azuregigwarm' || id.startsWith('azuregigwarm/'),
    );
    const id = ids.includes('azuregigwarm') ? 'azuregigwarm' : ids.length === 1 ? ids[0] : undefined;
    if (id === undefined) {
      const why =
        ids.length === 0 ? 'no azuregigwarm exporter' : `several azuregigwarm exporters (${ids.join(', ')})`;
      throw new CliInputError('GENEVA_ERR_CLI_CONFIG', `${path}: exporters: ${why}`);
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
