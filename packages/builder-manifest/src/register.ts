/**
 * Zero-code start: `node --import @geneva-otel/builder-manifest/register app.js`, with the collector-style
 * config file named by `OTEL_GENEVA_CONFIG`. See {@link registerFromEnv} for the variables.
 * @packageDocumentation
 */
import { registerFromEnv } from './runtime/register-from-env.js';

await registerFromEnv({
  loadDefaultManifest: async () => (await import('./generated/components.js')).components,
});
