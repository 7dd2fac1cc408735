// Reading the golden vectors in test/vectors/ (written by tools/reference-vectors, `npm run vectors`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import {
  type EncodeResult,
  type EncoderIdentity,
  type ExportLogsServiceRequest,
  type ExportTraceServiceRequest,
  encodeLogs,
  encodeSpans,
} from '../../../src/index.js';

export const VECTORS = new URL('../../vectors/', import.meta.url);

/** The sidecar `<name>.identity.json`: the encoder identity plus where the client would connect. */
export interface VectorIdentity extends EncoderIdentity {
  account: string;
  region: string;
}

export interface CorpusEntry {
  name: string;
  signal: 'logs' | 'traces';
  description: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query exactly as the crate sent it, with random UUIDs replaced by `<uuid>`. */
  rawQuery: string;
  headers: Record<string, string>;
}

export interface CrateBatch {
  eventName: string;
  blobFile: string;
  bodyFile: string;
  rowCount: number;
  schemaIds: string[];
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  startTime: string;
  endTime: string;
  dataSize: number;
  uncompressedSize: number;
  upload: RecordedRequest;
}

/** `crate-0.4.0/<name>/manifest.json`: what geneva-uploader 0.4.0 produced and sent for one input. */
export interface CrateManifest {
  input: string;
  signal: 'logs' | 'traces';
  recordCount: number;
  identity: VectorIdentity;
  gateway: { endpointClaim: string; moniker: string };
  configRequest: RecordedRequest | null;
  batches: CrateBatch[];
}

export type VectorRequest = ExportLogsServiceRequest | ExportTraceServiceRequest;

/** geneva-core's encoder for the input's signal. */
export function encodeInput(
  signal: 'logs' | 'traces',
  request: VectorRequest,
  identity: EncoderIdentity,
): EncodeResult {
  return signal === 'logs'
    ? encodeLogs(request as ExportLogsServiceRequest, identity)
    : encodeSpans(request as ExportTraceServiceRequest, identity);
}

export function readJson<T>(url: URL): T {
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

export function readBytes(url: URL): Uint8Array {
  return new Uint8Array(readFileSync(url));
}

/** `corpus/index.json` or `defective/index.json`. */
export function corpusIndex(folder: 'corpus' | 'defective'): CorpusEntry[] {
  return readJson<CorpusEntry[]>(new URL(`${folder}/index.json`, VECTORS));
}

export function readInput(
  folder: 'corpus' | 'defective',
  name: string,
): { request: VectorRequest; identity: VectorIdentity } {
  return {
    request: readJson<VectorRequest>(new URL(`${folder}/${name}.otlp.json`, VECTORS)),
    identity: readJson<VectorIdentity>(new URL(`${folder}/${name}.identity.json`, VECTORS)),
  };
}

/** Folder of the crate's output for one input. */
export function crateDir(folder: 'corpus' | 'defective', name: string): URL {
  return new URL(folder === 'corpus' ? `crate-0.4.0/${name}/` : `defective/crate-0.4.0/${name}/`, VECTORS);
}

export function readManifest(folder: 'corpus' | 'defective', name: string): CrateManifest {
  return readJson<CrateManifest>(new URL('manifest.json', crateDir(folder, name)));
}

/** Names of the `<name>.otlp.json` inputs present on disk (to catch inputs missing from index.json). */
export function inputNames(folder: 'corpus' | 'defective'): string[] {
  return readdirSync(new URL(`${folder}/`, VECTORS))
    .filter((f) => f.endsWith('.otlp.json'))
    .map((f) => f.slice(0, -'.otlp.json'.length))
    .sort();
}

/** Names of the crate output folders present on disk (to catch stale or missing vectors). */
export function crateOutputNames(folder: 'corpus' | 'defective'): string[] {
  const dir = crateDir(folder, '.');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/**
 * Query pairs in order, values decoded as a server would (`+` is a space, then percent-decoding;
 * a malformed escape stays as sent).
 * 0.4.0 percent-encodes only some values, so comparing decoded values compares what the gateway reads.
 */
export function queryPairs(rawQuery: string): Array<[string, string]> {
  return rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const key = eq < 0 ? p : p.slice(0, eq);
      const value = eq < 0 ? '' : p.slice(eq + 1);
      return [key, lenientDecode(value.replaceAll('+', ' '))];
    });
}

/** Percent-decoding that keeps a malformed escape (0.4.0 sends `event=100%`) as it is. */
function lenientDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
