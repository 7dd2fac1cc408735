/** Raised by the model normalizers for a value that cannot be read; the encoder turns it into a rejection. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
}

/** Reads a list field; absent → empty; anything but an array → ModelError. */
export function listField(obj: unknown, camel: string, snake: string, what: string): readonly unknown[] {
  if (obj === null || typeof obj !== 'object')
    throw new ModelError(`not an object (expected one holding ${what})`);
  const v = (obj as Rec)[camel] ?? (obj as Rec)[snake];
  if (v === undefined || v === null) return EMPTY;
  if (!Array.isArray(v)) throw new ModelError(`${what} is not an array`);
  return v;
}

const EMPTY: readonly unknown[] = Object.freeze([]);

/** Plain property bag view of an input object (direct property reads keep inline caches monomorphic). */
export type Rec = Record<string, unknown>;

/** An optional string value; absent → ''. */
export function asString(v: unknown, what: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new ModelError(`${what} is not a string`);
  return v;
}

/** An optional list value; absent → empty. */
export function asList(v: unknown, what: string): readonly unknown[] {
  if (v === undefined || v === null) return EMPTY;
  if (!Array.isArray(v)) throw new ModelError(`${what} is not an array`);
  return v;
}
