// Command-line parsing for `geneva-emulator`.
import { parseArgs } from 'node:util';
import type { EmulatorOptions } from '../types.js';

export const USAGE = `Usage: geneva-emulator [options]

A local Geneva: config service, ingestion gateway and identity endpoints that decode what they receive.

Options:
  --port N               port of the config service / ingestion gateway (default 0 = a free port)
  --host H               interface to bind (default 127.0.0.1)
  --tls                  serve HTTPS with the emulator's CA (written to <state-dir>/ca-cert.pem)
  --require-client-cert  with --tls: refuse connections without a client certificate from the CA
  --state-dir D          where the CA and certificates live (default: a new temp directory)
  --events-out F         append every decoded row to F as one JSON line
  --print                print arriving rows as a table on stdout
  --token-lifetime S     lifetime of issued tokens in seconds (default 3600)
  --max-body-bytes N     largest accepted upload (default 16777216)
  -h, --help             show this help
`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function nonNegativeInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw))
    throw new UsageError(`--${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** Parses argv (without node and script). Returns `'help'` for --help. */
export function parseCliArgs(argv: string[]): EmulatorOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        tls: { type: 'boolean' },
        'require-client-cert': { type: 'boolean' },
        'state-dir': { type: 'string' },
        'events-out': { type: 'string' },
        print: { type: 'boolean' },
        'token-lifetime': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values['help']) return 'help';
  const port = nonNegativeInt('port', values['port'] as string | undefined);
  if (port !== undefined && port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  if (values['require-client-cert'] && !values['tls'])
    throw new UsageError('--require-client-cert needs --tls');
  const options: EmulatorOptions = {};
  if (port !== undefined) options.port = port;
  if (values['host'] !== undefined) options.host = values['host'] as string;
  if (values['tls']) options.tls = true;
  if (values['require-client-cert']) options.requireClientCert = true;
  if (values['state-dir'] !== undefined) options.stateDir = values['state-dir'] as string;
  if (values['events-out'] !== undefined) options.eventsOut = values['events-out'] as string;
  if (values['print']) options.print = true;
  const lifetime = nonNegativeInt('token-lifetime', values['token-lifetime'] as string | undefined);
  if (lifetime !== undefined) options.tokenLifetimeSeconds = lifetime;
  const maxBody = nonNegativeInt('max-body-bytes', values['max-body-bytes'] as string | undefined);
  if (maxBody !== undefined) options.maxBodyBytes = maxBody;
  return options;
}
