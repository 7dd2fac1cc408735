// A request the emulator refuses: carries the HTTP status, a stable code and the offending field.

/** Stable codes of everything the emulator refuses. */
export type ProtocolErrorCode =
  | 'BAD_PATH'
  | 'BAD_QUERY'
  | 'BAD_HEADER'
  | 'BAD_BODY'
  | 'BODY_TOO_LARGE'
  | 'DATA_SIZE_MISMATCH'
  | 'SCHEMA_IDS_MISMATCH'
  | 'ROW_COUNT_MISMATCH'
  | 'EVENT_NAME_MISMATCH'
  | 'METADATA_MISMATCH'
  | 'DECODE_FAILED'
  | 'CLIENT_CERT_REQUIRED'
  | 'WRONG_AUDIENCE'
  | 'TOKEN_MISSING'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_REVOKED'
  | 'TOKEN_WRONG_KIND'
  | 'CLAIM_MISMATCH'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'INJECTED_FAULT';

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  constructor(
    readonly status: number,
    readonly code: ProtocolErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  /** JSON body answered to the client. */
  toJSON(): { error: { code: string; message: string; field?: string } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field !== undefined ? { field: this.field } : {}),
      },
    };
  }
}

export const badQuery = (field: string, message: string): ProtocolError =>
  new ProtocolError(400, 'BAD_QUERY', `query parameter '${field}': ${message}`, field);
