package build

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/output"
)

// Issue 20, item 7: `tiendo check` checks file links against the outputs a
// build plans (outputs), and with tiendo's own layouts neither draws nor
// renders. Two promises make that safe: a build writes exactly the planned
// files, and check reports what build reports.

// paths are the planned files, sorted.
func (o *outputs) paths() []string { return slices.Sorted(maps.Keys(o.files)) }

// planSites are sites whose every kind of output is planned: pages, the
// theme's and the site's static files, downloads, the search index,
// feeds and aliases (of both styles).
func planSites(t *testing.T) map[string]map[string][]byte {
	return map[string]map[string][]byte{
		"hostile base": hostileFiles(nil),
		"aliases and static files": hostileFiles(map[string][]byte{
			"content/x.md":          aliasPage(`"/cu/", "/cu.html", "/cu/a/b/"`),
			"static/tai-lieu/a.pdf": []byte("%PDF"),
			"static/.an/b.txt":      []byte("ẩn"),
			"static/.c.txt":         []byte("ẩn"),
		}),
		"baseURL a path": hostileFiles(map[string][]byte{
			"config.toml": replaceIn(t, "config.toml", `baseURL = "https://example.gov.vn/de-an-06/"`, `baseURL = "/de-an-06/"`),
		}),
	}
}

func TestPlannedIsWritten(t *testing.T) {
	for name, files := range planSites(t) {
		t.Run(name+", in memory", func(t *testing.T) {
			res, b := run(Options{FS: mapFS(files), Sink: output.NewMem(), Now: "2023-06-30", Charts: sharedCharts(t)})
			if !res.OK() {
				t.Fatalf("build failed:\n%s", res.Diags.Format(diag.VI))
			}
			samePaths(t, b.planned.paths(), res.Output.Paths())
		})
	}
	t.Run("hostile base, on disk with --compress", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, hostileFiles(nil))
		res, b := run(Options{Source: dir, Now: "2023-06-30", Compress: true, Charts: sharedCharts(t), Compressed: sharedCompressed(t)})
		if !res.OK() {
			t.Fatalf("build failed:\n%s", res.Diags.Format(diag.VI))
		}
		// The marker is the folder's, the compressed copies --compress's.
		var written []string
		for p := range snapshot(t, filepath.Join(dir, "public")) {
			p = filepath.ToSlash(p)
			if p != output.Marker && !(strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".br")) {
				written = append(written, p)
			}
		}
		slices.Sort(written)
		samePaths(t, b.planned.paths(), written)
	})
	t.Run("the sample site", func(t *testing.T) {
		res, b := run(Options{Source: "../..", Sink: output.NewMem(), Now: "2023-06-30", Charts: sharedCharts(t)})
		if !res.OK() {
			t.Fatalf("build failed:\n%s", res.Diags.Format(diag.VI))
		}
		samePaths(t, b.planned.paths(), res.Output.Paths())
	})
}

func samePaths(t *testing.T, planned, written []string) {
	t.Helper()
	if slices.Equal(planned, written) {
		return
	}
	for _, p := range planned {
		if !slices.Contains(written, p) {
			t.Errorf("planned but not written: %s", p)
		}
	}
	for _, p := range written {
		if !slices.Contains(planned, p) {
			t.Errorf("written but not planned: %s", p)
		}
	}
}

// TestCheckSameAsBuild: for every hostile site, and sites broken in the
// ways plan and write report, check reports exactly what build reports —
// rendering only with a site's own layouts.
func TestCheckSameAsBuild(t *testing.T) {
	page := func(fm, body string) []byte { return []byte("+++\ntitle = \"A\"\n" + fm + "+++\n" + body) }
	type site struct {
		name     string
		ok       bool
		changes  map[string][]byte
		symlinks map[string]string
	}
	sites := []site{
		{ok: true, name: "good"},
		{name: "link to a missing file", changes: map[string][]byte{"content/a.md": page("", "[tệp](/tai-lieu/khong-co.pdf)\n")}},
		{ok: true, name: "link to a static file", changes: map[string][]byte{"content/a.md": page("", "[tệp](/tai-lieu/a.pdf)\n"), "static/tai-lieu/a.pdf": []byte("%PDF")}},
		{ok: true, name: "link to a download", changes: map[string][]byte{"content/a.md": page("", "[tệp](/nhiem-vu/nhiem-vu.csv)\n")}},
		{ok: true, name: "link to an alias", changes: map[string][]byte{"content/a.md": page(`aliases = ["/cu/"]`+"\n", "[cũ](/cu/)\n")}},
		{name: "menu link to a missing file",
			changes: map[string][]byte{"config.toml": replaceIn(t, "config.toml", `url = "/tin-tuc/"`, `url = "/khong-co.pdf"`)}},
		{name: "alias on a page", changes: map[string][]byte{"content/a.md": page(`aliases = ["/tin-tuc/"]`+"\n", "")}},
		{name: "layout missing and a missing link", changes: map[string][]byte{
			"content/a.md": page(`layout = "khong-co"`+"\n", ""), "content/b.md": page("", "[x](/x.pdf)\n")}},
		{name: "own layout with a template error", changes: map[string][]byte{
			"layouts/single.html": []byte("{{ define \"main\" }}{{ .Page.Khong }}{{ end }}\n"), "content/a.md": page("", "")}},
		{name: "own layout and a missing link", changes: map[string][]byte{
			"layouts/single.html": []byte("{{ define \"main\" }}{{ .Page.Title }}{{ end }}\n"), "content/a.md": page("", "[x](/x.pdf)\n")}},
	}
	outside := t.TempDir()
	for _, name := range []string{"secret.md", "secret.csv", "units.toml", "single.html"} {
		if err := os.WriteFile(filepath.Join(outside, name), []byte("+++\ntitle = \"B\"\n+++\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, h := range hostileErrors(t, outside) {
		sites = append(sites, site{name: h.name, changes: h.changes, symlinks: h.symlinks})
	}
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			files := hostileFiles(s.changes)
			o := Options{FS: mapFS(files), Now: "2023-06-30", Charts: sharedCharts(t)}
			if len(s.symlinks) > 0 {
				dir := t.TempDir()
				writeFiles(t, dir, files)
				for link, target := range s.symlinks {
					p := filepath.Join(dir, filepath.FromSlash(link))
					_ = os.RemoveAll(p)
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.Symlink(target, p); err != nil {
						t.Skipf("cannot make a symbolic link here: %v", err)
					}
				}
				o = Options{Source: dir, Now: "2023-06-30", Charts: sharedCharts(t)}
			}
			bo, co := o, o
			bo.Sink, co.Check = output.NewMem(), true
			built, checked := Run(bo), Run(co)
			if got, want := checked.Diags.Format(diag.EN), built.Diags.Format(diag.EN); got != want {
				t.Errorf("check reports\n%s\nbuild reports\n%s", got, want)
			}
			if s.ok != built.OK() {
				t.Errorf("build OK: %v, want %v:\n%s", built.OK(), s.ok, built.Diags.Format(diag.EN))
			}
			own := s.changes["layouts/single.html"] != nil
			if !own && (hasStage(checked, "charts") || hasStage(checked, "render")) {
				t.Errorf("check drew or rendered with tiendo's own layouts")
			}
			if own && hasStage(built, "render") && !hasStage(checked, "render") {
				t.Errorf("check did not render a site's own layouts")
			}
			if checked.Output != nil || len(checked.Written) > 0 {
				t.Errorf("check kept output")
			}
		})
	}
}

func hasStage(res *Result, name string) bool {
	return slices.ContainsFunc(res.Stages, func(s StageTime) bool { return s.Name == name })
}

func mapFS(files map[string][]byte) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}
