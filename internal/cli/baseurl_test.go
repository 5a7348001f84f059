package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadBaseURLFlagIsUsageError: --baseURL is a path or an http(s) URL
// with a host (issue 13, item 13); anything else is exit 2.
func TestBadBaseURLFlagIsUsageError(t *testing.T) {
	site := t.TempDir()
	writeFiles(t, site, map[string]string{"content/_index.md": "+++\ntitle = \"A\"\n+++\n"})
	for _, cmd := range []string{"build", "check"} {
		for _, u := range []string{"//evil.example/", "ftp://example.gov.vn/", "https:///x/", "javascript:alert(1)"} {
			t.Run(cmd+" "+u, func(t *testing.T) {
				code, _, errOut := run(t, cmd, "-s", site, "--baseURL", u)
				if code != 2 {
					t.Errorf("exit code: got %d, want 2 (stderr %q)", code, errOut)
				}
				if !strings.Contains(errOut, "--baseURL") || !strings.Contains(errOut, u) {
					t.Errorf("stderr: got %q", errOut)
				}
			})
		}
	}
	if _, err := os.Stat(filepath.Join(site, "public")); !os.IsNotExist(err) {
		t.Errorf("a refused --baseURL wrote public/: %v", err)
	}
}
