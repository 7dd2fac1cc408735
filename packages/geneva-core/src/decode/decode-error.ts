/**
 * Malformed Geneva data: `offset` is the byte position (in the input given to the failing
 * function: the body for LZ4 chunks, the blob otherwise) where the expected structure broke.
 */
export class GenevaDecodeError extends Error {
  override readonly name = 'GenevaDecodeError';
  /** Stable code for programmatic handling. */
  readonly code = 'GENEVA_ERR_DECODE';
  readonly offset: number;

  constructor(offset: number, message: string) {
    super(`${message} (at byte ${offset})`);
    this.offset = offset;
  }
}
