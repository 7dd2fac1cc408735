export {
  type BuildSchemaOptions,
  buildSchema,
  GO_DURATION_PATTERN,
  type SchemaNode,
} from './build-schema.js';
export { main } from './cli.js';
export { emitTypes } from './emit-types.js';
export { compileStandalone, emitValidator } from './emit-validator.js';
export { CodegenError, type CodegenErrorCode } from './errors.js';
export { diffFiles, type GenerateOptions, generateConfig, writeFiles } from './generate.js';
export { ensureGoHelper, type GoHelperOptions, runGoHelper } from './go-helper.js';
export type * from './helper-model.js';
export { type ComponentMetadata, readComponentMetadata, type Stability } from './metadata.js';
export { applyOverlay, type Overlay, readOverlay } from './overlay.js';
