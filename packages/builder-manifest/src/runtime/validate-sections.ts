import type { ConfigIssue } from '../errors.js';
import type { ComponentsManifest } from '../manifest/manifest-types.js';
import { type ComponentId, parseComponentId } from './component-id.js';

/** Components defined in one top-level section (`exporters:`, `receivers:`, `processors:`). */
export type DefinedComponents = Map<string, { parsed: ComponentId; config: unknown }>;

const TOP_KEYS = ['receivers', 'processors', 'exporters', 'extensions', 'connectors', 'service'];

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks top-level keys; `connectors` (non-empty) and unknown keys are issues, `extensions` a warning. */
export function checkTopLevel(doc: Record<string, unknown>, issues: ConfigIssue[], warnings: string[]): void {
  for (const key of Object.keys(doc)) {
    if (!TOP_KEYS.includes(key)) {
      issues.push({
        code: 'GENEVA_CONFIG_ERR_UNKNOWN_KEY',
        path: key,
        message: `unknown key (allowed: ${TOP_KEYS.join(', ')})`,
      });
    }
  }
  if (isRecord(doc['connectors']) && Object.keys(doc['connectors']).length > 0) {
    issues.push({
      code: 'GENEVA_CONFIG_ERR_UNSUPPORTED_PIPELINE',
      path: 'connectors',
      message: 'connectors are not supported: the SDK is the only receiver, pipelines cannot feed each other',
    });
  }
  if (isRecord(doc['extensions']) && Object.keys(doc['extensions']).length > 0) {
    warnings.push('extensions: ignored (collector extensions do not run in the SDK)');
  }
}

/** Reads one section's component map, checking ids (and, for exporters, that the manifest has the type). */
export function readSection(
  doc: Record<string, unknown>,
  section: 'receivers' | 'processors' | 'exporters',
  manifest: ComponentsManifest,
  issues: ConfigIssue[],
): DefinedComponents {
  const defined: DefinedComponents = new Map();
  const raw = doc[section];
  if (raw === undefined || raw === null) return defined;
  if (!isRecord(raw)) {
    issues.push({
      code: 'GENEVA_CONFIG_ERR_TYPE',
      path: section,
      message: 'must be a mapping of component id to settings',
    });
    return defined;
  }
  for (const [id, config] of Object.entries(raw)) {
    const path = `${section}.${id}`;
    const parsed = parseComponentId(id);
    if (!parsed) {
      issues.push({
        code: 'GENEVA_CONFIG_ERR_COMPONENT_ID',
        path,
        message: `'${id}' is not a component id (type or type/name)`,
      });
      continue;
    }
    if (config !== null && config !== undefined && !isRecord(config)) {
      issues.push({ code: 'GENEVA_CONFIG_ERR_TYPE', path, message: 'settings must be a mapping (or empty)' });
      continue;
    }
    if (section === 'exporters' && !Object.hasOwn(manifest.exporters, parsed.type)) {
      const known = Object.keys(manifest.exporters).join(', ') || '(none)';
      issues.push({
        code: 'GENEVA_CONFIG_ERR_UNKNOWN_TYPE',
        path,
        message: `unknown exporter type '${parsed.type}': the components manifest '${manifest.dist.name}' has ${known}`,
      });
      continue;
    }
    defined.set(id, { parsed, config: config ?? {} });
  }
  return defined;
}

/** Reads a pipeline's `receivers`/`processors`/`exporters` list; reports anything that is not a list of ids. */
export function readIdList(
  pipeline: Record<string, unknown>,
  key: string,
  path: string,
  issues: ConfigIssue[],
): string[] {
  const raw = pipeline[key];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string')) {
    issues.push({
      code: 'GENEVA_CONFIG_ERR_TYPE',
      path: `${path}.${key}`,
      message: 'must be a list of component ids',
    });
    return [];
  }
  return raw as string[];
}
