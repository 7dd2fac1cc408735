// Runs geneva-send in this process (fast) against an emulator, with managed identity pointed at it.
import type { GenevaEmulator } from '@geneva-otel/geneva-emulator';
import { runGenevaSend } from '../../../packages/otel-plugin/src/cli/run-geneva-send.js';

/** What one in-process run printed and returned. */
export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Points @azure/identity's managed identity credential (App Service flavour) at the emulator. The
 * credential reads these from process.env, so they are set here and restored by the returned function.
 */
export function useEmulatorIdentity(emulator: GenevaEmulator): () => void {
  const saved = {
    IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT,
    IDENTITY_HEADER: process.env.IDENTITY_HEADER,
  };
  process.env.IDENTITY_ENDPOINT = emulator.identity.managedIdentityEndpoint;
  process.env.IDENTITY_HEADER = emulator.identity.identityHeader;
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

/** `geneva-send <argv>` in-process, with GENEVA_ENDPOINT set to the emulator. */
export async function sendInProcess(argv: string[], emulator?: GenevaEmulator): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const code = await runGenevaSend(argv, {
    stdout: (t) => {
      stdout += `${t}\n`;
    },
    stderr: (t) => {
      stderr += `${t}\n`;
    },
    env: { ...process.env, ...(emulator ? { GENEVA_ENDPOINT: emulator.url } : {}) },
  });
  return { code, stdout, stderr };
}
