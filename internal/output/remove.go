package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// removeWorkers bounds the folders removed at once. Removing a tree is a
// wait on the disk for every file (unlink) and folder (rmdir), not work
// for a core: on the ordinary disk of the development machine (with CI
// running beside), the previous output of a 10,000-page site went in
// 0.74–0.82 s with 8 at once, against 2.1–2.3 s with os.RemoveAll (3.4 s
// against 1.0–1.2 s with the kernel's caches dropped first); a rebuild's
// swap step took 0.88–0.96 s against 1.70–1.83 s on the quiet machine.
const removeWorkers = 8

// removeSlots are the goroutines that may remove a folder beside the one
// asking; whoever finds none free removes the folder itself, so the
// removal never waits for a slot and never deadlocks.
var removeSlots = make(chan struct{}, removeWorkers-1)

// removeAll removes path and everything under it, as os.RemoveAll does,
// with the folders under it removed side by side. It follows no symbolic
// link, goes on past an error, and returns the first one; a path that does
// not exist is not an error.
func removeAll(path string) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return ignoreNotExist(os.Remove(path))
	}
	return removeDir(path)
}

// removeDir removes the folder dir and what it holds.
func removeDir(dir string) error {
	var errs firstError
	entries, err := os.ReadDir(dir)
	errs.add(ignoreNotExist(err))
	var dirs []string
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if e.IsDir() {
			dirs = append(dirs, p)
		} else { // a file, or a symbolic link, removed itself
			errs.add(ignoreNotExist(os.Remove(p)))
		}
	}
	errs.add(eachSideBySide(dirs, removeDir))
	errs.add(ignoreNotExist(os.Remove(dir)))
	return errs.get()
}

// eachSideBySide calls fn for each of paths, as many at once as there are
// free removeSlots, and returns the first error.
func eachSideBySide(paths []string, fn func(string) error) error {
	var errs firstError
	var wg sync.WaitGroup
	for _, p := range paths {
		select {
		case removeSlots <- struct{}{}:
			wg.Go(func() {
				defer func() { <-removeSlots }()
				errs.add(fn(p))
			})
		default:
			errs.add(fn(p))
		}
	}
	wg.Wait()
	return errs.get()
}

func ignoreNotExist(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// firstError keeps the first error added, from any goroutine.
type firstError struct {
	mu  sync.Mutex
	err error
}

func (f *firstError) add(err error) {
	if err == nil {
		return
	}
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
}

func (f *firstError) get() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}
