import { ManifestError } from '../errors.js';
import type { ComponentClass, Signal, StabilityLevel } from '../manifest/manifest-types.js';

/** What the manifest needs from a component's `metadata.yaml` (the collector `mdatagen` format). */
export interface ComponentMetadata {
  type: string;
  class: ComponentClass;
  stability: Partial<Record<Signal, StabilityLevel>>;
}

const CLASSES: readonly ComponentClass[] = ['exporter', 'receiver', 'processor', 'extension', 'connector'];
const TYPE_PATTERN = /^[a-zA-Z][0-9a-zA-Z_]{0,62}$/;

/**
 * Reads `type`, `status.class` and `status.stability` (`<level>: [signals]`, inverted to one level per
 * signal) from a collector-style `metadata.yaml` with the codegen's reader (`@geneva-otel/codegen`,
 * loaded on first use so the runtime never pulls it in), then checks the type and class.
 * @param entry names the builder config entry in error messages.
 */
export async function readComponentMetadata(file: string, entry: string): Promise<ComponentMetadata> {
  const bad = (message: string): never => {
    throw new ManifestError('GENEVA_MANIFEST_ERR_BAD_METADATA', message, entry);
  };
  const codegen = await import('@geneva-otel/codegen');
  let raw: { type: string; class: string; stability: Partial<Record<Signal, StabilityLevel>> };
  try {
    raw = codegen.readComponentMetadata(file);
  } catch (err) {
    return bad((err as Error).message);
  }
  if (!TYPE_PATTERN.test(raw.type))
    bad(`${file}: 'type' must match ${TYPE_PATTERN.source}, got ${JSON.stringify(raw.type)}`);
  if (!CLASSES.includes(raw.class as ComponentClass)) {
    bad(`${file}: 'status.class' must be one of ${CLASSES.join(', ')}, got ${JSON.stringify(raw.class)}`);
  }
  return { type: raw.type, class: raw.class as ComponentClass, stability: { ...raw.stability } };
}
