// Package atomicfile writes a file whole or not at all: through a
// temporary file in the same folder and a rename, so that a killed or
// parallel build, or an editor reading the file meanwhile, never sees
// half of it. The chart, share-image and compression caches and the
// registries that `tiendo new` edits all write this way.
package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
)

// Write replaces name with data, making its folder if needed. A file that
// already exists keeps its permissions; a new one is 0644. On failure the
// temporary file is removed and name is as it was.
func Write(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp)
		return errors.Join(werr, cerr)
	}
	perm := os.FileMode(0o644)
	if fi, err := os.Stat(name); err == nil {
		perm = fi.Mode().Perm()
	}
	if err := os.Chmod(tmp, perm); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
