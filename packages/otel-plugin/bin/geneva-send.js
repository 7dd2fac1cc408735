#!/usr/bin/env node
// Committed shim so that npm links the `geneva-send` bin at `npm ci` time, before dist/ exists
// (npm skips bins whose target is missing). The CLI itself is dist/cli/geneva-send.js, built by `npm run build`.
import('../dist/cli/geneva-send.js').catch((err) => {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
    process.stderr.write('geneva-send: dist/ is missing; run `npm run build` first\n');
  } else {
    process.stderr.write(`geneva-send: ${err?.stack ?? err}\n`);
  }
  process.exitCode = 1;
});
