package bench

import (
	"bytes"
	"maps"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/output"
)

func mapFS(files map[string][]byte) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys
}

// TestCorpusBuilds builds a small corpus, one indicator of each kind, and
// checks that it has no problem at all and that page links became URLs.
func TestCorpusBuilds(t *testing.T) {
	c := Corpus{Pages: 150, Indicators: 4, Seed: 7}
	files := Files(c)
	var md int
	for name := range files {
		if strings.HasPrefix(name, "content/") && strings.HasSuffix(name, ".md") {
			md++
		}
	}
	if md != c.Pages {
		t.Fatalf("got %d Markdown files, want %d", md, c.Pages)
	}
	res := build.Run(build.Options{FS: mapFS(files), Sink: output.NewMem(), Now: now})
	if res.Diags.Len() > 0 {
		t.Fatalf("got problems building the corpus:\n%s", res.Diags.Format(diag.EN))
	}
	out := res.Output.Files
	var anchors, pages int
	href := regexp.MustCompile(`href="([^"]*)"`)
	for name, data := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range href.FindAllSubmatch(data, -1) {
			h := string(m[1])
			if strings.Contains(h, ".md") {
				t.Fatalf("%s: link %q was not resolved", name, h)
			}
			if strings.HasPrefix(h, "/") && strings.Contains(h, "/#buoc-") {
				anchors++
			}
		}
		pages++
	}
	if anchors == 0 {
		t.Errorf("no link to a heading of another page in the output")
	}
	if _, ok := out["chi-tieu/tai-khoan-dinh-danh-001/index.html"]; !ok {
		t.Errorf("no page for the first indicator; got %v", slices.Sorted(maps.Keys(out))[:10])
	}
	t.Logf("%d HTML files, %d links to headings", pages, anchors)
}

func TestCorpusDeterministic(t *testing.T) {
	c := Corpus{Pages: 80, Indicators: 2, Seed: 3}
	a, b := Files(c), Files(c)
	if len(a) != len(b) {
		t.Fatalf("got %d and %d files", len(a), len(b))
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Fatalf("%s differs between two runs with one seed", name)
		}
	}
	other := Files(Corpus{Pages: 80, Indicators: 2, Seed: 4})
	if bytes.Equal(a["content/_index.md"], other["content/_index.md"]) && bytes.Equal(a["data/indicators.toml"], other["data/indicators.toml"]) {
		t.Errorf("seeds 3 and 4 gave the same corpus")
	}
	h := HugoFiles(c)
	for name, data := range a {
		if strings.HasPrefix(name, "content/") && !bytes.Equal(h[name], data) {
			t.Errorf("%s differs between the tiendo and the Hugo site", name)
		}
	}
}

func TestRelPath(t *testing.T) {
	for _, tc := range []struct{ dir, file, want string }{
		{"content/a/b", "content/a/b/x.md", "x.md"},
		{"content/a/b", "content/a/c/x.md", "../c/x.md"},
		{"content", "content/a/b/x.md", "a/b/x.md"},
		{"content/a/b", "content/_index.md", "../../_index.md"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			if got := relPath(tc.dir, tc.file); got != tc.want {
				t.Errorf("relPath(%q, %q) = %q, want %q", tc.dir, tc.file, got, tc.want)
			}
		})
	}
}

// TestHugoBuilds builds the Hugo twin of a small corpus when hugo is
// installed (Debian package hugo); the comparison in run.sh needs it.
func TestHugoBuilds(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is not installed (apt-get install hugo); the Hugo comparison cannot run")
	}
	dir := t.TempDir()
	if err := WriteFiles(dir, HugoFiles(Corpus{Pages: 60, Seed: 1})); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(hugo, "--quiet", "-s", dir, "-d", dest)
	if out, err := cmd.CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
}
