import { decodeCentralBlob } from './central-blob-parser.js';
import { decompressChunks } from './decompress-chunks.js';
import type { DecodedCentralBlob } from './types.js';

/** An upload body (LZ4 chunks) → central blob → schemas and typed rows. */
export function decodeBody(body: Uint8Array): DecodedCentralBlob {
  return decodeCentralBlob(decompressChunks(body));
}
