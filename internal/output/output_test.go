package output

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// build writes files into a new Dir for dest and commits it.
func build(tb testing.TB, dest string, files map[string]string) {
	tb.Helper()
	d, err := NewDir(dest)
	if err != nil {
		tb.Fatal(err)
	}
	for name, data := range files {
		if err := d.Write(name, []byte(data)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		tb.Fatal(err)
	}
}

func read(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func exists(name string) bool {
	_, err := os.Lstat(name)
	return err == nil
}

// tempFolders lists the names in dir that look like temporary folders.
func tempFolders(tb testing.TB, dir string) []string {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestEveryOutputCarriesTheMarker(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, map[string]string{"index.html": "một"})
	if !strings.HasPrefix(read(t, filepath.Join(dest, Marker)), "tiendo-output 1\n") {
		t.Errorf("marker: %q", read(t, filepath.Join(dest, Marker)))
	}
	build(t, dest, map[string]string{"index.html": "hai"})
	if got := read(t, filepath.Join(dest, "index.html")); got != "hai" {
		t.Errorf("index.html after the second build: %q", got)
	}
	if tmp := tempFolders(t, filepath.Dir(dest)); len(tmp) != 0 {
		t.Errorf("temporary folders left: %v", tmp)
	}
}

func TestMarkerNameIsReserved(t *testing.T) {
	for _, name := range []string{Marker, "a/" + Marker} {
		_, err := CleanPath(name)
		if name == Marker && err == nil {
			t.Errorf("CleanPath(%q) accepted the marker's name", name)
		}
		if name != Marker && err != nil {
			t.Errorf("CleanPath(%q): %v", name, err)
		}
	}
}

// TestCommitPublishesWhenOldCopyCannotBeRemoved (issue 13, item 8): the
// swap succeeded and the old tree could not be removed. Commit says so —
// published, the old copy kept at a path — and the next build removes it.
func TestCommitPublishesWhenOldCopyCannotBeRemoved(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, map[string]string{"index.html": "cũ", "khoa/a.html": "a", "khoa/b/c.html": "c"})

	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Write("index.html", []byte("mới")); err != nil {
		t.Fatal(err)
	}
	// As root, chmod does not stop removal; a read-only folder is
	// simulated where the removal happens.
	denied := &fs.PathError{Op: "unlinkat", Path: "khoa", Err: syscall.EACCES}
	d.removeAll = func(p string) error {
		if filepath.Base(p) == "khoa" {
			return denied
		}
		return os.RemoveAll(p)
	}
	err = d.Commit()
	var kept *LeftoverError
	if !errors.As(err, &kept) {
		t.Fatalf("Commit: %v, want a *LeftoverError", err)
	}
	if !errors.Is(err, syscall.EACCES) {
		t.Errorf("the cause is lost: %v", err)
	}
	if got := read(t, filepath.Join(dest, "index.html")); got != "mới" {
		t.Errorf("published index.html: %q, want the new site", got)
	}
	if exists(filepath.Join(dest, "khoa")) {
		t.Error("the new site holds a folder of the old one")
	}
	if filepath.Dir(kept.Path) != filepath.Dir(dest) || !strings.HasPrefix(filepath.Base(kept.Path), ".public.tmp-") {
		t.Errorf("old copy at %s, want a .public.tmp-* folder beside %s", kept.Path, dest)
	}
	// What is left is recognisably tiendo's, so the next build removes it.
	if !exists(filepath.Join(kept.Path, Marker)) || !exists(filepath.Join(kept.Path, "khoa", "b", "c.html")) {
		t.Errorf("old copy lacks its marker or its files")
	}

	d2, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Abort()
	if exists(kept.Path) {
		t.Errorf("the next build left the old copy %s", kept.Path)
	}
	if len(d2.Leftovers()) != 0 {
		t.Errorf("leftovers: %v", d2.Leftovers())
	}
}

// TestStaleFolderThatCannotBeRemovedIsReported: the next build says so
// too, rather than dropping the folder silently.
func TestStaleFolderThatCannotBeRemovedIsReported(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	stale := filepath.Join(parent, ".public.tmp-123")
	writeTree(t, stale, map[string]string{Marker: markerText, "khoa/a.html": "a"})
	d, err := newDir(dest, func(p string) error {
		if filepath.Base(p) == "khoa" {
			return &fs.PathError{Op: "unlinkat", Path: p, Err: syscall.EACCES}
		}
		return os.RemoveAll(p)
	})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	got := d.Leftovers()
	if len(got) != 1 || got[0].Path != stale || !errors.Is(got[0], syscall.EACCES) {
		t.Errorf("leftovers: %v, want %s", got, stale)
	}
}

func writeTree(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// TestNewDirRemovesOnlyItsOwnStaleFolders (issue 13, item 9): a folder is
// removed only if its name is .<base>.tmp-* and it carries the marker (or
// is empty and old); never anything else.
func TestNewDirRemovesOnlyItsOwnStaleFolders(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	old := time.Now().Add(-time.Hour)
	made := map[string]bool{ // name → removed
		".public.tmp-111":     true,  // a killed build's, with the marker
		".public.tmp-222.old": true,  // the fallback swap's old copy
		".public.tmp-333":     false, // someone's folder of that name, no marker
		".public.tmp-444":     true,  // empty and old: killed before the marker
		".other.tmp-555":      false, // another destination's
		"public.tmp-666":      false, // not hidden: not ours
		".public.tmp-":        false, // no suffix: not from MkdirTemp
	}
	for name := range made {
		p := filepath.Join(parent, name)
		switch {
		case name == ".public.tmp-333":
			writeTree(t, p, map[string]string{"luan-van.docx": "chương 1"})
		case name == ".public.tmp-444":
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
		default:
			writeTree(t, p, map[string]string{Marker: markerText, "index.html": "x"})
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	// A file, not a folder, with the marker's pattern.
	if err := os.WriteFile(filepath.Join(parent, ".public.tmp-777"), []byte("tệp"), 0o644); err != nil {
		t.Fatal(err)
	}
	made[".public.tmp-777"] = false
	// A fresh empty folder may be a build that has just begun.
	if err := os.Mkdir(filepath.Join(parent, ".public.tmp-888"), 0o755); err != nil {
		t.Fatal(err)
	}
	made[".public.tmp-888"] = false

	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for name, removed := range made {
		if got := !exists(filepath.Join(parent, name)); got != removed {
			t.Errorf("%s removed: %v, want %v", name, got, removed)
		}
	}
}

// helperEnv names the destination a helper process builds into.
const helperEnv = "TIENDO_OUTPUT_TEST_HELPER_DEST"

// TestHelperBuildProcess is not a test: run by the tests below as a
// separate process, it starts a build of $TIENDO_OUTPUT_TEST_HELPER_DEST,
// writes some files, prints its temporary folder and waits to be killed.
func TestHelperBuildProcess(t *testing.T) {
	dest := os.Getenv(helperEnv)
	if dest == "" {
		t.Skip("helper process for the tests of stale temporary folders")
	}
	d, err := NewDir(dest)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for i := range 200 {
		if err := d.Write(fmt.Sprintf("trang-%d/index.html", i), []byte(strings.Repeat("x", 4096))); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
	}
	fmt.Println("tmp", d.tmp)
	time.Sleep(time.Minute)
	os.Exit(2)
}

// startBuildProcess starts a helper process building dest and returns it
// with its temporary folder, once written.
func startBuildProcess(t *testing.T, dest string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperBuildProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+dest)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if tmp, ok := strings.CutPrefix(sc.Text(), "tmp "); ok {
				lines <- tmp
				return
			}
		}
		close(lines)
	}()
	select {
	case tmp, ok := <-lines:
		if !ok {
			t.Fatal("the helper process ended without starting a build")
		}
		return cmd, tmp
	case <-time.After(30 * time.Second):
		t.Fatal("the helper process did not start a build within 30 s")
	}
	return nil, ""
}

// TestTempFolderOfKilledBuildIsRemovedByNextBuild: SIGKILL mid-write
// leaves .public.tmp-NNN behind; the next build removes it.
func TestTempFolderOfKilledBuildIsRemovedByNextBuild(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, map[string]string{"index.html": "cũ"})
	cmd, tmp := startBuildProcess(t, dest)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if !exists(filepath.Join(tmp, Marker)) || !exists(filepath.Join(tmp, "trang-199", "index.html")) {
		t.Fatalf("the killed build's folder %s lacks its marker or its files", tmp)
	}

	build(t, dest, map[string]string{"index.html": "mới"})
	if exists(tmp) {
		t.Errorf("the next build left %s", tmp)
	}
	if got := tempFolders(t, filepath.Dir(dest)); len(got) != 0 {
		t.Errorf("temporary folders left: %v", got)
	}
}

// TestTempFolderOfRunningBuildIsKept: a build running at the same time
// keeps its folder.
func TestTempFolderOfRunningBuildIsKept(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	_, tmp := startBuildProcess(t, dest)
	build(t, dest, map[string]string{"index.html": "mới"})
	if !exists(filepath.Join(tmp, "trang-199", "index.html")) {
		t.Errorf("the running build's folder %s was removed", tmp)
	}
}
