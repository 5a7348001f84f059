package server

import (
	"net"
	"os"
	"syscall"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// On Windows a busy port, a forbidden one and a foreign address come back
// as Windows Sockets error numbers, not as the syscall constants: they are
// worded like the same errors elsewhere.
func TestListenErrorWindowsSockets(t *testing.T) {
	for errno, code := range map[syscall.Errno]string{
		wsaAddrInUse:       diag.CodeServePortBusy,
		wsaAccess:          diag.CodeServePortDenied,
		wsaAddrNotAvail:    diag.CodeServeBind,
		syscall.EADDRINUSE: diag.CodeServePortBusy,
	} {
		err := &net.OpError{Op: "listen", Net: "tcp", Err: os.NewSyscallError("bind", errno)}
		if d := listenError(Options{Bind: "127.0.0.1", Port: 1313}, err); d.Code != code {
			t.Errorf("errno %d: code %s, want %s", errno, d.Code, code)
		}
	}
}
