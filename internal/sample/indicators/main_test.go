package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The repository's data/chi-tieu/ is what this command writes, byte for
// byte, and nothing else: change the generator and run it again, or the
// sample site shows figures nobody can reproduce.
func TestFilesMatchRepositoryData(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "data", "chi-tieu")
	var names []string
	for _, f := range files() {
		names = append(names, f.name)
		got := []byte(f.text)
		want, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			t.Errorf("%s: %v", f.name, err)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s differs from what the generator writes: run go run ./internal/sample/indicators from the repository root", f.name)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !slices.Contains(names, e.Name()) {
			t.Errorf("data/chi-tieu/%s is not written by the generator", e.Name())
		}
	}
}
