/**
 * `@geneva-otel/builder-manifest`: the collector builder's workflow for Node. A builder config lists
 * component packages; `geneva-manifest generate` writes a typed components manifest; the runtime starts
 * OpenTelemetry JS pipelines from a collector-style YAML config.
 * @packageDocumentation
 */

export type {
  BuilderComponentEntry,
  BuilderConfig,
  LoadedBuilderConfig,
} from './builder-config/builder-config.js';
export { loadBuilderConfig, parseBuilderConfig } from './builder-config/builder-config.js';
export type { ComponentMetadata } from './builder-config/component-metadata.js';
export { readComponentMetadata } from './builder-config/component-metadata.js';
export type { ConfigIssue, ConfigIssueCode, ManifestErrorCode } from './errors.js';
export { ConfigError, ManifestError } from './errors.js';
export type { AddComponentOptions, AddComponentResult } from './manifest/add-component.js';
export { addComponent } from './manifest/add-component.js';
export type { GeneratedFile, GenerateOptions, GenerateResult } from './manifest/generate-manifest.js';
export { generateManifest } from './manifest/generate-manifest.js';
export { GENERATED_MARKER, MANIFEST_FILES } from './manifest/manifest-files.js';
export type {
  ComponentClass,
  ComponentSection,
  ComponentsManifest,
  ExporterCreateSettings,
  ExporterFactoryLike,
  ManifestComponent,
  ManifestModel,
  ResolvedComponent,
  Signal,
  StabilityLevel,
} from './manifest/manifest-types.js';
export type { Pipelines, PipelinesOptions } from './runtime/create-pipelines.js';
export { createPipelines } from './runtime/create-pipelines.js';
export type { Env } from './runtime/env-substitution.js';
export type { Importer, LoadInstrumentationsOptions } from './runtime/instrumentations.js';
export {
  instrumentationPackage,
  loadInstrumentations,
  parseInstrumentationList,
  registerEsmLoaderHook,
} from './runtime/instrumentations.js';
export type { ConfigSource } from './runtime/load-config.js';
export { GENEVA_PIPELINES_KEY, getGenevaPipelines } from './runtime/pipelines-registry.js';
export type { RegisterOptions } from './runtime/register-from-env.js';
export { REGISTER_ENV, registerFromEnv } from './runtime/register-from-env.js';
export type { PipelinesHandle, StartPipelinesOptions } from './runtime/start-pipelines.js';
export { startPipelines } from './runtime/start-pipelines.js';
export type { ValidateOptions } from './runtime/validate-config.js';
export { validateConfig } from './runtime/validate-config.js';
