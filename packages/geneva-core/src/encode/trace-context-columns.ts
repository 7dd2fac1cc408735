import type { Rec } from '../model/model-error.js';
import { BondType, type FieldDef } from './bond-types.js';
import type { BondWriter } from './bond-writer.js';
import { writeIdColumn } from './id-columns.js';
import type { RecordContext } from './record-context.js';

/**
 * The trace-context columns that log rows and span rows share, in wire order: `env_dt_traceId`,
 * `env_dt_spanId`, `env_dt_traceFlags` (each present only when set). Their bits in a row's column
 * mask are the lowest three; each row kind numbers its own columns from {@link M_NEXT} on.
 */
export const M_TRACE_ID = 1;
export const M_SPAN_ID = 2;
export const M_FLAGS = 4;
/** The first mask bit free for a row kind's own columns. */
export const M_NEXT = 8;

/** Writes the trace-context columns of `rec` and returns their mask bits. */
export function writeTraceContext(w: BondWriter, rec: Rec, flags: number, ctx: RecordContext): number {
  let mask = 0;
  if (writeIdColumn(w, rec.traceId ?? rec.trace_id, 16, 'traceId', ctx)) mask |= M_TRACE_ID;
  if (writeIdColumn(w, rec.spanId ?? rec.span_id, 8, 'spanId', ctx)) mask |= M_SPAN_ID;
  if (flags !== 0) {
    mask |= M_FLAGS;
    w.u32(flags);
  }
  return mask;
}

/** Appends the field definitions of the trace-context columns selected by `mask`. */
export function pushTraceContextFields(fields: FieldDef[], mask: number): void {
  if (mask & M_TRACE_ID) fields.push({ name: 'env_dt_traceId', type: BondType.STRING });
  if (mask & M_SPAN_ID) fields.push({ name: 'env_dt_spanId', type: BondType.STRING });
  if (mask & M_FLAGS) fields.push({ name: 'env_dt_traceFlags', type: BondType.UINT32 });
}
