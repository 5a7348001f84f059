package bench

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/diag"
)

// BenchmarkSessionPage is what `tiendo serve` does after a save of one
// content page: a partial build of that page (see build.Session), against
// BenchmarkBuildMem's whole build of the same site. The target is a
// rebuild in at most 10% of a whole build:
//
//	go test ./internal/bench -run '^$' -bench 'Session|BuildMem' -pages 10000
func BenchmarkSessionPage(b *testing.B) {
	benchSession(b, corpus(b), func(dir string) string {
		return firstPage(b, dir)
	}, func(src []byte, i int) []byte {
		return append(src, "\nCập nhật lần "+strconv.Itoa(i)+".\n"...)
	})
}

// BenchmarkSessionCSV is the same after one cell of an indicator's CSV
// changes: everything made from data is built again, no content page.
func BenchmarkSessionCSV(b *testing.B) {
	benchSession(b, corpus(b), firstCSV(b), lastNumber)
}

// BenchmarkSampleCSV is BenchmarkSessionCSV on the repository's sample site
// as shipped — its themes/default/ on disk, the files tiendo embeds — which
// `tiendo serve` rebuilds in part after a save (issue 21, item 4); the
// changed cell is the latest figure of the sample's first indicator file.
func BenchmarkSampleCSV(b *testing.B) {
	benchSession(b, sampleCopy(b), firstCSV(b), lastNumber)
}

// firstCSV picks the first indicator CSV of a site.
func firstCSV(b *testing.B) func(dir string) string {
	return func(dir string) string {
		m, _ := filepath.Glob(filepath.Join(dir, "data", "chi-tieu", "*.csv"))
		if len(m) == 0 {
			b.Fatal("no indicator CSV in the site")
		}
		rel, _ := filepath.Rel(dir, m[0])
		return filepath.ToSlash(rel)
	}
}

// lastNumber changes the last number of a CSV file: a new value each time.
func lastNumber(src []byte, i int) []byte {
	s := strings.TrimRight(string(src), "\n")
	j := strings.LastIndexAny(s, ",;\t") + 1
	return []byte(s[:j] + strconv.Itoa(1000+i) + "\n")
}

// sampleCopy copies the sample site at the repository root, theme
// included, into a temporary folder.
func sampleCopy(b *testing.B) string {
	dir := b.TempDir()
	for _, name := range []string{"content", "data", "themes"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("..", "..", name))); err != nil {
			b.Fatal(err)
		}
	}
	cfg, err := os.ReadFile(filepath.Join("..", "..", "config.toml"))
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "config.toml"), cfg, 0o644)
	}
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchSession(b *testing.B, dir string, pick func(dir string) string, change func([]byte, int) []byte) {
	file := pick(dir)
	orig, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if err != nil {
		b.Fatal(err)
	}
	o := build.Options{Source: dir, Now: now}
	var s build.Session
	if res := s.Build(o, nil); !res.OK() {
		b.Fatal(res.Diags.Format(diag.EN))
	}
	b.ReportAllocs()
	b.ResetTimer()
	written := 0
	for i := range b.N {
		b.StopTimer()
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(file)), change(orig, i), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res := s.Build(o, []string{file})
		if !res.OK() {
			b.Fatal(res.Diags.Format(diag.EN))
		}
		if !res.Partial {
			b.Fatal("the build was whole, not partial")
		}
		written += len(res.Written)
	}
	b.ReportMetric(float64(written)/float64(b.N), "files/op")
}

// firstPage is the first content page of the corpus that is not a section.
func firstPage(b *testing.B, dir string) string {
	var found string
	_ = filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && found == "" && !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "_index.md" {
			rel, _ := filepath.Rel(dir, p)
			found = filepath.ToSlash(rel)
		}
		return nil
	})
	if found == "" {
		b.Fatal("no page in the corpus")
	}
	return found
}
