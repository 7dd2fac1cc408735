// Starts an emulator in the shared test state directory (its CA is trusted through NODE_EXTRA_CA_CERTS).
import { type EmulatorOptions, type GenevaEmulator, startEmulator } from '../../src/index.js';

export function startTestEmulator(options: EmulatorOptions = {}): Promise<GenevaEmulator> {
  const stateDir = process.env['GENEVA_EMULATOR_TEST_STATE_DIR'];
  return startEmulator({ ...(stateDir ? { stateDir } : {}), ...options });
}
