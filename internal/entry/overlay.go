package entry

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing/fstest"
	"time"
)

// overlay is the site folder as it would be with one file written: the
// data loader reads the candidate bytes through it, exactly as a build
// would read them from disk, before anything is written.
type overlay struct {
	base fs.FS
	name string
	mem  fstest.MapFS
}

func newOverlay(base fs.FS, name string, data []byte) *overlay {
	return &overlay{base: base, name: name,
		mem: fstest.MapFS{name: &fstest.MapFile{Data: data, Mode: 0o644, ModTime: time.Now()}}}
}

func (o *overlay) Open(name string) (fs.File, error) {
	if name == o.name {
		return o.mem.Open(name)
	}
	return o.base.Open(name)
}

func (o *overlay) Stat(name string) (fs.FileInfo, error) {
	if name == o.name {
		return fs.Stat(o.mem, name)
	}
	return fs.Stat(o.base, name)
}

func (o *overlay) Lstat(name string) (fs.FileInfo, error) {
	if name == o.name {
		return fs.Stat(o.mem, name)
	}
	return fs.Lstat(o.base, name)
}

func (o *overlay) ReadLink(name string) (string, error) {
	if name == o.name {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
	}
	return fs.ReadLink(o.base, name)
}

func (o *overlay) ReadFile(name string) ([]byte, error) {
	if name == o.name {
		return fs.ReadFile(o.mem, name)
	}
	return fs.ReadFile(o.base, name)
}

// ReadDir lists dir, with the written file among its entries.
func (o *overlay) ReadDir(dir string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, dir)
	if path.Dir(o.name) != dir {
		return entries, err
	}
	base := path.Base(o.name)
	entries = slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return e.Name() == base })
	mine, merr := fs.ReadDir(o.mem, dir)
	if merr != nil {
		return entries, err
	}
	entries = append(entries, mine...)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}
