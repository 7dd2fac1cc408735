import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonSyntaxReason, readOtlpInput } from '../../../src/cli/otlp-input.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'otlp-input-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Protobuf length-delimited field. */
const field = (num: number, body: Buffer): Buffer => {
  const len: number[] = [];
  let n = body.length;
  do {
    len.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  return Buffer.concat([Buffer.from([(num << 3) | 2, ...len]), body]);
};

describe('readOtlpInput', () => {
  it('never echoes the input in a JSON syntax error', () => {
    expect(jsonSyntaxReason('Unexpected token \u0007 in JSON at position 3')).toBe(
      'unexpected character at position 3',
    );
    expect(jsonSyntaxReason('Unexpected token \'q\', "qSECRETq" is not valid JSON')).toBe(
      'unexpected character',
    );
    expect(jsonSyntaxReason('Unexpected end of JSON input')).toBe('unexpected end of input');
  });

  it('refuses a protobuf attribute nested too deep, naming the record, without a stack overflow', async () => {
    // AnyValue{kvlist_value(6): KeyValueList{values(1): KeyValue{key(1), value(2): AnyValue{...}}}}
    let any = field(1, Buffer.from('leaf'));
    for (let i = 0; i < 3000; i++)
      any = field(6, field(1, Buffer.concat([field(1, Buffer.from('k')), field(2, any)])));
    const attribute = Buffer.concat([field(1, Buffer.from('deep')), field(2, any)]);
    const record = field(6, attribute); // LogRecord.attributes = 6
    const bytes = field(1, field(2, field(2, record))); // request.resourceLogs → scopeLogs → logRecords
    const file = join(dir, 'deep.pb');
    await writeFile(file, bytes);
    await expect(readOtlpInput(file, 'logs')).rejects.toThrow(
      /deep\.pb: not valid OTLP\/protobuf: resourceLogs\[0\]\.scopeLogs\[0\]\.logRecords\[0\]\.attributes\[0\]\.value: value nests deeper than 64 levels/,
    );
  });
});
