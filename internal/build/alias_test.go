package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// Issue 13, "a file-style alias overwrites generated pages": an alias is an
// old address that redirects to its page, and it may not take the place of
// anything else the build writes.

// aliasPage is content/x.md with the aliases given on its third line, so
// that the first alias starts at column 12.
func aliasPage(aliases string) []byte {
	return []byte("+++\ntitle = \"Trang mới\"\naliases = [" + aliases + "]\n+++\nNội dung.\n")
}

func TestAliasOnAnotherOutputIsRefused(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		alias string
		extra map[string][]byte
		// want is what the message names as already there.
		want string
	}{
		{alias: "/index.html", want: "content/_index.md"},
		{alias: "/404.html", want: "/404/"},
		{alias: "/chi-tieu/index.html", want: "/chi-tieu/"},
		{alias: "/du-lieu/index.html", want: "/du-lieu/"},
		{alias: "/chi-tieu/", want: "/chi-tieu/"},
		{alias: "/tin-tuc/a/", want: "content/tin-tuc/a.md"},
		{alias: "/nhiem-vu/nhiem-vu.csv/", want: "/nhiem-vu/nhiem-vu.csv"},
		{alias: "/css/site.css/", want: "/css/site.css"},
		{alias: "/sitemap.xml", want: "/sitemap.xml"},
		{alias: "/atom.xml/", want: "/atom.xml"},
		{alias: "/robots.txt", want: "/robots.txt"},
		{alias: "/cu/", extra: map[string][]byte{"static/cu/index.html": []byte("cũ")}, want: "static/cu/index.html"},
		// Pages go in the order of their addresses: /x/, then /y/.
		{alias: "/cu/", extra: map[string][]byte{"content/y.md": aliasPage(`"/cu/"`)}, want: "content/x.md"},
		{alias: "/cu.html", extra: map[string][]byte{"content/y.md": aliasPage(`"/cu.html/a/"`)}, want: "content/x.md"},
	} {
		t.Run(c.alias, func(t *testing.T) {
			changes := map[string][]byte{"content/x.md": aliasPage(`"` + c.alias + `"`)}
			for name, b := range c.extra {
				changes[name] = b
			}
			res := buildFiles(t, hostileFiles(changes)).res
			if res.OK() {
				t.Fatalf("alias %q was written over another output", c.alias)
			}
			taken := withCode(res.Diags, "alias-taken")
			if len(taken) != 1 {
				t.Fatalf("%d alias-taken errors, want 1:\n%s", len(taken), res.Diags.Format(diag.VI))
			}
			d, at := taken[0], "content/x.md"
			if c.extra["content/y.md"] != nil {
				at = "content/y.md"
			}
			if d.File != at || d.Line != 3 || d.Col != 12 {
				t.Errorf("at %s, want %s:3:12", d.Pos, at)
			}
			if !strings.Contains(d.Msg.Vi, c.want) || !strings.Contains(d.Msg.En, c.want) {
				t.Errorf("%q does not name %q", d.Msg.Vi, c.want)
			}
		})
	}
}

func TestAliasOutsideTheSiteIsRefusedAtLoad(t *testing.T) {
	t.Parallel()
	for _, alias := range []string{
		`//evil.example/x/`, `/%2e%2e/x/`, `/a/%2E%2E/`, `%2e%2e/x/`, `/a/%2e/`, `/a\\b/`, `/a/%5C/`, `/%2F%2Fevil.example/`,
		`/a//b/`, `/a/%zz/`, `/a/%00/`, `/a:b/`, `javascript:alert(1)`, `/a/?x=1`,
	} {
		t.Run(alias, func(t *testing.T) {
			res := buildFiles(t, hostileFiles(map[string][]byte{"content/x.md": aliasPage(`"/ok/", "` + alias + `"`)})).res
			bad := withCode(res.Diags, "content-alias")
			if len(bad) != 1 {
				t.Fatalf("%d content-alias errors, want 1:\n%s", len(bad), res.Diags.Format(diag.VI))
			}
			if d := bad[0]; d.File != "content/x.md" || d.Line != 3 {
				t.Errorf("at %s, want content/x.md:3", d.Pos)
			}
		})
	}
}

func TestAliasRedirects(t *testing.T) {
	t.Parallel()
	res := buildFiles(t, hostileFiles(map[string][]byte{
		"content/x.md": aliasPage(`"/cu/", "trang-cu.html", "/tin-t%E1%BB%A9c/", "/chi-tieu/cu/"`),
	})).ok()
	for _, f := range []string{"cu/index.html", "trang-cu.html", "tin-tức/index.html", "chi-tieu/cu/index.html"} {
		res.contains(f, `<meta http-equiv="refresh"`, "/x/")
	}
}

func TestAliasTakenByANewDataPageWhileServing(t *testing.T) {
	t.Parallel()
	dir := copySample(t)
	if err := os.WriteFile(filepath.Join(dir, "content", "cu.md"), aliasPage(`"/don-vi/xa-moi/"`), 0o644); err != nil {
		t.Fatal(err)
	}
	o := Options{Source: dir, Now: "2023-06-30", Charts: sampleCharts(t)}
	var s Session
	if res := s.Build(o, nil); !res.OK() {
		t.Fatalf("first build failed:\n%s", res.Diags.Format(diag.VI))
	}
	f, err := os.OpenFile(filepath.Join(dir, "data", "units.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\n[[unit]]\nid = \"xa-moi\"\nname = \"Xã Mới\"\nshort = \"Mới\"\nkind = \"xa\"\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res := s.Build(o, []string{"data/units.toml"})
	if res.OK() {
		t.Fatal("the unit page /don-vi/xa-moi/ replaced the alias of content/cu.md")
	}
	if taken := withCode(res.Diags, "alias-taken"); len(taken) != 1 || taken[0].File != "content/cu.md" {
		t.Errorf("want one alias-taken error at content/cu.md:\n%s", res.Diags.Format(diag.VI))
	}
}
