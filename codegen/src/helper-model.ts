/** JSON printed by the Go helper (codegen/go-helper): the Go config type graph, defaults and rules. */
export interface HelperOutput {
  module: string;
  package: string;
  root: string;
  types: Record<string, TypeDef>;
  defaults: Record<string, unknown>;
  untranslated: Untranslated[];
}

/** A field's Go type. */
export interface TypeRef {
  kind:
    | 'bool'
    | 'string'
    | 'int'
    | 'uint'
    | 'float'
    | 'duration'
    | 'opaque'
    | 'named'
    | 'pointer'
    | 'slice'
    | 'map'
    | 'optional';
  goType?: string;
  bits?: number;
  id?: string;
  alias?: string;
  elem?: TypeRef;
  key?: TypeRef;
}

/** A named Go type. */
export interface TypeDef {
  kind: 'struct' | 'enum' | 'textEnum' | 'text' | 'basic';
  name: string;
  pkg: string;
  doc?: string;
  pos: string;
  fields?: Field[];
  base?: TypeRef;
  values?: EnumValue[];
  ruleGroups?: RuleGroup[];
  textError?: string;
  hooks?: Hook[];
}

/** A translated statement of a custom confmap `Unmarshal` hook: copy `from` to `target` when `when` holds. */
export interface Hook {
  kind: 'copy';
  when: Expr;
  target: string[];
  from: string[];
  pos: string;
}

/** A mapstructure-visible field. */
export interface Field {
  name: string;
  key: string;
  omitempty?: boolean;
  from?: string;
  type: TypeRef;
  doc?: string;
  pos: string;
}

/** One enum constant (or text-enum var). */
export interface EnumValue {
  name: string;
  value: number | string;
  string?: string;
  doc?: string;
}

/** The translated rules of one Validate() method; first failure wins. */
export interface RuleGroup {
  source: string;
  /** xconfmap path segment of a squashed struct's Validate() (its lower-cased field name). */
  label?: string;
  pos: string;
  rules: Rule[];
}

/** When `when` holds, Validate() fails with `message` (a Go fmt format when `args` are present). */
export interface Rule {
  when: Expr;
  message: string;
  args?: Expr[];
  pos: string;
}

/** Condition/value tree. */
export interface Expr {
  op: string;
  path?: string[];
  kind?: string;
  value?: unknown;
  args?: Expr[];
}

/** Something the helper saw but could not translate. */
export interface Untranslated {
  source: string;
  pos: string;
  reason: string;
  code: string;
}
