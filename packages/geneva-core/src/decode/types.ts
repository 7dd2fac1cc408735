import type { BondTypeName } from '../encode/bond-types.js';

export type { BondTypeName };

/** One decoded column value: INT64/UINT64 as bigint, other numbers as number, strings, booleans. */
export type DecodedValue = string | number | bigint | boolean;

export interface DecodedField {
  id: number;
  name: string;
  type: BondTypeName;
}

export interface DecodedSchema {
  /** Schema id within the blob (1..n). */
  id: number;
  /** md5 hex of the schema bytes (verified against the entry). */
  md5: string;
  structName: string;
  qualifiedName: string;
  fields: DecodedField[];
}

export interface DecodedEvent {
  schemaId: number;
  level: number;
  eventName: string;
  /** Column values by name, in schema field order (a repeated name keeps its last value). */
  values: Record<string, DecodedValue>;
}

export interface DecodedCentralBlob {
  version: number;
  format: number;
  metadata: string;
  schemas: DecodedSchema[];
  events: DecodedEvent[];
}
