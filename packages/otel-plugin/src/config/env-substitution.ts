/**
 * The collector's `${...}` expansion for config values (confmap with the default `env` scheme):
 * `${env:NAME}`, `${NAME}` and `${env:NAME:-fallback}` take an environment variable, `$$` is a
 * literal `$`, and a value that is exactly one reference is typed like YAML (`"3"` → 3, `"true"` →
 * true) as the collector does. Other schemes (`file:`, `http:`...) are rejected. A bare `$NAME` is
 * left as is (the collector no longer expands it). Unset variables expand to "".
 */
export type Env = Record<string, string | undefined>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REF = /\$\$|\$\{([^}]*)\}/g;

/** Raised for a malformed reference; `path` names the config key. */
export class EnvSubstitutionError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'EnvSubstitutionError';
  }
}

function resolveRef(inner: string, env: Env, path: string): string {
  let body = inner;
  const colon = body.indexOf(':');
  if (colon > 0 && body[colon + 1] !== '-') {
    const scheme = body.slice(0, colon);
    if (scheme !== 'env')
      throw new EnvSubstitutionError(
        path,
        `unsupported config provider scheme "${scheme}" in "\${${inner}}"`,
      );
    body = body.slice(colon + 1);
  }
  let fallback: string | undefined;
  const dash = body.indexOf(':-');
  if (dash >= 0) {
    fallback = body.slice(dash + 2);
    body = body.slice(0, dash);
  }
  if (!NAME.test(body))
    throw new EnvSubstitutionError(path, `environment variable "${body}" has invalid name`);
  const value = env[body];
  return value === undefined || value === '' ? (fallback ?? '') : value;
}

/** YAML-style scalar typing of a value that was a whole reference. */
function typeScalar(text: string): unknown {
  if (/^[-+]?(0|[1-9][0-9]*)$/.test(text)) return Number(text);
  if (/^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  return text;
}

function expandString(value: string, env: Env, path: string): unknown {
  if (!value.includes('$')) return value;
  const whole = /^\$\{([^}]*)\}$/.exec(value);
  if (whole) return typeScalar(resolveRef(whole[1] as string, env, path));
  return value.replace(REF, (match, inner: string | undefined) =>
    match === '$$' ? '$' : resolveRef(inner as string, env, path),
  );
}

/** Returns a deep copy of `value` with every string expanded; never mutates its input. */
export function substituteEnv(value: unknown, env: Env, path = 'azuregigwarm'): unknown {
  if (typeof value === 'string') return expandString(value, env, path);
  if (Array.isArray(value)) return value.map((v, i) => substituteEnv(v, env, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substituteEnv(v, env, `${path}.${k}`);
    return out;
  }
  return value;
}
