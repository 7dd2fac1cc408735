// Command go-helper loads a Go module with the Go toolchain's own parser and type checker
// and prints a JSON description of a config struct: its type graph, the defaults of the
// factory's createDefaultConfig, and the Validate() rules it can translate.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

func main() {
	dir := flag.String("dir", ".", "Go module directory")
	typeName := flag.String("type", "Config", "config struct type name")
	defaultsFunc := flag.String("defaults", "createDefaultConfig", "factory function returning the default config")
	flag.Parse()
	out, err := run(*dir, *typeName, *defaultsFunc)
	if err != nil {
		fmt.Fprintln(os.Stderr, "go-helper:", err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "go-helper:", err)
		os.Exit(1)
	}
}

func run(dir, typeName, defaultsFunc string) (*Output, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes |
			packages.NeedTypesInfo | packages.NeedImports | packages.NeedDeps | packages.NeedModule,
		Dir: abs,
		// Function bodies are only needed where defaults and Validate() rules live: the module
		// itself and the collector modules. Elsewhere they are dropped, which keeps loading fast.
		ParseFile: func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
			f, err := parser.ParseFile(fset, filename, src, parser.ParseComments|parser.SkipObjectResolution)
			if f == nil || keepBodies(abs, filename) {
				return f, err
			}
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					fd.Body = nil
				}
			}
			return f, err
		},
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", abs, err)
	}
	var errs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			// Type errors in packages loaded without bodies are artifacts of that (unused imports).
			if e.Kind == packages.TypeError && isBodyStripArtifact(e.Msg) {
				continue
			}
			errs = append(errs, e.Error())
		}
	})
	if len(errs) > 0 {
		return nil, fmt.Errorf("package errors (run `go mod download` and `go build ./...` in %s):\n  %s", abs, joinLines(errs))
	}
	if len(pkgs) != 1 {
		return nil, fmt.Errorf("expected one package in %s, found %d", abs, len(pkgs))
	}
	root := pkgs[0]
	x := newExtractor(root, abs)
	return x.extract(typeName, defaultsFunc)
}

func joinLines(s []string) string {
	out := ""
	for i, l := range s {
		if i > 0 {
			out += "\n  "
		}
		out += l
	}
	return out
}

// keepBodies reports whether a file's function bodies may matter: files of the module being
// generated, and of the OpenTelemetry Collector modules (configretry, exporterhelper...).
func keepBodies(modDir, filename string) bool {
	f := filepath.ToSlash(filename)
	return strings.HasPrefix(filename, modDir+string(filepath.Separator)) ||
		strings.Contains(f, "/go.opentelemetry.io/collector") || strings.Contains(f, "/src/time/")
}

// isBodyStripArtifact recognises type errors caused only by dropping function bodies
// (cgo-generated files live in the build cache, so their bodies are dropped too).
func isBodyStripArtifact(msg string) bool {
	return strings.Contains(msg, "imported and not used") || strings.Contains(msg, "imported as") && strings.HasSuffix(msg, "and not used") ||
		strings.Contains(msg, "missing function body") || strings.Contains(msg, "must have a body") ||
		strings.Contains(msg, "declared and not used")
}
