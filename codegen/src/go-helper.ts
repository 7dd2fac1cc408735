import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodegenError } from './errors.js';
import type { HelperOutput } from './helper-model.js';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Directory of the Go helper module. */
export const goHelperDir = join(packageRoot, 'go-helper');

/** Options of {@link runGoHelper}. */
export interface GoHelperOptions {
  /** Go module directory holding the config struct. */
  moduleDir: string;
  /** Config struct name (default `Config`). */
  typeName?: string;
  /** Function returning the default config (default `createDefaultConfig`). */
  defaultsFunc?: string;
}

function go(args: string[], cwd: string): string {
  try {
    return execFileSync('go', args, {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as { stderr?: string; message: string; code?: string };
    if (e.code === 'ENOENT')
      throw new CodegenError('GENEVA_ERR_CODEGEN_NO_GO', 'the `go` command was not found on PATH');
    throw new CodegenError(
      'GENEVA_ERR_CODEGEN_GO',
      `go ${args.join(' ')} failed in ${cwd}:\n${(e.stderr ?? e.message).trim()}`,
    );
  }
}

function cacheDir(): string {
  const nm = join(packageRoot, 'node_modules', '.cache', 'geneva-codegen');
  const fallback = join(tmpdir(), 'geneva-codegen');
  for (const dir of [nm, fallback]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // try the next location
    }
  }
  return fallback;
}

/** Builds the helper once per source hash and Go version; returns the binary path. */
export function ensureGoHelper(): string {
  const hash = createHash('sha256');
  hash.update(go(['version'], goHelperDir));
  for (const f of readdirSync(goHelperDir).sort()) {
    if (f.endsWith('.go') || f === 'go.mod' || f === 'go.sum')
      hash.update(f).update(readFileSync(join(goHelperDir, f)));
  }
  const exe = process.platform === 'win32' ? '.exe' : '';
  const bin = join(cacheDir(), `go-helper-${hash.digest('hex').slice(0, 16)}${exe}`);
  if (!existsSync(bin)) go(['build', '-o', bin, '.'], goHelperDir);
  return bin;
}

const memo = new Map<string, string>();

function moduleFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.go$|^go\.(mod|sum)$/.test(e.name)) hash.update(p).update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Loads the Go module with the Go type checker and returns the config description. */
export function runGoHelper(options: GoHelperOptions): HelperOutput {
  const dir = resolve(options.moduleDir);
  if (!existsSync(join(dir, 'go.mod'))) {
    throw new CodegenError('GENEVA_ERR_CODEGEN_INPUT', `${dir} is not a Go module (no go.mod)`);
  }
  // Same sources, same answer: one process (e.g. a test run) loads a module once.
  const bin = ensureGoHelper();
  // Same helper, same sources (go.sum pins every dependency), same answer: memoized in the
  // process and on disk next to the helper binary, so --check and test runs stay fast.
  const key = createHash('sha256')
    .update(`${bin}|${moduleFingerprint(dir)}|${options.typeName ?? ''}|${options.defaultsFunc ?? ''}`)
    .digest('hex')
    .slice(0, 24);
  const diskCache = join(dirname(bin), `out-${key}.json`);
  const cached = memo.get(key) ?? (existsSync(diskCache) ? readFileSync(diskCache, 'utf8') : undefined);
  if (cached) return JSON.parse(cached) as HelperOutput;
  go(['mod', 'download'], dir);
  let out: string;
  try {
    out = execFileSync(
      bin,
      [
        '-dir',
        dir,
        '-type',
        options.typeName ?? 'Config',
        '-defaults',
        options.defaultsFunc ?? 'createDefaultConfig',
      ],
      { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new CodegenError(
      'GENEVA_ERR_CODEGEN_GO_SOURCE',
      (e.stderr ?? e.message).trim().replace(/^go-helper: /, ''),
    );
  }
  memo.set(key, out);
  try {
    writeFileSync(diskCache, out);
  } catch {
    // a read-only cache only costs speed
  }
  return JSON.parse(out) as HelperOutput;
}
