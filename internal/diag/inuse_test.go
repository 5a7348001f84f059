package diag

import (
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/tiendo/tiendo/internal/inuse"
)

// A file or folder another program holds is named in the reason, with
// what to do.
func TestReasonInUse(t *testing.T) {
	busy := &fs.PathError{Op: "rename", Path: "x", Err: syscall.EBUSY}
	file := Reason(fmt.Errorf("save: %w", &inuse.Error{Path: "data/tasks.csv", Err: busy}))
	if file.Vi != "tệp data/tasks.csv đang mở trong chương trình khác (Excel?); đóng tệp rồi thử lại" || !strings.Contains(file.En, "data/tasks.csv is open") {
		t.Errorf("file: %+v", file)
	}
	folder := Reason(&inuse.Error{Path: "public", Folder: true, Err: busy})
	if !strings.HasPrefix(folder.Vi, "thư mục public có tệp đang mở") || !strings.Contains(folder.En, "close it") {
		t.Errorf("folder: %+v", folder)
	}
	// Unnamed, the busy file still gets the advice.
	if r := Reason(busy); !strings.Contains(r.Vi, "chương trình khác") {
		t.Errorf("busy: %+v", r)
	}
}
