// Encoding and decoding surface (OTLP model → Bond central blob → LZ4 chunks, and back).

export { encodeLogs } from './batch/encode-logs.js';
export { encodeSpans } from './batch/encode-spans.js';
export type {
  EncodedBatch,
  EncodeResult,
  EncoderIdentity,
  EncoderOptions,
  EncodeWarning,
  RejectedRecord,
} from './batch/types.js';
export { decodeCentralBlob } from './decode/central-blob-parser.js';
export { decodeBody } from './decode/decode-body.js';
export { GenevaDecodeError } from './decode/decode-error.js';
export { decompressChunks } from './decode/decompress-chunks.js';
export type {
  BondTypeName,
  DecodedCentralBlob,
  DecodedEvent,
  DecodedField,
  DecodedSchema,
  DecodedValue,
} from './decode/types.js';
export { compressChunks } from './encode/lz4-chunks.js';
export type * from './model/otlp-types.js';
