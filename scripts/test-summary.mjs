#!/usr/bin/env node
// Sums the vitest JSON reports of every workspace and prints one closing line:
// "tests: N passed, N failed, N skipped". Exits 1 if any test failed or none ran.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;
const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of [...workspaces, ...extra]) {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  const report = join(root, dir, '.test-results', 'vitest.json');
  if (!existsSync(report)) {
    // A workspace with a test script that left no report did not run its tests: that is a failure.
    if (pkg.scripts?.test) {
      console.log(`${dir}: no test report (its tests did not run)`);
      failed += 1;
    }
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`${dir}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
