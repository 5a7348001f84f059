package diag

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite codes.md from codes.go")

// code is one constant of codes.go.
type code struct {
	Name, Value, Severity, Meaning string
	Group                          string // the comment heading its group
}

var (
	codeShape  = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	severities = []string{"", "error", "warning", "error or warning"}
)

// readCodes parses codes.go and checks the shape of each constant: a doc
// comment "CodeX means …" without TODO, a value shaped like a code, a
// severity comment codes-rewrite writes.
func readCodes(tb testing.TB) []code {
	tb.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "codes.go", nil, parser.ParseComments)
	if err != nil {
		tb.Fatal(err)
	}
	var out []code
	seen := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		// Group headings are comments standing alone inside the block.
		attached := map[*ast.CommentGroup]bool{}
		for _, s := range g.Specs {
			attached[s.(*ast.ValueSpec).Doc] = true
			attached[s.(*ast.ValueSpec).Comment] = true
		}
		var headings []*ast.CommentGroup
		for _, cg := range f.Comments {
			if cg.Pos() > g.Lparen && cg.End() < g.Rparen && !attached[cg] {
				headings = append(headings, cg)
			}
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			name := vs.Names[0].Name
			pos := fset.Position(vs.Pos())
			var lit *ast.BasicLit
			if len(vs.Names) == 1 && len(vs.Values) == 1 {
				lit, _ = vs.Values[0].(*ast.BasicLit)
			}
			if lit == nil || lit.Kind != token.STRING {
				tb.Errorf("codes.go:%d: %s: want one name = \"a-code\"", pos.Line, name)
				continue
			}
			c := code{Name: name}
			c.Value, _ = strconv.Unquote(lit.Value)
			if !strings.HasPrefix(name, "Code") || !codeShape.MatchString(c.Value) {
				tb.Errorf("codes.go:%d: %s = %q: want CodeX = \"lower-case-words\"", pos.Line, name, c.Value)
			}
			if other, dup := seen[c.Value]; dup {
				tb.Errorf("codes.go:%d: %s has the value of %s", pos.Line, name, other)
			}
			seen[c.Value] = name
			doc := strings.Join(strings.Fields(vs.Doc.Text()), " ")
			meaning, ok := strings.CutPrefix(doc, name+" means ")
			if !ok || meaning == "" || strings.Contains(doc, "TODO") {
				tb.Errorf("codes.go:%d: %s: the doc comment must say \"%s means …\" when it is reported, not %q", pos.Line, name, name, doc)
			}
			c.Meaning = meaning
			if vs.Comment != nil {
				c.Severity = strings.TrimSpace(vs.Comment.Text())
			}
			if !slices.Contains(severities, c.Severity) {
				tb.Errorf("codes.go:%d: %s: severity comment %q is not one of %q", pos.Line, name, c.Severity, severities[1:])
			}
			for _, h := range headings {
				if h.End() < vs.Pos() {
					c.Group = strings.TrimSpace(h.Text())
				}
			}
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		tb.Fatal("codes.go: no codes")
	}
	return out
}

// markdown is the list of codes as the README shows it.
func markdown(codes []code) []byte {
	var b bytes.Buffer
	b.WriteString("<!-- Generated from internal/diag/codes.go by `go test ./internal/diag -run TestCodesList -update`; do not edit. -->\n\n")
	b.WriteString("| Code | Severity | Meaning |\n|---|---|---|\n")
	group := ""
	for _, c := range codes {
		if c.Group != group && c.Group != "" {
			fmt.Fprintf(&b, "| **%s** | | |\n", cell(c.Group))
			group = c.Group
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", c.Value, c.Severity, cell(c.Meaning))
	}
	return b.Bytes()
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// TestCodesList keeps codes.md, and the README's list when it has one, equal
// to codes.go.
func TestCodesList(t *testing.T) {
	codes := readCodes(t)
	want := markdown(codes)
	if *update {
		if err := os.WriteFile("codes.md", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("codes.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("codes.md is out of date with codes.go; run go test ./internal/diag -run TestCodesList -update")
	}

	t.Run("README", func(t *testing.T) {
		readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
		if err != nil {
			t.Fatal(err)
		}
		_, section, found := strings.Cut(string(readme), "\n### Diagnostic codes\n")
		if !found {
			t.Skip("README.md has no section ### Diagnostic codes yet")
		}
		if end := regexp.MustCompile(`\n#{1,3} `).FindStringIndex(section); end != nil {
			section = section[:end[0]]
		}
		listed := map[string]bool{}
		for _, m := range regexp.MustCompile("(?m)^\\|\\s*`([^`]+)`").FindAllStringSubmatch(section, -1) {
			listed[m[1]] = true
		}
		for _, c := range codes {
			if !listed[c.Value] {
				t.Errorf("README.md, ### Diagnostic codes: %s is missing; copy internal/diag/codes.md", c.Value)
			}
			delete(listed, c.Value)
		}
		for v := range listed {
			t.Errorf("README.md, ### Diagnostic codes: %s is not in internal/diag/codes.go", v)
		}
	})
}

// source is a non-test Go file of the module.
type source struct {
	path string // relative to the module root
	dir  string
	f    *ast.File
}

func readSources(tb testing.TB) (*token.FileSet, []source, string) {
	tb.Helper()
	root := filepath.Join("..", "..")
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		tb.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^module\s+(\S+)`).FindSubmatch(mod)
	if m == nil {
		tb.Fatal("go.mod: no module line")
	}
	fset := token.NewFileSet()
	var out []source
	for _, top := range []string{"internal", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			out = append(out, source{path: filepath.ToSlash(rel), dir: filepath.ToSlash(filepath.Dir(rel)), f: f})
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	return fset, out, string(m[1])
}

// codeParam is a function whose parameter number index is named code.
type codeParam struct {
	pkg   string // import path
	index int
}

// TestCodesAreConstants fails on every string literal given as a diagnostic
// code outside package diag's constants, so that every code a build can
// report is in codes.go and therefore in the README's list. The check is
// syntactic: a code is the argument for a parameter named code of type
// string (diag.New, NewWarning, (*List).Errorf, Warnf and every helper with
// such a parameter), a keyed Code: field, or a package constant named
// code….
func TestCodesAreConstants(t *testing.T) {
	fset, files, module := readSources(t)

	exported := map[string][]codeParam{} // by function name
	local := map[string]map[string]int{} // by directory, then name
	record := func(dir, name string, ft *ast.FuncType) {
		i := 0
		for _, p := range ft.Params.List {
			n := max(len(p.Names), 1)
			if id, ok := p.Type.(*ast.Ident); ok && id.Name == "string" {
				for k, pn := range p.Names {
					if pn.Name == "code" {
						if ast.IsExported(name) {
							exported[name] = append(exported[name], codeParam{module + "/" + dir, i + k})
						}
						if local[dir] == nil {
							local[dir] = map[string]int{}
						}
						local[dir][name] = i + k
					}
				}
			}
			i += n
		}
	}
	for _, s := range files {
		ast.Inspect(s.f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				record(s.dir, n.Name.Name, n.Type)
			case *ast.AssignStmt:
				for i, r := range n.Rhs {
					if fl, ok := r.(*ast.FuncLit); ok && i < len(n.Lhs) {
						if id, ok := n.Lhs[i].(*ast.Ident); ok {
							record(s.dir, id.Name, fl.Type)
						}
					}
				}
			case *ast.ValueSpec:
				for i, v := range n.Values {
					if fl, ok := v.(*ast.FuncLit); ok && i < len(n.Names) {
						record(s.dir, n.Names[i].Name, fl.Type)
					}
				}
			}
			return true
		})
	}
	if len(exported["Errorf"]) == 0 || len(exported["New"]) == 0 {
		t.Fatal("found no diag.New or (*diag.List).Errorf: is this test still reading the module?")
	}

	literal := func(e ast.Expr) (string, bool) {
		lit, ok := ast.Unparen(e).(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return "", false
		}
		v, _ := strconv.Unquote(lit.Value)
		return v, codeShape.MatchString(v)
	}
	report := func(s source, e ast.Expr, v, what string) {
		t.Errorf("%s:%d: code %q %s is a string literal; use the constant of internal/diag/codes.go (run codes-rewrite)",
			s.path, fset.Position(e.Pos()).Line, v, what)
	}
	for _, s := range files {
		imports := map[string]string{} // name → path
		for _, imp := range s.f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			name := p[strings.LastIndex(p, "/")+1:]
			if imp.Name != nil {
				name = imp.Name.Name
			}
			imports[name] = p
		}
		inDiag := s.dir == "internal/diag"
		ast.Inspect(s.f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				var indices []int
				var callee string
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					callee = fn.Name
					if i, ok := local[s.dir][fn.Name]; ok {
						indices = append(indices, i)
					}
				case *ast.SelectorExpr:
					callee = fn.Sel.Name
					pkg, isPkg := "", false
					if x, ok := fn.X.(*ast.Ident); ok {
						pkg, isPkg = imports[x.Name]
					}
					for _, c := range exported[fn.Sel.Name] {
						if !isPkg || c.pkg == pkg {
							indices = append(indices, c.index)
						}
					}
					if i, ok := local[s.dir][fn.Sel.Name]; ok && !isPkg {
						indices = append(indices, i)
					}
				}
				for _, i := range indices {
					if i >= len(n.Args) {
						continue
					}
					switch arg := ast.Unparen(n.Args[i]); arg.(type) {
					case *ast.Ident, *ast.SelectorExpr:
						// A constant, or a code passed on.
					case *ast.BasicLit:
						if v, ok := literal(arg); ok {
							report(s, arg, v, "given to "+callee)
						}
					default:
						t.Errorf("%s:%d: code %s given to %s is built at run time; use one constant of internal/diag/codes.go per code",
							s.path, fset.Position(arg.Pos()).Line, types.ExprString(arg), callee)
					}
					break
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Code" {
					if v, ok := literal(n.Value); ok {
						report(s, n.Value, v, "in a Code: field")
					}
				}
			case *ast.ValueSpec:
				if inDiag {
					return true
				}
				for i, id := range n.Names {
					if i < len(n.Values) && strings.HasPrefix(strings.ToLower(id.Name), "code") {
						if v, ok := literal(n.Values[i]); ok {
							report(s, n.Values[i], v, "of constant "+id.Name)
						}
					}
				}
			}
			return true
		})
	}
}

// TestCodesUsed fails on a constant of codes.go that no code reports: the
// list documents what tiendo reports, not what it once did.
func TestCodesUsed(t *testing.T) {
	codes := readCodes(t)
	_, files, _ := readSources(t)
	used := map[string]bool{}
	for _, s := range files {
		if s.path == "internal/diag/codes.go" {
			continue
		}
		ast.Inspect(s.f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && strings.HasPrefix(id.Name, "Code") {
				used[id.Name] = true
			}
			return true
		})
	}
	for _, c := range codes {
		if !used[c.Name] {
			t.Errorf("codes.go: %s (%q) is used nowhere; remove it", c.Name, c.Value)
		}
	}
}
