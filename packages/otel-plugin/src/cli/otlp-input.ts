// Reads one --logs / --traces file (OTLP/JSON `.json` or OTLP/protobuf `.pb`) into validated records.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CliInputError } from './cli-errors.js';
import { createJsonReader } from './otlp-json-values.js';
import { decodeLogsRequestProtobuf, decodeTraceRequestProtobuf } from './otlp-protobuf.js';
import { type LogUnit, logsRequestToUnits, type SpanUnit, traceRequestToUnits } from './otlp-to-model.js';

/** One parsed input file. */
export type OtlpInput =
  | { signal: 'logs'; file: string; records: LogUnit[] }
  | { signal: 'traces'; file: string; records: SpanUnit[] };

/** Reads and validates a file; any problem throws {@link CliInputError} naming the file and the record. */
export async function readOtlpInput(file: string, signal: 'logs' | 'traces'): Promise<OtlpInput> {
  const ext = extname(file).toLowerCase();
  if (ext !== '.json' && ext !== '.pb') {
    throw new CliInputError(
      'GENEVA_ERR_CLI_INPUT',
      `${file}: unknown input format "${ext}" (use .json or .pb)`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new CliInputError('GENEVA_ERR_CLI_INPUT', `${file}: cannot read: ${(err as Error).message}`);
  }
  let request: unknown;
  try {
    if (ext === '.json') request = JSON.parse(bytes.toString('utf8'));
    else request = signal === 'logs' ? decodeLogsRequestProtobuf(bytes) : decodeTraceRequestProtobuf(bytes);
  } catch (err) {
    const kind = ext === '.json' ? 'OTLP/JSON' : 'OTLP/protobuf';
    const why = ext === '.json' ? jsonSyntaxReason((err as Error).message) : (err as Error).message;
    throw new CliInputError('GENEVA_ERR_CLI_INPUT', `${file}: not valid ${kind}: ${why}`);
  }
  const reader = createJsonReader(file);
  return signal === 'logs'
    ? { signal, file, records: logsRequestToUnits(request, reader) }
    : { signal, file, records: traceRequestToUnits(request, reader) };
}

/**
 * JSON.parse's message without the input it quotes (random bytes would be echoed to the terminal):
 * only what went wrong and where, e.g. `unexpected character at position 12`.
 */
export function jsonSyntaxReason(message: string): string {
  const position = /position (\d+)/.exec(message)?.[1];
  const what = /unexpected end/i.test(message)
    ? 'unexpected end of input'
    : /unexpected|not valid JSON|bad control|bad escape|unterminated/i.test(message)
      ? 'unexpected character'
      : 'syntax error';
  return position === undefined ? what : `${what} at position ${position}`;
}
