package main

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/data"
)

// The repository's data/reports/ is what this command writes, byte for
// byte, and nothing else: change the generator, data/units.toml or
// data/services.toml and run it again.
func TestFilesMatchRepositoryData(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	out, err := files(os.DirFS(root))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range out {
		names = append(names, path.Base(f.name))
		want, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.name)))
		if err != nil {
			t.Errorf("%s: %v", f.name, err)
			continue
		}
		if !slices.Equal([]byte(f.text), want) {
			t.Errorf("%s differs from what the generator writes: run go run ./internal/sample/reports from the repository root", f.name)
		}
	}
	entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(data.ReportsDir)))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !slices.Contains(names, e.Name()) {
			t.Errorf("%s/%s is not written by the generator", data.ReportsDir, e.Name())
		}
	}
	if len(out) == 0 {
		t.Error("no file written")
	}
}

// A reason is shown as its most common spelling followed by ": N", so no
// spelling the generator writes may end with a full stop ("Sai mẫu tờ
// khai.: 4").
func TestReasonsEndWithoutFullStop(t *testing.T) {
	for _, list := range [][]string{notAccepted, supplements} {
		for _, r := range list {
			if strings.HasSuffix(strings.TrimSpace(r), ".") {
				t.Errorf("reason %q ends with a full stop", r)
			}
		}
	}
}
