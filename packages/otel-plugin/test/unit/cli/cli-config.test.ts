import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyEnvHint, loadCliConfig } from '../../../src/cli/cli-config.js';
import { findPlaceholders } from '../../../src/cli/cli-validate.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loadCliConfig', () => {
  it('refuses a collector file without exporters instead of reading it as a bare block', async () => {
    const file = join(dir, 'noexp.yaml');
    await writeFile(file, 'receivers: {}\nazuregigwarm:\n  endpoint: x\n');
    await expect(loadCliConfig(file, {})).rejects.toThrow(`no exporters.azuregigwarm block found in ${file}`);
    const other = join(dir, 'other.yaml');
    await writeFile(other, 'exporters:\n  otlp: {}\n');
    await expect(loadCliConfig(other, {})).rejects.toThrow(
      `no exporters.azuregigwarm block found in ${other}`,
    );
  });
});

describe('emptyEnvHint', () => {
  it('names unset or empty variables, never a value, and skips references with a fallback', () => {
    const block = {
      endpoint: `\${env:GENEVA_ENDPOINT}`,
      tenant: `\${T}`,
      a: `\${env:SET}`,
      b: `\${env:D:-x}`,
    };
    const hint = emptyEnvHint(block, { T: '', SET: 'secret-value' });
    expect(hint).toContain(`\${env:GENEVA_ENDPOINT}, \${env:T} are unset or empty`);
    expect(hint).not.toContain('secret-value');
    expect(hint).not.toContain(`\${env:D}`);
    expect(emptyEnvHint(block, { GENEVA_ENDPOINT: 'x', T: 'y', SET: 'z' })).toBe('');
  });
});

describe('findPlaceholders', () => {
  it('lists every <...> value by field; a secret field is named without its value', () => {
    expect(
      findPlaceholders({
        endpoint: 'https://<gcs-endpoint>.example',
        nested: { list: ['ok', '<x>'] },
        cert_password: '<pw-placeholder>',
        fine: 'a < b',
      }),
    ).toEqual([
      'endpoint: still contains the placeholder <gcs-endpoint>; replace it with your value',
      'nested.list[1]: still contains the placeholder <x>; replace it with your value',
      'cert_password: still contains a <...> placeholder; replace it with your value',
    ]);
  });
});
