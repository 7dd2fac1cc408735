/** Public surface of @geneva-otel/geneva-core: the encoding surface and the client surface. */

export * from './client.js';
export * from './encoding.js';
