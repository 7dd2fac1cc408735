/**
 * Zero-code start: `node --import @geneva-otel/builder-manifest/register app.js`, with the collector-style
 * config file named by `OTEL_GENEVA_CONFIG`. See {@link registerFromEnv} for the variables. Importing
 * this module starts the pipelines; to reach them from the app, use `getGenevaPipelines()` (exported
 * here and, without side effects, from `@geneva-otel/builder-manifest`).
 * @packageDocumentation
 */
import { registerFromEnv } from './runtime/register-from-env.js';

export { GENEVA_PIPELINES_KEY, getGenevaPipelines } from './runtime/pipelines-registry.js';
export type { PipelinesHandle } from './runtime/start-pipelines.js';

await registerFromEnv({
  loadDefaultManifest: async () => (await import('./generated/components.js')).components,
});
