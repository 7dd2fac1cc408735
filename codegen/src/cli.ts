import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CodegenError } from './errors.js';
import { diffFiles, generateConfig, writeFiles } from './generate.js';
import { readComponentMetadata } from './metadata.js';

const usage = `Usage:
  geneva-codegen config --go <module dir> [--type Config] [--overlay <file>] [--go-schema <file>] [--name <Prefix>] --out <dir> [--check]
  geneva-codegen manifest-input --metadata <metadata.yaml>... [--out <file>]

  config          read a Go collector component's config struct (Go toolchain 1.23+ required: the Go
                  module's own parser and type checker run through a small helper) and write
                  <type>.schema.json, <type>.types.ts and <type>.validator.js (+ .d.ts) into --out
  --check         write nothing; exit 1 listing the stale files when the committed output differs
  manifest-input  print {type, class, stability} of collector component metadata.yaml files (JSON)
  --help          show this text`;

/** Runs the CLI; returns the exit code. Output goes through the given writers (testable). */
export async function main(
  argv: string[],
  io: { out: (s: string) => void; err: (s: string) => void } = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  },
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(`${usage}\n`);
    return 0;
  }
  try {
    if (command === 'config') {
      const { values } = parseArgs({
        args: rest,
        options: {
          go: { type: 'string' },
          type: { type: 'string' },
          overlay: { type: 'string' },
          'go-schema': { type: 'string' },
          name: { type: 'string' },
          out: { type: 'string' },
          check: { type: 'boolean' },
        },
      });
      if (!values.go || !values.out)
        throw new CodegenError('GENEVA_ERR_CODEGEN_INPUT', `--go and --out are required\n${usage}`);
      if (!existsSync(values.go))
        throw new CodegenError('GENEVA_ERR_CODEGEN_INPUT', `--go ${values.go}: no such Go module directory`);
      const files = await generateConfig({
        goDir: values.go,
        outDir: values.out,
        typeName: values.type,
        overlay: values.overlay,
        goSchemaFile: values['go-schema'],
        name: values.name,
      });
      if (values.check) {
        const stale = diffFiles(files);
        if (stale.length) {
          io.err(
            `geneva-codegen: ${stale.length} generated file(s) are stale; run \`npm run codegen\`:\n  ${stale.join('\n  ')}\n`,
          );
          return 1;
        }
        io.out(`geneva-codegen: ${files.size} generated files are up to date\n`);
        return 0;
      }
      writeFiles(files);
      io.out(`geneva-codegen: wrote ${[...files.keys()].join(', ')}\n`);
      return 0;
    }
    if (command === 'manifest-input') {
      const { values } = parseArgs({
        args: rest,
        options: { metadata: { type: 'string', multiple: true }, out: { type: 'string' } },
      });
      if (!values.metadata?.length)
        throw new CodegenError('GENEVA_ERR_CODEGEN_INPUT', `--metadata is required\n${usage}`);
      const text = `${JSON.stringify(values.metadata.map(readComponentMetadata), null, 2)}\n`;
      if (values.out) writeFileSync(values.out, text);
      else io.out(text);
      return 0;
    }
    io.err(command === undefined ? `${usage}\n` : `geneva-codegen: unknown command '${command}'\n${usage}\n`);
    return 2;
  } catch (err) {
    const code = err instanceof CodegenError ? `${err.code}: ` : '';
    io.err(`geneva-codegen: ${code}${(err as Error).message}\n`);
    return 1;
  }
}
