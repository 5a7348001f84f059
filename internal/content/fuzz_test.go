package content

import (
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/diag"
)

// FuzzFrontMatter loads one Markdown file with any bytes in it. Load must
// not panic; every problem it reports must name the file at a line and a
// character column that exist in it; and a page it returns must have a
// clean URL and a body that starts inside the file. Seeds are in
// testdata/fuzz/FuzzFrontMatter.
func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"Kích hoạt VNeID\"\ndate = 2023-03-20\nslug = \"kich-hoat\"\naliases = [\"/vneid-cu/\"]\n+++\nNội dung.\n"))
	f.Add([]byte("---\ntitle: \"Tin mới\"\ndate: 2023-06-20\nweight: 10\n---\n## Mục\n"))
	f.Add([]byte("+++\ntitle = \"A\"\n[howto]\nwho = \"B\"\nneeds = [\"C\"]\nplace = \"D\"\n[[howto.step]]\ntitle = \"E\"\nscreen = \"F\"\n[journey]\npages = [\"a.md\"]\n+++\n"))
	f.Add([]byte("---\ntitle: A\nhowto:\n  who: B\n  step:\n    - title: E\n      button: G\n      x: 1\njourney: {title: J, pages: [a.md, a.md]}\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		const file = "content/huong-dan/a.md"
		fsys := fstest.MapFS{file: &fstest.MapFile{Data: src}}
		var l diag.List
		pages := Load(fsys, Options{DefaultLang: "vi", Languages: []string{"en"}, Location: time.UTC}, &l)

		lines := strings.Split(string(src), "\n")
		for _, d := range l.All() {
			if d.File != file || d.Msg.Vi == "" || d.Msg.En == "" {
				t.Fatalf("diagnostic %+v: want file %s and a message in both languages", d, file)
			}
			if d.Line == 0 {
				continue // the whole file
			}
			if d.Line < 1 || d.Line > len(lines) {
				t.Fatalf("%v: line outside the file's %d lines: %s", d.Pos, len(lines), d.Msg.En)
			}
			if n := utf8.RuneCountInString(lines[d.Line-1]); d.Col < 0 || d.Col > n+1 {
				t.Fatalf("%v: column outside line %d (%d characters): %s", d.Pos, d.Line, n, d.Msg.En)
			}
		}
		for _, p := range pages {
			if !strings.HasPrefix(p.Path, "/") || !strings.HasSuffix(p.Path, "/") || (p.Path != "/" && path.Clean(p.Path)+"/" != p.Path) {
				t.Fatalf("page URL %q is not a clean path", p.Path)
			}
			if p.File == "" {
				continue
			}
			if p.File != file {
				t.Fatalf("page from %q", p.File)
			}
			if p.BodyLine < 1 || p.BodyLine > len(lines)+1 {
				t.Fatalf("body starts at line %d of %d", p.BodyLine, len(lines))
			}
			if !utf8.Valid(p.Body) || !utf8.ValidString(p.Title) {
				t.Fatalf("page holds text that is not UTF-8: %q %q", p.Title, p.Body)
			}
			for _, a := range p.Aliases {
				c, ok := CleanAlias(a)
				if !ok {
					continue
				}
				// "0.." is a name like any other; only a whole ".." or "."
				// segment climbs out of or stays in a folder.
				if !strings.HasPrefix(c, "/") || strings.HasPrefix(c, "//") || strings.Contains(c, "://") {
					t.Fatalf("alias %q accepted as %q", a, c)
				}
				for _, seg := range strings.Split(c, "/") {
					if seg == ".." || seg == "." {
						t.Fatalf("alias %q accepted as %q", a, c)
					}
				}
			}
		}
	})
}

func TestYAMLPos(t *testing.T) {
	block := []byte("title: a\nx: \"b\rc\"\nđây: ờ\n")
	for _, c := range []struct{ yline, ycol, line, col int }{
		{1, 1, 1, 1},
		{2, 4, 2, 4},
		{3, 1, 2, 7}, // YAML's line 3 begins after the bare CR, on the file's line 2
		{4, 5, 3, 5},
	} {
		if line, col := yamlPos(block, c.yline, c.ycol); line != c.line || col != c.col {
			t.Errorf("yamlPos(%d, %d) = %d, %d; want %d, %d", c.yline, c.ycol, line, col, c.line, c.col)
		}
	}
}
