package inuse

import (
	"io/fs"
	"os"
	"testing"

	"golang.org/x/sys/windows"
)

func lockedErr() (error, bool) {
	return &fs.PathError{Op: "open", Path: `data\x.xlsx`, Err: windows.ERROR_SHARING_VIOLATION}, true
}

// Windows' answers for a file Excel holds: a sharing or lock violation
// anywhere, access denied only to a rename.
func TestIsWindows(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: windows.ERROR_SHARING_VIOLATION}, true},
		{&fs.PathError{Op: "write", Path: "x", Err: windows.ERROR_LOCK_VIOLATION}, true},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: windows.ERROR_ACCESS_DENIED}, true},
		{&fs.PathError{Op: "open", Path: "x", Err: windows.ERROR_ACCESS_DENIED}, false},
	} {
		if got := Is(c.err); got != c.want {
			t.Errorf("Is(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}
