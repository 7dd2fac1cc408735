import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    // `import.meta.url` (the ESM loader hook's parent URL) in the CJS build.
    shims: true,
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
  },
  {
    // `register` uses top-level await (it runs under `node --import`) and the CLI is a script: ESM only.
    entry: { register: 'src/register.ts', 'geneva-manifest': 'src/cli/geneva-manifest.ts' },
    format: ['esm'],
    dts: { entry: { register: 'src/register.ts' } },
    sourcemap: true,
    clean: false,
    target: 'node20',
  },
]);
