package build

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// copySample copies the sample site at the repository root into a new
// folder.
func copySample(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"config.toml", "content", "data"} {
		if err := os.CopyFS(filepath.Join(dst, name), os.DirFS(filepath.Join(root, name))); err != nil {
			// os.CopyFS copies a folder's contents; a single file is copied here.
			src, rerr := os.ReadFile(filepath.Join(root, name))
			if rerr != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dst, name), src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.MkdirAll(filepath.Join(dst, "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dst, "static", "ghi-chu.txt"), []byte("một\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	file := filepath.Join(dir, filepath.FromSlash(name))
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte(old)) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	src = bytes.Replace(src, []byte(old), []byte(new), 1)
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
}

// sameAsWhole checks a Session's output against a whole build of the same
// files.
func sameAsWhole(t *testing.T, o Options, got *Result) {
	t.Helper()
	var whole Session
	want := whole.Build(o, nil)
	if !want.OK() {
		t.Fatalf("whole build failed:\n%s", want.Diags.Format("en"))
	}
	for name, w := range want.Output.Files {
		g, ok := got.Output.Files[name]
		if !ok {
			t.Errorf("partial build lacks %s", name)
		} else if !bytes.Equal(g, w) {
			t.Errorf("partial build differs in %s:\n%s", name, diffAt(string(w), string(g)))
		}
	}
	for name := range got.Output.Files {
		if _, ok := want.Output.Files[name]; !ok {
			t.Errorf("partial build has %s, which a whole build does not", name)
		}
	}
	if got.Files != want.Files || got.Bytes != want.Bytes {
		t.Errorf("partial build counts %d files, %d bytes; whole %d, %d", got.Files, got.Bytes, want.Files, want.Bytes)
	}
}

// diffAt shows where got first differs from want.
func diffAt(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-60)
	return "want …" + want[from:min(len(want), i+60)] + "…\ngot  …" + got[from:min(len(got), i+60)] + "…"
}

func TestSessionPartial(t *testing.T) {
	t.Parallel()
	dir := copySample(t)
	o := Options{Source: dir, Charts: sampleCharts(t)}
	var s Session
	if res := s.Build(o, nil); !res.OK() || res.Partial {
		t.Fatalf("first build: ok %v, partial %v\n%s", res.OK(), res.Partial, res.Diags.Format("en"))
	}

	steps := []struct {
		name    string
		change  func()
		changed []string
		partial bool
		// written must be among the files written; unwritten must not be.
		written, unwritten []string
	}{{
		name: "page body",
		change: func() {
			edit(t, dir, "content/huong-dan/vneid/kich-hoat.md", "\n## ", "\nMột câu mới thêm vào.\n\n## ")
		},
		changed: []string{"content/huong-dan/vneid/kich-hoat.md"},
		partial: true,
		written: []string{"huong-dan/vneid/kich-hoat/index.html", "tim-kiem/index.json"},
		unwritten: []string{"index.html", "huong-dan/vneid/index.html", "huong-dan/vneid/dang-ky-muc-do-1/index.html",
			"chi-tieu/index.html", "sitemap.xml"},
	}, {
		name: "page with shortcodes",
		change: func() {
			edit(t, dir, "content/_index.md", `{{< kpi "ho-so-truc-tuyen" >}}`, `{{< kpi "dich-vu-cong-thiet-yeu" >}}`)
		},
		changed:   []string{"content/_index.md"},
		partial:   true,
		written:   []string{"index.html"},
		unwritten: []string{"chi-tieu/index.html", "huong-dan/vneid/kich-hoat/index.html"},
	}, {
		name: "indicator cell",
		change: func() {
			edit(t, dir, "data/chi-tieu/dich-vu-cong-thiet-yeu.csv", "2023-03,29,", "2023-03,31,")
		},
		changed: []string{"data/chi-tieu/dich-vu-cong-thiet-yeu.csv"},
		partial: true,
		written: []string{"chi-tieu/dich-vu-cong-thiet-yeu/index.html", "chi-tieu/index.html",
			"chi-tieu/dich-vu-cong-thiet-yeu/dich-vu-cong-thiet-yeu.csv", "index.html",
			// The open data package follows: its copy, its description, the zip.
			"du-lieu/chi-tieu/dich-vu-cong-thiet-yeu.csv", "du-lieu/datapackage.json", "du-lieu/tiendo-du-lieu.zip"},
		// Pages made from other data look the same: not written again.
		unwritten: []string{"huong-dan/vneid/kich-hoat/index.html", "gioi-thieu/index.html",
			"nhiem-vu/index.html", "bao-cao/index.html", "dich-vu/dang-ky-khai-sinh/index.html"},
	}, {
		name:    "indicator removed",
		change:  func() { removeIndicator(t, dir, "dvc-toan-trinh-dong-bo") },
		changed: []string{"data/indicators.toml"},
		partial: true,
		// Removed files count as changed, so their open pages reload.
		written: []string{"chi-tieu/dvc-toan-trinh-dong-bo/index.html", "chi-tieu/index.html"},
	}, {
		name:    "static file",
		change:  func() { edit(t, dir, "static/ghi-chu.txt", "một", "hai") },
		changed: []string{"static/ghi-chu.txt"},
		partial: true,
		written: []string{"ghi-chu.txt"},
	}, {
		name:    "title, seen by other pages",
		change:  func() { edit(t, dir, "content/huong-dan/vneid/kich-hoat.md", `title = "`, `title = "Mới: `) },
		changed: []string{"content/huong-dan/vneid/kich-hoat.md"},
		partial: false,
	}, {
		name:    "heading, a link target",
		change:  func() { edit(t, dir, "content/gioi-thieu.md", "\n## ", "\n## Mới ") },
		changed: []string{"content/gioi-thieu.md"},
		partial: false,
	}, {
		name: "page and data at once",
		change: func() {
			appendTo(t, dir, "content/gioi-thieu.md", "\nĐoạn mới ở cuối trang.\n")
			appendTo(t, dir, "data/tasks.csv", "")
		},
		changed: []string{"content/gioi-thieu.md", "data/tasks.csv"},
		partial: true,
	}, {
		// A page published later, withdrawn now: lists change (issue 24).
		name: "publishDate in the future",
		change: func() {
			edit(t, dir, "content/tin-tuc/so-ket-6-thang-2023.md", `title = "`, "publishDate = 2023-07-01\ntitle = \"")
		},
		changed: []string{"content/tin-tuc/so-ket-6-thang-2023.md"},
		partial: false,
	}, {
		name: "publishDate past again",
		change: func() {
			edit(t, dir, "content/tin-tuc/so-ket-6-thang-2023.md", "publishDate = 2023-07-01", "publishDate = 2023-06-01")
		},
		changed: []string{"content/tin-tuc/so-ket-6-thang-2023.md"},
		partial: false,
	}, {
		name: "tags, seen by topic pages",
		change: func() {
			edit(t, dir, "content/huong-dan/vneid/kich-hoat.md", `title = "`, "tags = [\"VNeID\"]\ntitle = \"")
		},
		changed: []string{"content/huong-dan/vneid/kich-hoat.md"},
		partial: false,
	}, {
		// What the how-to says is not seen by other pages, but a page of a
		// journey is: a whole build is simpler than knowing which.
		name: "how-to step",
		change: func() {
			edit(t, dir, "content/huong-dan/vneid/kich-hoat.md", `và bấm “Kích hoạt”."`, `rồi bấm “Kích hoạt”."`)
		},
		changed: []string{"content/huong-dan/vneid/kich-hoat.md"},
		partial: false,
	}, {
		// A guide lists the services that name it: both guides change.
		name: "service's guide",
		change: func() {
			edit(t, dir, "data/services.toml", `guide = "huong-dan/vneid/thong-bao-luu-tru.md"`, `guide = "huong-dan/vneid/kich-hoat.md"`)
		},
		changed: []string{"data/services.toml"},
		partial: true,
		written: []string{"huong-dan/vneid/kich-hoat/index.html", "huong-dan/vneid/thong-bao-luu-tru/index.html",
			"dich-vu/thong-bao-luu-tru/index.html"},
	}, {
		name:    "config",
		change:  func() {},
		changed: []string{"config.toml"},
		partial: false,
	}}
	for _, st := range steps {
		st.change()
		res := s.Build(o, st.changed)
		if !res.OK() {
			t.Fatalf("%s: build failed:\n%s", st.name, res.Diags.Format("en"))
		}
		if res.Partial != st.partial {
			t.Errorf("%s: partial = %v, want %v", st.name, res.Partial, st.partial)
		}
		for _, f := range st.written {
			if !slices.Contains(res.Written, f) {
				t.Errorf("%s: %s not written (wrote %d files)", st.name, f, len(res.Written))
			}
		}
		for _, f := range st.unwritten {
			if slices.Contains(res.Written, f) {
				t.Errorf("%s: %s written, though it does not depend on the change", st.name, f)
			}
		}
		t.Logf("%s: partial %v, %d files written: %s", st.name, res.Partial, len(res.Written), strings.Join(res.Written[:min(len(res.Written), 12)], " "))
		// A whole build of a Session is run(o), what sameAsWhole builds to
		// compare with: comparing it would build the site twice to compare
		// a function with itself. The partial builds are what this tests.
		if res.Partial {
			sameAsWhole(t, o, res)
		}
		if t.Failed() {
			t.FailNow()
		}
	}
}

func appendTo(t *testing.T, dir, name, text string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, filepath.FromSlash(name)), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// removeIndicator deletes an indicator's entry from data/indicators.toml.
func removeIndicator(t *testing.T, dir, id string) {
	t.Helper()
	file := filepath.Join(dir, "data", "indicators.toml")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	start := strings.Index(s, "[[indicator]]\nid = \""+id+"\"")
	if start < 0 {
		t.Fatalf("no indicator %s", id)
	}
	end := strings.Index(s[start+1:], "[[indicator]]\n")
	if end < 0 {
		s = s[:start]
	} else {
		s = s[:start] + s[start+1+end:]
	}
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// An error in a partial build is reported by a whole build, with every
// problem; the next good build is whole again.
func TestSessionErrors(t *testing.T) {
	t.Parallel()
	dir := copySample(t)
	o := Options{Source: dir, Charts: sampleCharts(t)}
	var s Session
	if res := s.Build(o, nil); !res.OK() {
		t.Fatal(res.Diags.Format("en"))
	}
	edit(t, dir, "data/chi-tieu/dich-vu-cong-thiet-yeu.csv", "2023-03,29,", "2023-03,2x9,")
	edit(t, dir, "content/gioi-thieu.md", "\n\n", "\n\n[hỏng](khong-co.md)\n\n")
	res := s.Build(o, []string{"data/chi-tieu/dich-vu-cong-thiet-yeu.csv", "content/gioi-thieu.md"})
	if res.OK() || res.Partial {
		t.Fatalf("broken build: ok %v, partial %v", res.OK(), res.Partial)
	}
	msgs := res.Diags.Format("en")
	for _, want := range []string{"data/chi-tieu/dich-vu-cong-thiet-yeu.csv:5:", "content/gioi-thieu.md:"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("errors lack %s:\n%s", want, msgs)
		}
	}
	edit(t, dir, "data/chi-tieu/dich-vu-cong-thiet-yeu.csv", "2023-03,2x9,", "2023-03,30,")
	edit(t, dir, "content/gioi-thieu.md", "[hỏng](khong-co.md)", "")
	res = s.Build(o, []string{"data/chi-tieu/dich-vu-cong-thiet-yeu.csv"})
	if !res.OK() || res.Partial {
		t.Fatalf("fixed build: ok %v, partial %v", res.OK(), res.Partial)
	}
	sameAsWhole(t, o, res)
}

// BenchmarkSessionSampleCSV is a partial build of the sample site after one
// cell of an indicator's CSV changes, to a new value each time (so its
// chart is drawn again, and no other):
//
//	go test ./internal/build -run '^$' -bench SessionSampleCSV
func BenchmarkSessionSampleCSV(b *testing.B) {
	t := &testing.T{}
	dir := copySample(t)
	o := Options{Source: dir, Charts: sharedCharts(b)}
	var s Session
	if res := s.Build(o, nil); !res.OK() {
		b.Fatal(res.Diags.Format("en"))
	}
	name := "data/chi-tieu/dich-vu-cong-thiet-yeu.csv"
	file := filepath.Join(dir, filepath.FromSlash(name))
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		src := bytes.Replace(orig, []byte("2023-03,29,"), []byte("2023-03,"+strconv.Itoa(30+i)+","), 1)
		if err := os.WriteFile(file, src, 0o644); err != nil {
			b.Fatal(err)
		}
		if res := s.Build(o, []string{name}); !res.OK() || !res.Partial {
			b.Fatalf("ok %v, partial %v", res.OK(), res.Partial)
		}
	}
}
