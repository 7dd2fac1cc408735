import { defineConfig } from 'tsup';

export default defineConfig({
  // `cli` is the `geneva-emulator` bin (dist/cli.js); tsup keeps its shebang and makes it executable.
  entry: { index: 'src/index.ts', cli: 'src/cli/bin.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
});
