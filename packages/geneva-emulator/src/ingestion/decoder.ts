// The decoder comes from @geneva-otel/geneva-core (decodeBody: LZ4 chunks → central blob → rows).
import { type DecodedCentralBlob, decodeBody } from '@geneva-otel/geneva-core';

/** The decoded shape the gateway consumes (geneva-core's `DecodedCentralBlob`). */
export type DecodedBlob = DecodedCentralBlob;

export type DecodeBody = (body: Uint8Array) => DecodedBlob;

/** geneva-core's decodeBody. */
export const coreDecoder: DecodeBody = decodeBody;
