package main

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// Hook is a translated statement of a custom confmap Unmarshal method:
// when `When` holds after decoding, the value at From is copied to Target.
type Hook struct {
	Kind   string   `json:"kind"` // copy
	When   *Expr    `json:"when"`
	Target []string `json:"target"`
	From   []string `json:"from"`
	Pos    string   `json:"pos"`
}

// unmarshalHooks translates `func (cfg *T) Unmarshal(conf *confmap.Conf) error` bodies made of the
// standard `conf.Unmarshal(cfg)` call plus `if <cond> { cfg.A = cfg.B }` statements, where <cond> may
// use `conf.IsSet("a::b")` (was the key given by the user?). Anything else goes to the report.
func (x *extractor) unmarshalHooks(t *types.Named, id string) []Hook {
	ms := types.NewMethodSet(types.NewPointer(t))
	sel := ms.Lookup(t.Obj().Pkg(), "Unmarshal")
	if sel == nil {
		return nil
	}
	fn := sel.Obj().(*types.Func)
	src := id + ".Unmarshal"
	d, ok := x.funcs[fn]
	report := func(n ast.Node, reason string) {
		x.out.Untranslated = append(x.out.Untranslated, Untranslated{Source: src, Pos: x.pos(n.Pos()), Code: "custom-unmarshal", Reason: reason})
	}
	if !ok || d.decl.Body == nil {
		report(fn.Scope(), "custom confmap Unmarshal hook without source")
		return nil
	}
	params := d.decl.Type.Params.List
	if d.decl.Recv == nil || len(d.decl.Recv.List[0].Names) == 0 || len(params) != 1 || len(params[0].Names) != 1 {
		report(d.decl, "custom confmap Unmarshal hook with an unexpected signature")
		return nil
	}
	conf := d.pkg.TypesInfo.Defs[params[0].Names[0]]
	c := &ruleCtx{x: x, p: d.pkg, recv: d.pkg.TypesInfo.Defs[d.decl.Recv.List[0].Names[0]], source: src, conf: conf}
	var hooks []Hook
	for _, st := range d.decl.Body.List {
		switch s := st.(type) {
		case *ast.IfStmt:
			if c.isStandardDecode(s) {
				continue
			}
			if s.Init != nil || s.Else != nil || len(s.Body.List) != 1 {
				report(s, "Unmarshal statement not translated: "+nodeString(s))
				continue
			}
			as, ok := s.Body.List[0].(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				report(s, "Unmarshal statement not translated: "+nodeString(s))
				continue
			}
			cond, err1 := c.expr(s.Cond)
			lhs, err2 := c.expr(as.Lhs[0])
			rhs, err3 := c.expr(as.Rhs[0])
			if err1 != nil || err2 != nil || err3 != nil || lhs.Op != "field" || rhs.Op != "field" {
				report(s, "Unmarshal statement not translated: "+nodeString(s))
				continue
			}
			hooks = append(hooks, Hook{Kind: "copy", When: simplify(cond), Target: lhs.Path, From: rhs.Path, Pos: x.pos(s.Pos())})
		case *ast.ReturnStmt:
			if len(s.Results) == 1 && isNil(s.Results[0]) {
				continue
			}
			report(s, "Unmarshal statement not translated: return")
		default:
			report(st, "Unmarshal statement not translated: "+nodeString(st))
		}
	}
	return hooks
}

// isStandardDecode matches `if err := conf.Unmarshal(cfg); err != nil { return err }`.
func (c *ruleCtx) isStandardDecode(s *ast.IfStmt) bool {
	as, ok := s.Init.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	call, ok := as.Rhs[0].(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Unmarshal" {
		return false
	}
	recv, ok := sel.X.(*ast.Ident)
	arg, ok2 := call.Args[0].(*ast.Ident)
	return ok && ok2 && c.p.TypesInfo.Uses[recv] == c.conf && c.p.TypesInfo.Uses[arg] == c.recv
}

// isSetExpr translates `conf.IsSet("a::b")` into an "input" test (was the key given?).
func (c *ruleCtx) isSetExpr(call *ast.CallExpr) *Expr {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "IsSet" || len(call.Args) != 1 || c.conf == nil {
		return nil
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok || c.p.TypesInfo.Uses[id] != c.conf {
		return nil
	}
	v := c.p.TypesInfo.Types[call.Args[0]].Value
	if v == nil || v.Kind() != constant.String {
		return nil
	}
	return &Expr{Op: "given", Path: strings.Split(constant.StringVal(v), "::")}
}
