import { afterEach, describe, expect, it } from 'vitest';
import { ManifestError, readComponentMetadata } from '../../../src/index.js';
import { createTempProject, type TempProject } from '../../helpers/temp-project.js';

let project: TempProject | undefined;
afterEach(() => project?.cleanup());

async function read(yaml: string) {
  project = createTempProject();
  return await readComponentMetadata(project.write('metadata.yaml', yaml), 'exporters[0] (x)');
}

describe('readComponentMetadata', () => {
  it('inverts status.stability to one level per signal, in signal order', async () => {
    expect(
      await read(
        'type: azuregigwarm\nstatus:\n  class: exporter\n  stability:\n    alpha: [traces, logs]\n  distributions: []\n',
      ),
    ).toEqual({ type: 'azuregigwarm', class: 'exporter', stability: { logs: 'alpha', traces: 'alpha' } });
  });

  it.each([
    ['status: { class: exporter, stability: {} }', 'missing "type"'],
    ['type: x', 'missing "status.class"'],
    ['type: "9x"\nstatus: { class: exporter, stability: {} }', "'type' must match"],
    ['type: x\nstatus: { class: widget, stability: {} }', "'status.class' must be one of"],
    ['type: x\nstatus: { class: exporter, stability: { shiny: [logs] } }', 'bad "status.stability.shiny"'],
    [
      'type: x\nstatus: { class: exporter, stability: { beta: [events] } }',
      'unknown signal "events" under beta',
    ],
  ])('rejects %j, naming the entry and the file', async (yaml, message) => {
    const err = await read(yaml).catch((e: unknown) => e as ManifestError);
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ManifestError).code).toBe('GENEVA_MANIFEST_ERR_BAD_METADATA');
    expect((err as ManifestError).message).toMatch(/^exporters\[0\] \(x\): .*metadata\.yaml: /);
    expect((err as ManifestError).message).toContain(message);
  });
});
