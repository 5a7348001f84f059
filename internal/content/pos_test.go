package content

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/internal/diag"
)

func TestAliasAndSlugPositions(t *testing.T) {
	at := func(line, col int) diag.Pos { return diag.Pos{File: "content/x.md", Line: line, Col: col} }
	for _, c := range []struct {
		name, src string
		slug      diag.Pos
		aliases   []diag.Pos
	}{
		{"TOML on one line", "+++\ntitle = \"Trang\"\nslug = \"moi\"\naliases = [\"/cu/\", '/cũ-hơn/', \"/a\\\"b/\"]\n+++\n",
			at(3, 1), []diag.Pos{at(4, 12), at(4, 20), at(4, 32)}},
		{"TOML over lines, with comments", "+++\ntitle = \"Trang\"\n  aliases = [ # cũ\n  \"/mot/\", # một\n\t\"/hai/\",\n]\n+++\n",
			diag.Pos{}, []diag.Pos{at(4, 3), at(5, 2)}},
		{"YAML", "---\ntitle: Trang\nslug: moi\naliases:\n  - /cu/\n  - \"/cũ-hơn/\"\n---\n",
			at(3, 1), []diag.Pos{at(5, 5), at(6, 5)}},
		{"YAML flow", "---\ntitle: Trang\naliases: [/cu/, /moi/]\n---\n",
			diag.Pos{}, []diag.Pos{at(3, 11), at(3, 17)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var l diag.List
			fsys := fstest.MapFS{"content/x.md": &fstest.MapFile{Data: []byte(c.src + "Nội dung.\n")}}
			p := LoadFile(fsys, "content/x.md", Options{DefaultLang: "vi"}, &l)
			if p == nil {
				t.Fatalf("not loaded:\n%s", l.Format(diag.VI))
			}
			if p.SlugPos != c.slug {
				t.Errorf("slug at %v, want %v", p.SlugPos, c.slug)
			}
			if !slices.Equal(p.AliasPos, c.aliases) {
				t.Errorf("aliases at %v, want %v", p.AliasPos, c.aliases)
			}
		})
	}
}

func TestCleanAlias(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"/cu/", "/cu/"},
		{"cu", "/cu/"},
		{"/cu.html", "/cu.html"},
		{"/tin-t%E1%BB%A9c/", "/tin-tức/"},
		{"/a%20b/", "/a b/"},
		{"//evil.example/x/", ""},
		{"/%2e%2e/x/", ""},
		{"/a/%2F%2F/b/", ""},
		{"/a/%5c/", ""},
		{"/a/%zz/", ""},
		{"/a/%0a/", ""},
		{"/a//b/", ""},
		{"/", ""},
		{"https://evil.example/", ""},
		{"/a/?b", ""},
	} {
		got, ok := CleanAlias(c.in)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("CleanAlias(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}
