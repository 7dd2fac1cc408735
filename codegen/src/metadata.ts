import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CodegenError } from './errors.js';

/** Stability levels of collector components. */
export type Stability = 'development' | 'alpha' | 'beta' | 'stable' | 'deprecated' | 'unmaintained';

/** What the builder manifest needs from a component's metadata.yaml. */
export interface ComponentMetadata {
  type: string;
  class: string;
  stability: { logs?: Stability; traces?: Stability; metrics?: Stability };
}

const levels = new Set<string>(['development', 'alpha', 'beta', 'stable', 'deprecated', 'unmaintained']);
const signals = new Set(['logs', 'traces', 'metrics']);

/** Reads a collector `metadata.yaml` (`type`, `status.class`, `status.stability` level → signals). */
export function readComponentMetadata(path: string): ComponentMetadata {
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CodegenError('GENEVA_ERR_CODEGEN_INPUT', `${path}: ${(err as Error).message}`);
  }
  const d = doc as { type?: unknown; status?: { class?: unknown; stability?: Record<string, unknown> } };
  if (typeof d?.type !== 'string' || d.type === '') {
    throw new CodegenError('GENEVA_ERR_CODEGEN_INPUT', `${path}: missing "type"`);
  }
  if (typeof d.status?.class !== 'string') {
    throw new CodegenError('GENEVA_ERR_CODEGEN_INPUT', `${path}: missing "status.class"`);
  }
  const stability: ComponentMetadata['stability'] = {};
  for (const [level, list] of Object.entries(d.status.stability ?? {})) {
    if (!levels.has(level) || !Array.isArray(list)) {
      throw new CodegenError('GENEVA_ERR_CODEGEN_INPUT', `${path}: bad "status.stability.${level}"`);
    }
    for (const signal of list) {
      if (!signals.has(String(signal))) {
        throw new CodegenError(
          'GENEVA_ERR_CODEGEN_INPUT',
          `${path}: unknown signal "${String(signal)}" under ${level}`,
        );
      }
      stability[signal as keyof ComponentMetadata['stability']] = level as Stability;
    }
  }
  const ordered: ComponentMetadata['stability'] = {};
  for (const s of ['logs', 'traces', 'metrics'] as const) if (stability[s]) ordered[s] = stability[s];
  return { type: d.type, class: d.status.class, stability: ordered };
}
