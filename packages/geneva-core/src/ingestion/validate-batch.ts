import { PermanentError } from '../send/errors.js';
import type { UploadableBatch } from './uploader.js';

function invalid(what: string, eventName?: unknown): PermanentError {
  const event = typeof eventName === 'string' ? ` (event "${eventName}")` : '';
  return new PermanentError('GENEVA_ERR_INVALID_BATCH', `cannot upload batch${event}: ${what}`, {
    phase: 'upload',
    ...(typeof eventName === 'string' ? { eventName } : {}),
  });
}

/** Checks an encoded batch before it is sent; throws `GENEVA_ERR_INVALID_BATCH` naming the field. */
export function validateBatch(batch: UploadableBatch): void {
  if (typeof batch !== 'object' || batch === null) throw invalid('the batch must be an object');
  const e = batch.eventName;
  if (typeof e !== 'string' || e === '') throw invalid('"eventName" must be a non-empty string', e);
  if (!(batch.data instanceof Uint8Array)) throw invalid('"data" must be a Uint8Array', e);
  if (!Number.isInteger(batch.rowCount) || batch.rowCount < 0)
    throw invalid('"rowCount" must be a non-negative integer', e);
  if (!Array.isArray(batch.schemaIds) || batch.schemaIds.some((id) => typeof id !== 'string')) {
    throw invalid('"schemaIds" must be an array of strings', e);
  }
  for (const k of ['startTime', 'endTime'] as const) {
    if (typeof batch[k] !== 'string') throw invalid(`"${k}" must be a string`, e);
  }
}
