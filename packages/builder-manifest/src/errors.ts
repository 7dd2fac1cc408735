/** Stable error codes raised by the builder (manifest generation) side. */
export type ManifestErrorCode =
  | 'GENEVA_MANIFEST_ERR_BUILDER_CONFIG'
  | 'GENEVA_MANIFEST_ERR_UNKNOWN_PACKAGE'
  | 'GENEVA_MANIFEST_ERR_NO_METADATA'
  | 'GENEVA_MANIFEST_ERR_BAD_METADATA'
  | 'GENEVA_MANIFEST_ERR_DUPLICATE_TYPE'
  | 'GENEVA_MANIFEST_ERR_CLASS_MISMATCH'
  | 'GENEVA_MANIFEST_ERR_VERSION_MISMATCH'
  | 'GENEVA_MANIFEST_ERR_NO_FACTORY'
  | 'GENEVA_MANIFEST_ERR_ALREADY_LISTED'
  | 'GENEVA_MANIFEST_ERR_DRIFT';

/**
 * An error about the builder config or one of its component entries.
 * `entry` names the entry (for example `exporters[0] (@geneva-otel/otel-plugin)`) when there is one.
 */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  constructor(
    readonly code: ManifestErrorCode,
    message: string,
    readonly entry?: string,
  ) {
    super(entry ? `${entry}: ${message}` : message);
  }
}

/** Stable error codes for the runtime (collector-style config) side. */
export type ConfigIssueCode =
  | 'GENEVA_CONFIG_ERR_READ'
  | 'GENEVA_CONFIG_ERR_YAML'
  | 'GENEVA_CONFIG_ERR_UNKNOWN_KEY'
  | 'GENEVA_CONFIG_ERR_TYPE'
  | 'GENEVA_CONFIG_ERR_COMPONENT_ID'
  | 'GENEVA_CONFIG_ERR_UNKNOWN_TYPE'
  | 'GENEVA_CONFIG_ERR_UNDEFINED_COMPONENT'
  | 'GENEVA_CONFIG_ERR_UNSUPPORTED_SIGNAL'
  | 'GENEVA_CONFIG_ERR_UNSUPPORTED_PIPELINE'
  | 'GENEVA_CONFIG_ERR_UNSUPPORTED_PROCESSOR'
  | 'GENEVA_CONFIG_ERR_NO_EXPORTERS'
  | 'GENEVA_CONFIG_ERR_INVALID_VALUE'
  | 'GENEVA_CONFIG_ERR_EXPORTER_CONFIG';

/** One problem found in a collector-style config; `path` is dotted, e.g. `service.pipelines.logs.exporters[1]`. */
export interface ConfigIssue {
  code: ConfigIssueCode;
  path: string;
  message: string;
}

/** Every problem found while validating a collector-style config (validation reports all, not the first). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'GENEVA_CONFIG_ERR_INVALID';
  constructor(
    readonly issues: readonly ConfigIssue[],
    readonly source?: string,
  ) {
    const where = source ? ` (${source})` : '';
    const lines = issues.map((i) => `  - ${i.path}: ${i.message}`);
    super(`invalid configuration${where}:\n${lines.join('\n')}`);
  }
}
