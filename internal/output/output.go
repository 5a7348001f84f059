// Package output writes the built site — the write stage.
//
// A Dir writes every file into a fresh temporary folder beside the
// destination and swaps it in only when the whole build succeeded (on Linux
// with one atomic rename-exchange), so a failed build leaves the previous
// public/ exactly as it was and a page removed from content/ disappears from
// the output. A Mem keeps the files in memory, for tests and `tiendo check`.
//
// A build replaces its destination whole, so it must be tiendo's: every
// output carries the Marker, written first, and CheckDest refuses any other
// folder before a build starts. The same marker lets a build recognise the
// temporary folders that killed builds left, and remove them (see NewDir).
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tiendo/tiendo/internal/inuse"
	"github.com/tiendo/tiendo/internal/keep"
)

// Sink receives the files of a build.
type Sink interface {
	// Write stores data at rel, a slash-separated path below the output root.
	// It keeps nothing of data once it returns: the caller may reuse it.
	Write(rel string, data []byte) error
}

// CleanPath checks an output path: relative, no "..", no empty segments.
func CleanPath(rel string) (string, error) {
	if rel == "" || strings.HasPrefix(rel, "/") || strings.Contains(rel, "\\") || strings.ContainsRune(rel, 0) {
		return "", fmt.Errorf("invalid output path %q", rel)
	}
	c := path.Clean(rel)
	if c != rel || c == "." || strings.HasPrefix(c, "../") || c == ".." {
		return "", fmt.Errorf("invalid output path %q", rel)
	}
	if c == Marker {
		return "", fmt.Errorf("output path %q is reserved for tiendo's marker", rel)
	}
	return c, nil
}

// Set records which paths a build wrote, for link checks.
type Set struct {
	mu    sync.Mutex
	paths map[string]int64
	bytes atomic.Int64
	// names holds the bytes of the paths, which the set keeps to the end
	// while the callers' own strings are garbage at once (see package
	// keep).
	names keep.Text
}

func (s *Set) add(rel string, n int) {
	s.mu.Lock()
	if s.paths == nil {
		s.paths = map[string]int64{}
	}
	old, ok := s.paths[rel] // a file written again counts once
	if !ok {
		rel = s.names.String(rel)
	}
	s.paths[rel] = int64(n)
	s.mu.Unlock()
	s.bytes.Add(int64(n) - old)
}

func (s *Set) remove(rel string) {
	s.mu.Lock()
	old, ok := s.paths[rel]
	delete(s.paths, rel)
	s.mu.Unlock()
	if ok {
		s.bytes.Add(-old)
	}
}

// Has reports whether rel was written.
func (s *Set) Has(rel string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.paths[rel]
	return ok
}

// Len is the number of files written.
func (s *Set) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.paths)
}

// Bytes is the number of bytes written.
func (s *Set) Bytes() int64 { return s.bytes.Load() }

// Paths returns the written paths, sorted.
func (s *Set) Paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.paths))
	for p := range s.paths {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// Mem is an in-memory Sink.
type Mem struct {
	Set
	mu    sync.Mutex
	Files map[string][]byte
}

// NewMem makes an empty Mem.
func NewMem() *Mem { return &Mem{Files: map[string][]byte{}} }

func (m *Mem) Write(rel string, data []byte) error {
	rel, err := CleanPath(rel)
	if err != nil {
		return err
	}
	m.mu.Lock()
	m.Files[rel] = slices.Clone(data)
	m.mu.Unlock()
	m.add(rel, len(data))
	return nil
}

// Clone returns a new Mem holding the same files. The file contents are
// shared, not copied: a Mem never changes a file's bytes after Write, it
// only replaces them.
func (m *Mem) Clone() *Mem {
	c := &Mem{Files: make(map[string][]byte, len(m.Files))}
	m.mu.Lock()
	defer m.mu.Unlock()
	for name, data := range m.Files {
		c.Files[name] = data
		c.add(name, len(data))
	}
	return c
}

// Holds reports whether rel holds exactly data.
func (m *Mem) Holds(rel string, data []byte) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	old, ok := m.Files[rel]
	return ok && bytes.Equal(old, data)
}

// Remove deletes a file.
func (m *Mem) Remove(rel string) {
	m.mu.Lock()
	delete(m.Files, rel)
	m.mu.Unlock()
	m.remove(rel)
}

// Dir writes into a temporary folder and swaps it in on Commit.
type Dir struct {
	Set
	dest string
	tmp  string
	// dirs are the folders made (or found) so far, their names carved
	// from blocks (see package keep).
	dirsMu    sync.Mutex
	dirs      map[string]bool
	dirsNames keep.Text
	// lock holds the temporary folder locked while the build runs, so that
	// another build does not take it for a killed build's (see removeStale).
	lock *os.File
	// removeAll removes a file or folder: removeAll, except in tests.
	removeAll func(string) error
	// leftovers are the stale temporary folders that could not be removed.
	leftovers []*LeftoverError
}

// LeftoverError is a folder of tiendo's output that could not be removed:
// after Commit, the previous output, the new one being in place; in
// Leftovers, a stale temporary folder. It carries the Marker, so the next
// build tries again.
type LeftoverError struct {
	Path string
	Err  error
}

func (e *LeftoverError) Error() string { return "cannot remove " + e.Path + ": " + e.Err.Error() }

func (e *LeftoverError) Unwrap() error { return e.Err }

// staleEmpty is how old an empty temporary folder must be to be taken for
// a killed build's: a younger one may be a build that has not yet written
// its marker.
const staleEmpty = time.Minute

// NewDir prepares a build of dest: a new temporary folder beside it,
// holding only the Marker. Temporary folders of earlier builds that were
// killed are removed first (see Leftovers for those that could not be).
func NewDir(dest string) (*Dir, error) { return newDir(dest, removeAll) }

func newDir(dest string, removeAll func(string) error) (*Dir, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	d := &Dir{dest: dest, removeAll: removeAll}
	d.removeStale()
	tmp, err := os.MkdirTemp(parent, tmpPrefix(dest))
	if err != nil {
		return nil, err
	}
	d.tmp = tmp
	d.lock = lockFolder(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		_ = d.Abort()
		return nil, err
	}
	if err := writeMarker(tmp); err != nil {
		_ = d.Abort()
		return nil, err
	}
	return d, nil
}

// tmpPrefix begins the name of every temporary folder of dest.
func tmpPrefix(dest string) string { return "." + filepath.Base(dest) + ".tmp-" }

// Leftovers are the stale temporary folders NewDir could not remove.
func (d *Dir) Leftovers() []*LeftoverError { return d.leftovers }

// removeStale removes what killed builds of dest left beside it: the
// folders named .<base>.tmp-* that hold the Marker (or are empty and old),
// unless a running build holds them locked. Nothing else is touched.
func (d *Dir) removeStale() {
	parent, prefix := filepath.Dir(d.dest), tmpPrefix(d.dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || name == prefix || !e.IsDir() {
			continue
		}
		p := filepath.Join(parent, name)
		if !hasMarker(p) && !emptyAndOld(p) {
			continue
		}
		lock, ok := tryLockFolder(p)
		if !ok {
			continue // a build running now, or no way to tell
		}
		if err := d.removeTree(p); err != nil {
			d.leftovers = append(d.leftovers, &LeftoverError{Path: p, Err: err})
		}
		lock.Close()
	}
}

func emptyAndOld(dir string) bool {
	fi, err := os.Stat(dir)
	if err != nil || time.Since(fi.ModTime()) < staleEmpty {
		return false
	}
	entries, err := os.ReadDir(dir)
	return err == nil && len(entries) == 0
}

// removeTree removes a folder of tiendo's output, the Marker last, so that
// a folder only partly removed is still recognised by the next build.
func (d *Dir) removeTree(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	var paths []string
	for _, e := range entries {
		if e.Name() != Marker {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	if err := eachSideBySide(paths, d.removeAll); err != nil {
		return err
	}
	for _, p := range []string{filepath.Join(dir, Marker), dir} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

func (d *Dir) Write(rel string, data []byte) error {
	rel, err := CleanPath(rel)
	if err != nil {
		return err
	}
	full := filepath.Join(d.tmp, filepath.FromSlash(rel))
	dir := filepath.Dir(full)
	d.dirsMu.Lock()
	made := d.dirs[dir]
	d.dirsMu.Unlock()
	if !made {
		// Pretty URLs give every page a folder of its own, whose parent
		// mostly exists: one mkdir, where MkdirAll would first stat the
		// folder and its parent.
		if err := os.Mkdir(dir, 0o755); err != nil {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		d.dirsMu.Lock()
		if d.dirs == nil {
			d.dirs = map[string]bool{}
		}
		d.dirs[d.dirsNames.String(dir)] = true
		d.dirsMu.Unlock()
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return err
	}
	d.add(rel, len(data))
	return nil
}

// Abort removes the temporary folder, leaving the destination untouched.
func (d *Dir) Abort() error {
	d.unlock()
	return removeAll(d.tmp)
}

func (d *Dir) unlock() {
	if d.lock != nil {
		d.lock.Close()
		d.lock = nil
	}
}

// commitTries and commitWait bound the wait for a folder in use: five
// tries, 0.05 s apart and doubling, 0.75 s in all.
const (
	commitTries = 5
	commitWait  = 50 * time.Millisecond
)

// Commit swaps the new site in place of the old one, then removes the old.
// A *LeftoverError means the new site is in place but the old one could
// not be removed.
func (d *Dir) Commit() error {
	defer d.unlock()
	fi, err := os.Lstat(d.dest)
	switch {
	case os.IsNotExist(err):
		return os.Rename(d.tmp, d.dest)
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("destination %s is not a folder", d.dest)
	}
	if err := exchange(d.tmp, d.dest); err == nil {
		return d.removeOld(d.tmp) // now holds the old site
	}
	// Fallback: two renames, with the old site kept until the new is in
	// place, and locked meanwhile so no other build removes it. On Windows
	// a file of the old site open in a browser or an editor blocks the
	// first rename: it is tried again for a moment before the build gives
	// up, naming the folder.
	old := d.tmp + ".old"
	if lock := lockFolder(d.dest); lock != nil {
		defer lock.Close()
	}
	if err := inuse.Retry(commitTries, commitWait, func() error { return os.Rename(d.dest, old) }); err != nil {
		return inuse.Wrap(d.dest, true, err)
	}
	if err := inuse.Retry(commitTries, commitWait, func() error { return os.Rename(d.tmp, d.dest) }); err != nil {
		_ = os.Rename(old, d.dest)
		return inuse.Wrap(d.dest, true, err)
	}
	return d.removeOld(old)
}

// removeOld removes the previous output, moved to dir. An output of a
// tiendo from before the marker gets one first, so that if it cannot be
// removed whole, the next build recognises what is left.
func (d *Dir) removeOld(dir string) error {
	if !hasMarker(dir) {
		_ = writeMarker(dir)
	}
	if err := d.removeTree(dir); err != nil {
		return &LeftoverError{Path: dir, Err: err}
	}
	return nil
}

// Files lists the files of fsys that CopyFS copies: the regular files
// whose names, and whose folders' names, do not begin with a dot.
func Files(fsys fs.FS) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, ".", func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if de.IsDir() {
			if strings.HasPrefix(de.Name(), ".") && p != "." {
				return fs.SkipDir
			}
			return nil
		}
		if de.Type().IsRegular() && !strings.HasPrefix(de.Name(), ".") {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// Symlinks lists the symbolic links in fsys, which Files leaves out.
func Symlinks(fsys fs.FS) []string {
	var out []string
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type()&fs.ModeSymlink != 0 {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// CopyFS copies the Files of fsys into sink under prefix.
func CopyFS(sink Sink, fsys fs.FS, prefix string) error {
	files, err := Files(fsys)
	if err != nil {
		return err
	}
	for _, p := range files {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if err := sink.Write(path.Join(prefix, p), b); err != nil {
			return err
		}
	}
	return nil
}

// Discard is a Sink that keeps nothing, for `tiendo check`: it refuses the
// paths the other sinks refuse.
type Discard struct{}

func (Discard) Write(rel string, data []byte) error {
	_, err := CleanPath(rel)
	return err
}
