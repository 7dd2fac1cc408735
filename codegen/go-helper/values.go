package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"
)

// constJSON converts a Go constant to a JSON value.
func constJSON(v constant.Value) any {
	switch v.Kind() {
	case constant.Bool:
		return constant.BoolVal(v)
	case constant.String:
		return constant.StringVal(v)
	case constant.Int:
		if i, ok := constant.Int64Val(v); ok {
			return i
		}
		return v.ExactString()
	case constant.Float:
		f, _ := constant.Float64Val(v)
		return f
	}
	return v.ExactString()
}

// constValues lists the package-level constants of exactly type t (iota blocks included), by value.
func (x *extractor) constValues(t *types.Named) []EnumValue {
	scope := t.Obj().Pkg().Scope()
	var out []EnumValue
	var pos []token.Pos
	for _, n := range scope.Names() {
		c, ok := scope.Lookup(n).(*types.Const)
		if !ok || !types.Identical(c.Type(), t) {
			continue
		}
		out = append(out, EnumValue{Name: n, Value: constJSON(c.Val()), Doc: x.docs[c]})
		pos = append(pos, c.Pos())
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return pos[idx[a]] < pos[idx[b]] })
	sorted := make([]EnumValue, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted
}

// enumStrings reads a String() method written as a switch over the constants.
func (x *extractor) enumStrings(t *types.Named, def *TypeDef) {
	var fn *types.Func
	for i := 0; i < t.NumMethods(); i++ {
		if t.Method(i).Name() == "String" {
			fn = t.Method(i)
		}
	}
	if fn == nil {
		return
	}
	d, ok := x.funcs[fn]
	if !ok || d.decl.Body == nil {
		return
	}
	names := map[string]string{}
	okAll := false
	for _, st := range d.decl.Body.List {
		sw, ok := st.(*ast.SwitchStmt)
		if !ok {
			continue
		}
		okAll = true
		for _, cc := range sw.Body.List {
			clause := cc.(*ast.CaseClause)
			if len(clause.Body) != 1 {
				okAll = false
				continue
			}
			ret, ok := clause.Body[0].(*ast.ReturnStmt)
			if !ok || len(ret.Results) != 1 {
				okAll = false
				continue
			}
			tv := d.pkg.TypesInfo.Types[ret.Results[0]]
			if tv.Value == nil || tv.Value.Kind() != constant.String {
				okAll = false
				continue
			}
			for _, e := range clause.List {
				if cv := d.pkg.TypesInfo.Types[e].Value; cv != nil {
					names[cv.ExactString()] = constant.StringVal(tv.Value)
				}
			}
		}
	}
	if !okAll {
		x.out.Untranslated = append(x.out.Untranslated, Untranslated{
			Source: typeID(t) + ".String", Pos: x.pos(fn.Pos()), Code: "enum-string",
			Reason: "String() is not a switch returning string constants; enum names left out",
		})
	}
	for i := range def.Values {
		c := t.Obj().Pkg().Scope().Lookup(def.Values[i].Name).(*types.Const)
		def.Values[i].String = names[c.Val().ExactString()]
	}
}

// textEnumValues finds package-level vars of type t initialised by a composite literal with one string.
func (x *extractor) textEnumValues(t *types.Named) []EnumValue {
	scope := t.Obj().Pkg().Scope()
	var out []EnumValue
	for _, n := range scope.Names() {
		v, ok := scope.Lookup(n).(*types.Var)
		if !ok || !types.Identical(v.Type(), t) || !v.Exported() {
			continue
		}
		s, err := x.textValue(v)
		if err != nil {
			continue
		}
		out = append(out, EnumValue{Name: n, Value: s, Doc: x.docs[v]})
	}
	return out
}

func (x *extractor) textValue(v *types.Var) (string, error) {
	vi, ok := x.vars[v]
	if !ok {
		return "", fmt.Errorf("no initializer for %s", v.Name())
	}
	cl, ok := vi.expr.(*ast.CompositeLit)
	if !ok || len(cl.Elts) != 1 {
		return "", fmt.Errorf("%s: not a one-field composite literal", x.pos(vi.expr.Pos()))
	}
	e := cl.Elts[0]
	if kv, ok := e.(*ast.KeyValueExpr); ok {
		e = kv.Value
	}
	tv := vi.pkg.TypesInfo.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", fmt.Errorf("%s: not a string constant", x.pos(e.Pos()))
	}
	return constant.StringVal(tv.Value), nil
}

// formatDuration renders nanoseconds as a compact Go duration string ("5m", "1h30m", "100ms").
func formatDuration(ns int64) string {
	if ns == 0 {
		return "0s"
	}
	d := time.Duration(ns)
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// optionalValue marks an Optional in the defaults tree: none (unset) or default flavour.
type optionalValue struct {
	Flavor string
	Value  any
}

// defaults statically evaluates the factory's default config.
func (x *extractor) defaults(funcName string, cfgType types.Type) (any, error) {
	// A function or a method (the real exporter uses `func (f *factory) createDefaultConfig()`).
	var fn *types.Func
	for f, d := range x.funcs {
		if d.pkg == x.root && f.Name() == funcName {
			fn = f
		}
	}
	if fn == nil {
		return nil, fmt.Errorf("defaults function %s not found in package %s", funcName, x.root.PkgPath)
	}
	obj := types.Object(fn)
	v, err := x.evalCall(fn, nil, obj.Pos())
	if err != nil {
		return nil, err
	}
	return x.wire(v, cfgType, obj.Pos())
}

func (x *extractor) evalCall(fn *types.Func, args []ast.Expr, at token.Pos) (any, error) {
	fn = fn.Origin()
	full := fn.FullName()
	switch full {
	case "go.opentelemetry.io/collector/config/configoptional.None":
		return optionalValue{Flavor: "none"}, nil
	case "go.opentelemetry.io/collector/config/configoptional.Some", "go.opentelemetry.io/collector/config/configoptional.Default":
		return nil, fmt.Errorf("unsupported Go construct at %s: %s must be evaluated with its argument", x.pos(at), full)
	}
	d, ok := x.funcs[fn]
	if !ok || d.decl.Body == nil {
		return nil, fmt.Errorf("cannot evaluate default at %s: no source for %s", x.pos(at), full)
	}
	if len(args) > 0 || d.decl.Type.Params.NumFields() > 0 {
		return nil, fmt.Errorf("cannot evaluate default at %s: %s takes parameters", x.pos(at), full)
	}
	body := d.decl.Body.List
	if len(body) != 1 {
		return nil, fmt.Errorf("cannot evaluate default at %s: %s is not a single return statement", x.pos(d.decl.Pos()), full)
	}
	ret, ok := body[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil, fmt.Errorf("cannot evaluate default at %s: %s is not a single return statement", x.pos(body[0].Pos()), full)
	}
	return x.eval(d.pkg, ret.Results[0])
}

type structValue map[string]any // keyed by Go field name

func (x *extractor) eval(p *packages.Package, e ast.Expr) (any, error) {
	if tv, ok := p.TypesInfo.Types[e]; ok && tv.Value != nil {
		return tv.Value, nil
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return x.eval(p, e.X)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return x.eval(p, e.X)
		}
	case *ast.CompositeLit:
		t := types.Unalias(p.TypesInfo.TypeOf(e))
		if _, ok := t.Underlying().(*types.Struct); !ok {
			return nil, fmt.Errorf("cannot evaluate default at %s: composite literal of %s", x.pos(e.Pos()), t)
		}
		out := structValue{}
		for _, el := range e.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return nil, fmt.Errorf("cannot evaluate default at %s: unkeyed struct literal", x.pos(el.Pos()))
			}
			k := kv.Key.(*ast.Ident).Name
			v, err := x.eval(p, kv.Value)
			if err != nil {
				return nil, err
			}
			out[k] = v
		}
		return out, nil
	case *ast.CallExpr:
		fun := e.Fun
		if ix, ok := fun.(*ast.IndexExpr); ok {
			fun = ix.X
		}
		if ix, ok := fun.(*ast.IndexListExpr); ok {
			fun = ix.X
		}
		obj := usedObj(p, fun)
		switch o := obj.(type) {
		case *types.Func:
			name := o.Origin().FullName()
			if name == "go.opentelemetry.io/collector/config/configoptional.Some" || name == "go.opentelemetry.io/collector/config/configoptional.Default" {
				v, err := x.eval(p, e.Args[0])
				if err != nil {
					return nil, err
				}
				if strings.HasSuffix(name, ".Some") {
					return v, nil
				}
				return optionalValue{Flavor: "default", Value: v}, nil
			}
			return x.evalCall(o, e.Args, e.Pos())
		case *types.Var:
			if vi, ok := x.vars[o]; ok && len(e.Args) == 0 {
				if f, ok := usedObj(vi.pkg, vi.expr).(*types.Func); ok {
					return x.evalCall(f, nil, e.Pos())
				}
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if v, ok := usedObj(p, e).(*types.Var); ok {
			if vi, ok := x.vars[v]; ok {
				return x.eval(vi.pkg, vi.expr)
			}
		}
	}
	return nil, fmt.Errorf("cannot evaluate default at %s: unsupported expression %s", x.pos(e.Pos()), types.ExprString(e))
}

func usedObj(p *packages.Package, e ast.Expr) types.Object {
	switch e := e.(type) {
	case *ast.Ident:
		return p.TypesInfo.Uses[e]
	case *ast.SelectorExpr:
		if sel, ok := p.TypesInfo.Selections[e]; ok {
			return sel.Obj()
		}
		return p.TypesInfo.Uses[e.Sel]
	}
	return nil
}

// wire converts an evaluated value of Go type t to what a user writes in YAML (JSON).
// A nil result means "unset" (nil pointer, None optional, zero text value).
func (x *extractor) wire(v any, t types.Type, at token.Pos) (any, error) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		if v == nil {
			return nil, nil
		}
		return x.wire(v, p.Elem(), at)
	}
	n, _ := t.(*types.Named)
	if n != nil {
		switch typeID(n) {
		case durationType:
			ns := int64(0)
			if c, ok := v.(constant.Value); ok {
				ns, _ = constant.Int64Val(constant.ToInt(c))
			}
			return formatDuration(ns), nil
		case optionalType:
			switch o := v.(type) {
			case nil:
				return nil, nil
			case optionalValue:
				if o.Flavor == "none" {
					return nil, nil
				}
				inner, err := x.wire(o.Value, n.TypeArgs().At(0), at)
				if err != nil {
					return nil, err
				}
				return map[string]any{"$optionalDefault": inner}, nil
			default:
				return x.wire(v, n.TypeArgs().At(0), at)
			}
		}
		if def, ok := x.out.Types[typeID(n)]; ok && (def.Kind == "textEnum" || def.Kind == "text") {
			if v == nil {
				return nil, nil
			}
			sv, ok := v.(structValue)
			if !ok || len(sv) != 1 {
				return nil, fmt.Errorf("cannot evaluate default at %s: value of %s", x.pos(at), typeID(n))
			}
			for _, f := range sv {
				if c, ok := f.(constant.Value); ok && c.Kind() == constant.String {
					return constant.StringVal(c), nil
				}
			}
			return nil, fmt.Errorf("cannot evaluate default at %s: value of %s", x.pos(at), typeID(n))
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if v == nil {
			return zeroBasic(u), nil
		}
		c, ok := v.(constant.Value)
		if !ok {
			return nil, fmt.Errorf("cannot evaluate default at %s: non-constant %s", x.pos(at), t)
		}
		if u.Info()&types.IsFloat != 0 {
			f, _ := constant.Float64Val(constant.ToFloat(c))
			return f, nil
		}
		return constJSON(c), nil
	case *types.Struct:
		sv, _ := v.(structValue)
		out := map[string]any{}
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			key, ok := x.keys[f]
			if !ok {
				if f.Embedded() {
					w, err := x.wire(sv[f.Name()], f.Type(), at)
					if err != nil {
						return nil, err
					}
					if m, ok := w.(map[string]any); ok {
						for k, v := range m {
							out[k] = v
						}
					}
				}
				continue
			}
			w, err := x.wire(sv[f.Name()], f.Type(), at)
			if err != nil {
				return nil, err
			}
			if w != nil {
				out[key] = w
			}
		}
		return out, nil
	case *types.Slice, *types.Map:
		if v == nil {
			return nil, nil
		}
	}
	return nil, fmt.Errorf("cannot evaluate default at %s: values of type %s", x.pos(at), t)
}

func zeroBasic(b *types.Basic) any {
	switch {
	case b.Info()&types.IsBoolean != 0:
		return false
	case b.Info()&types.IsString != 0:
		return ""
	case b.Info()&types.IsFloat != 0:
		return 0.0
	}
	return int64(0)
}

var _ = strconv.Itoa
