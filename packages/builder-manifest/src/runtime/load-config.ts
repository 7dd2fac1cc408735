import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diag } from '@opentelemetry/api';
import { parse } from 'yaml';
import { ConfigError } from '../errors.js';
import { type Env, substituteEnv } from './env-substitution.js';
import { yamlErrorText } from './yaml-error.js';

const log = diag.createComponentLogger({ namespace: 'builder-manifest/load-config' });

/** Where a collector-style config comes from: exactly one of the three. */
export interface ConfigSource {
  /** A parsed config object. */
  config?: unknown;
  /** Config YAML text. */
  configYaml?: string;
  /** Path of a config YAML file. */
  configPath?: string;
  /** Variables for `${env:NAME}`; default `process.env`. */
  env?: Env;
}

/** Loads the config (file, text or object), then applies `${env:…}` substitution. */
export function loadCollectorConfig(source: ConfigSource): { doc: unknown; source: string } {
  const given = [source.config, source.configYaml, source.configPath].filter((v) => v !== undefined).length;
  if (given !== 1) {
    throw new ConfigError([
      {
        code: 'GENEVA_CONFIG_ERR_READ',
        path: '(options)',
        message: 'give exactly one of config, configYaml, configPath',
      },
    ]);
  }
  let doc = source.config;
  let name = 'config object';
  if (source.configPath !== undefined) {
    name = resolve(source.configPath);
    try {
      source = { ...source, configYaml: readFileSync(name, 'utf8') };
    } catch (err) {
      const message = `cannot read config file: ${(err as Error).message}`;
      throw new ConfigError([{ code: 'GENEVA_CONFIG_ERR_READ', path: '(file)', message }], name);
    }
  } else if (source.configYaml !== undefined) name = 'config YAML';
  if (source.configYaml !== undefined) {
    try {
      doc = parse(source.configYaml);
    } catch (err) {
      throw new ConfigError(
        [{ code: 'GENEVA_CONFIG_ERR_YAML', path: '(yaml)', message: yamlErrorText(err) }],
        name,
      );
    }
  }
  const result = substituteEnv(doc, source.env ?? process.env);
  if (result.issues.length > 0) throw new ConfigError(result.issues, name);
  for (const variable of result.unset)
    log.warn(`\${env:${variable}} is not set; substituted an empty string`);
  return { doc: result.value, source: name };
}
