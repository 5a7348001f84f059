package output

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestRemoveAll removes a tree wider and deeper than removeWorkers, with
// symbolic links in it: the tree goes, and what a link points to outside
// it stays.
func TestRemoveAll(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(root, "ngoai")
	writeTree(t, outside, map[string]string{"giu.txt": "giữ lại", "thu-muc/giu.html": "giữ lại"})
	tree := filepath.Join(root, "public")
	files := map[string]string{"index.html": "trang chủ"}
	for i := range 3 * removeWorkers {
		for j := range 3 {
			files[fmt.Sprintf("muc-%d/trang-%d/index.html", i, j)] = "trang"
			files[fmt.Sprintf("muc-%d/trang-%d/sau/hon/nua/index.html", i, j)] = "sâu"
		}
	}
	writeTree(t, tree, files)
	if runtime.GOOS != "windows" {
		for name, target := range map[string]string{
			"lien-ket-tep":      filepath.Join(outside, "giu.txt"),
			"muc-1/lien-ket-tm": filepath.Join(outside, "thu-muc"),
			"lien-ket-hong":     filepath.Join(root, "khong-co"),
		} {
			if err := os.Symlink(target, filepath.Join(tree, name)); err != nil {
				t.Fatal(err)
			}
		}
	}

	if err := removeAll(tree); err != nil {
		t.Fatalf("removeAll: %v", err)
	}
	if _, err := os.Lstat(tree); !os.IsNotExist(err) {
		t.Errorf("%s is still there (%v)", tree, err)
	}
	for _, f := range []string{"giu.txt", "thu-muc/giu.html"} {
		if got := read(t, filepath.Join(outside, filepath.FromSlash(f))); got != "giữ lại" {
			t.Errorf("%s, outside the tree, reads %q", f, got)
		}
	}
	// No slot is left taken (no test of this package runs in parallel,
	// so no other removal holds one now).
	if n := len(removeSlots); n != 0 {
		t.Errorf("%d removal slots still taken", n)
	}

	if err := removeAll(filepath.Join(root, "khong-co")); err != nil {
		t.Errorf("a path that does not exist: %v, want nil", err)
	}
	if err := removeAll(filepath.Join(outside, "giu.txt")); err != nil || exists(filepath.Join(outside, "giu.txt")) {
		t.Errorf("a file: %v, or still there", err)
	}
}

// TestRemoveAllReportsError: a folder whose entries cannot be removed
// stops neither the rest of the tree nor the report. Root removes
// anything, so the test needs another user: .ci/run, which runs as root,
// runs it again as nobody.
func TestRemoveAllReportsError(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a user that a read-only folder stops (not root, not Windows)")
	}
	tree := filepath.Join(t.TempDir(), "public")
	writeTree(t, tree, map[string]string{"a/khoa/x.html": "x", "b/y.html": "y", "c/d/z.html": "z"})
	locked := filepath.Join(tree, "a", "khoa")
	if err := os.Chmod(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	err := removeAll(tree)
	if err == nil {
		t.Fatal("removeAll: nil, want the error of the read-only folder")
	}
	if !exists(filepath.Join(locked, "x.html")) {
		t.Error("the file in the read-only folder is gone")
	}
	for _, gone := range []string{"b", "c"} {
		if exists(filepath.Join(tree, gone)) {
			t.Errorf("%s is still there: one error stopped the rest", gone)
		}
	}
}
