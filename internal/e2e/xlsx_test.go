package e2e

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/table"
)

// TestSampleAsWorkbooks converts every CSV file of the sample's data/ to an
// Excel workbook with LibreOffice, as staff would by opening the CSV and
// saving it as .xlsx, and checks that the site built from the workbooks is
// the site built from the CSV files, byte for byte, once the workbooks'
// names are written back as the CSV names they replace.
func TestSampleAsWorkbooks(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		missing(t, "soffice (LibreOffice Calc; Debian: libreoffice-calc-nogui) not found: cannot convert the sample's CSV files to .xlsx")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	want := sampleInMemory(t, root)

	site := t.TempDir()
	for _, dir := range []string{"config.toml", "content", "data", "static", "layouts", "i18n", "themes", ".tiendo-cache/charts"} {
		copyTree(t, filepath.Join(root, dir), filepath.Join(site, dir))
	}
	converted := convertCSVs(t, soffice, site)
	if len(converted) < 10 {
		t.Fatalf("converted only %d CSV files: %v", len(converted), converted)
	}
	got := buildToMemory(t, site)

	var diffs []string
	for _, name := range slices.Sorted(mapKeys(want)) {
		g, ok := got[name]
		if !ok {
			diffs = append(diffs, name+": missing from the build from workbooks")
			continue
		}
		w := want[name]
		for _, c := range converted {
			// A download link or a note may name the data file. The same
			// on both sides: an indicator's Excel download has the name of
			// its data file, and is in both builds.
			g = bytes.ReplaceAll(g, []byte(path.Base(c)+".xlsx"), []byte(path.Base(c)+".csv"))
			w = bytes.ReplaceAll(w, []byte(path.Base(c)+".xlsx"), []byte(path.Base(c)+".csv"))
		}
		if !bytes.Equal(g, w) {
			diffs = append(diffs, name+": "+firstDiff(w, g))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			diffs = append(diffs, name+": only in the build from workbooks")
		}
	}
	if len(diffs) > 0 {
		t.Errorf("the site built from LibreOffice's workbooks differs in %d files:\n%s", len(diffs), strings.Join(diffs[:min(len(diffs), 20)], "\n"))
	}
}

// sampleOutput is the sample built under basePath, once for the tests
// that compare a changed copy with it.
var sampleOutput struct {
	once  sync.Once
	files map[string][]byte
}

func sampleInMemory(t *testing.T, root string) map[string][]byte {
	t.Helper()
	sampleOutput.once.Do(func() { sampleOutput.files = buildToMemory(t, root) })
	if sampleOutput.files == nil {
		t.Fatal("the sample did not build")
	}
	return sampleOutput.files
}

func buildToMemory(t *testing.T, src string) map[string][]byte {
	t.Helper()
	sink := output.NewMem()
	res := build.Run(build.Options{Source: src, Sink: sink, BaseURL: basePath})
	if !res.OK() {
		t.Fatalf("build of %s failed:\n%s", src, res.Diags.Format(diag.EN))
	}
	return sink.Files
}

// convertCSVs replaces every CSV file under site/data by the workbook
// LibreOffice makes of it, points data/indicators.toml at the workbooks,
// and returns the converted files, without extension, relative to data/.
//
// LibreOffice reads each file as staff's spreadsheet would open it: UTF-8,
// the file's delimiter, and the regional settings that write its numbers
// — Vietnamese (decimal comma, so "2.421" is 2421 and "71,3" is 71.3) for
// a ';' file, British English (decimal point, day before month) otherwise. Dates it recognises ("2023-03-17") become
// date cells, numbers number cells, as in a real workbook.
func convertCSVs(t *testing.T, soffice, site string) []string {
	t.Helper()
	data := filepath.Join(site, "data")
	groups := map[string][]string{} // LibreOffice's CSV filter options → files
	var names []string
	err := filepath.WalkDir(data, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(p), ".csv") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		tab, _ := table.Read(p, src, table.Options{})
		// Field separator, text delimiter ("), UTF-8, from line 1, no
		// column formats, language: vi-VN (1066) or en-GB (2057).
		opts := "CSV:44,34,76,1,,2057"
		if tab.Delimiter == ';' {
			opts = "CSV:59,34,76,1,,1066"
		}
		groups[opts] = append(groups[opts], p)
		rel, _ := filepath.Rel(data, p)
		names = append(names, strings.TrimSuffix(filepath.ToSlash(rel), filepath.Ext(rel)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	profile := "file://" + filepath.ToSlash(t.TempDir())
	for opts, files := range groups {
		byDir := map[string][]string{}
		for _, f := range files {
			byDir[filepath.Dir(f)] = append(byDir[filepath.Dir(f)], f)
		}
		for dir, fs := range byDir {
			args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--infilter=" + opts,
				"--convert-to", "xlsx", "--outdir", dir}, fs...)
			out, err := exec.Command(soffice, args...).CombinedOutput()
			if err != nil {
				t.Fatalf("soffice %s: %v\n%s", strings.Join(args, " "), err, out)
			}
			for _, f := range fs {
				if _, err := os.Stat(strings.TrimSuffix(f, filepath.Ext(f)) + ".xlsx"); err != nil {
					t.Fatalf("soffice wrote no workbook for %s:\n%s", f, out)
				}
				if err := os.Remove(f); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	reg := filepath.Join(data, "indicators.toml")
	src, err := os.ReadFile(reg)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		src = bytes.ReplaceAll(src, []byte(`"`+strings.TrimPrefix(n, "")+`.csv"`), []byte(`"`+n+`.xlsx"`))
	}
	if err := os.WriteFile(reg, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(src, []byte(`.csv"`)) {
		t.Fatalf("data/indicators.toml still names a CSV file after conversion")
	}
	return names
}

// copyTree copies src (a file or a folder) to dst; a missing src is skipped.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == src {
				return fs.SkipAll
			}
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// firstDiff quotes where a and b first differ.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-60)
	return fmt.Sprintf("at byte %d:\n    want …%q…\n    got  …%q…", i, a[from:min(len(a), i+60)], b[from:min(len(b), i+60)])
}

// TestSampleWithCRLF builds the sample with every text file of its input
// saved with Windows line ends (CRLF), as Notepad and Excel on the
// office's PC write them: the site is the same, byte for byte.
func TestSampleWithCRLF(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	want := sampleInMemory(t, root)
	site := t.TempDir()
	for _, dir := range []string{"config.toml", "content", "data", "static", "layouts", "i18n", "themes", ".tiendo-cache/charts"} {
		copyTree(t, filepath.Join(root, dir), filepath.Join(site, dir))
	}
	n := 0
	err = filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, ".tiendo-cache") || !slices.Contains([]string{".md", ".toml", ".csv"}, filepath.Ext(p)) {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		return os.WriteFile(p, bytes.ReplaceAll(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n")), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 30 {
		t.Fatalf("only %d text files rewritten", n)
	}
	got := buildToMemory(t, site)
	var diffs []string
	for _, name := range slices.Sorted(mapKeys(want)) {
		if !bytes.Equal(got[name], want[name]) {
			diffs = append(diffs, name+": "+firstDiff(want[name], got[name]))
		}
	}
	if len(got) != len(want) || len(diffs) > 0 {
		t.Errorf("with CRLF line ends, %d of %d files differ (and %d files written, want %d):\n%s",
			len(diffs), len(want), len(got), len(want), strings.Join(diffs[:min(len(diffs), 20)], "\n"))
	}
}
