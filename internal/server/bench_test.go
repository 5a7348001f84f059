package server

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkSaveToReload measures what a staff member waits for in
// `tiendo serve`: from saving a file of the repository's sample site to the
// moment an open page receives the reload event — the debounce, a full
// rebuild and the swap included. Each save is a one-cell change to a CSV
// file under data/ (a content page's text when data/ has no CSV), in a copy
// of the site. Run it with
//
//	go test ./internal/server -run '^$' -bench SaveToReload -benchtime 10x
//
// and read ms-median (and ms-build-median, the rebuild alone).
func BenchmarkSaveToReload(b *testing.B) {
	dir := b.TempDir()
	copySite(b, "../..", dir)
	target, change := pickChange(b, dir)
	b.Logf("saving %s", target)

	s := startServer(b, dir, Options{Quiet: DefaultQuiet, MaxWait: DefaultMaxWait})
	events := subscribe(b, s)
	next(b, events, "hello")
	orig, err := os.ReadFile(filepath.Join(dir, target))
	if err != nil {
		b.Fatal(err)
	}

	var total, build []time.Duration
	b.ResetTimer()
	for i := range b.N {
		// A new figure each time, so no chart comes from the cache.
		data := change(orig, i+1)
		start := time.Now()
		if err := os.WriteFile(filepath.Join(dir, target), data, 0o644); err != nil {
			b.Fatal(err)
		}
		var ev sseEvent
		select {
		case ev = <-events:
		case <-time.After(waitFor):
			b.Fatalf("no event within %v of saving %s", waitFor, target)
		}
		if ev.name != "reload" {
			b.Fatalf("saving %s gave %q: %v", target, ev.name, ev.data)
		}
		total = append(total, time.Since(start))
		ms, _ := ev.data["ms"].(float64)
		build = append(build, time.Duration(ms*float64(time.Millisecond)))
	}
	b.StopTimer()
	b.ReportMetric(median(total).Seconds()*1000, "ms-median")
	b.ReportMetric(median(build).Seconds()*1000, "ms-build-median")
	b.Logf("save → reload over %d saves: median %v, min %v, max %v; rebuild median %v",
		len(total), median(total).Round(time.Millisecond), slices.Min(total).Round(time.Millisecond),
		slices.Max(total).Round(time.Millisecond), median(build).Round(time.Millisecond))
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[len(s)/2]
}

// copySite copies the inputs of the site at src (config.toml and the
// watched folders) into dst.
func copySite(tb testing.TB, src, dst string) {
	tb.Helper()
	names := append([]string{"config.toml"}, watchedDirs...)
	for _, name := range names {
		err := filepath.WalkDir(filepath.Join(src, name), func(p string, de fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil
				}
				return err
			}
			rel, _ := filepath.Rel(src, p)
			if de.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			if !de.Type().IsRegular() {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// pickChange chooses the file to save and the one-cell change to make: the
// last whole number of the last row of the first CSV under data/ that has
// one, raised by n; else a sentence added to the home page. A raised
// number keeps a running total rising and a denominator above its
// numerator.
func pickChange(tb testing.TB, dir string) (string, func([]byte, int) []byte) {
	tb.Helper()
	var csvs []string
	_ = filepath.WalkDir(filepath.Join(dir, "data"), func(p string, de fs.DirEntry, err error) error {
		if err == nil && !de.IsDir() && strings.HasSuffix(p, ".csv") {
			rel, _ := filepath.Rel(dir, p)
			csvs = append(csvs, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(csvs)
	for _, f := range csvs {
		data, _ := os.ReadFile(filepath.Join(dir, f))
		if start, end := lastWholeNumber(data); start >= 0 {
			v, _ := strconv.Atoi(string(data[start:end]))
			return f, func(b []byte, n int) []byte {
				out := slices.Clone(b[:start])
				out = strconv.AppendInt(out, int64(v+n), 10)
				return append(out, b[end:]...)
			}
		}
	}
	return "content/_index.md", func(b []byte, n int) []byte {
		return fmt.Appendf(slices.Clone(b), "\nLần sửa thứ %d để đo thời gian dựng lại.\n", n)
	}
}

// lastWholeNumber finds, in the last row of a CSV file, the last cell that
// is a whole number, and returns where its digits are; -1 if none.
func lastWholeNumber(data []byte) (start, end int) {
	rowEnd := len(bytes.TrimRight(data, "\r\n"))
	rowStart := bytes.LastIndexByte(data[:rowEnd], '\n') + 1
	cells := rowEnd
	for cells > rowStart {
		cellStart := rowStart + bytes.LastIndexAny(data[rowStart:cells], ",;\t") + 1
		cell := bytes.TrimSpace(data[cellStart:cells])
		if len(cell) > 0 && len(cell) < 10 && allDigits(cell) {
			s := cellStart + bytes.Index(data[cellStart:cells], cell)
			return s, s + len(cell)
		}
		cells = cellStart - 1
	}
	return -1, -1
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
