import type { BondWriter } from './bond-writer.js';

/** A non-fatal finding about one record: the record was encoded, but not exactly as given. */
export interface EncodeWarning {
  signal: 'logs' | 'traces';
  /** e.g. `resourceLogs[0].scopeLogs[1].logRecords[3]` */
  location: string;
  /** Stable code: GENEVA_WARN_INVALID_ID, GENEVA_WARN_DUPLICATE_ATTRIBUTE, GENEVA_WARN_RENAMED_ATTRIBUTE. */
  code: string;
  message: string;
}

/** What a record encoder produced besides the row bytes (written to the scratch writer). */
export interface EncodedRow {
  /** Which optional built-in columns are present (signal specific bit mask). */
  mask: number;
  /** Attribute column names and Bond types (scratch arrays owned by the context: copy to keep). */
  attrNames: string[];
  attrTypes: number[];
  level: number;
}

/** Per-call state shared by the record encoders. */
export interface RecordContext {
  /** env_name and env_ver as Bond STRINGs. */
  readonly head: Uint8Array;
  /** Tenant, Role and RoleInstance as Bond STRINGs. */
  readonly tail: Uint8Array;
  readonly row: BondWriter;
  /** Scratch arrays for the attribute columns of the current record. */
  readonly names: string[];
  readonly types: number[];
  readonly spanEndTime: boolean;
  /** Reports a warning for the record being encoded. */
  warn(code: string, message: string): void;
}
