package build

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
)

// Issue 13, "nothing lost": every file under data/ is read or reported, a
// data file naming a registry that does not exist is an error, and a
// registry that cannot be read is reported first, without the hundreds of
// problems that only follow from it.

// sampleFiles returns the files of the repository's own site (config.toml,
// content/ and data/) with changes applied: a nil value removes a file.
func sampleFiles(tb testing.TB, changes map[string][]byte) map[string][]byte {
	tb.Helper()
	root := os.DirFS("../..")
	files := map[string][]byte{}
	for _, top := range []string{"config.toml", "content", data.Dir} {
		err := fs.WalkDir(root, top, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(root, name)
			files[name] = b
			return err
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	for name, b := range changes {
		if b == nil {
			if _, ok := files[name]; !ok {
				tb.Fatalf("the sample site has no %s", name)
			}
			delete(files, name)
			continue
		}
		files[name] = b
	}
	return files
}

// sampleReplace returns the sample site's file name with old replaced by
// new, failing when old is not there.
func sampleReplace(tb testing.TB, name, old, new string) []byte {
	tb.Helper()
	b, err := os.ReadFile("../../" + name)
	if err != nil {
		tb.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		tb.Fatalf("%s has no %q", name, old)
	}
	return []byte(strings.Replace(string(b), old, new, 1))
}

func withCode(l *diag.List, code string) []*diag.Diagnostic {
	var out []*diag.Diagnostic
	for _, d := range l.All() {
		if d.Code == code {
			out = append(out, d)
		}
	}
	return out
}

func TestReportsWithoutServicesAreAnError(t *testing.T) {
	t.Parallel()
	files := sampleFiles(t, map[string][]byte{data.ServicesFile: nil})
	res := buildFiles(t, files).res
	if res.OK() {
		t.Fatalf("build succeeded without %s while reports exist:\n%s", data.ServicesFile, res.Diags.Format(diag.VI))
	}
	named := map[string]bool{}
	for _, d := range withCode(res.Diags, "data-registry-missing") {
		if d.Severity != diag.Error || !strings.Contains(d.Msg.Vi, data.ServicesFile) || !strings.Contains(d.Msg.En, data.ServicesFile) {
			t.Errorf("%s: %s; want an error naming %s", d.Pos, d.Msg.Vi, data.ServicesFile)
		}
		named[d.File] = true
	}
	var reports []string
	for name := range files {
		if strings.HasPrefix(name, data.ReportsDir+"/") {
			reports = append(reports, name)
			if !named[name] {
				t.Errorf("no error at %s for the missing %s", name, data.ServicesFile)
			}
		}
	}
	if len(reports) == 0 {
		t.Fatal("the sample site has no weekly reports")
	}
	if n := res.Diags.Len(); n > len(reports)+1 {
		t.Errorf("%d diagnostics for %d report files, want at most one each and a note:\n%s", n, len(reports), res.Diags.Format(diag.VI))
	}
}

func TestDataFilesAreReadOrReportedUnused(t *testing.T) {
	t.Parallel()
	res := buildFiles(t, hostileFiles(map[string][]byte{
		"data/chi-tieu/cu.csv":       []byte("ky,gia_tri\n2023-01,1\n"),
		"data/tasks.xls":             []byte("\xD0\xCF\x11\xE0"),
		"data/README.md":             []byte("# Dữ liệu\n"),
		"data/ghi-chu/a.txt":         []byte("x"),
		"data/Units.TOML":            []byte("[[unit]]\n"),
		"data/.~lock.tasks.csv#":     []byte("x"),
		"data/.DS_Store":             []byte("x"),
		"data/~$tasks.csv":           []byte("x"),
		"data/.git/HEAD":             []byte("x"),
		"data/chi-tieu/Thumbs.db":    []byte("x"),
		"data/chi-tieu/desktop.ini":  []byte("x"),
		"data/chi-tieu/.~lock.x.csv": []byte("x"),
	})).ok().res
	var got []string
	for _, d := range withCode(res.Diags, "data-unused") {
		if d.Severity != diag.Warning || d.Hint.IsZero() {
			t.Errorf("%s: %s; want a warning with a hint", d.Pos, d.Msg.Vi)
		}
		got = append(got, d.File)
	}
	want := []string{"data/README.md", "data/Units.TOML", "data/chi-tieu/cu.csv", "data/ghi-chu/a.txt", "data/tasks.xls"}
	if !slices.Equal(got, want) {
		t.Errorf("unused files reported: %q, want %q\n%s", got, want, res.Diags.Format(diag.VI))
	}
}

func TestSampleSiteReadsEveryDataFile(t *testing.T) {
	t.Parallel()
	res := buildFiles(t, sampleFiles(t, nil)).ok().res
	if d := withCode(res.Diags, "data-unused"); len(d) > 0 {
		t.Errorf("the sample site has unused data files:\n%s", res.Diags.Format(diag.VI))
	}
}

func TestUnreadableRegistryIsReportedFirstAndAlone(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		file, old, new string
		// follows is whether other files' problems follow from this one.
		follows bool
	}{
		{data.UnitsFile, `name = "Ủy ban nhân dân huyện Lộc Hà"`, `name = "Ủy ban nhân dân huyện Lộc Hà`, true},
		{data.ServicesFile, `name = "Công an"`, `name = "Công an`, true},
		{data.IndicatorsFile, `title = "Về thực hiện dịch vụ công"`, `title = "Về thực hiện dịch vụ công`, true},
		{data.TasksFile, "\n1.2,", "\n\"1.2\"x,", false},
		{"config.toml", `title = "Tiến độ Đề án 06 – huyện Lộc Hà"`, `title = "Tiến độ Đề án 06 – huyện Lộc Hà`, false},
	} {
		t.Run(c.file, func(t *testing.T) {
			res := buildFiles(t, sampleFiles(t, map[string][]byte{c.file: sampleReplace(t, c.file, c.old, c.new)})).res
			all := res.Diags.All()
			if len(all) == 0 {
				t.Fatal("no problem reported")
			}
			if first := all[0]; first.File != c.file || first.Severity != diag.Error || first.Line == 0 {
				t.Errorf("first problem %s: %s; want the syntax error at %s:line:col", first.Pos, first.Msg.Vi, c.file)
			}
			if len(all) > 2 {
				t.Errorf("%d problems, want the cause and at most one note:\n%s", len(all), res.Diags.Format(diag.VI))
			}
			notes := withCode(res.Diags, "data-suppressed")
			switch {
			case c.follows && len(notes) != 1:
				t.Errorf("%d notes of problems left out, want 1:\n%s", len(notes), res.Diags.Format(diag.VI))
			case len(notes) == 1 && (notes[0].File != c.file || !strings.Contains(notes[0].Msg.Vi, "đã được bỏ qua") || !strings.Contains(notes[0].Msg.Vi, c.file)):
				t.Errorf("note %s: %s; want it at %s, naming it", notes[0].Pos, notes[0].Msg.Vi, c.file)
			}
		})
	}
}

func TestMissingUnitsIsOneErrorPerFileReferringToThem(t *testing.T) {
	t.Parallel()
	res := buildFiles(t, sampleFiles(t, map[string][]byte{data.UnitsFile: nil})).res
	if res.OK() {
		t.Fatal("build succeeded without data/units.toml")
	}
	perFile := map[string]int{}
	for _, d := range res.Diags.All() {
		if d.Code == "data-suppressed" {
			continue
		}
		perFile[d.File]++
		if d.Code != "data-registry-missing" || !strings.Contains(d.Msg.Vi, data.UnitsFile) {
			t.Errorf("%s: %s (%s); want only errors naming the missing %s", d.Pos, d.Msg.Vi, d.Code, data.UnitsFile)
		}
	}
	for _, f := range []string{data.TasksFile, data.IndicatorsFile, data.ServicesFile, data.ReportsDir + "/cong-an-huyen.csv"} {
		if perFile[f] != 1 {
			t.Errorf("%d problems at %s, want one naming %s", perFile[f], f, data.UnitsFile)
		}
	}
	if n := len(withCode(res.Diags, "data-suppressed")); n != 1 {
		t.Errorf("%d notes of problems left out, want 1", n)
	}
}
