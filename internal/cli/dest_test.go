package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildIntoSiteRootIsRefused is `tiendo build -d "$PWD"` and its
// kin (issue 13, item 1): exit 1, the folder named, nothing deleted; check,
// which writes nothing, is unaffected.
func TestBuildIntoSiteRootIsRefused(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	writeFiles(t, site, map[string]string{
		"content/_index.md": "+++\ntitle = \"A\"\n+++\n",
		"data/units.toml":   "",
	})
	other := filepath.Join(root, "other")
	writeFiles(t, other, map[string]string{"luan-van.docx": "chương 1", "anh/1.jpg": "ảnh"})

	tests := []struct {
		name string
		dest string
		want string
	}{
		{"site root", site, "là thư mục gốc của trang web"},
		{"content", filepath.Join(site, "content"), "nằm trong content/"},
		{"data", filepath.Join(site, "data"), "nằm trong data/"},
		{"thesis", other, "có tệp không do tiendo ghi"},
		{"parent", root, "chứa thư mục trang web"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, "build", "-s", site, "-d", tc.dest)
			if code != 1 {
				t.Errorf("exit code: got %d, want 1\nstdout: %s\nstderr: %s", code, out, errOut)
			}
			if !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, tc.dest) {
				t.Errorf("stderr: got %q, want %q and the folder %s", errOut, tc.want, tc.dest)
			}
			if !strings.Contains(errOut, "không tệp nào được ghi hay xóa") {
				t.Errorf("stderr does not say nothing was touched: %q", errOut)
			}
		})
	}
	for _, f := range []string{"site/content/_index.md", "site/data/units.toml", "other/luan-van.docx", "other/anh/1.jpg"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if code, _, errOut := run(t, "check", "-s", site, "-d", site); code != 0 {
		t.Errorf("check -d <site>: exit %d, %s", code, errOut)
	}
}
