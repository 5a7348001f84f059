package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestReproducible releases twice, into two folders, and wants the same
// bytes: the four archives and SHA256SUMS. It builds tiendo eight times,
// so -short skips it; CI runs it.
func TestReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the release builds tiendo for four platforms, twice")
	}
	if raceEnabled {
		t.Skip("-race: the release test checks no concurrency, and go test without -race runs it")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Root: root, Version: "v0.0.0-test", Time: time.Date(2026, 12, 1, 8, 30, 0, 0, time.UTC)}
	a, b := o, o
	a.Out, b.Out = t.TempDir(), t.TempDir()
	if err := Run(a); err != nil {
		t.Fatal(err)
	}
	if err := Run(b); err != nil {
		t.Fatal(err)
	}
	want := []string{"SHA256SUMS",
		"tiendo_v0.0.0-test_darwin_arm64.tar.gz", "tiendo_v0.0.0-test_linux_amd64.tar.gz",
		"tiendo_v0.0.0-test_linux_arm64.tar.gz", "tiendo_v0.0.0-test_windows_amd64.zip"}
	if got := names(t, a.Out); !slices.Equal(got, want) {
		t.Fatalf("release wrote %q, want %q", got, want)
	}
	for _, n := range want {
		x, _ := os.ReadFile(filepath.Join(a.Out, n))
		y, _ := os.ReadFile(filepath.Join(b.Out, n))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs (%d and %d bytes)", n, len(x), len(y))
		}
	}
	sums, _ := os.ReadFile(filepath.Join(a.Out, "SHA256SUMS"))
	for _, n := range want[1:] {
		data, _ := os.ReadFile(filepath.Join(a.Out, n))
		if line := fmt.Sprintf("%x  %s\n", sha256.Sum256(data), n); !strings.Contains(string(sums), line) {
			t.Errorf("SHA256SUMS lacks %q:\n%s", line, sums)
		}
	}

	// The archives hold the program, the README and the licences, under
	// one folder, dated with the release's time.
	zr, err := zip.OpenReader(filepath.Join(a.Out, "tiendo_v0.0.0-test_windows_amd64.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var inZip []string
	for _, f := range zr.File {
		inZip = append(inZip, f.Name)
		if !f.Modified.Equal(o.Time) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, o.Time)
		}
	}
	wantZip := []string{"tiendo_v0.0.0-test_windows_amd64/README.md",
		"tiendo_v0.0.0-test_windows_amd64/licenses/echarts/LICENSE", "tiendo_v0.0.0-test_windows_amd64/licenses/echarts/LICENSE-d3",
		"tiendo_v0.0.0-test_windows_amd64/licenses/echarts/LICENSE-zrender", "tiendo_v0.0.0-test_windows_amd64/licenses/echarts/NOTICE",
		"tiendo_v0.0.0-test_windows_amd64/licenses/minisearch/LICENSE", "tiendo_v0.0.0-test_windows_amd64/tiendo.exe"}
	if !slices.Equal(inZip, wantZip) {
		t.Errorf("zip holds %q, want %q", inZip, wantZip)
	}

	// The program for this machine, if it is one of the targets, says its
	// version.
	if runtime.GOOS == "linux" && (runtime.GOARCH == "amd64" || runtime.GOARCH == "arm64") {
		exe := extract(t, filepath.Join(a.Out, "tiendo_v0.0.0-test_linux_"+runtime.GOARCH+".tar.gz"),
			"tiendo_v0.0.0-test_linux_"+runtime.GOARCH+"/tiendo")
		out, err := exec.Command(exe, "version").Output()
		if err != nil || strings.TrimSpace(string(out)) != "tiendo v0.0.0-test" {
			t.Errorf("tiendo version: %q, %v; want \"tiendo v0.0.0-test\"", out, err)
		}
		if strings.Contains(string(readFile(t, exe)), root) {
			t.Errorf("the program holds the path of the build machine's source, %s (-trimpath)", root)
		}
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range des {
		out = append(out, d.Name())
	}
	return out
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// extract writes the entry name of a .tar.gz to a temporary file and
// returns its path.
func extract(t *testing.T, archive, name string) string {
	t.Helper()
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			t.Fatalf("%s has no %s", archive, name)
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Name != name {
			continue
		}
		if h.Uid != 0 || h.Uname != "" || h.Mode != 0o755 {
			t.Errorf("%s: owner %d %q, mode %o; want nobody's, 755", name, h.Uid, h.Uname, h.Mode)
		}
		out := filepath.Join(t.TempDir(), filepath.Base(name))
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, data, 0o755); err != nil {
			t.Fatal(err)
		}
		return out
	}
}
