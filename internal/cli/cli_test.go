package cli

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = Main(args, &o, &e)
	return code, o.String(), e.String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestExitCodes(t *testing.T) {
	good := t.TempDir()
	writeFiles(t, good, map[string]string{"content/_index.md": "+++\ntitle = \"A\"\n+++\n",
		"config.toml": "baseURL = \"https://example.gov.vn/\"\n"})
	bad := t.TempDir()
	writeFiles(t, bad, map[string]string{"config.toml": "titel = \"x\"\n"})

	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"no command", nil, 2, "", "tiendo build"},
		{"unknown command", []string{"bulid"}, 2, "", `lệnh không có: "bulid"`},
		{"help", []string{"help"}, 0, "Cách dùng", ""},
		{"help en", []string{"help", "--lang", "en"}, 0, "Usage", ""},
		{"version", []string{"version"}, 0, "tiendo ", ""},
		{"bad flag", []string{"build", "--nope"}, 2, "", "không có tùy chọn -nope"},
		{"bad lang", []string{"build", "--lang", "fr"}, 2, "", "--lang phải là vi hoặc en"},
		{"missing source", []string{"build", "-s", filepath.Join(good, "khong-co")}, 2, "", "không tìm thấy thư mục"},
		{"good build", []string{"build", "-s", good, "--now", "2023-06-30"}, 0, "Đã dựng", ""},
		{"good build quiet", []string{"build", "--source", good, "--quiet"}, 0, "", ""},
		{"bad site", []string{"build", "-s", bad}, 1, "", "config.toml:1:1: khóa \"titel\" không được hỗ trợ"},
		{"bad site en", []string{"build", "-s", bad, "--lang", "en"}, 1, "", "unknown key \"titel\""},
		{"check good", []string{"check", "-s", good}, 0, "Không có lỗi", ""},
		{"check bad json", []string{"check", "-s", bad, "--format", "json"}, 1, `"code": "toml-unknown-key"`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit code: got %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out, errOut)
			}
			if tc.out != "" && !strings.Contains(out, tc.out) {
				t.Errorf("stdout: got %q, want it to contain %q", out, tc.out)
			}
			if tc.out == "" && tc.name == "good build quiet" && out != "" {
				t.Errorf("--quiet printed %q", out)
			}
			if tc.err != "" && !strings.Contains(errOut, tc.err) {
				t.Errorf("stderr: got %q, want it to contain %q", errOut, tc.err)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(good, "public", "index.html")); err != nil {
		t.Errorf("build wrote no public/index.html: %v", err)
	}
	if _, err := os.Stat(filepath.Join(bad, "public")); !os.IsNotExist(err) {
		t.Errorf("failed build created public/: %v", err)
	}
}

func TestTimings(t *testing.T) {
	var out, errs bytes.Buffer
	app := &App{Stdout: &out, Stderr: &errs}
	dir := t.TempDir()
	if code := app.Run([]string{"new", "site", dir}); code != 0 {
		t.Fatalf("new site: exit %d: %s", code, errs.String())
	}
	errs.Reset()
	if code := app.Run([]string{"check", "-s", dir, "--timings", "-q"}); code != 0 {
		t.Fatalf("check: exit %d: %s", code, errs.String())
	}
	// check with tiendo's own layouts stops before drawing and rendering.
	for _, want := range []string{"Thời gian từng bước:", "đọc tệp", "lập danh sách tệp", "kiểm tra liên kết", " ms"} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("--timings output lacks %q:\n%s", want, errs.String())
		}
	}
}

// TestLimitMemory: without GOMEMLIMIT tiendo sets its own soft limit; with
// it, the limit the runtime took from it stays.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	debug.SetMemoryLimit(math.MaxInt64)
	limitMemory(func(string) string { return "" })
	if got := debug.SetMemoryLimit(-1); got != MemoryLimit {
		t.Errorf("without GOMEMLIMIT the limit is %d, want %d", got, MemoryLimit)
	}
	debug.SetMemoryLimit(4 << 30)
	limitMemory(func(k string) string {
		if k == "GOMEMLIMIT" {
			return "4GiB"
		}
		return ""
	})
	if got := debug.SetMemoryLimit(-1); got != 4<<30 {
		t.Errorf("with GOMEMLIMIT=4GiB the limit became %d", got)
	}
}
