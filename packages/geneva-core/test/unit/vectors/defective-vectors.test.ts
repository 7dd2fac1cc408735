// Inputs on which geneva-uploader 0.4.0 is defective (wire-format page, section 8). geneva-core is
// checked against our documented output (`test/vectors/defective/<name>.expected.json`: what 0.4.0
// does wrong, what we do, and the batches we write), and the crate's recorded output is checked to
// really differ from ours, so an input that stops being a difference gets noticed.
import { describe, expect, it } from 'vitest';
import {
  buildUploadUrl,
  type DecodedValue,
  decodeBody,
  decompressChunks,
  type EncodeResult,
} from '../../../src/index.js';
import {
  corpusIndex,
  crateDir,
  crateOutputNames,
  encodeInput,
  inputNames,
  queryPairs,
  readBytes,
  readInput,
  readJson,
  readManifest,
  VECTORS,
} from './vector-files.js';

interface ExpectedBatch {
  eventName: string;
  rowCount: number;
  startTime: string;
  endTime: string;
  /** Decoded upload query values we promise (beyond the ones checked for every batch). */
  query?: Record<string, string>;
  /** Per schema id, the columns after the seven head columns, as `name:TYPE`. */
  columnsAfterHead: string[][];
  /** Per event: schema id, level and the column values we promise (int64 as `<n>n`). */
  events: { schema: number; level: number; values: Record<string, string | number | boolean> }[];
}

interface Expected {
  defect: string;
  ours: string;
  rejected: { location: string; reason?: string }[];
  warnings: { location: string; code: string }[];
  batches: ExpectedBatch[];
}

const HEAD = ['env_name', 'env_ver', 'timestamp', 'env_time', 'Tenant', 'Role', 'RoleInstance'];
const defective = corpusIndex('defective');
const asJson = (v: DecodedValue) => (typeof v === 'bigint' ? `${v}n` : v);
const GATEWAY = {
  gatewayEndpoint: 'http://127.0.0.1:9/',
  monitoringEndpoint: 'https://gig.example.test/',
  moniker: 'm',
};

describe('inputs on which geneva-uploader 0.4.0 is defective', () => {
  it('each has a documented expected output and a recorded crate output', () => {
    expect(defective.length).toBeGreaterThanOrEqual(10);
    expect(inputNames('defective')).toEqual(defective.map((e) => e.name).sort());
    expect(crateOutputNames('defective')).toEqual(defective.map((e) => e.name).sort());
    for (const { name } of defective) {
      const expected = readJson<Expected>(new URL(`defective/${name}.expected.json`, VECTORS));
      expect(expected.defect.length, name).toBeGreaterThan(20);
      expect(expected.ours.length, name).toBeGreaterThan(20);
    }
  });

  describe.each(defective)('$name', ({ name, signal }) => {
    const { request, identity } = readInput('defective', name);
    const expected = readJson<Expected>(new URL(`defective/${name}.expected.json`, VECTORS));
    let memo: EncodeResult | undefined;
    const encoded = (): EncodeResult => {
      memo ??= encodeInput(signal, request, identity);
      return memo;
    };
    const ours = (eventName: string) => {
      const found = encoded().batches.filter((b) => b.eventName === eventName);
      expect(found, `batches named ${JSON.stringify(eventName)}`).toHaveLength(1);
      return found[0]!;
    };

    it('reports the documented rejections and warnings', () => {
      const result = encoded();
      expect(result.rejected.map((r) => r.location)).toEqual(expected.rejected.map((r) => r.location));
      expected.rejected.forEach((r, i) => {
        if (r.reason !== undefined) expect(result.rejected[i]!.reason).toContain(r.reason);
      });
      expect(result.warnings.map((w) => ({ location: w.location, code: w.code }))).toEqual(expected.warnings);
    });

    it('writes the documented batches, schemas and rows', () => {
      const result = encoded();
      expect(result.batches.map((b) => b.eventName).sort()).toEqual(
        expected.batches.map((b) => b.eventName).sort(),
      );
      for (const exp of expected.batches) {
        const batch = ours(exp.eventName);
        expect({ rowCount: batch.rowCount, startTime: batch.startTime, endTime: batch.endTime }).toEqual({
          rowCount: exp.rowCount,
          startTime: exp.startTime,
          endTime: exp.endTime,
        });
        const blob = decodeBody(batch.data);
        expect(blob.schemas.map((s) => s.md5)).toEqual(batch.schemaIds);
        for (const schema of blob.schemas) {
          expect(schema.fields.slice(0, HEAD.length).map((f) => `${f.name}:${f.type}`)).toEqual(
            HEAD.map((h) => `${h}:STRING`),
          );
        }
        expect(
          blob.schemas.map((s) => s.fields.slice(HEAD.length).map((f) => `${f.name}:${f.type}`)),
        ).toEqual(exp.columnsAfterHead);
        expect(blob.events).toHaveLength(exp.events.length);
        blob.events.forEach((event, i) => {
          const want = exp.events[i]!;
          expect({ schema: event.schemaId, level: event.level, eventName: event.eventName }).toEqual({
            schema: want.schema,
            level: want.level,
            eventName: exp.eventName,
          });
          expect(Object.keys(event.values)).toEqual(
            blob.schemas[event.schemaId - 1]!.fields.map((f) => f.name),
          );
          expect(event.values).toMatchObject({
            env_name: identity.environment,
            env_ver: `Ver${identity.configMajorVersion}v0`,
            Tenant: identity.tenant,
            RoleInstance: identity.roleInstance,
          });
          const values = Object.fromEntries(
            Object.keys(want.values).map((k) => [k, asJson(event.values[k]!)]),
          );
          expect(values, `event ${i}`).toEqual(want.values);
        });
      }
    });

    it('sends a query the gateway reads back as given', () => {
      for (const exp of expected.batches) {
        const batch = ours(exp.eventName);
        const url = buildUploadUrl(GATEWAY, { ...batch, dataSize: batch.data.length }, identity);
        const query = Object.fromEntries(queryPairs(url.search.slice(1)));
        expect(query).toMatchObject({
          event: exp.eventName,
          startTime: exp.startTime,
          endTime: exp.endTime,
          rowCount: String(exp.rowCount),
          ...exp.query,
        });
      }
    });

    it('differs from what 0.4.0 recorded (the defect is real)', () => {
      const manifest = readManifest('defective', name);
      const dir = crateDir('defective', name);
      const differences: string[] = [];
      for (const crate of manifest.batches) {
        const crateQuery = Object.fromEntries(queryPairs(crate.upload.rawQuery));
        const mine = encoded().batches.find((b) => b.eventName === crate.eventName);
        if (mine === undefined) {
          differences.push(`0.4.0 batch ${JSON.stringify(crate.eventName)} has no counterpart`);
          continue;
        }
        const crateBlob = readBytes(new URL(crate.blobFile, dir));
        if (!Buffer.from(crateBlob).equals(decompressChunks(mine.data)))
          differences.push(`${crate.eventName}: blob`);
        for (const [key, value] of [
          ['event', mine.eventName],
          ['startTime', mine.startTime],
          ['endTime', mine.endTime],
        ] as const) {
          if (crateQuery[key] !== value)
            differences.push(`${crate.eventName}: query ${key}=${crateQuery[key]}`);
        }
      }
      expect(differences, expected.defect).not.toEqual([]);
    });
  });
});
