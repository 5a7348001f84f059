package diag

import (
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// An Excel workbook open in Excel cannot be read on Windows: the reason
// says to close it, in words.
func TestReasonFileOpenInExcel(t *testing.T) {
	for _, errno := range []syscall.Errno{32, 33} {
		err := &fs.PathError{Op: "open", Path: `data\tasks.xlsx`, Err: errno}
		got := Reason(fmt.Errorf("read: %w", err))
		if !strings.Contains(got.Vi, "Excel") || !strings.Contains(got.En, "close it") {
			t.Errorf("Reason(errno %d) = %+v", errno, got)
		}
	}
}
