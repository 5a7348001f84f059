package inuse

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"testing"
	"time"
)

// busy is an error that Is recognises on this system.
func busy() error {
	if e, ok := lockedErr(); ok {
		return e
	}
	return &fs.PathError{Op: "open", Path: "data/x.csv", Err: syscall.EBUSY}
}

func TestIs(t *testing.T) {
	if !Is(busy()) {
		t.Errorf("Is(%v) = false", busy())
	}
	for _, err := range []error{nil, os.ErrNotExist, &fs.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}, errors.New("x")} {
		if Is(err) {
			t.Errorf("Is(%v) = true", err)
		}
	}
}

func TestWrap(t *testing.T) {
	err := Wrap("data/x.csv", false, busy())
	var ie *Error
	if !errors.As(err, &ie) || ie.Path != "data/x.csv" || ie.Folder || !Is(err) {
		t.Errorf("Wrap = %#v", err)
	}
	if again := Wrap("other", true, err); again != err {
		t.Error("wrapped twice")
	}
	plain := os.ErrNotExist
	if Wrap("x", false, plain) != plain || Wrap("x", false, nil) != nil {
		t.Error("Wrap changed an error that is not about a file in use")
	}
}

func TestRetry(t *testing.T) {
	for _, c := range []struct {
		name  string
		errs  []error // what each call returns; nil after the list
		calls int
		fail  bool
	}{
		{"at once", nil, 1, false},
		{"let go on the third try", []error{busy(), busy()}, 3, false},
		{"never let go", []error{busy(), busy(), busy(), busy(), busy()}, 4, true},
		{"another error is not retried", []error{os.ErrPermission}, 1, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			calls := 0
			start := time.Now()
			err := Retry(4, time.Millisecond, func() error {
				calls++
				if calls <= len(c.errs) {
					return c.errs[calls-1]
				}
				return nil
			})
			if calls != c.calls || (err != nil) != c.fail {
				t.Errorf("%d calls, err %v; want %d calls, failure %v", calls, err, c.calls, c.fail)
			}
			if c.calls == 4 && time.Since(start) < 7*time.Millisecond {
				t.Errorf("no waits between tries: %v", time.Since(start))
			}
		})
	}
}
