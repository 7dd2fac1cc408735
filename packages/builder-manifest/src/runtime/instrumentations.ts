/**
 * Instrumentations for the zero-code start: `OTEL_GENEVA_INSTRUMENTATIONS=http,undici` loads
 * `@opentelemetry/instrumentation-http` and `@opentelemetry/instrumentation-undici` (installed by the
 * app) and creates each package's instrumentation class with its defaults.
 */
import { createRequire, register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Instrumentation } from '@opentelemetry/instrumentation';

/** Package name of the instrumentation `name`, e.g. `http` → `@opentelemetry/instrumentation-http`. */
export const instrumentationPackage = (name: string): string => `@opentelemetry/instrumentation-${name}`;

/** Parses the comma- (or space-) separated list; throws naming `variable` and the bad entry. */
export function parseInstrumentationList(text: string, variable: string): string[] {
  const names = text
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
      throw new Error(
        `${variable}: '${name}' is not an instrumentation name (lower-case, e.g. 'http' for ${instrumentationPackage('http')})`,
      );
    }
  }
  return [...new Set(names)];
}

/** How modules are imported; injectable for tests. */
export type Importer = (specifier: string) => Promise<Record<string, unknown>>;

const isNotFound = (err: unknown, pkg: string): boolean => {
  const code = (err as { code?: string }).code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    String((err as Error).message).includes(pkg)
  );
};

/** Imports `pkg` from this package's location, else from the app's (`cwd`) node_modules. */
async function importPackage(pkg: string, cwd: string, importer: Importer): Promise<Record<string, unknown>> {
  try {
    return await importer(pkg);
  } catch (err) {
    if (!isNotFound(err, pkg)) throw err;
  }
  let resolved: string;
  try {
    resolved = createRequire(join(cwd, 'package.json')).resolve(pkg);
  } catch {
    throw new Error(`${pkg} is not installed (npm install ${pkg})`);
  }
  return importer(pathToFileURL(resolved).href);
}

/** The instrumentation class a package exports (`HttpInstrumentation` for `http`). */
function instrumentationClass(name: string, pkg: string, mod: Record<string, unknown>) {
  const classes = Object.entries(mod).filter(
    ([key, value]) => key.endsWith('Instrumentation') && typeof value === 'function',
  );
  const wanted = `${name.replace(/-/g, '')}instrumentation`;
  const match = classes.length === 1 ? classes[0] : classes.find(([key]) => key.toLowerCase() === wanted);
  if (!match) {
    const found = classes.map(([key]) => key).join(', ') || 'none';
    throw new Error(`${pkg} exports no single instrumentation class (found: ${found})`);
  }
  return match[1] as new () => Instrumentation;
}

/** Options of {@link loadInstrumentations}. */
export interface LoadInstrumentationsOptions {
  /** Where the app's node_modules are looked up when this package cannot resolve one. */
  cwd?: string;
  importer?: Importer;
}

/**
 * Loads and creates the instrumentations `names` (defaults of each). Throws one error listing every
 * name that could not be loaded, e.g. `@opentelemetry/instrumentation-undici is not installed`.
 */
export async function loadInstrumentations(
  names: readonly string[],
  options: LoadInstrumentationsOptions = {},
): Promise<Instrumentation[]> {
  const cwd = options.cwd ?? process.cwd();
  const importer: Importer = options.importer ?? ((s) => import(s) as Promise<Record<string, unknown>>);
  const loaded: Instrumentation[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const pkg = instrumentationPackage(name);
    try {
      const Cls = instrumentationClass(name, pkg, await importPackage(pkg, cwd, importer));
      loaded.push(new Cls());
    } catch (err) {
      problems.push(`'${name}': ${(err as Error).message}`);
    }
  }
  if (problems.length > 0) throw new Error(`cannot load instrumentations: ${problems.join('; ')}`);
  return loaded;
}

/**
 * Registers `@opentelemetry/instrumentation/hook.mjs` (import-in-the-middle) as a module loader hook.
 * ES modules (`import http from 'node:http'` in an `.mjs`/`"type": "module"` app) are only patched
 * through it; CommonJS apps are patched by `require` hooks and need no loader. Runs before the app's
 * modules load when called from the `--import` preload. Node ≥ 20.6 (`module.register`).
 */
export function registerEsmLoaderHook(): void {
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
}
