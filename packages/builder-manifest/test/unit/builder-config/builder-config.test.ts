import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ManifestError, parseBuilderConfig } from '../../../src/index.js';

const parseYaml = (text: string) => parseBuilderConfig(parse(text));

describe('parseBuilderConfig', () => {
  it('reads dist and entries, defaulting description and output_path', () => {
    const config = parseYaml(`
dist: { name: d }
exporters:
  - package: '@geneva-otel/otel-plugin'
    version: ^0.1.0
    factory: createAzureGigWarmFactory
receivers:
  - package: some-receiver
    path: ../local/receiver
`);
    expect(config).toEqual({
      dist: { name: 'd', description: '', output_path: './generated' },
      exporters: [
        { package: '@geneva-otel/otel-plugin', version: '^0.1.0', factory: 'createAzureGigWarmFactory' },
      ],
      receivers: [{ package: 'some-receiver', path: '../local/receiver' }],
      processors: [],
    });
  });

  it.each([
    ['exporters: []', "'dist' is required"],
    ['dist: { name: d, output: x }', "unknown key 'dist.output'"],
    ['dist: { name: d }\nextensions: []', "'extensions' is not supported by geneva-manifest"],
    ['dist: { name: d }\nexporter: []', "unknown key 'exporter'"],
    ['dist: { description: x }', "'dist.name' is required"],
    ['dist: { name: d }\nexporters: { package: x }', "'exporters' must be a list"],
    [
      'dist: { name: d }\nexporters:\n  - gomod: github.com/x/y v1',
      "exporters[0]: 'gomod' is for Go modules",
    ],
    [
      'dist: { name: d }\nexporters:\n  - package: Not_Valid',
      "exporters[0]: 'Not_Valid' is not a valid npm package name",
    ],
    ['dist: { name: d }\nexporters:\n  - package: x\n    colour: red', "exporters[0]: unknown key 'colour'"],
    [
      'dist: { name: d }\nprocessors:\n  - package: x\n    factory: 1bad',
      "processors[0] (x): 'factory' must be an export name",
    ],
    ['dist: { name: d }\nexporters:\n  - version: 1', "exporters[0]: 'package' is required"],
    [
      'dist: { name: d }\nexporters:\n  - package: x\n    version: 1',
      "exporters[0] (x): 'version' must be a non-empty string",
    ],
  ])('rejects %j', (text, message) => {
    expect(() => parseYaml(text)).toThrow(ManifestError);
    expect(() => parseYaml(text)).toThrow(message);
  });
});
