package output

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Previous reads the dated snapshots an earlier build left under dir of
// the output folder dest ("du-lieu/ban-luu"): every regular file below a
// folder named by a date (YYYY-MM-DD), by its path in the output. A
// missing folder, or an empty dest (no output on disk), gives nothing.
// Symbolic links are not followed: a snapshot is tiendo's own files.
func Previous(dest, dir string) map[string][]byte {
	if dest == "" {
		return nil
	}
	root := filepath.Join(dest, filepath.FromSlash(dir))
	out := map[string][]byte{}
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		date, _, ok := strings.Cut(rel, "/")
		if _, err := time.Parse("2006-01-02", date); !ok || err != nil {
			return nil
		}
		if b, err := os.ReadFile(p); err == nil {
			out[path.Join(dir, rel)] = b
		}
		return nil
	})
	return out
}
