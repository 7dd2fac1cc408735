#!/usr/bin/env node
// The `geneva-send` bin entry: wires argv, stdout, stderr and the exit code to runGenevaSend.
// (No top-level await, so the file also builds as CommonJS.)
import { runGenevaSend } from './run-geneva-send.js';

runGenevaSend(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`geneva-send: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
