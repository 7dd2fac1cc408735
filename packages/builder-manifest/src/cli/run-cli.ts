import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ManifestError } from '../errors.js';
import { addComponent } from '../manifest/add-component.js';
import { generateManifest } from '../manifest/generate-manifest.js';

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
}

const USAGE = `usage:
  geneva-manifest generate [--config builder-config.yaml] [--check]
  geneva-manifest add <package> [--config builder-config.yaml] [--version <range>] [--path <dir>] [--factory <export>]

  generate   write components.ts, components.js + components.d.ts (plain ESM) and components.json
             into dist.output_path
  --check    write nothing; exit 1 if the committed files differ from what the config generates
  add        list a component package in the builder config (section from its metadata.yaml) and regenerate`;

/** Runs `geneva-manifest` with `argv` (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const show = (p: string): string => {
    const rel = relative(io.cwd, p);
    return rel && !rel.startsWith('..') ? rel : p;
  };
  try {
    if (command === 'generate') {
      const { values } = parseArgs({
        args: rest,
        options: { config: { type: 'string', short: 'c' }, check: { type: 'boolean' } },
        allowPositionals: false,
      });
      const result = await generateManifest({
        config: resolve(io.cwd, values.config ?? 'builder-config.yaml'),
        check: values.check ?? false,
      });
      for (const f of result.files) {
        if (f.status === 'drift')
          io.err(`drift: ${show(f.path)} differs from what the builder config generates`);
        else if (f.status === 'missing') io.err(`drift: ${show(f.path)} is missing`);
        else io.out(`${f.status}: ${show(f.path)}`);
      }
      if (!result.ok) io.err('run `geneva-manifest generate` and commit the result');
      return result.ok ? 0 : 1;
    }
    if (command === 'add') {
      const { values, positionals } = parseArgs({
        args: rest,
        options: {
          config: { type: 'string', short: 'c' },
          version: { type: 'string' },
          path: { type: 'string' },
          factory: { type: 'string' },
        },
        allowPositionals: true,
      });
      if (positionals.length !== 1) {
        io.err(USAGE);
        return 2;
      }
      const result = await addComponent({
        config: resolve(io.cwd, values.config ?? 'builder-config.yaml'),
        package: positionals[0]!,
        ...(values.version ? { version: values.version } : {}),
        ...(values.path ? { path: values.path } : {}),
        ...(values.factory ? { factory: values.factory } : {}),
      });
      io.out(`added ${positionals[0]} to ${result.section} (type ${result.type})`);
      for (const f of result.files) io.out(`${f.status}: ${show(f.path)}`);
      return 0;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    io.err(command === undefined ? USAGE : `geneva-manifest: unknown command '${command}'\n${USAGE}`);
    return 2;
  } catch (err) {
    if (err instanceof ManifestError) {
      io.err(`geneva-manifest: ${err.message} [${err.code}]`);
      return 1;
    }
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}
