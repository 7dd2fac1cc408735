import { createBondWriter } from '../encode/bond-writer.js';
import type { EncodeWarning, RecordContext } from '../encode/record-context.js';
import type { EncoderIdentity, EncoderOptions, RejectedRecord } from './types.js';

/** Record context plus the bookkeeping of one encode call. */
export interface EncodeRun extends RecordContext {
  readonly warnings: EncodeWarning[];
  readonly rejected: RejectedRecord[];
  /** Location of the record being encoded: `<outer>[i].<middle>[j].<inner>[k]` (built only when needed). */
  at(i: number, j: number, k: number): void;
  /** The current location as text. */
  location(): string;
  reject(location: string, reason: string): void;
}

function stringsBlock(values: readonly string[]): Uint8Array {
  const w = createBondWriter(64);
  for (const v of values) w.utf8String(v);
  return w.toBytes();
}

// Encoding is synchronous and never re-entered, so one row buffer serves every call.
const sharedRow = createBondWriter(4096);
let lastIdentity: readonly unknown[] = [];
let lastBlocks: { head: Uint8Array; tail: Uint8Array } = { head: new Uint8Array(0), tail: new Uint8Array(0) };

/** The pre-encoded identity columns, cached for the last identity seen. */
function identityBlocks(identity: EncoderIdentity): { head: Uint8Array; tail: Uint8Array } {
  const values = [
    identity.environment,
    identity.configMajorVersion,
    identity.tenant,
    identity.roleName,
    identity.roleInstance,
  ];
  if (values.length !== lastIdentity.length || values.some((v, i) => v !== lastIdentity[i])) {
    lastBlocks = {
      head: stringsBlock([String(identity.environment), `Ver${identity.configMajorVersion}v0`]),
      tail: stringsBlock([String(identity.tenant), String(identity.roleName), String(identity.roleInstance)]),
    };
    lastIdentity = values;
  }
  return lastBlocks;
}

export function createEncodeRun(
  signal: 'logs' | 'traces',
  identity: EncoderIdentity,
  options: EncoderOptions | undefined,
): EncodeRun {
  sharedRow.release(1 << 20); // a huge record earlier must not pin a huge buffer
  const warnings: EncodeWarning[] = [];
  const rejected: RejectedRecord[] = [];
  const logs = signal === 'logs';
  let ri = 0;
  let si = 0;
  let ki = 0;
  const where = () =>
    logs
      ? `resourceLogs[${ri}].scopeLogs[${si}].logRecords[${ki}]`
      : `resourceSpans[${ri}].scopeSpans[${si}].spans[${ki}]`;
  const blocks = identityBlocks(identity);
  return {
    head: blocks.head,
    tail: blocks.tail,
    row: sharedRow,
    names: [],
    types: [],
    spanEndTime: options?.spanEndTime === true,
    warnings,
    rejected,
    warn(code, message) {
      warnings.push({ signal, location: where(), code, message });
    },
    at(i, j, k) {
      ri = i;
      si = j;
      ki = k;
    },
    location: where,
    reject(location, reason) {
      rejected.push({ signal, location, reason });
    },
  };
}

/** The message of anything thrown while encoding one record. */
export function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
