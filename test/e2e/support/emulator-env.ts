// Environment that points a child process at an in-process emulator with managed identity.
import type { GenevaEmulator } from '@geneva-otel/geneva-emulator';

/** GENEVA_ENDPOINT plus what @azure/identity's managed identity credential needs to use the emulator. */
export function emulatorEnv(emulator: GenevaEmulator): Record<string, string> {
  return {
    GENEVA_ENDPOINT: emulator.url,
    IDENTITY_ENDPOINT: emulator.identity.managedIdentityEndpoint,
    IDENTITY_HEADER: emulator.identity.identityHeader,
    NODE_EXTRA_CA_CERTS: emulator.caCertPath,
  };
}
