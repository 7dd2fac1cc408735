import { CodegenError } from './errors.js';
import type { Field, HelperOutput, TypeDef, TypeRef } from './helper-model.js';
import type { ComponentMetadata } from './metadata.js';

/** A JSON Schema node (draft-07) with our `x-go-*` annotations. */
export type SchemaNode = { [key: string]: unknown };

/** Go's time.ParseDuration grammar. */
export const GO_DURATION_PATTERN = '^[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$';

/** Options of {@link buildSchema}. */
export interface BuildSchemaOptions {
  /** Type name prefix, e.g. `AzureGigWarm` (the schema title becomes `AzureGigWarmConfig`). */
  name: string;
  metadata: ComponentMetadata;
}

function intBounds(ref: TypeRef): SchemaNode {
  const bits = ref.bits ?? 64;
  if (ref.kind === 'uint') return bits < 64 ? { minimum: 0, maximum: 2 ** bits - 1 } : { minimum: 0 };
  return bits < 64 ? { minimum: -(2 ** (bits - 1)), maximum: 2 ** (bits - 1) - 1 } : {};
}

function shortGoName(def: TypeDef): string {
  return `${def.pkg.slice(def.pkg.lastIndexOf('/') + 1)}.${def.name}`;
}

/** Converts the helper output into a JSON Schema with per-location defaults and the Validate() rules. */
export function buildSchema(out: HelperOutput, options: BuildSchemaOptions): SchemaNode {
  const typeDef = (id: string): TypeDef => {
    const def = out.types[id];
    if (!def) throw new CodegenError('GENEVA_ERR_CODEGEN_GO_SOURCE', `helper output lacks type ${id}`);
    return def;
  };

  /** The Go zero value as written in YAML, or undefined when the zero value is "unset". */
  const zero = (ref: TypeRef): unknown => {
    switch (ref.kind) {
      case 'bool':
        return false;
      case 'string':
      case 'opaque':
        return '';
      case 'int':
      case 'uint':
      case 'float':
        return 0;
      case 'duration':
        return '0s';
      case 'named': {
        const def = typeDef(ref.id as string);
        if (def.kind === 'enum') return 0;
        if (def.kind !== 'struct') return undefined;
        const obj: Record<string, unknown> = {};
        for (const f of def.fields ?? []) {
          const z = zero(f.type);
          if (z !== undefined) obj[f.key] = z;
        }
        return obj;
      }
      default:
        return undefined;
    }
  };

  const structSchema = (
    def: TypeDef,
    defaults: Record<string, unknown> | undefined,
    title: string,
  ): SchemaNode => {
    const properties: Record<string, SchemaNode> = {};
    for (const f of def.fields ?? []) {
      const d = defaults === undefined ? zero(f.type) : defaults[f.key];
      properties[f.key] = fieldSchema(f, d);
    }
    const node: SchemaNode = { title, type: 'object' };
    if (def.doc) node.description = def.doc;
    node.additionalProperties = false;
    node.properties = properties;
    node['x-go-type'] = shortGoName(def);
    node['x-go-pos'] = def.pos;
    if (def.ruleGroups?.length) node['x-go-rules'] = def.ruleGroups;
    if (def.hooks?.length) node['x-go-unmarshal'] = def.hooks;
    return node;
  };

  const typeSchema = (ref: TypeRef, defaults: unknown): SchemaNode => {
    switch (ref.kind) {
      case 'bool':
        return { type: 'boolean' };
      case 'string':
        return { type: 'string' };
      case 'int':
      case 'uint':
        return { type: 'integer', ...intBounds(ref), 'x-go-type': ref.goType };
      case 'float':
        return { type: 'number', 'x-go-type': ref.goType };
      case 'duration':
        return { type: 'string', pattern: GO_DURATION_PATTERN, 'x-go-type': 'time.Duration' };
      case 'opaque':
        return { type: 'string', writeOnly: true, 'x-go-type': 'configopaque.String', 'x-redact': true };
      case 'pointer':
        return { ...typeSchema(ref.elem as TypeRef, defaults), 'x-go-pointer': true };
      case 'optional':
        return { ...typeSchema(ref.elem as TypeRef, defaults), 'x-go-optional': true };
      case 'slice':
        return { type: 'array', items: typeSchema(ref.elem as TypeRef, undefined) };
      case 'map':
        return { type: 'object', additionalProperties: typeSchema(ref.elem as TypeRef, undefined) };
      case 'named': {
        const def = typeDef(ref.id as string);
        if (def.kind === 'struct') {
          const d =
            defaults !== undefined && defaults !== null ? (defaults as Record<string, unknown>) : undefined;
          return structSchema(def, d, ref.alias ? ref.alias.slice(ref.alias.indexOf('.') + 1) : def.name);
        }
        if (def.kind === 'enum') {
          const values = def.values ?? [];
          const names = values.map((v) => `${v.value} = ${v.string || v.name}`).join(', ');
          return {
            type: 'integer',
            ...intBounds(def.base as TypeRef),
            'x-go-type': shortGoName(def),
            'x-go-enum': values.map((v) => ({
              name: v.name,
              value: v.value,
              string: v.string ?? '',
              description: v.doc ?? '',
            })),
            'x-go-enum-summary': names,
          };
        }
        if (def.kind === 'textEnum') {
          const node: SchemaNode = { type: 'string', enum: (def.values ?? []).map((v) => v.value) };
          node['x-go-type'] = shortGoName(def);
          if (def.textError) node['x-go-text-error'] = def.textError;
          return node;
        }
        if (def.kind === 'text') return { type: 'string', 'x-go-type': shortGoName(def) };
        throw new CodegenError('GENEVA_ERR_CODEGEN_GO_SOURCE', `unsupported Go type ${ref.id} (${def.pos})`);
      }
    }
    throw new CodegenError('GENEVA_ERR_CODEGEN_GO_SOURCE', `unsupported type kind ${String(ref.kind)}`);
  };

  const fieldSchema = (f: Field, fieldDefault: unknown): SchemaNode => {
    let defaults = fieldDefault;
    if (f.type.kind === 'optional') {
      // configoptional.Default(v): no value unless configured, then starts from v.
      const wrapped = (fieldDefault as { $optionalDefault?: unknown } | undefined)?.$optionalDefault;
      const inner = typeSchema(f.type, wrapped);
      defaults = undefined;
      return finishField(f, inner, defaults);
    }
    return finishField(f, typeSchema(f.type, defaults), defaults);
  };

  const finishField = (f: Field, inner: SchemaNode, defaults: unknown): SchemaNode => {
    const { title, description: typeDoc, ...rest } = inner;
    const node: SchemaNode = {};
    if (title !== undefined) node.title = title;
    const docs = [f.doc, typeDoc].filter((d): d is string => typeof d === 'string' && d !== '');
    if (rest['x-go-enum-summary']) docs.push(`Values: ${rest['x-go-enum-summary'] as string}.`);
    delete rest['x-go-enum-summary'];
    if (docs.length) node.description = docs.join('\n\n');
    Object.assign(node, rest);
    if (inner.type === 'object' && inner.properties && defaults !== undefined && defaults !== null) {
      // Rebuild the object default from the children, so its keys follow the Go field order.
      const ordered: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(inner.properties as Record<string, SchemaNode>)) {
        if (p.default !== undefined) ordered[k] = p.default;
      }
      node.default = ordered;
    } else if (defaults !== undefined && defaults !== null) node.default = defaults;
    node['x-go-field'] = f.from ? `${f.from}.${f.name}` : f.name;
    node['x-go-field-pos'] = f.pos;
    return node;
  };

  const root = typeDef(out.root);
  const body = structSchema(root, out.defaults, `${options.name}Config`);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://geneva-otel.invalid/schema/${options.metadata.type}.schema.json`,
    ...body,
    'x-go-module': out.module,
    'x-go-package': out.package,
    'x-component': options.metadata,
    'x-generated-by': 'geneva-codegen (generated from Go source; do not edit)',
  };
}
