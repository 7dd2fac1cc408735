#!/usr/bin/env node
// The `geneva-send` bin entry: wires argv, stdout, stderr and the exit code to runGenevaSend.
// (No top-level await, so the file also builds as CommonJS.)
import { installCliDiagLogger } from './cli-diag.js';
import { runGenevaSend } from './run-geneva-send.js';

const stderr = (text: string) => process.stderr.write(`${text}\n`);
installCliDiagLogger(process.env, stderr);
// Keep the process alive until the run settles, whatever the exporter's timers do: geneva-send
// must never exit before printing its summary (a silent exit 0 would hide lost data).
const keepAlive = setInterval(() => undefined, 1 << 30);

runGenevaSend(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr,
  env: process.env,
})
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      stderr(`geneva-send: unexpected error: ${(err as Error)?.stack ?? String(err)}`);
      process.exitCode = 1;
    },
  )
  .finally(() => clearInterval(keepAlive));
