// Creates the emulator CA once, in a state directory shared by every test file, and makes the worker
// processes trust it: NODE_EXTRA_CA_CERTS is read only at process start, and vitest forks its workers
// after this setup ran, with this process's environment. MSAL (workload identity) needs it: its
// authority must be HTTPS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caCertPathIn, loadOrCreateAuthority } from '../src/tls/ca-store.js';

export default async function setup(): Promise<() => void> {
  const stateDir = mkdtempSync(join(tmpdir(), 'geneva-emulator-tests-'));
  await loadOrCreateAuthority(stateDir);
  process.env['GENEVA_EMULATOR_TEST_STATE_DIR'] = stateDir;
  process.env['NODE_EXTRA_CA_CERTS'] = caCertPathIn(stateDir);
  return () => rmSync(stateDir, { recursive: true, force: true });
}
