//go:build !windows

package inuse

import (
	"errors"
	"syscall"
)

// Is reports whether err says another program holds the file: outside
// Windows, files are locked only by agreement, so this is a busy mount
// point or a running program's file.
func Is(err error) bool {
	return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.ETXTBSY)
}
