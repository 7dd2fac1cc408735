// `geneva-emulator` executable: parse flags, start, print where everything is, stop on SIGINT/SIGTERM.
import type { GenevaEmulator } from '../types.js';
import { parseCliArgs, USAGE, UsageError } from './parse-args.js';

function banner(emulator: GenevaEmulator): string {
  const id = emulator.identity;
  return [
    `geneva-emulator listening on ${emulator.url}`,
    `  config service   ${emulator.url}/{api|userapi}/agent/v3/{environment}/{account}/MonitoringStorageKeys/`,
    `  ingestion        ${emulator.url}/api/v1/ingestion/ingest`,
    `  control API      ${emulator.url}/__emulator/events | requests | counters | faults`,
    `  CA certificate   ${emulator.caCertPath}`,
    `  identity         IDENTITY_ENDPOINT=${id.managedIdentityEndpoint} IDENTITY_HEADER=${id.identityHeader}`,
    `                   AZURE_AUTHORITY_HOST=${id.authorityHost} AZURE_TENANT_ID=${id.tenantId} AZURE_CLIENT_ID=${id.clientId}`,
    '',
  ].join('\n');
}

/** Runs the CLI; resolves with the exit code once the emulator has stopped. */
export async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`geneva-emulator: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  // Loaded lazily so that --help and usage errors answer at once.
  const { startEmulator } = await import('../start-emulator.js');
  const emulator = await startEmulator(options);
  process.stdout.write(banner(emulator));
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stdout.write(`geneva-emulator: ${signal}, stopping\n`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await emulator.stop();
  return 0;
}
