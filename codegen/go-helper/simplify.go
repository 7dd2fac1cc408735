package main

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// simplify folds double negation and boolean literals in a condition.
func simplify(e *Expr) *Expr {
	if e == nil {
		return nil
	}
	args := make([]*Expr, 0, len(e.Args))
	for _, a := range e.Args {
		args = append(args, simplify(a))
	}
	switch e.Op {
	case "not":
		a := args[0]
		if a.Op == "not" {
			return a.Args[0]
		}
		if b, ok := a.Value.(bool); ok && a.Op == "lit" {
			return &Expr{Op: "lit", Value: !b}
		}
		return &Expr{Op: "not", Args: args}
	case "and", "or":
		var keep []*Expr
		for _, a := range args {
			if b, ok := a.Value.(bool); ok && a.Op == "lit" {
				if b == (e.Op == "and") {
					continue // neutral element
				}
				return &Expr{Op: "lit", Value: b}
			}
			if a.Op == e.Op {
				keep = append(keep, a.Args...)
				continue
			}
			keep = append(keep, a)
		}
		switch len(keep) {
		case 0:
			return &Expr{Op: "lit", Value: e.Op == "and"}
		case 1:
			return keep[0]
		}
		return &Expr{Op: e.Op, Args: keep}
	}
	c := *e
	if len(args) > 0 {
		c.Args = args
	}
	return &c
}

// textError finds the error message UnmarshalText returns for a bad value.
func (x *extractor) textError(t *types.Named) string {
	ms := types.NewMethodSet(types.NewPointer(t))
	sel := ms.Lookup(t.Obj().Pkg(), "UnmarshalText")
	if sel == nil {
		return ""
	}
	d, ok := x.funcs[sel.Obj().(*types.Func)]
	if !ok || d.decl.Body == nil {
		return ""
	}
	msg := ""
	ast.Inspect(d.decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || msg != "" || len(call.Args) == 0 {
			return msg == ""
		}
		fn, _ := usedObj(d.pkg, call.Fun).(*types.Func)
		if fn == nil || (fn.FullName() != "fmt.Errorf" && fn.FullName() != "errors.New") {
			return true
		}
		if v := d.pkg.TypesInfo.Types[call.Args[0]].Value; v != nil && v.Kind() == constant.String {
			msg = constant.StringVal(v)
		}
		return false
	})
	return msg
}
