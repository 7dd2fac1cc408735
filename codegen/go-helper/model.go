package main

// Output is the JSON document printed by the helper.
type Output struct {
	Module       string              `json:"module"`
	Package      string              `json:"package"`
	Root         string              `json:"root"`
	Types        map[string]*TypeDef `json:"types"`
	Defaults     any                 `json:"defaults"`
	Untranslated []Untranslated      `json:"untranslated"`
}

// TypeRef describes the type of a field.
type TypeRef struct {
	Kind   string   `json:"kind"` // bool string int uint float duration opaque named pointer slice map optional
	GoType string   `json:"goType,omitempty"`
	Bits   int      `json:"bits,omitempty"`
	ID     string   `json:"id,omitempty"`
	Alias  string   `json:"alias,omitempty"`
	Elem   *TypeRef `json:"elem,omitempty"`
	Key    *TypeRef `json:"key,omitempty"`
}

// TypeDef describes a named type: struct, enum (consts) or textEnum (UnmarshalText + vars).
type TypeDef struct {
	Kind       string      `json:"kind"` // struct enum textEnum text
	Name       string      `json:"name"`
	Pkg        string      `json:"pkg"`
	Doc        string      `json:"doc,omitempty"`
	Pos        string      `json:"pos"`
	Fields     []*Field    `json:"fields,omitempty"`
	Base       *TypeRef    `json:"base,omitempty"`
	Values     []EnumValue `json:"values,omitempty"`
	RuleGroups []RuleGroup `json:"ruleGroups,omitempty"`
	TextError  string      `json:"textError,omitempty"`
	Hooks      []Hook      `json:"hooks,omitempty"`
}

// Field is one mapstructure-visible struct field (squashed fields already flattened).
type Field struct {
	Name      string   `json:"name"`
	Key       string   `json:"key"`
	OmitEmpty bool     `json:"omitempty,omitempty"`
	From      string   `json:"from,omitempty"`
	Type      *TypeRef `json:"type"`
	Doc       string   `json:"doc,omitempty"`
	Pos       string   `json:"pos"`
}

// EnumValue is one constant (or package-level var for text enums).
type EnumValue struct {
	Name   string `json:"name"`
	Value  any    `json:"value"`
	String string `json:"string,omitempty"`
	Doc    string `json:"doc,omitempty"`
}

// RuleGroup holds the translated rules of one Validate() method: first failure wins.
type RuleGroup struct {
	Source string `json:"source"`
	// Label is the xconfmap path segment of a squashed struct's Validate (its lower-cased field name).
	Label string `json:"label,omitempty"`
	Pos   string `json:"pos"`
	Rules []Rule `json:"rules"`
}

// Rule: when `When` holds, Validate returns an error with Message (a fmt format when Args present).
type Rule struct {
	When    *Expr   `json:"when"`
	Message string  `json:"message"`
	Args    []*Expr `json:"args,omitempty"`
	Pos     string  `json:"pos"`
}

// Expr is a condition or value: a field path, a literal, or an operator.
type Expr struct {
	Op    string   `json:"op,omitempty"` // field lit and or not == != < <= > >= set unset len
	Path  []string `json:"path,omitempty"`
	Kind  string   `json:"kind,omitempty"` // for fields: string int uint float bool duration enum textEnum pointer optional slice map opaque
	Value any      `json:"value,omitempty"`
	Args  []*Expr  `json:"args,omitempty"`
}

// Untranslated lists what the helper saw but could not turn into schema rules.
type Untranslated struct {
	Source string `json:"source"`
	Pos    string `json:"pos"`
	Reason string `json:"reason"`
	Code   string `json:"code"`
}
