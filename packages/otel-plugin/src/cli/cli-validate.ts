// The checks of `geneva-send --validate` beyond the schema: values still holding `<...>` placeholders
// from the example config, and, for certificate auth, that the PKCS#12 file loads with its password.
import type { ResolvedAzureGigWarmConfig } from '../config/resolved-config.js';
import { loadClientCertificate } from '../internal/core.js';

/** A `<...>` placeholder as written in the examples, e.g. `<your-account>`. */
const PLACEHOLDER = /<[^<>\s][^<>]*>/;
/** Keys whose values are secrets: reported by name only. */
const SECRET_KEY = /password|secret|token/i;

/** Lists `field: problem` lines; empty when the config can be used as is. Never prints secrets. */
export async function validateForUse(
  block: Record<string, unknown>,
  resolved: ResolvedAzureGigWarmConfig,
): Promise<string[]> {
  const problems = findPlaceholders(block);
  const auth = resolved.auth;
  if (auth.kind === 'certificate') {
    try {
      await loadClientCertificate(auth.path, auth.password);
    } catch (err) {
      problems.push(`cert_path: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}

/** Every string value (at any depth) that still contains a `<...>` placeholder. */
export function findPlaceholders(block: Record<string, unknown>): string[] {
  const found: string[] = [];
  const visit = (v: unknown, at: string): void => {
    if (typeof v === 'string') {
      const m = PLACEHOLDER.exec(v);
      if (!m) return;
      const key = at.split('.').pop() ?? at;
      found.push(
        SECRET_KEY.test(key)
          ? `${at}: still contains a <...> placeholder; replace it with your value`
          : `${at}: still contains the placeholder ${m[0]}; replace it with your value`,
      );
    } else if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) visit(x, `${at}[${i}]`);
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) visit(x, at === '' ? k : `${at}.${k}`);
    }
  };
  visit(block, '');
  return found;
}
