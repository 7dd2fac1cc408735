package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/packages"
)

// ruleCtx translates one Validate() method.
type ruleCtx struct {
	x      *extractor
	p      *packages.Package
	recv   types.Object
	source string
	conf   types.Object // the *confmap.Conf parameter of an Unmarshal hook
}

type untranslatable struct {
	pos    token.Pos
	reason string
}

func (u *untranslatable) Error() string { return u.reason }

func (x *extractor) validateRules(t *types.Named, def *TypeDef) []RuleGroup {
	ms := types.NewMethodSet(types.NewPointer(t))
	sel := ms.Lookup(t.Obj().Pkg(), "Validate")
	if sel == nil {
		return nil
	}
	fn := sel.Obj().(*types.Func)
	d, ok := x.funcs[fn]
	src := typeID(t) + ".Validate"
	if !ok || d.decl.Body == nil {
		x.out.Untranslated = append(x.out.Untranslated, Untranslated{Source: src, Pos: x.pos(fn.Pos()), Code: "no-source", Reason: "Validate() has no source"})
		return nil
	}
	var recv types.Object
	if d.decl.Recv != nil && len(d.decl.Recv.List[0].Names) > 0 {
		recv = d.pkg.TypesInfo.Defs[d.decl.Recv.List[0].Names[0]]
	}
	c := &ruleCtx{x: x, p: d.pkg, recv: recv, source: src}
	rules := c.block(d.decl.Body.List, nil)
	return []RuleGroup{{Source: src, Pos: x.pos(fn.Pos()), Rules: rules}}
}

func (c *ruleCtx) skip(n ast.Node, reason string) {
	c.x.out.Untranslated = append(c.x.out.Untranslated, Untranslated{
		Source: c.source, Pos: c.x.pos(n.Pos()), Code: "rule",
		Reason: reason + ": " + strings.Join(strings.Fields(nodeString(n)), " "),
	})
}

func nodeString(n ast.Node) string {
	switch n := n.(type) {
	case ast.Expr:
		return types.ExprString(n)
	case *ast.IfStmt:
		return "if " + types.ExprString(n.Cond) + " {...}"
	}
	return fmt.Sprintf("%T", n)
}

func and(conds []*Expr, e *Expr) []*Expr {
	out := append([]*Expr{}, conds...)
	return append(out, e)
}

func conj(conds []*Expr) *Expr {
	if len(conds) == 1 {
		return conds[0]
	}
	return &Expr{Op: "and", Args: conds}
}

// block walks statements under the conditions conds; `if c { return nil }` becomes a guard.
func (c *ruleCtx) block(stmts []ast.Stmt, conds []*Expr) []Rule {
	var rules []Rule
	for _, st := range stmts {
		switch s := st.(type) {
		case *ast.ReturnStmt:
			if len(s.Results) == 1 && isNil(s.Results[0]) {
				return rules
			}
			if r, err := c.errorRule(s, conds); err == nil {
				return append(rules, r)
			} else {
				c.skip(s, err.Error())
				return rules
			}
		case *ast.IfStmt:
			if s.Init != nil {
				c.skip(s, "if with an init statement")
				continue
			}
			cond, err := c.expr(s.Cond)
			if err != nil {
				c.skip(s, err.Error())
				continue
			}
			if len(s.Body.List) == 1 {
				if ret, ok := s.Body.List[0].(*ast.ReturnStmt); ok && len(ret.Results) == 1 && isNil(ret.Results[0]) {
					if s.Else != nil {
						c.skip(s, "guard with else")
						continue
					}
					conds = and(conds, &Expr{Op: "not", Args: []*Expr{cond}})
					continue
				}
			}
			rules = append(rules, c.block(s.Body.List, and(conds, cond))...)
			switch e := s.Else.(type) {
			case nil:
			case *ast.BlockStmt:
				rules = append(rules, c.block(e.List, and(conds, &Expr{Op: "not", Args: []*Expr{cond}}))...)
			case *ast.IfStmt:
				rules = append(rules, c.block([]ast.Stmt{e}, and(conds, &Expr{Op: "not", Args: []*Expr{cond}}))...)
			}
		default:
			c.skip(st, "statement not translated")
		}
	}
	return rules
}

func isNil(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil"
}

func (c *ruleCtx) errorRule(s *ast.ReturnStmt, conds []*Expr) (Rule, error) {
	if len(s.Results) != 1 {
		return Rule{}, fmt.Errorf("return with %d results", len(s.Results))
	}
	call, ok := s.Results[0].(*ast.CallExpr)
	if !ok {
		return Rule{}, fmt.Errorf("returned error is not errors.New or fmt.Errorf")
	}
	fn, _ := usedObj(c.p, call.Fun).(*types.Func)
	if fn == nil || len(call.Args) == 0 {
		return Rule{}, fmt.Errorf("returned error is not errors.New or fmt.Errorf")
	}
	msg := c.p.TypesInfo.Types[call.Args[0]].Value
	if msg == nil || msg.Kind() != constant.String {
		return Rule{}, fmt.Errorf("error message is not a string constant")
	}
	r := Rule{Message: constant.StringVal(msg), Pos: c.x.pos(s.Pos())}
	if len(conds) == 0 {
		r.When = &Expr{Op: "lit", Value: true}
	} else {
		r.When = simplify(conj(conds))
	}
	switch fn.FullName() {
	case "errors.New":
		if len(call.Args) != 1 {
			return Rule{}, fmt.Errorf("errors.New with extra arguments")
		}
	case "fmt.Errorf":
		if strings.Contains(r.Message, "%w") {
			return Rule{}, fmt.Errorf("fmt.Errorf wrapping another error")
		}
		for _, a := range call.Args[1:] {
			e, err := c.expr(a)
			if err != nil {
				return Rule{}, err
			}
			r.Args = append(r.Args, e)
		}
	default:
		return Rule{}, fmt.Errorf("returned error built by %s", fn.FullName())
	}
	return r, nil
}

var binOps = map[token.Token]string{
	token.EQL: "==", token.NEQ: "!=", token.LSS: "<", token.LEQ: "<=", token.GTR: ">", token.GEQ: ">=",
	token.LAND: "and", token.LOR: "or",
}

// expr translates a condition or value expression.
func (c *ruleCtx) expr(e ast.Expr) (*Expr, error) {
	if tv, ok := c.p.TypesInfo.Types[e]; ok && tv.Value != nil {
		return &Expr{Op: "lit", Value: constJSON(tv.Value)}, nil
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return c.expr(e.X)
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			a, err := c.expr(e.X)
			if err != nil {
				return nil, err
			}
			return &Expr{Op: "not", Args: []*Expr{a}}, nil
		}
	case *ast.StarExpr:
		return c.expr(e.X)
	case *ast.BinaryExpr:
		op, ok := binOps[e.Op]
		if !ok {
			break
		}
		if (op == "==" || op == "!=") && (isNil(e.X) || isNil(e.Y)) {
			side := e.X
			if isNil(e.X) {
				side = e.Y
			}
			if id, ok := side.(*ast.Ident); ok && c.recv != nil && c.p.TypesInfo.Uses[id] == c.recv {
				return &Expr{Op: "lit", Value: op == "!="}, nil
			}
			f, err := c.expr(side)
			if err != nil {
				return nil, err
			}
			if f.Op != "field" || (f.Kind != "pointer" && f.Kind != "slice" && f.Kind != "map") {
				break
			}
			if op == "!=" {
				return &Expr{Op: "set", Path: f.Path, Kind: f.Kind}, nil
			}
			return &Expr{Op: "unset", Path: f.Path, Kind: f.Kind}, nil
		}
		l, err := c.expr(e.X)
		if err != nil {
			return nil, err
		}
		r, err := c.expr(e.Y)
		if err != nil {
			return nil, err
		}
		return &Expr{Op: op, Args: []*Expr{l, r}}, nil
	case *ast.CallExpr:
		if given := c.isSetExpr(e); given != nil {
			return given, nil
		}
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && len(e.Args) == 0 {
			base, err := c.expr(sel.X)
			if err == nil && base.Op == "field" && base.Kind == "optional" {
				switch sel.Sel.Name {
				case "HasValue":
					return &Expr{Op: "set", Path: base.Path, Kind: "optional"}, nil
				case "Get":
					return &Expr{Op: "field", Path: base.Path, Kind: "struct"}, nil
				}
			}
		}
		if id, ok := e.Fun.(*ast.Ident); ok && id.Name == "len" && len(e.Args) == 1 {
			a, err := c.expr(e.Args[0])
			if err != nil {
				return nil, err
			}
			return &Expr{Op: "len", Args: []*Expr{a}}, nil
		}
	case *ast.Ident:
		if c.recv != nil && c.p.TypesInfo.Uses[e] == c.recv {
			return &Expr{Op: "field", Path: []string{}, Kind: "struct"}, nil
		}
		if v, ok := c.p.TypesInfo.Uses[e].(*types.Var); ok {
			if s, err := c.x.textValue(v); err == nil {
				return &Expr{Op: "lit", Value: s}, nil
			}
		}
	case *ast.SelectorExpr:
		if sel, ok := c.p.TypesInfo.Selections[e]; ok && sel.Kind() == types.FieldVal {
			base, err := c.expr(e.X)
			if err != nil {
				return nil, err
			}
			if base.Op != "field" {
				break
			}
			f := sel.Obj().(*types.Var)
			key, ok := c.x.keys[f]
			if !ok {
				return nil, &untranslatable{e.Pos(), "field " + f.Name() + " has no mapstructure key"}
			}
			return &Expr{Op: "field", Path: append(append([]string{}, base.Path...), key), Kind: c.kind(f.Type())}, nil
		}
		if v, ok := c.p.TypesInfo.Uses[e.Sel].(*types.Var); ok {
			if s, err := c.x.textValue(v); err == nil {
				return &Expr{Op: "lit", Value: s}, nil
			}
		}
	}
	return nil, &untranslatable{e.Pos(), "expression not translated"}
}

func (c *ruleCtx) kind(t types.Type) string {
	ref, err := c.x.typeRef(t, token.NoPos, "rule")
	if err != nil {
		return "unknown"
	}
	if ref.Kind == "named" {
		return c.x.out.Types[ref.ID].Kind
	}
	return ref.Kind
}
