// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are the collector's literal ${...} syntax under test.
import { describe, expect, it } from 'vitest';
import { substituteEnv } from '../../../src/config/env-substitution.js';

describe('substituteEnv (collector ${...} expansion)', () => {
  const env = { HOST: 'example.com', PORT: '4317', EMPTY: '', FLAG: 'true' };

  it('expands ${env:NAME} and ${NAME} inside strings', () => {
    expect(substituteEnv({ a: 'https://${env:HOST}:${PORT}/x' }, env)).toEqual({
      a: 'https://example.com:4317/x',
    });
  });

  it('types a value that is exactly one reference, as YAML would', () => {
    expect(substituteEnv({ p: '${env:PORT}', f: '${FLAG}', s: '${HOST}' }, env)).toEqual({
      p: 4317,
      f: true,
      s: 'example.com',
    });
  });

  it('supports :- fallbacks, $$ escapes and leaves bare $NAME alone', () => {
    expect(substituteEnv('${env:MISSING:-dflt}', env)).toBe('dflt');
    expect(substituteEnv('${EMPTY:-x}', env)).toBe('x');
    expect(substituteEnv('cost $$5 $${env:HOST} $HOST', env)).toBe('cost $5 ${env:HOST} $HOST');
    expect(substituteEnv('${MISSING}', env)).toBe('');
  });

  it('rejects other providers and bad names, naming the key', () => {
    expect(() => substituteEnv({ k: { x: '${file:/etc/passwd}' } }, env)).toThrow(
      'azuregigwarm.k.x: unsupported config provider scheme "file"',
    );
    expect(() => substituteEnv({ k: '${env:1BAD}' }, env)).toThrow(
      'environment variable "1BAD" has invalid name',
    );
  });

  it('does not mutate its input', () => {
    const input = { a: ['${HOST}'] };
    substituteEnv(input, env);
    expect(input).toEqual({ a: ['${HOST}'] });
  });
});
