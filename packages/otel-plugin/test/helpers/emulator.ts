// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the collector's literal ${env:} syntax.
/** Starts the Geneva emulator over TLS and builds a certificate-auth `azuregigwarm` block for it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GenevaEmulator, startEmulator } from '@geneva-otel/geneva-emulator';

export interface EmulatorSetup {
  emulator: GenevaEmulator;
  /** A Go-shaped block with fast retries, for the emulator. */
  block(overrides?: Record<string, unknown>): Record<string, unknown>;
  clientOptions: { ca: string };
  /** Environment for the exporters: the certificate password (`${env:}` in the block) and a role instance override. */
  vars: Record<string, string>;
  stop(): Promise<void>;
}

export async function startTlsEmulator(): Promise<EmulatorSetup> {
  const stateDir = mkdtempSync(join(tmpdir(), 'otel-plugin-emu-'));
  const emulator = await startEmulator({ tls: true, stateDir });
  const cert = await emulator.issueClientCertificate({ password: 'pfx-pass' });
  return {
    emulator,
    clientOptions: { ca: emulator.caCertPem },
    vars: { GENEVA_CERT_PASSWORD: 'pfx-pass', GENEVA_ROLE_INSTANCE: 'role-from-env' },
    block: (overrides = {}) => ({
      endpoint: emulator.url,
      environment: 'Test',
      account: 'acct',
      namespace: 'PluginTest',
      region: 'westus2',
      config_major_version: 2,
      tenant: 'tenant',
      role_name: 'role',
      role_instance: 'role-0',
      auth_method: 1,
      cert_path: cert.path,
      cert_password: '${env:GENEVA_CERT_PASSWORD}',
      retry_on_failure: {
        initial_interval: '20ms',
        max_interval: '50ms',
        max_elapsed_time: '5s',
        randomization_factor: 0,
      },
      batch_retry: { max_retries: 1, initial_interval: '10ms', max_interval: '20ms' },
      ...overrides,
    }),
    stop: async () => {
      await emulator.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
