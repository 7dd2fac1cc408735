import { parseArgs } from 'node:util';
import { CliUsageError } from './cli-errors.js';

/** What `geneva-send` was asked to do. */
export interface CliArgs {
  config?: string;
  logs: string[];
  traces: string[];
  validate: boolean;
  json: boolean;
  help: boolean;
}

/** The `--help` text. */
export const USAGE = `Usage: geneva-send --config <file> [--logs <file>]... [--traces <file>]... [--validate] [--json]

Sends OTLP log and trace export requests to Microsoft Geneva through the azuregigwarm exporter
(the same sending queue, retries and batching as the OpenTelemetry SDK plugin), waits for delivery
and prints what happened.

Options:
  --config <file>    collector-style YAML with exporters.azuregigwarm, or a bare azuregigwarm block
                     (\${env:NAME} references are expanded; GENEVA_ROLE_NAME/GENEVA_ROLE_INSTANCE override)
  --logs <file>      an OTLP ExportLogsServiceRequest: .json (OTLP/JSON) or .pb (OTLP/protobuf); repeatable
  --traces <file>    an OTLP ExportTraceServiceRequest: .json or .pb; repeatable
  --validate         only check the config, send nothing: the schema and values (as the collector
                     does), no <...> placeholders left from the examples, and for certificate
                     auth that cert_path loads as PKCS#12 with cert_password
  --json             print the summary as JSON
  -h, --help         show this help

Exit codes: 0 everything delivered (or the config is valid with --validate), 1 something was not
delivered, 2 bad config, bad input file or bad arguments.`;

/** Parses argv (without node and the script); throws {@link CliUsageError} on anything unknown. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    // Node's own text suggests a positional `--`; name the option instead (usage follows).
    const e = err as Error & { code?: string };
    const option = /[Oo]ption '([^' ]+)/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option)
      throw new CliUsageError(`unknown option ${option}`);
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
      throw new CliUsageError(`option ${option} needs a value`);
    }
    throw new CliUsageError(e.message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    throw new CliUsageError(
      `unexpected argument ${JSON.stringify(positionals[0])} (inputs go after --logs or --traces)`,
    );
  }
  const args: CliArgs = {
    logs: values.logs ?? [],
    traces: values.traces ?? [],
    validate: values.validate ?? false,
    json: values.json ?? false,
    help: values.help ?? false,
  };
  if (values.config !== undefined) args.config = values.config;
  if (args.help) return args;
  if (args.config === undefined || args.config === '') throw new CliUsageError('--config <file> is required');
  if (!args.validate && args.logs.length === 0 && args.traces.length === 0) {
    throw new CliUsageError('nothing to send: give at least one --logs or --traces file (or --validate)');
  }
  return args;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string' },
      logs: { type: 'string', multiple: true },
      traces: { type: 'string', multiple: true },
      validate: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
