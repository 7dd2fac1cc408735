import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/build-schema.js';
import { compileStandalone } from '../../src/emit-validator.js';
import { runGoHelper } from '../../src/go-helper.js';
import { constructsModule, unsupportedModule } from '../helpers.js';

const metadata = { type: 'constructs', class: 'exporter', stability: {} };

describe('Go constructs: supported', () => {
  const out = runGoHelper({
    moduleDir: constructsModule,
    typeName: 'Supported',
    defaultsFunc: 'newSupported',
  });
  const schema = buildSchema(out, { name: 'Constructs', metadata });
  const props = schema.properties as Record<string, Record<string, unknown>>;

  it('flattens squash, skips "-" and unexported fields, lower-cases untagged names', () => {
    expect(Object.keys(props)).toEqual([
      'name',
      'secret',
      'level',
      'mode',
      'ptr',
      'items',
      'labels',
      'opt',
      'ratio',
      'alias',
      'untagged',
    ]);
    expect(props.name?.['x-go-field']).toBe('Common.Name');
  });

  it('maps configopaque, named basics, enums, pointers, slices, maps, Optional and aliases', () => {
    expect(props.secret).toMatchObject({ type: 'string', writeOnly: true, 'x-redact': true, default: '' });
    expect(props.level).toMatchObject({ type: 'string', default: '' });
    expect(props.mode).toMatchObject({ type: 'integer', minimum: 0, maximum: 255, default: 2 });
    expect(props.mode?.['x-go-enum']).toHaveLength(2);
    expect(props.ptr).toMatchObject({ type: 'object', 'x-go-pointer': true, title: 'Inner' });
    expect(props.ptr).not.toHaveProperty('default');
    expect(props.items).toMatchObject({
      type: 'array',
      items: { type: 'object', additionalProperties: false },
    });
    expect(props.labels).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } });
    expect(props.opt).toMatchObject({ title: 'InnerAlias', 'x-go-optional': true });
    expect(props.opt).not.toHaveProperty('default');
    const opt = props.opt?.properties as Record<string, Record<string, unknown>>;
    expect(opt.limit).toMatchObject({ type: 'integer', minimum: -32768, maximum: 32767, default: 4 });
    expect(opt.wait).toMatchObject({ type: 'string', default: '1.5s', 'x-go-type': 'time.Duration' });
    expect(props.ratio).toMatchObject({ type: 'number', default: 0.25 });
    expect(() => compileStandalone(schema)).not.toThrow();
  });

  it('translates rules with fmt args, Optional/pointer checks, len(), squashed Validate()', () => {
    const groups = schema['x-go-rules'] as { source: string; label?: string; rules: { message: string }[] }[];
    expect(groups.map((g) => [g.source, g.label ?? '', g.rules.map((r) => r.message)])).toEqual([
      [
        'example.com/constructs.Supported.Validate',
        '',
        ['ptr.limit %d is above 10', 'too many labels or opt.wait above 2s'],
      ],
      ['example.com/constructs.Common.Validate', 'common', ['name must not be empty']],
    ]);
  });

  it('reports what it cannot translate with file:line', () => {
    expect(out.untranslated).toEqual([
      expect.objectContaining({
        source: 'example.com/constructs.Mode.String',
        pos: 'supported.go:30',
        code: 'enum-string',
      }),
      expect.objectContaining({
        source: 'example.com/constructs.Supported.Validate',
        pos: 'supported.go:90',
        code: 'rule',
      }),
      expect.objectContaining({
        source: 'example.com/constructs.Supported.Unmarshal',
        pos: 'supported.go:109',
        code: 'custom-unmarshal',
      }),
    ]);
  });

  it('translates confmap Unmarshal hooks (conf.IsSet + copy)', () => {
    expect(schema['x-go-unmarshal']).toEqual([
      {
        kind: 'copy',
        when: { op: 'not', args: [{ op: 'given', path: ['alias'] }] },
        target: ['alias'],
        from: ['name'],
        pos: 'supported.go:106',
      },
    ]);
  });
});

describe('Go constructs: unsupported ones fail with the type and file:line', () => {
  it.each([
    ['WithInterface', 'unsupported.go:8: example.com/unsupported.WithInterface.Extra has type any'],
    ['WithChan', 'unsupported.go:13: example.com/unsupported.WithChan.Events has type chan string'],
    [
      'WithGeneric',
      'unsupported.go:23: example.com/unsupported.WithGeneric.P has type example.com/unsupported.Pair[int]',
    ],
    [
      'WithEmbedded',
      'unsupported.go:33: embedded field example.com/unsupported.WithEmbedded.Base without mapstructure ",squash"',
    ],
    ['Node', 'unsupported.go:37: recursive type example.com/unsupported.Node'],
  ])('%s', (typeName, message) => {
    expect(() => runGoHelper({ moduleDir: unsupportedModule, typeName, defaultsFunc: 'newEmpty' })).toThrow(
      message,
    );
  });

  it('defaults it cannot evaluate statically', () => {
    expect(() =>
      runGoHelper({
        moduleDir: unsupportedModule,
        typeName: 'WithBadDefault',
        defaultsFunc: 'newWithBadDefault',
      }),
    ).toThrow(
      'cannot evaluate default at unsupported.go:46: example.com/unsupported.newWithBadDefault is not a single return statement',
    );
    expect(() => runGoHelper({ moduleDir: unsupportedModule, typeName: 'Missing' })).toThrow(
      'type Missing not found in package example.com/unsupported',
    );
  });
});
