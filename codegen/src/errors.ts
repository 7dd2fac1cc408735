/** Stable codes of codegen failures. */
export type CodegenErrorCode =
  | 'GENEVA_ERR_CODEGEN_NO_GO'
  | 'GENEVA_ERR_CODEGEN_GO'
  | 'GENEVA_ERR_CODEGEN_GO_SOURCE'
  | 'GENEVA_ERR_CODEGEN_INPUT'
  | 'GENEVA_ERR_CODEGEN_OVERLAY'
  | 'GENEVA_ERR_CODEGEN_STALE';

/** An error of the code generator, with a stable `code`. */
export class CodegenError extends Error {
  readonly code: CodegenErrorCode;
  constructor(code: CodegenErrorCode, message: string) {
    super(message);
    this.name = 'CodegenError';
    this.code = code;
  }
}
