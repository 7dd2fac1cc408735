import type { ConfigIssue } from '../errors.js';
import { parseGoDurationMs } from './duration.js';

/** The SDK batch processor options a collector `batch` processor maps to. */
export interface SdkBatchOptions {
  scheduledDelayMillis: number;
  maxExportBatchSize: number;
  maxQueueSize: number;
}

const BATCH_KEYS = new Set(['timeout', 'send_batch_size', 'send_batch_max_size']);
const IGNORED_BATCH_KEYS = new Set(['metadata_keys', 'metadata_cardinality_limit']);
/** Collector `batch` processor defaults. */
const DEFAULTS = { timeoutMs: 200, sendBatchSize: 8192, sendBatchMaxSize: 0 };
/** The SDK's own default queue size; never go below it. */
const MIN_QUEUE = 2048;

/**
 * Maps a collector `batch` processor block onto SDK batch processor options:
 * `timeout` → `scheduledDelayMillis`; `send_batch_size` (or `send_batch_max_size` when the size is 0)
 * → `maxExportBatchSize`; `maxQueueSize` = max(2048, 2 × `maxExportBatchSize`).
 * `metadata_keys`/`metadata_cardinality_limit` are accepted and ignored (there is no client metadata in-process).
 */
export function parseBatchSettings(
  raw: unknown,
  path: string,
  issues: ConfigIssue[],
  warnings: string[],
): SdkBatchOptions {
  const block = raw === null || raw === undefined ? {} : raw;
  const settings = { ...DEFAULTS };
  if (typeof block !== 'object' || Array.isArray(block)) {
    issues.push({ code: 'GENEVA_CONFIG_ERR_TYPE', path, message: 'must be a mapping' });
  } else {
    for (const [key, value] of Object.entries(block)) {
      const at = `${path}.${key}`;
      if (IGNORED_BATCH_KEYS.has(key)) {
        warnings.push(`${at}: ignored (no client metadata in an in-process SDK)`);
        continue;
      }
      if (!BATCH_KEYS.has(key)) {
        issues.push({
          code: 'GENEVA_CONFIG_ERR_UNKNOWN_KEY',
          path: at,
          message: `unknown key (batch accepts ${[...BATCH_KEYS, ...IGNORED_BATCH_KEYS].join(', ')})`,
        });
        continue;
      }
      if (key === 'timeout') {
        const ms = typeof value === 'string' ? parseGoDurationMs(value) : undefined;
        if (ms === undefined) {
          issues.push({
            code: 'GENEVA_CONFIG_ERR_INVALID_VALUE',
            path: at,
            message: `'${String(value)}' is not a duration such as 200ms or 1s`,
          });
        } else settings.timeoutMs = ms;
        continue;
      }
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        issues.push({
          code: 'GENEVA_CONFIG_ERR_INVALID_VALUE',
          path: at,
          message: 'must be a non-negative integer',
        });
      } else if (key === 'send_batch_size') settings.sendBatchSize = value;
      else settings.sendBatchMaxSize = value;
    }
  }
  if (settings.sendBatchMaxSize > 0 && settings.sendBatchMaxSize < settings.sendBatchSize) {
    issues.push({
      code: 'GENEVA_CONFIG_ERR_INVALID_VALUE',
      path: `${path}.send_batch_max_size`,
      message: 'send_batch_max_size must be greater or equal to send_batch_size',
    });
  }
  const size = settings.sendBatchSize || settings.sendBatchMaxSize || MIN_QUEUE;
  return {
    scheduledDelayMillis: Math.max(1, Math.round(settings.timeoutMs)),
    maxExportBatchSize: size,
    maxQueueSize: Math.max(MIN_QUEUE, 2 * size),
  };
}
