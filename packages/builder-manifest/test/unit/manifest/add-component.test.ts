import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addComponent, generateManifest, type ManifestError } from '../../../src/index.js';
import { createTempProject, type TempProject } from '../../helpers/temp-project.js';

let project: TempProject | undefined;
afterEach(() => project?.cleanup());

const CONFIG = `# my distribution
dist:
  name: test-dist
  output_path: ./gen
exporters:
  - package: '@fixture/memory-exporter' # the first one
`;

describe('addComponent', () => {
  it('appends the entry (comments kept) and regenerates', async () => {
    project = createTempProject(['memory-exporter', 'logs-only-exporter']);
    const config = project.write('builder-config.yaml', CONFIG);
    const result = await addComponent({ config, package: '@fixture/logs-only-exporter', version: '^0.3.0' });
    expect(result).toMatchObject({ section: 'exporters', type: 'logsonly' });
    const text = readFileSync(config, 'utf8');
    expect(text).toContain('# my distribution');
    expect(text).toContain("- package: '@fixture/memory-exporter' # the first one");
    expect(text).toMatch(/- package: "@fixture\/logs-only-exporter"\n {4}version: \^0\.3\.0/);
    const json = JSON.parse(readFileSync(join(project.dir, 'gen/components.json'), 'utf8'));
    expect(json.exporters.map((e: { type: string }) => e.type)).toEqual(['logsonly', 'memory']);
    expect((await generateManifest({ config, check: true })).ok).toBe(true);
  });

  it('refuses a package already listed and writes nothing on a failing add', async () => {
    project = createTempProject(['memory-exporter', 'duplicate-type', 'a-receiver']);
    const config = project.write('builder-config.yaml', CONFIG);
    await expect(addComponent({ config, package: '@fixture/memory-exporter' })).rejects.toThrow(
      'add (@fixture/memory-exporter): already listed as exporters[0]',
    );
    const err = await addComponent({ config, package: '@fixture/memory-exporter-copy' }).catch(
      (e: unknown) => e,
    );
    expect((err as ManifestError).code).toBe('GENEVA_MANIFEST_ERR_DUPLICATE_TYPE');
    expect(readFileSync(config, 'utf8')).toBe(CONFIG);
    // A receiver goes under receivers:, a section the config did not have yet.
    const added = await addComponent({ config, package: '@fixture/a-receiver' });
    expect(added.section).toBe('receivers');
    expect(readFileSync(config, 'utf8')).toMatch(/receivers:\n {2}- package: "@fixture\/a-receiver"/);
  });

  it('reports an unknown package', async () => {
    project = createTempProject();
    const config = project.write('builder-config.yaml', CONFIG);
    await expect(addComponent({ config, package: '@fixture/absent' })).rejects.toThrow(
      /add \(@fixture\/absent\): unknown package/,
    );
  });
});
