package inuse

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// Is reports whether err says another program holds the file open:
// a sharing or lock violation, or access denied to a rename (Windows
// answers so when the file renamed over, or a file in the folder renamed,
// is open without delete sharing).
func Is(err error) bool {
	if errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return true
	}
	var le *os.LinkError
	return errors.As(err, &le) && le.Op == "rename" && errors.Is(le.Err, windows.ERROR_ACCESS_DENIED)
}
