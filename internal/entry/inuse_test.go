package entry

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/inuse"
)

// A data file another program holds (Excel, on Windows) is answered 409
// with the file named and what to do; another failure keeps the system's
// reason, 500.
func TestSaveProblem(t *testing.T) {
	held := inuse.Wrap("data/chi-tieu/x.csv", false, &os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EBUSY})
	status, why := saveProblem("data/chi-tieu/x.csv", held)
	if status != http.StatusConflict || why.In(diag.VI) != "Tệp data/chi-tieu/x.csv đang mở trong chương trình khác (Excel?). Đóng tệp rồi thử lại." {
		t.Errorf("in use: %d %q", status, why.In(diag.VI))
	}
	status, why = saveProblem("data/x.csv", &fs.PathError{Op: "open", Path: "data/x.csv", Err: syscall.ENOSPC})
	if status != http.StatusInternalServerError || why.In(diag.VI) != "Không ghi được data/x.csv: no space left on device." {
		t.Errorf("disk full: %d %q", status, why.In(diag.VI))
	}
}

// save names the file in the error it gives only when the file is in use;
// a folder where the file should be is another problem.
func TestSaveErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data", "x.csv"), 0o755); err != nil { // a folder in the file's place
		t.Fatal(err)
	}
	_, err := save(dir, "data/x.csv", []byte("ky\n"), time.Now())
	var held *inuse.Error
	if err == nil || errors.As(err, &held) {
		t.Errorf("save over a folder: %v", err)
	}
}
