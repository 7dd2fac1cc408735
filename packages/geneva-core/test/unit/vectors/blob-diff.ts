// Explains where two central blobs differ: the first differing byte, and (when both decode) the
// first differing schema field or event value, so a vector failure points at the cause.
import { decodeCentralBlob } from '../../../src/index.js';

const hex = (b: Uint8Array, from: number, to: number) =>
  Array.from(b.subarray(Math.max(0, from), Math.min(b.length, to)), (x) =>
    x.toString(16).padStart(2, '0'),
  ).join(' ');

const show = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));

/** undefined when equal; otherwise a multi-line description of the first difference. */
export function describeBlobDifference(expected: Uint8Array, actual: Uint8Array): string | undefined {
  const n = Math.min(expected.length, actual.length);
  let offset = 0;
  while (offset < n && expected[offset] === actual[offset]) offset++;
  if (offset === n && expected.length === actual.length) return undefined;
  const lines = [
    `first difference at byte ${offset} (expected ${expected.length} bytes, actual ${actual.length})`,
    `  expected @${offset}: ${hex(expected, offset, offset + 24)}`,
    `  actual   @${offset}: ${hex(actual, offset, offset + 24)}`,
    `  preceding bytes:  ${hex(expected, offset - 16, offset)}`,
  ];
  try {
    const e = decodeCentralBlob(expected);
    const a = decodeCentralBlob(actual);
    if (e.metadata !== a.metadata)
      lines.push(`  metadata: expected ${show(e.metadata)}, actual ${show(a.metadata)}`);
    for (let i = 0; i < Math.max(e.schemas.length, a.schemas.length); i++) {
      if (show(e.schemas[i]) !== show(a.schemas[i])) {
        lines.push(
          `  schema ${i + 1}: expected ${show(e.schemas[i]?.fields)}`,
          `  schema ${i + 1}: actual   ${show(a.schemas[i]?.fields)}`,
        );
        break;
      }
    }
    for (let i = 0; i < Math.max(e.events.length, a.events.length); i++) {
      if (show(e.events[i]) !== show(a.events[i])) {
        lines.push(
          `  event ${i}: expected ${show(e.events[i])}`,
          `  event ${i}: actual   ${show(a.events[i])}`,
        );
        break;
      }
    }
  } catch (err) {
    lines.push(`  (could not decode both blobs: ${(err as Error).message})`);
  }
  return lines.join('\n');
}
