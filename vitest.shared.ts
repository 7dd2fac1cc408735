// Shared vitest settings. Tests import workspace packages from their TypeScript
// sources (not from dist/), so a test run never depends on a stale build.
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Maps `@geneva-otel/<pkg>[/<subpath>]` to `packages/<pkg>/src/<subpath or index>.ts` (codegen: `codegen/src`). */
export const workspaceAliases = [
  { find: /^@geneva-otel\/codegen$/, replacement: `${root}codegen/src/index.ts` },
  {
    find: /^@geneva-otel\/(geneva-core|geneva-emulator|otel-plugin|builder-manifest)$/,
    replacement: `${root}packages/$1/src/index.ts`,
  },
  {
    find: /^@geneva-otel\/(geneva-core|geneva-emulator|otel-plugin|builder-manifest)\/(.+)$/,
    replacement: `${root}packages/$1/src/$2.ts`,
  },
];

export const sharedTestConfig: ViteUserConfig = {
  resolve: { alias: workspaceAliases },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    include: ['test/**/*.test.ts'],
    // The JSON report feeds scripts/test-summary.mjs, which prints one closing line for CI.
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
  },
};
