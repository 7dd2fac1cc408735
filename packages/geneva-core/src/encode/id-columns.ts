import { normalizeFixedId, plainHexId } from '../model/ids.js';
import type { BondWriter } from './bond-writer.js';
import type { RecordContext } from './record-context.js';

/**
 * Writes a fixed-size id column (`bytes` bytes, as lowercase hex) and returns true; an absent id
 * writes nothing, an unreadable one writes nothing and warns. Plain lowercase hex of the right
 * length (the common case) is written as it is, without building a normalized id.
 */
export function writeIdColumn(
  w: BondWriter,
  value: unknown,
  bytes: number,
  what: string,
  ctx: RecordContext,
): boolean {
  const hex = plainHexId(value);
  if (hex !== undefined && hex.length === bytes * 2) {
    w.utf8String(hex);
    return true;
  }
  const id = normalizeFixedId(value, bytes);
  if (id.kind === 'ok') {
    w.utf8String(id.hex);
    return true;
  }
  if (id.kind === 'invalid') ctx.warn('GENEVA_WARN_INVALID_ID', `${what} omitted: ${id.reason}`);
  return false;
}
