// Package inuse recognises a file or folder that another program holds
// open, so that tiendo cannot replace it, and waits briefly for it to be
// let go. It serves the write stage (the output folder's swap) and the
// data-entry form of `tiendo serve` (a data file written over).
//
// On Windows a program may open a file without sharing it: Excel does so
// with the workbook or CSV it shows, and a browser or an editor may hold a
// page of public/ open. Writing or renaming over it then fails with
// ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION, and a rename over it, or
// of a folder holding it, with ERROR_ACCESS_DENIED, until that program lets
// go (is_windows.go). Elsewhere files are locked only by agreement: only a
// busy mount point or a running program's file (EBUSY, ETXTBSY) is in use
// (is_other.go).
package inuse

import (
	"errors"
	"time"
)

// Error is a file or folder another program holds open.
type Error struct {
	// Path names it as staff know it ("data/tasks.csv", the output folder).
	Path string
	// Folder is set when Path is a folder that holds the open file.
	Folder bool
	Err    error
}

func (e *Error) Error() string {
	what := "file"
	if e.Folder {
		what = "folder"
	}
	return what + " " + e.Path + " is held open by another program: " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Wrap returns err as an *Error naming path when it says the file (or
// folder) is in use, and err unchanged otherwise.
func Wrap(path string, folder bool, err error) error {
	var ie *Error
	if err == nil || errors.As(err, &ie) || !Is(err) {
		return err
	}
	return &Error{Path: path, Folder: folder, Err: err}
}

// Retry calls fn until it succeeds, fails for a reason other than a file
// in use, or has been called tries times, waiting wait before the second
// call and twice as long before each next one. It returns fn's last error.
func Retry(tries int, wait time.Duration, fn func() error) error {
	err := fn()
	for i := 1; i < tries && err != nil && Is(err); i++ {
		time.Sleep(wait)
		wait *= 2
		err = fn()
	}
	return err
}
