/** Public surface of @geneva-otel/geneva-core. */
export const PACKAGE_NAME = '@geneva-otel/geneva-core';
