import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BondType } from '../../../src/encode/bond-types.js';
import { writeGenericBlob } from '../../../src/encode/generic-blob.js';
import { compressChunks, decodeBody, decodeCentralBlob } from '../../../src/encoding.js';

const golden = new Uint8Array(
  readFileSync(new URL('../../fixtures/cpp-bond-central-blob.bin', import.meta.url)),
);

// The golden vector's own value (not an approximation of π).
const GOLDEN_DOUBLE = Number('3.1415');

const content = {
  metadata: 'namespace=testNamespace/eventVersion=Ver1v0/tenant=T/role=R/roleinstance=RI',
  schemas: [
    {
      id: 1,
      structName: 'MdsContainer',
      qualifiedName: 'testNamespace.MdsContainer',
      fields: [
        { name: 'Float64Col', type: BondType.DOUBLE },
        { name: 'Int32Col', type: BondType.INT32 },
        { name: 'Int64Col', type: BondType.INT64 },
        { name: 'BoolCol', type: BondType.BOOL },
        { name: 'StringCol', type: BondType.WSTRING },
      ],
    },
  ],
  events: [
    {
      schemaId: 1,
      level: 5,
      eventName: 'basename',
      values: [GOLDEN_DOUBLE, 42, 123456789012345n, true, 'Hello Bond!'],
    },
  ],
};

describe('C++ Bond golden central blob', () => {
  it('is re-encoded byte for byte by the generic writer', () => {
    const mine = writeGenericBlob(content);
    expect(mine.length).toBe(782);
    expect(Buffer.from(mine).equals(Buffer.from(golden))).toBe(true);
  });

  it('decodes to the documented values', () => {
    const blob = decodeCentralBlob(golden);
    expect(blob.version).toBe(1);
    expect(blob.format).toBe(2);
    expect(blob.metadata).toBe(content.metadata);
    expect(blob.schemas).toEqual([
      {
        id: 1,
        md5: 'b9c0c2c6ac4cb2835f2f10cd5dc8ad71',
        structName: 'MdsContainer',
        qualifiedName: 'testNamespace.MdsContainer',
        fields: [
          { id: 1, name: 'Float64Col', type: 'DOUBLE' },
          { id: 2, name: 'Int32Col', type: 'INT32' },
          { id: 3, name: 'Int64Col', type: 'INT64' },
          { id: 4, name: 'BoolCol', type: 'BOOL' },
          { id: 5, name: 'StringCol', type: 'WSTRING' },
        ],
      },
    ]);
    expect(blob.events).toEqual([
      {
        schemaId: 1,
        level: 5,
        eventName: 'basename',
        values: {
          Float64Col: GOLDEN_DOUBLE,
          Int32Col: 42,
          Int64Col: 123456789012345n,
          BoolCol: true,
          StringCol: 'Hello Bond!',
        },
      },
    ]);
    expect(Object.keys(blob.events[0]!.values)).toEqual([
      'Float64Col',
      'Int32Col',
      'Int64Col',
      'BoolCol',
      'StringCol',
    ]);
  });

  it('survives LZ4 chunking', () => {
    expect(decodeBody(compressChunks(golden))).toEqual(decodeCentralBlob(golden));
  });
});
