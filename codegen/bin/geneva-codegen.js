#!/usr/bin/env node
// Runs the codegen CLI from its TypeScript source through tsx, so a stale build never generates.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
