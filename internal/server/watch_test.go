package server

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestExistingFirst: after sed -i, the file saved is named before the
// temporary file renamed over it.
func TestExistingFirst(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "data", "a.csv"), []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := existingFirst(root, []string{"data/sedX1y2Z3", "data/a.csv", "data/gone.csv"})
	want := []string{"data/a.csv", "data/sedX1y2Z3", "data/gone.csv"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
