package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestArchive: build --archive on two days keeps both snapshots, the
// first byte for byte, even after the data changed; a build without
// --archive keeps them; /du-lieu/ban-luu/ lists them newest first with a
// citation, and /du-lieu/ links it.
func TestArchive(t *testing.T) {
	t.Parallel()
	src, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	writeSite(t, src, kpiSite)
	build := func(now string, archive bool) {
		t.Helper()
		res := Run(Options{Source: src, Destination: dest, Now: now, Archive: archive, BaseURL: "https://example.gov.vn/", Charts: sharedCharts(t)})
		if !res.OK() {
			t.Fatalf("build at %s failed:\n%s", now, res.Diags.Format("vi"))
		}
	}
	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	build("2023-06-30", true)
	june := read("chi-tieu/tai-khoan/tai-khoan.csv")
	if got := read("du-lieu/ban-luu/2023-06-30/chi-tieu/tai-khoan/tai-khoan.csv"); got != june {
		t.Fatalf("snapshot differs from the download:\n%s\n%s", got, june)
	}
	// The figures change; a month later another snapshot.
	if err := os.WriteFile(filepath.Join(src, "data/chi-tieu/tai-khoan.csv"), []byte("ky;gia_tri\n2023-05;398\n2023-06;1.250\n2023-07;1.400\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build("2023-07-31", true)
	build("2023-08-01", false)
	if got := read("du-lieu/ban-luu/2023-06-30/chi-tieu/tai-khoan/tai-khoan.csv"); got != june {
		t.Errorf("the June snapshot changed")
	}
	if got := read("du-lieu/ban-luu/2023-07-31/chi-tieu/tai-khoan/tai-khoan.csv"); !strings.Contains(got, "2023-07,1400") {
		t.Errorf("the July snapshot lacks July:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dest, "du-lieu/ban-luu/2023-08-01")); err == nil {
		t.Errorf("a build without --archive made a snapshot")
	}
	page := read("du-lieu/ban-luu/index.html")
	july, juneAt := strings.Index(page, `id="ngay-2023-07-31"`), strings.Index(page, `id="ngay-2023-06-30"`)
	if july < 0 || juneAt < july {
		t.Errorf("snapshots not listed newest first")
	}
	for _, want := range []string{
		`<a href="/du-lieu/ban-luu/2023-06-30/chi-tieu/tai-khoan/tai-khoan.csv" download>CSV</a>`,
		"KPI, “Tỷ lệ hồ sơ trực tuyến” (CSV), KPI, số liệu lưu ngày 31/07/2023, https://example.gov.vn/du-lieu/ban-luu/2023-07-31/chi-tieu/ty-le/ty-le.csv.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/du-lieu/ban-luu/ lacks %s", want)
		}
	}
	if !strings.Contains(read("du-lieu/index.html"), `<a href="/du-lieu/ban-luu/">Bản lưu dữ liệu theo ngày</a>`) {
		t.Errorf("/du-lieu/ does not link the snapshots")
	}
}
