package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/output"
)

// buildOK builds dir in memory and fails on any problem, warnings
// included unless allowWarnings: the starter site must be clean, but a new
// indicator has no figures yet.
func buildOK(t *testing.T, dir string, allowWarnings bool) *output.Mem {
	t.Helper()
	mem := output.NewMem()
	res := build.Run(build.Options{Source: dir, Sink: mem})
	if !res.OK() || (!allowWarnings && res.Diags.Len() > 0) {
		t.Fatalf("build of %s:\n%s", dir, res.Diags.Format(diag.EN))
	}
	return mem
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNewSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "trang-moi")
	code, out, errOut := run(t, "new", "site", dir)
	if code != 0 {
		t.Fatalf("new site: exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "Đã tạo trang web mới") || !strings.Contains(out, "tiendo serve") {
		t.Errorf("stdout: got %q", out)
	}
	for _, f := range []string{"config.toml", "content/_index.md", "content/huong-dan/_index.md", "content/huong-dan/mau-huong-dan.md",
		"data/units.toml", "data/tasks.csv", "data/indicators.toml", "data/chi-tieu/tai-khoan-dinh-danh-dien-tu.csv"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("starter file %s: %v", f, err)
		}
	}
	cfg := readFile(t, filepath.Join(dir, "config.toml"))
	for _, want := range []string{`baseURL = "/"`, `languageCode = "vi"`, "sample = true", "relativeURLs = true", "[organisation]"} {
		if !strings.Contains(cfg, want) {
			t.Errorf("config.toml lacks %s", want)
		}
	}
	mem := buildOK(t, dir, false)
	if _, ok := mem.Files["huong-dan/mau-huong-dan/index.html"]; !ok {
		t.Errorf("the guidance page was not built; files: %v", mem.Paths())
	}
	if code, _, errOut := run(t, "build", "-s", dir, "--quiet"); code != 0 {
		t.Errorf("tiendo build of the new site: exit %d, %s", code, errOut)
	}

	// A folder that holds something is refused, and left as it was.
	code, _, errOut = run(t, "new", "site", dir)
	if code != 1 || !strings.Contains(errOut, "đã có tệp; không ghi đè") {
		t.Errorf("new site into a non-empty folder: exit %d, stderr %q", code, errOut)
	}
	if got := readFile(t, filepath.Join(dir, "config.toml")); got != cfg {
		t.Error("config.toml changed")
	}
	code, _, errOut = run(t, "new", "site", dir, "--lang", "en")
	if code != 1 || !strings.Contains(errOut, "is not empty; nothing is overwritten") {
		t.Errorf("new site into a non-empty folder, English: exit %d, stderr %q", code, errOut)
	}
}

func TestNewPage(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := run(t, "new", "site", dir); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut := run(t, "new", "page", "content/huong-dan/dang-ky_khai-sinh.md", "-s", dir, "--now", "2025-05-01")
	if code != 0 {
		t.Fatalf("new page: exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "content/huong-dan/dang-ky_khai-sinh.md") {
		t.Errorf("stdout: got %q", out)
	}
	want := "+++\ntitle = \"Dang ky khai sinh\"\ndescription = \"\"\ndate = 2025-05-01\ndraft = false\n+++\n\n"
	if got := readFile(t, filepath.Join(dir, "content/huong-dan/dang-ky_khai-sinh.md")); got != want {
		t.Errorf("page:\ngot  %q\nwant %q", got, want)
	}
	// Without content/, in a new folder, without .md.
	if code, _, errOut := run(t, "new", "page", "-s", dir, "tin-tuc/đợt-một", "--now", "2025-05-02"); code != 0 {
		t.Fatalf("new page tin-tuc/đợt-một: exit %d, %s", code, errOut)
	}
	if got := readFile(t, filepath.Join(dir, "content/tin-tuc/đợt-một.md")); !strings.Contains(got, `title = "Đợt một"`) {
		t.Errorf("page title: got %q", got)
	}
	mem := buildOK(t, dir, false)
	if _, ok := mem.Files["huong-dan/dang-ky-khai-sinh/index.html"]; !ok {
		t.Errorf("the new page was not built; files: %v", mem.Paths())
	}

	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"exists", []string{"new", "page", "content/huong-dan/dang-ky_khai-sinh.md", "-s", dir}, 1, "đã có; không ghi đè"},
		{"outside content", []string{"new", "page", "../x.md", "-s", dir}, 1, "phải nằm trong thư mục content/"},
		{"not markdown", []string{"new", "page", "content/a.html", "-s", dir}, 1, "phải là tệp .md"},
		{"not a site", []string{"new", "page", "content/a.md", "-s", t.TempDir()}, 2, "không phải thư mục gốc"},
		{"bad now", []string{"new", "page", "content/a.md", "-s", dir, "--now", "hôm qua"}, 2, "--now"},
		{"no path", []string{"new", "page", "-s", dir}, 2, "Cách dùng: tiendo new"},
		{"unknown kind", []string{"new", "trang", "x"}, 2, `không tạo được "trang"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := run(t, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.err) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tc.code, tc.err)
			}
		})
	}
}

func TestNewIndicator(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := run(t, "new", "site", dir); code != 0 {
		t.Fatal(errOut)
	}
	before := readFile(t, filepath.Join(dir, "data/indicators.toml"))
	code, out, errOut := run(t, "new", "indicator", "ho-so-truc-tuyen", "-s", dir, "--now", "2025-05-01")
	if code != 0 {
		t.Fatalf("new indicator: exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "data/chi-tieu/ho-so-truc-tuyen.csv") {
		t.Errorf("stdout: got %q", out)
	}
	after := readFile(t, filepath.Join(dir, "data/indicators.toml"))
	if !strings.HasPrefix(after, before) || !strings.Contains(after[len(before):], `id = "ho-so-truc-tuyen"`) {
		t.Errorf("indicators.toml: the entry was not appended:\n%s", after)
	}
	if got := readFile(t, filepath.Join(dir, "data/chi-tieu/ho-so-truc-tuyen.csv")); !strings.HasPrefix(got, "ky,") {
		t.Errorf("CSV header: got %q", got)
	}
	buildOK(t, dir, true)

	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"exists", []string{"new", "indicator", "ho-so-truc-tuyen", "-s", dir}, 1, `chỉ tiêu "ho-so-truc-tuyen" đã có`},
		{"bad id", []string{"new", "indicator", "Hồ sơ", "-s", dir}, 1, `dùng "ho-so"`},
		{"bad id en", []string{"new", "indicator", "Hồ sơ", "-s", dir, "--lang", "en"}, 1, `use "ho-so"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := run(t, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.err) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tc.code, tc.err)
			}
		})
	}
	if got := readFile(t, filepath.Join(dir, "data/indicators.toml")); got != after {
		t.Error("a refused indicator changed indicators.toml")
	}
}

func TestProgressLine(t *testing.T) {
	tests := []struct {
		lang diag.Lang
		want string
	}{
		{diag.VI, "Đang dựng… 1,2 s"},
		{diag.EN, "Building… 1.2 s"},
	}
	for _, tc := range tests {
		if got := progressLine(1234*1e6, tc.lang); got != tc.want {
			t.Errorf("progressLine(%s): got %q, want %q", tc.lang, got, tc.want)
		}
	}
	// Not a terminal: nothing is written.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	a := &App{Stdout: w, Stderr: w}
	stop := a.progress(diag.VI, false)
	stop()
	w.Close()
	if b, _ := readAll(r); len(b) != 0 {
		t.Errorf("progress on a pipe wrote %q", b)
	}
}

func readAll(f *os.File) ([]byte, error) {
	var out []byte
	buf := make([]byte, 512)
	for {
		n, err := f.Read(buf)
		out = append(out, buf[:n]...)
		if err != nil {
			return out, nil
		}
	}
}
