#!/usr/bin/env node
// The `geneva-send` bin entry (tsup entry: src/cli/geneva-send.ts).
import { runGenevaSend } from './run-geneva-send.js';

const code = await runGenevaSend(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
});
process.exitCode = code;
