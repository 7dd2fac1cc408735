// geneva-send as a function: argv in, exit code out, output through injected streams (testable
// in-process; the bin entry only wires process.argv, stdout, stderr and exitCode).

import { displayUrl } from '../config/safe-url.js';
import { type CliArgs, parseCliArgs, USAGE } from './cli-args.js';
import { loadCliConfig } from './cli-config.js';
import {
  CliInputError,
  CliUsageError,
  EXIT_BAD_INPUT,
  EXIT_DELIVERED,
  EXIT_NOT_DELIVERED,
} from './cli-errors.js';
import { validateForUse } from './cli-validate.js';
import { type OtlpInput, readOtlpInput } from './otlp-input.js';
import { sendInputs } from './send-records.js';
import { formatSummary, type SendSummary } from './send-summary.js';

/** Where geneva-send writes and what it reads from the environment. */
export interface GenevaSendIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

/** Runs geneva-send; resolves to the exit code (0 delivered, 1 not delivered, 2 bad config/input). */
export async function runGenevaSend(argv: readonly string[], io: GenevaSendIo): Promise<number> {
  const started = performance.now();
  let args: CliArgs | undefined;
  try {
    args = parseCliArgs(argv);
    if (args.help) {
      io.stdout(USAGE);
      return EXIT_DELIVERED;
    }
    const config = await loadCliConfig(args.config!, io.env);
    const r = config.resolved;
    const target = {
      endpoint: displayUrl(r.endpoint),
      environment: r.environment,
      account: r.account,
      namespace: r.namespace,
      authMethod: r.authMethod,
    };
    if (args.validate) {
      const problems = await validateForUse(config.block, r);
      if (problems.length > 0) {
        const head = `${args.config}: ${config.source}`;
        throw new CliInputError(
          'GENEVA_ERR_CLI_CONFIG',
          `${head}: the config is valid but cannot be used yet:\n  ${problems.join('\n  ')}`,
        );
      }
      const text = `${args.config}: ${config.source} is valid (${r.authMethod} auth, ${displayUrl(r.endpoint)}, namespace ${r.namespace})`;
      io.stdout(
        args.json ? JSON.stringify({ ok: true, config: args.config, source: config.source, target }) : text,
      );
      return EXIT_DELIVERED;
    }
    const inputs: OtlpInput[] = [];
    for (const file of args.logs) inputs.push(await readOtlpInput(file, 'logs'));
    for (const file of args.traces) inputs.push(await readOtlpInput(file, 'traces'));
    const outcome = await sendInputs(config.block, inputs, io.env);
    const summary: SendSummary = {
      ok: outcome.logs.notDelivered + outcome.traces.notDelivered === 0,
      config: args.config!,
      target,
      ...outcome,
      durationMs: Math.round(performance.now() - started),
    };
    io.stdout(args.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
    return summary.ok ? EXIT_DELIVERED : EXIT_NOT_DELIVERED;
  } catch (err) {
    const known = err instanceof CliUsageError || err instanceof CliInputError;
    const message = known
      ? err.message
      : `unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    const exit = known ? EXIT_BAD_INPUT : EXIT_NOT_DELIVERED;
    if (args?.json) {
      // --json promises JSON on stdout, failures included; stderr still gets the readable text.
      const code = known ? err.code : 'GENEVA_ERR_CLI_UNEXPECTED';
      io.stdout(JSON.stringify({ ok: false, config: args.config, error: { code, message } }, null, 2));
    }
    io.stderr(`geneva-send: ${message}${err instanceof CliUsageError ? `\n\n${USAGE}` : ''}`);
    return exit;
  }
}
