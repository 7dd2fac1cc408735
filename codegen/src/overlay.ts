import { readFileSync } from 'node:fs';
import { GO_DURATION_PATTERN, type SchemaNode } from './build-schema.js';
import { CodegenError } from './errors.js';
import type { Rule } from './helper-model.js';

/**
 * An overlay: extensions beyond the Go surface, merged into the generated schema.
 * - `properties`: new keys (each marked `"x-geneva-extension": true`); `"x-go-type": "time.Duration"`
 *   gets the Go duration pattern.
 * - `extend.<key>.acceptEnumNames`: an enum key also accepts its `String()` names.
 * - `extend.<key>.secret`: mark a Go string as a secret (`writeOnly`, redacted).
 * - `rules`: extra Validate()-style rules (same expression language as the Go rules), run after Go's.
 */
export interface Overlay {
  description?: string;
  properties?: Record<string, SchemaNode>;
  extend?: Record<
    string,
    { acceptEnumNames?: boolean; secret?: boolean; message?: string; description?: string }
  >;
  rules?: Rule[];
}

/** Reads an overlay JSON file. */
export function readOverlay(path: string): Overlay {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Overlay;
  } catch (err) {
    throw new CodegenError('GENEVA_ERR_CODEGEN_OVERLAY', `${path}: ${(err as Error).message}`);
  }
}

/** Returns a new schema: the Go schema plus the overlay, every addition marked. */
export function applyOverlay(schema: SchemaNode, overlay: Overlay, source = 'overlay'): SchemaNode {
  const out = structuredClone(schema);
  const props = out.properties as Record<string, SchemaNode>;
  for (const [key, prop] of Object.entries(overlay.properties ?? {})) {
    if (key in props) {
      throw new CodegenError(
        'GENEVA_ERR_CODEGEN_OVERLAY',
        `${source}: property "${key}" already exists in the Go schema`,
      );
    }
    const node: SchemaNode = { ...prop };
    if (node['x-go-type'] === 'time.Duration') node.pattern = GO_DURATION_PATTERN;
    node['x-geneva-extension'] = true;
    props[key] = node;
  }
  for (const [key, ext] of Object.entries(overlay.extend ?? {})) {
    const prop = props[key];
    if (!prop)
      throw new CodegenError(
        'GENEVA_ERR_CODEGEN_OVERLAY',
        `${source}: cannot extend unknown property "${key}"`,
      );
    if (ext.secret) {
      prop.writeOnly = true;
      prop['x-redact'] = true;
      prop['x-geneva-extended'] = ['secret'];
      if (ext.description)
        prop.description = [prop.description, ext.description].filter(Boolean).join('\n\n');
    }
    if (ext.acceptEnumNames) {
      const values = prop['x-go-enum'] as { string: string }[] | undefined;
      if (!values)
        throw new CodegenError('GENEVA_ERR_CODEGEN_OVERLAY', `${source}: "${key}" is not a Go enum`);
      const { description, default: def, type, minimum, maximum, ...rest } = prop;
      const goBranch: SchemaNode = { type };
      if (minimum !== undefined) goBranch.minimum = minimum;
      if (maximum !== undefined) goBranch.maximum = maximum;
      const next: SchemaNode = {};
      const docs = [description, ext.description].filter(Boolean).join('\n\n');
      if (docs) next.description = docs;
      next.anyOf = [
        goBranch,
        { type: 'string', enum: values.map((v) => v.string).filter(Boolean), 'x-geneva-extension': true },
      ];
      Object.assign(next, rest);
      if (def !== undefined) next.default = def;
      if (ext.message) next['x-geneva-message'] = ext.message;
      next['x-geneva-extended'] = ['acceptEnumNames'];
      props[key] = next;
    }
  }
  if (overlay.rules?.length) {
    const groups = (out['x-go-rules'] as unknown[] | undefined) ?? [];
    groups.push({ source, pos: source, rules: overlay.rules, 'x-geneva-extension': true });
    out['x-go-rules'] = groups;
  }
  out['x-geneva-overlay'] = overlay.description ?? source;
  return out;
}
