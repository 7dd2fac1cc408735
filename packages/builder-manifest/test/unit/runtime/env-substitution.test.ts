// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are collector ${env:NAME} references, not templates
import { describe, expect, it } from 'vitest';
import { substituteEnv } from '../../../src/runtime/env-substitution.js';

describe('substituteEnv', () => {
  const env = { HOST: 'gcs.example', PORT: '4317', SECRET: 's3cr3t', EMPTY: '' };

  it('expands references in every string, typing whole-value references as YAML', () => {
    const doc = {
      a: { url: 'https://${env:HOST}:${env:PORT}/x', port: '${env:PORT}' },
      list: ['${env:HOST}'],
      n: 3,
    };
    const { value, issues, unset } = substituteEnv(doc, env);
    expect(issues).toEqual([]);
    expect(unset).toEqual([]);
    expect(value).toEqual({
      a: { url: 'https://gcs.example:4317/x', port: 4317 },
      list: ['gcs.example'],
      n: 3,
    });
  });

  it('uses defaults for unset or empty variables, substitutes empty for unset ones and reports them', () => {
    const doc = { a: '${env:NOPE:-fallback}', b: '${env:EMPTY:-d}', c: 'x${env:MISSING}y', d: '$$HOME' };
    const { value, unset } = substituteEnv(doc, env);
    expect(value).toEqual({ a: 'fallback', b: 'd', c: 'xy', d: '$HOME' });
    expect(unset).toEqual(['MISSING']);
  });

  it('rejects other providers with the path, never echoing values', () => {
    const { issues } = substituteEnv({ exporters: { x: { cert_password: '${file:/etc/secret}' } } }, env);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'GENEVA_CONFIG_ERR_INVALID_VALUE', path: 'exporters.x.cert_password' }),
    ]);
    expect(JSON.stringify(substituteEnv({ p: '${env:SECRET}', q: '${bad}' }, env).issues)).not.toContain(
      's3cr3t',
    );
  });
});
