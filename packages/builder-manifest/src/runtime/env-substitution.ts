import { parse } from 'yaml';
import type { ConfigIssue } from '../errors.js';

/** Environment used for `${env:NAME}` substitution. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Result of {@link substituteEnv}. */
export interface SubstitutionResult {
  value: unknown;
  issues: ConfigIssue[];
  /** Names of referenced variables that are unset (substituted with an empty string, as the collector does). */
  unset: string[];
}

const REFERENCE = /\$\$|\$\{([^}]*)\}/g;
const ENV_REF = /^env:([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;

/** Parses a substituted whole-value scalar as YAML (so `${env:PORT}` with PORT=4317 becomes a number). */
function asYamlScalar(text: string): unknown {
  try {
    const v = parse(text) as unknown;
    return v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v ?? text) : text;
  } catch {
    return text;
  }
}

/**
 * Expands `${env:NAME}` and `${env:NAME:-default}` in every string of a parsed config, and `$$` to `$`
 * (collector confmap rules). A string that is exactly one reference takes the YAML type of the value;
 * references inside longer strings stay strings. Other schemes (`${file:…}`, `${http:…}`) are reported.
 * Values are never copied into issues (they can be secrets).
 */
export function substituteEnv(doc: unknown, env: Env): SubstitutionResult {
  const issues: ConfigIssue[] = [];
  const unset = new Set<string>();
  const expandString = (s: string, path: string): unknown => {
    let whole: unknown;
    let count = 0;
    let onlyRef = false;
    const out = s.replace(REFERENCE, (match, inner: string | undefined, offset: number) => {
      count++;
      if (match === '$$') return '$';
      const m = ENV_REF.exec(inner ?? '');
      if (!m) {
        issues.push({
          code: 'GENEVA_CONFIG_ERR_INVALID_VALUE',
          path,
          message: `unsupported reference '${match}': only \${env:NAME} and \${env:NAME:-default} are supported`,
        });
        return match;
      }
      const name = m[1]!;
      let value = env[name];
      if (value === undefined || value === '') {
        if (m[2] !== undefined) value = m[2];
        else if (value === undefined) unset.add(name);
      }
      onlyRef = offset === 0 && match.length === s.length;
      whole = value ?? '';
      return value ?? '';
    });
    if (count === 1 && onlyRef) return asYamlScalar(String(whole));
    return out;
  };
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') return node.includes('$') ? expandString(node, path) : node;
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}[${i}]`));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) out[k] = walk(v, path ? `${path}.${k}` : k);
      return out;
    }
    return node;
  };
  return { value: walk(doc, ''), issues, unset: [...unset].sort() };
}
