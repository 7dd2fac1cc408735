import type { ConfigIssue } from '../errors.js';
import { parseBatchSettings, type SdkBatchOptions } from './batch-settings.js';
import { type DefinedComponents, readIdList } from './validate-sections.js';

/** Processors the SDK already covers: accepted in pipelines and ignored with a note. */
const IGNORED_PROCESSORS: Record<string, string> = {
  memory_limiter: 'the SDK batch queue is bounded',
  resourcedetection: 'use the SDK resource detectors',
};

/** Where {@link readPipelineProcessors} reports. */
export interface ProcessorContext {
  issues: ConfigIssue[];
  warnings: string[];
  /** Ignore (with a note) processors that cannot run in the SDK instead of rejecting them. */
  ignoreUnsupported: boolean;
}

/**
 * Checks a pipeline's `processors:` list. `batch` becomes the SDK batch processor's settings (at most
 * one per pipeline); `memory_limiter`/`resourcedetection` are ignored; any other processor is an error
 * (skipping, say, a redaction processor silently would export what it was meant to remove) unless
 * `ignoreUnsupported`.
 * @returns the SDK batch options, or undefined for the SDK defaults.
 */
export function readPipelineProcessors(
  pipeline: Record<string, unknown>,
  path: string,
  defined: DefinedComponents,
  ctx: ProcessorContext,
): SdkBatchOptions | undefined {
  let batch: SdkBatchOptions | undefined;
  for (const [i, id] of readIdList(pipeline, 'processors', path, ctx.issues).entries()) {
    const at = `${path}.processors[${i}]`;
    const def = defined.get(id);
    if (!def) {
      ctx.issues.push({
        code: 'GENEVA_CONFIG_ERR_UNDEFINED_COMPONENT',
        path: at,
        message: `references processor '${id}' which is not configured under processors:`,
      });
    } else if (def.parsed.type === 'batch') {
      if (batch) {
        ctx.issues.push({
          code: 'GENEVA_CONFIG_ERR_UNSUPPORTED_PROCESSOR',
          path: at,
          message: 'at most one batch processor per pipeline (it becomes the SDK batch processor)',
        });
      }
      batch = parseBatchSettings(def.config, `processors.${id}`, ctx.issues, ctx.warnings);
    } else if (IGNORED_PROCESSORS[def.parsed.type]) {
      ctx.warnings.push(`${at}: '${id}' ignored (${IGNORED_PROCESSORS[def.parsed.type]})`);
    } else if (ctx.ignoreUnsupported) {
      ctx.warnings.push(`${at}: '${id}' ignored (processor does not run in the SDK)`);
    } else {
      ctx.issues.push({
        code: 'GENEVA_CONFIG_ERR_UNSUPPORTED_PROCESSOR',
        path: at,
        message: `processor '${id}' cannot run in the SDK (only batch; memory_limiter and resourcedetection are ignored); remove it, do it in the SDK, or set ignoreUnsupportedProcessors`,
      });
    }
  }
  return batch;
}
