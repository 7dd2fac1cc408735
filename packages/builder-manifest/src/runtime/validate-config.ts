import { ConfigError, type ConfigIssue } from '../errors.js';
import type { ComponentsManifest } from '../manifest/manifest-types.js';
import { parseComponentId } from './component-id.js';
import type { PipelinePlan, PlannedExporter, SdkSignal } from './pipeline-plan.js';
import { readPipelineProcessors } from './pipeline-processors.js';
import {
  checkTopLevel,
  type DefinedComponents,
  isRecord,
  readIdList,
  readSection,
} from './validate-sections.js';

/** Options of {@link validateConfig}. */
export interface ValidateOptions {
  /** Ignore (with a warning) processors that cannot run in the SDK instead of rejecting them. Default false. */
  ignoreUnsupportedProcessors?: boolean;
  /** Names the config in error messages (e.g. its path). */
  source?: string;
}

const SDK_SIGNALS: readonly string[] = ['logs', 'traces'];
const COLLECTOR_ONLY_SIGNALS = ['metrics', 'profiles'];
const PIPELINE_KEYS = ['receivers', 'processors', 'exporters'];
const SERVICE_KEYS = ['pipelines', 'extensions', 'telemetry'];

/**
 * Validates a collector-style config (after `${env:…}` substitution) against a components manifest and
 * plans the exporters to build. Reports every problem at once in a {@link ConfigError}: unknown keys,
 * undefined components, exporters that do not support the pipeline's signal, metrics pipelines.
 * Rules: receivers are accepted and ignored (the SDK is the receiver); a `batch` processor tunes the
 * SDK batch processor; `memory_limiter`/`resourcedetection` are ignored; other processors are rejected.
 */
export function validateConfig(
  doc: unknown,
  manifest: ComponentsManifest,
  options: ValidateOptions = {},
): PipelinePlan {
  const issues: ConfigIssue[] = [];
  const warnings: string[] = [];
  const issue = (code: ConfigIssue['code'], path: string, message: string) =>
    issues.push({ code, path, message });
  if (!isRecord(doc))
    throw new ConfigError(
      [{ code: 'GENEVA_CONFIG_ERR_TYPE', path: '(root)', message: 'must be a YAML mapping' }],
      options.source,
    );
  checkTopLevel(doc, issues, warnings);
  const receivers = readSection(doc, 'receivers', manifest, issues);
  const processors = readSection(doc, 'processors', manifest, issues);
  const exporters = readSection(doc, 'exporters', manifest, issues);
  const planned: PlannedExporter[] = [];
  const usedBy = new Map<string, string>(); // `${signal} ${exporterId}` -> pipeline id

  const service = doc['service'];
  if (!isRecord(service)) {
    issue('GENEVA_CONFIG_ERR_TYPE', 'service', 'required: a mapping with pipelines');
    throw new ConfigError(issues, options.source);
  }
  for (const key of Object.keys(service)) {
    if (!SERVICE_KEYS.includes(key))
      issue(
        'GENEVA_CONFIG_ERR_UNKNOWN_KEY',
        `service.${key}`,
        `unknown key (allowed: ${SERVICE_KEYS.join(', ')})`,
      );
  }
  if (service['telemetry'] !== undefined)
    warnings.push('service.telemetry: ignored (collector self-telemetry)');
  const pipelines = service['pipelines'];
  if (!isRecord(pipelines) || Object.keys(pipelines).length === 0) {
    issue('GENEVA_CONFIG_ERR_TYPE', 'service.pipelines', 'required: at least one logs or traces pipeline');
  }
  for (const [pipelineId, rawPipeline] of Object.entries(isRecord(pipelines) ? pipelines : {})) {
    const path = `service.pipelines.${pipelineId}`;
    const parsed = parseComponentId(pipelineId);
    if (!parsed) {
      issue(
        'GENEVA_CONFIG_ERR_COMPONENT_ID',
        path,
        `'${pipelineId}' is not a pipeline id (signal or signal/name)`,
      );
      continue;
    }
    if (COLLECTOR_ONLY_SIGNALS.includes(parsed.type)) {
      issue(
        'GENEVA_CONFIG_ERR_UNSUPPORTED_PIPELINE',
        path,
        `${parsed.type} pipelines are not supported: this runtime exports logs and traces only; remove the pipeline`,
      );
      continue;
    }
    if (!SDK_SIGNALS.includes(parsed.type)) {
      issue('GENEVA_CONFIG_ERR_COMPONENT_ID', path, `unknown signal '${parsed.type}' (logs or traces)`);
      continue;
    }
    const signal = parsed.type as SdkSignal;
    if (!isRecord(rawPipeline)) {
      issue('GENEVA_CONFIG_ERR_TYPE', path, 'must be a mapping with receivers, processors, exporters');
      continue;
    }
    for (const key of Object.keys(rawPipeline)) {
      if (!PIPELINE_KEYS.includes(key))
        issue(
          'GENEVA_CONFIG_ERR_UNKNOWN_KEY',
          `${path}.${key}`,
          `unknown key (allowed: ${PIPELINE_KEYS.join(', ')})`,
        );
    }
    const checkDefined = (key: string, ids: string[], defined: DefinedComponents, kind: string): string[] =>
      ids.filter((id, i) => {
        if (defined.has(id)) return true;
        issue(
          'GENEVA_CONFIG_ERR_UNDEFINED_COMPONENT',
          `${path}.${key}[${i}]`,
          `references ${kind} '${id}' which is not configured under ${key}:`,
        );
        return false;
      });
    const receiverIds = checkDefined(
      'receivers',
      readIdList(rawPipeline, 'receivers', path, issues),
      receivers,
      'receiver',
    );
    if (receiverIds.length > 0)
      warnings.push(`${path}.receivers: ignored (the OpenTelemetry SDK in this process is the receiver)`);
    const batch = readPipelineProcessors(rawPipeline, path, processors, {
      issues,
      warnings,
      ignoreUnsupported: options.ignoreUnsupportedProcessors ?? false,
    });
    const exporterIds = readIdList(rawPipeline, 'exporters', path, issues);
    if (exporterIds.length === 0 && isRecord(rawPipeline))
      issue('GENEVA_CONFIG_ERR_NO_EXPORTERS', `${path}.exporters`, 'a pipeline needs at least one exporter');
    for (const [i, id] of exporterIds.entries()) {
      const at = `${path}.exporters[${i}]`;
      const def = exporters.get(id);
      if (!def) {
        issue(
          'GENEVA_CONFIG_ERR_UNDEFINED_COMPONENT',
          at,
          `references exporter '${id}' which is not configured under exporters:`,
        );
        continue;
      }
      const component = manifest.exporters[def.parsed.type]!;
      const supported = Object.keys(component.stability).join(', ') || 'none';
      if (!component.stability[signal]) {
        issue(
          'GENEVA_CONFIG_ERR_UNSUPPORTED_SIGNAL',
          at,
          `exporter '${id}' does not support ${signal} (its metadata lists: ${supported})`,
        );
        continue;
      }
      const previous = usedBy.get(`${signal} ${id}`);
      if (previous !== undefined) {
        const twice = previous === pipelineId ? 'twice in this pipeline' : `also by pipeline '${previous}'`;
        issue(
          'GENEVA_CONFIG_ERR_INVALID_VALUE',
          at,
          `exporter '${id}' is used ${twice}; every ${signal} pipeline receives all SDK ${signal}, so each record would be exported twice`,
        );
        continue;
      }
      usedBy.set(`${signal} ${id}`, pipelineId);
      planned.push({
        id,
        signal,
        pipeline: pipelineId,
        component,
        config: def.config,
        ...(batch ? { batch } : {}),
      });
    }
  }
  if (issues.length > 0) throw new ConfigError(issues, options.source);
  return { exporters: planned, warnings };
}
