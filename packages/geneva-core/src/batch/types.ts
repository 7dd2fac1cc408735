import type { EncodeWarning } from '../encode/record-context.js';

export type { EncodeWarning };

/** Who sends: written into the blob metadata and into every row (env_name, env_ver, Tenant, Role, RoleInstance). */
export interface EncoderIdentity {
  namespace: string;
  environment: string;
  configMajorVersion: number;
  tenant: string;
  roleName: string;
  roleInstance: string;
}

/** Encoder behavior beyond geneva-uploader 0.4.0; the defaults keep its bytes. */
export interface EncoderOptions {
  /**
   * Largest uncompressed central blob per batch, in bytes. When adding a row would exceed it, the
   * batch is closed and another batch with the same event name starts (a single larger row still
   * goes, alone). Default: no cap (0.4.0 behavior: one batch per event name).
   */
  maxBatchBytes?: number;
  /**
   * Adds `endTime` (STRING, same format as `startTime`) and `durationNs` (INT64, end − start, 0
   * when the end time is 0) after the built-in span columns. Default false (0.4.0 writes neither).
   */
  spanEndTime?: boolean;
}

/** One upload's worth of rows for one event (table). */
export interface EncodedBatch {
  /** Geneva event (table) name: the log record's event name, `Log` when empty, `Span` for spans. */
  eventName: string;
  /** The upload body: LZ4 chunks of the central blob. */
  data: Uint8Array;
  /** Earliest non-zero record time, `YYYY-MM-DDTHH:MM:SS.fffffffZ` (epoch when none). */
  startTime: string;
  /** Latest non-zero record time, same format. */
  endTime: string;
  /** md5 hex of each schema, in schema id order (joined by `;` in the upload URL). */
  schemaIds: string[];
  rowCount: number;
  /** Size of the central blob before compression. */
  uncompressedSize: number;
}

/** A record that could not be encoded; the rest of the request was. */
export interface RejectedRecord {
  signal: 'logs' | 'traces';
  /** e.g. `resourceLogs[0].scopeLogs[1].logRecords[3]` */
  location: string;
  reason: string;
}

export interface EncodeResult {
  batches: EncodedBatch[];
  rejected: RejectedRecord[];
  /** Records encoded with a change (invalid id omitted, attribute renamed or dropped as a repeat). */
  warnings: EncodeWarning[];
}
