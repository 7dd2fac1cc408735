// Public surface of @geneva-otel/geneva-emulator.

export { formatTable } from './output/print-table.js';
export { DEFAULT_CLIENT_ID, DEFAULT_TENANT_ID, startEmulator } from './start-emulator.js';
export type {
  EmulatorCounters,
  EmulatorOptions,
  FaultAction,
  FaultRule,
  GenevaEmulator,
  IssuedClientCertificate,
  IssuedToken,
  ReceivedColumn,
  ReceivedEvent,
  RequestKind,
  RequestLogEntry,
} from './types.js';
