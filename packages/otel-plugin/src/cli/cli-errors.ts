/** Exit codes of `geneva-send`. */
export const EXIT_DELIVERED = 0;
export const EXIT_NOT_DELIVERED = 1;
export const EXIT_BAD_INPUT = 2;

/** Bad command line: exit 2 with the usage hint. */
export class CliUsageError extends Error {
  readonly code = 'GENEVA_ERR_CLI_USAGE';
  override name = 'CliUsageError';
}

/** Bad config or input file: exit 2; the message names the file and the field or record. */
export class CliInputError extends Error {
  readonly code: string;
  override name = 'CliInputError';
  constructor(
    code: 'GENEVA_ERR_CLI_CONFIG' | 'GENEVA_ERR_CLI_INPUT',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.code = code;
  }
}
