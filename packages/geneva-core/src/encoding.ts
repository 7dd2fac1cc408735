// Encoding and decoding surface (OTLP model → Bond central blob → LZ4 chunks, and back).
export {};
