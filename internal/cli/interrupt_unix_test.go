//go:build unix

package cli

import (
	"os"
	"syscall"
	"testing"
)

// interrupt sends the test process the signal Ctrl+C sends.
func interrupt(t *testing.T) {
	t.Helper()
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
}

// canInterrupt lets a test that needs interrupt run.
func canInterrupt(*testing.T) {}
