import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { builderConfig, createTempProject, type TempProject } from '../../helpers/temp-project.js';

let project: TempProject | undefined;
afterEach(() => project?.cleanup());

async function cli(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out, err };
}

describe('geneva-manifest CLI', () => {
  it('generate, --check clean, --check on drift, add', async () => {
    project = createTempProject(['memory-exporter', 'logs-only-exporter']);
    project.write(
      'builder-config.yaml',
      builderConfig({ exporters: ["package: '@fixture/memory-exporter'"] }),
    );
    expect(await cli(['generate', '--check'], project.dir)).toMatchObject({
      code: 1,
      err: [
        'drift: generated/components.ts is missing',
        'drift: generated/components.js is missing',
        'drift: generated/components.d.ts is missing',
        'drift: generated/components.json is missing',
        'run `geneva-manifest generate` and commit the result',
      ],
    });
    expect(await cli(['generate'], project.dir)).toMatchObject({
      code: 0,
      out: [
        'written: generated/components.ts',
        'written: generated/components.js',
        'written: generated/components.d.ts',
        'written: generated/components.json',
      ],
    });
    expect((await cli(['generate', '--check', '--config', 'builder-config.yaml'], project.dir)).code).toBe(0);
    project.write('generated/components.ts', '// edited\n');
    expect(await cli(['generate', '--check'], project.dir)).toMatchObject({
      code: 1,
      err: [
        'drift: generated/components.ts differs from what the builder config generates',
        'run `geneva-manifest generate` and commit the result',
      ],
    });
    const added = await cli(['add', '@fixture/logs-only-exporter'], project.dir);
    expect(added.code).toBe(0);
    expect(added.out[0]).toBe('added @fixture/logs-only-exporter to exporters (type logsonly)');
  });

  it('prints manifest errors with their code, usage errors with exit 2', async () => {
    project = createTempProject();
    project.write('builder-config.yaml', builderConfig({ exporters: ["package: '@fixture/none'"] }));
    const failed = await cli(['generate'], project.dir);
    expect(failed.code).toBe(1);
    expect(failed.err[0]).toMatch(
      /^geneva-manifest: exporters\[0\] \(@fixture\/none\): unknown package: .*\[GENEVA_MANIFEST_ERR_UNKNOWN_PACKAGE\]$/,
    );
    expect((await cli(['generate', '--bogus'], project.dir)).code).toBe(2);
    expect((await cli(['add'], project.dir)).code).toBe(2);
    expect((await cli(['frobnicate'], project.dir)).err[0]).toMatch(
      /^geneva-manifest: unknown command 'frobnicate'/,
    );
    const help = await cli(['--help'], project.dir);
    expect(help.code).toBe(0);
    expect(help.out.join('\n')).toMatch(/^usage:/);
    expect(help.err).toEqual([]);
  });
});
