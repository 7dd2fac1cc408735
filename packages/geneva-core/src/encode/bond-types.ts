/** Bond type ids (BondDataType) used by the Geneva central blob. */
export const BondType = {
  BOOL: 2,
  UINT8: 3,
  UINT16: 4,
  UINT32: 5,
  UINT64: 6,
  FLOAT: 7,
  DOUBLE: 8,
  STRING: 9,
  STRUCT: 10,
  LIST: 11,
  SET: 12,
  MAP: 13,
  INT8: 14,
  INT16: 15,
  INT32: 16,
  INT64: 17,
  WSTRING: 18,
} as const;

/** Name of a Bond type as it appears in a decoded schema. */
export type BondTypeName = keyof typeof BondType;

const NAMES: Record<number, BondTypeName> = Object.fromEntries(
  Object.entries(BondType).map(([name, id]) => [id, name as BondTypeName]),
);

/** The name of a Bond type id, or undefined when unknown. */
export function bondTypeName(id: number): BondTypeName | undefined {
  return NAMES[id];
}

/** One column of a schema. */
export interface FieldDef {
  readonly name: string;
  readonly type: number;
}
