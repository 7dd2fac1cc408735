package main

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

const (
	optionalType = "go.opentelemetry.io/collector/config/configoptional.Optional"
	opaqueType   = "go.opentelemetry.io/collector/config/configopaque.String"
	durationType = "time.Duration"
)

type declInfo struct {
	pkg  *packages.Package
	decl *ast.FuncDecl
}

type varInfo struct {
	pkg  *packages.Package
	expr ast.Expr
}

type extractor struct {
	root     *packages.Package
	modDir   string
	modCache string
	fset     *token.FileSet
	pkgOf    map[*types.Package]*packages.Package
	funcs    map[*types.Func]declInfo
	vars     map[*types.Var]varInfo
	docs     map[types.Object]string
	keys     map[*types.Var]string
	out      *Output
	visiting map[string]bool
	squashed []RuleGroup
}

func newExtractor(root *packages.Package, modDir string) *extractor {
	x := &extractor{
		root: root, modDir: modDir, fset: root.Fset,
		pkgOf: map[*types.Package]*packages.Package{}, funcs: map[*types.Func]declInfo{},
		vars: map[*types.Var]varInfo{}, docs: map[types.Object]string{}, keys: map[*types.Var]string{},
		visiting: map[string]bool{},
	}
	x.modCache = os.Getenv("GOMODCACHE")
	if x.modCache == "" {
		x.modCache = filepath.Join(os.Getenv("HOME"), "go", "pkg", "mod")
	}
	packages.Visit([]*packages.Package{root}, nil, func(p *packages.Package) {
		if p.Types == nil || p.TypesInfo == nil {
			return
		}
		x.pkgOf[p.Types] = p
		for _, f := range p.Syntax {
			x.indexFile(p, f)
		}
	})
	return x
}

func (x *extractor) indexFile(p *packages.Package, f *ast.File) {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if fn, ok := p.TypesInfo.Defs[d.Name].(*types.Func); ok {
				x.funcs[fn] = declInfo{p, d}
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					doc := s.Doc
					if doc == nil {
						doc = d.Doc
					}
					if obj := p.TypesInfo.Defs[s.Name]; obj != nil {
						x.docs[obj] = cleanDoc(doc)
					}
					if st, ok := s.Type.(*ast.StructType); ok {
						for _, fl := range st.Fields.List {
							doc := fl.Doc
							if doc == nil {
								doc = fl.Comment
							}
							for _, n := range fl.Names {
								if obj := p.TypesInfo.Defs[n]; obj != nil {
									x.docs[obj] = cleanDoc(doc)
								}
							}
						}
					}
				case *ast.ValueSpec:
					doc := s.Doc
					if doc == nil {
						doc = s.Comment
					}
					for i, n := range s.Names {
						obj := p.TypesInfo.Defs[n]
						if obj == nil {
							continue
						}
						x.docs[obj] = cleanDoc(doc)
						if v, ok := obj.(*types.Var); ok && i < len(s.Values) {
							x.vars[v] = varInfo{p, s.Values[i]}
						}
					}
				}
			}
		}
	}
}

func cleanDoc(g *ast.CommentGroup) string {
	if g == nil {
		return ""
	}
	return strings.TrimSpace(strings.Join(strings.Fields(g.Text()), " "))
}

// pos renders a position as file:line, relative to the module or the module cache.
func (x *extractor) pos(p token.Pos) string {
	ps := x.fset.Position(p)
	file := filepath.ToSlash(ps.Filename)
	if rel, err := filepath.Rel(x.modDir, ps.Filename); err == nil && !strings.HasPrefix(rel, "..") {
		file = filepath.ToSlash(rel)
	} else if rel, err := filepath.Rel(x.modCache, ps.Filename); err == nil && !strings.HasPrefix(rel, "..") {
		file = filepath.ToSlash(rel)
	}
	return fmt.Sprintf("%s:%d", file, ps.Line)
}

func (x *extractor) extract(typeName, defaultsFunc string) (*Output, error) {
	obj := x.root.Types.Scope().Lookup(typeName)
	if obj == nil {
		return nil, fmt.Errorf("type %s not found in package %s", typeName, x.root.PkgPath)
	}
	tn, ok := obj.(*types.TypeName)
	if !ok {
		return nil, fmt.Errorf("%s is not a type (%s)", typeName, x.pos(obj.Pos()))
	}
	mod := ""
	if x.root.Module != nil {
		mod = x.root.Module.Path
	}
	x.out = &Output{Module: mod, Package: x.root.PkgPath, Types: map[string]*TypeDef{}, Untranslated: []Untranslated{}}
	ref, err := x.typeRef(tn.Type(), obj.Pos(), typeName)
	if err != nil {
		return nil, err
	}
	if ref.Kind != "named" || x.out.Types[ref.ID].Kind != "struct" {
		return nil, fmt.Errorf("%s is not a struct type (%s)", typeName, x.pos(obj.Pos()))
	}
	x.out.Root = ref.ID
	def, err := x.defaults(defaultsFunc, tn.Type())
	if err != nil {
		return nil, err
	}
	x.out.Defaults = def
	sort.SliceStable(x.out.Untranslated, func(i, j int) bool {
		fi, li := splitPos(x.out.Untranslated[i].Pos)
		fj, lj := splitPos(x.out.Untranslated[j].Pos)
		if fi != fj {
			return fi < fj
		}
		return li < lj
	})
	return x.out, nil
}

func typeID(n *types.Named) string {
	o := n.Origin().Obj()
	if o.Pkg() == nil {
		return o.Name()
	}
	return o.Pkg().Path() + "." + o.Name()
}

func unsupported(x *extractor, where token.Pos, ctx string, t types.Type, why string) error {
	return fmt.Errorf("unsupported Go construct at %s: %s has type %s (%s)", x.pos(where), ctx, t.String(), why)
}

// typeRef converts a Go type to a TypeRef, registering named types in x.out.Types.
func (x *extractor) typeRef(t types.Type, where token.Pos, ctx string) (*TypeRef, error) {
	alias := ""
	if a, ok := t.(*types.Alias); ok {
		o := a.Obj()
		if o.Pkg() != nil {
			alias = o.Pkg().Name() + "." + o.Name()
		}
		t = types.Unalias(t)
	}
	switch t := t.(type) {
	case *types.Basic:
		return basicRef(x, t, where, ctx)
	case *types.Pointer:
		e, err := x.typeRef(t.Elem(), where, ctx)
		if err != nil {
			return nil, err
		}
		return &TypeRef{Kind: "pointer", Elem: e}, nil
	case *types.Slice:
		e, err := x.typeRef(t.Elem(), where, ctx+"[]")
		if err != nil {
			return nil, err
		}
		return &TypeRef{Kind: "slice", Elem: e}, nil
	case *types.Map:
		k, err := x.typeRef(t.Key(), where, ctx+" key")
		if err != nil {
			return nil, err
		}
		if k.Kind != "string" {
			return nil, unsupported(x, where, ctx, t, "map keys must be strings")
		}
		e, err := x.typeRef(t.Elem(), where, ctx+"[key]")
		if err != nil {
			return nil, err
		}
		return &TypeRef{Kind: "map", Key: k, Elem: e}, nil
	case *types.Named:
		id := typeID(t)
		switch id {
		case durationType:
			return &TypeRef{Kind: "duration", GoType: "time.Duration", Alias: alias}, nil
		case opaqueType:
			return &TypeRef{Kind: "opaque", GoType: "configopaque.String", Alias: alias}, nil
		case optionalType:
			e, err := x.typeRef(t.TypeArgs().At(0), where, ctx)
			if err != nil {
				return nil, err
			}
			return &TypeRef{Kind: "optional", Elem: e, Alias: alias}, nil
		}
		if t.TypeArgs().Len() > 0 {
			return nil, unsupported(x, where, ctx, t, "generic type other than configoptional.Optional[T]")
		}
		if _, err := x.namedDef(t, id); err != nil {
			return nil, err
		}
		def := x.out.Types[id]
		if def.Kind == "basic" {
			r := *def.Base
			r.Alias = alias
			return &r, nil
		}
		return &TypeRef{Kind: "named", ID: id, Alias: alias}, nil
	case *types.Interface:
		return nil, unsupported(x, where, ctx, t, "interfaces cannot be described by a schema")
	default:
		return nil, unsupported(x, where, ctx, t, "no schema mapping for this kind of type")
	}
}

func basicRef(x *extractor, t *types.Basic, where token.Pos, ctx string) (*TypeRef, error) {
	info := t.Info()
	switch {
	case info&types.IsBoolean != 0:
		return &TypeRef{Kind: "bool", GoType: t.Name()}, nil
	case info&types.IsString != 0:
		return &TypeRef{Kind: "string", GoType: t.Name()}, nil
	case info&types.IsInteger != 0 && t.Kind() != types.Uintptr:
		bits := map[types.BasicKind]int{types.Int: 64, types.Int8: 8, types.Int16: 16, types.Int32: 32, types.Int64: 64,
			types.Uint: 64, types.Uint8: 8, types.Uint16: 16, types.Uint32: 32, types.Uint64: 64}[t.Kind()]
		kind := "int"
		if info&types.IsUnsigned != 0 {
			kind = "uint"
		}
		return &TypeRef{Kind: kind, GoType: t.Name(), Bits: bits}, nil
	case info&types.IsFloat != 0:
		return &TypeRef{Kind: "float", GoType: t.Name()}, nil
	}
	return nil, unsupported(x, where, ctx, t, "basic type without a config mapping")
}

var textUnmarshaler = func() *types.Interface {
	bs := types.NewSlice(types.Typ[types.Byte])
	sig := types.NewSignatureType(nil, nil, nil, types.NewTuple(types.NewVar(token.NoPos, nil, "text", bs)),
		types.NewTuple(types.NewVar(token.NoPos, nil, "", types.Universe.Lookup("error").Type())), false)
	m := types.NewFunc(token.NoPos, nil, "UnmarshalText", sig)
	return types.NewInterfaceType([]*types.Func{m}, nil).Complete()
}()

func (x *extractor) namedDef(t *types.Named, id string) (*TypeDef, error) {
	obj := t.Obj()
	if x.visiting[id] {
		return nil, fmt.Errorf("unsupported Go construct at %s: recursive type %s", x.pos(obj.Pos()), id)
	}
	if d, ok := x.out.Types[id]; ok {
		return d, nil
	}
	x.visiting[id] = true
	defer delete(x.visiting, id)
	def := &TypeDef{Name: obj.Name(), Pkg: obj.Pkg().Path(), Doc: x.docs[obj], Pos: x.pos(obj.Pos())}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		if types.Implements(types.NewPointer(t), textUnmarshaler) {
			def.Kind = "text"
			def.Values = x.textEnumValues(t)
			def.TextError = x.textError(t)
			if len(def.Values) > 0 {
				def.Kind = "textEnum"
			} else {
				x.out.Untranslated = append(x.out.Untranslated, Untranslated{
					Source: id + ".UnmarshalText", Pos: def.Pos, Code: "text-format",
					Reason: "value parsed by UnmarshalText: the schema accepts any string; the format check happens in Go only",
				})
			}
			x.out.Types[id] = def
			return def, nil
		}
		def.Kind = "struct"
		x.out.Types[id] = def
		outer := x.squashed
		x.squashed = nil
		fields, err := x.structFields(u, id)
		squashed := x.squashed
		x.squashed = outer
		if err != nil {
			delete(x.out.Types, id)
			return nil, err
		}
		def.Fields = fields
		def.RuleGroups = append(x.validateRules(t, def), squashed...)
		def.Hooks = x.unmarshalHooks(t, id)
		return def, nil
	case *types.Basic:
		base, err := basicRef(x, u, obj.Pos(), id)
		if err != nil {
			return nil, err
		}
		base.GoType = obj.Pkg().Name() + "." + obj.Name()
		def.Base = base
		def.Values = x.constValues(t)
		def.Kind = "basic"
		if len(def.Values) > 0 {
			def.Kind = "enum"
			x.enumStrings(t, def)
		}
		x.out.Types[id] = def
		def.RuleGroups = x.validateRules(t, def)
		return def, nil
	default:
		return nil, unsupported(x, obj.Pos(), id, t, "named type over "+reflect.TypeOf(u).Elem().Name())
	}
}

func (x *extractor) structFields(st *types.Struct, ctx string) ([]*Field, error) {
	var out []*Field
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		tag := reflect.StructTag(st.Tag(i)).Get("mapstructure")
		parts := strings.Split(tag, ",")
		name := parts[0]
		squash, omit := false, false
		for _, p := range parts[1:] {
			switch p {
			case "squash":
				squash = true
			case "omitempty":
				omit = true
			case "remain":
				return nil, fmt.Errorf("unsupported Go construct at %s: %s.%s uses mapstructure \",remain\"", x.pos(f.Pos()), ctx, f.Name())
			}
		}
		if name == "-" || (!f.Exported() && !squash) {
			continue
		}
		if f.Embedded() && !squash && name == "" {
			return nil, fmt.Errorf("unsupported Go construct at %s: embedded field %s.%s without mapstructure \",squash\"", x.pos(f.Pos()), ctx, f.Name())
		}
		if squash {
			ft := types.Unalias(f.Type())
			if p, ok := ft.(*types.Pointer); ok {
				ft = types.Unalias(p.Elem())
			}
			sst, ok := ft.Underlying().(*types.Struct)
			if !ok {
				return nil, unsupported(x, f.Pos(), ctx+"."+f.Name(), f.Type(), "squash of a non-struct")
			}
			sub, err := x.structFields(sst, ctx+"."+f.Name())
			if err != nil {
				return nil, err
			}
			if n, ok := ft.(*types.Named); ok {
				for _, g := range x.validateRules(n, nil) {
					g.Label = strings.ToLower(f.Name())
					x.squashed = append(x.squashed, g)
				}
			}
			for _, sf := range sub {
				if sf.From == "" {
					sf.From = f.Name()
				}
				out = append(out, sf)
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name())
		}
		ref, err := x.typeRef(f.Type(), f.Pos(), ctx+"."+f.Name())
		if err != nil {
			return nil, err
		}
		x.keys[f] = name
		out = append(out, &Field{Name: f.Name(), Key: name, OmitEmpty: omit, Type: ref, Doc: x.docs[f], Pos: x.pos(f.Pos())})
	}
	return out, nil
}

func splitPos(p string) (string, int) {
	i := strings.LastIndex(p, ":")
	if i < 0 {
		return p, 0
	}
	n, _ := strconv.Atoi(p[i+1:])
	return p[:i], n
}
