// geneva-send as a function: argv in, exit code out, output through injected streams (testable
// in-process; the bin entry only wires process.argv, stdout, stderr and exitCode).

import { parseCliArgs, USAGE } from './cli-args.js';
import { loadCliConfig } from './cli-config.js';
import {
  CliInputError,
  CliUsageError,
  EXIT_BAD_INPUT,
  EXIT_DELIVERED,
  EXIT_NOT_DELIVERED,
} from './cli-errors.js';
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
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout(USAGE);
      return EXIT_DELIVERED;
    }
    const config = await loadCliConfig(args.config!, io.env);
    const r = config.resolved;
    const target = {
      endpoint: r.endpoint,
      environment: r.environment,
      account: r.account,
      namespace: r.namespace,
      authMethod: r.authMethod,
    };
    if (args.validate) {
      const text = `${args.config}: ${config.source} is valid (${r.authMethod} auth, ${r.endpoint}, namespace ${r.namespace})`;
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
    if (err instanceof CliUsageError) {
      io.stderr(`geneva-send: ${err.message}\n\n${USAGE}`);
      return EXIT_BAD_INPUT;
    }
    if (err instanceof CliInputError) {
      io.stderr(`geneva-send: ${err.message}`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(
      `geneva-send: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    return EXIT_NOT_DELIVERED;
  }
}
