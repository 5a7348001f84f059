//go:build unix

package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockFolder opens dir and locks it (flock) for as long as the returned
// file stays open; the lock ends with the process, however it ends. nil
// when the file system cannot lock.
func lockFolder(dir string) *os.File {
	f, err := os.Open(dir)
	if err != nil {
		return nil
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil
	}
	return f
}

// tryLockFolder locks dir if no running process holds it. ok is false when
// one does, or when the lock cannot be taken at all: then nobody can tell,
// and the folder is left alone.
func tryLockFolder(dir string) (lock *os.File, ok bool) {
	f := lockFolder(dir)
	return f, f != nil
}
