package diag

import (
	"errors"
	"syscall"
)

// inUse reports a file that another program holds open and will not
// share: Excel keeps the workbook it has open so, and Windows then refuses
// to let anyone else read it.
func inUse(err error) bool {
	const sharingViolation, lockViolation = 32, 33 // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
	var errno syscall.Errno
	return errors.As(err, &errno) && (errno == sharingViolation || errno == lockViolation)
}
