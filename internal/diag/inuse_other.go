//go:build !windows

package diag

import (
	"errors"
	"syscall"
)

// inUse reports a file that another program holds: outside Windows, files
// are locked only by agreement, so this is a busy device or a running
// program's file.
func inUse(err error) bool {
	return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.ETXTBSY)
}
