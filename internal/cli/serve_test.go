package cli

import (
	"bytes"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer the server's goroutines and the test can
// share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeUsage(t *testing.T) {
	site := t.TempDir()
	writeFiles(t, site, map[string]string{"content/_index.md": "+++\ntitle = \"A\"\n+++\n"})
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	busyPort := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)

	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"bad flag", []string{"serve", "--nope"}, 2, "không có tùy chọn -nope"},
		{"bad port", []string{"serve", "--port", "70000"}, 2, "--port phải từ 0 đến 65535"},
		{"bad lang", []string{"serve", "--lang", "fr"}, 2, "--lang phải là vi hoặc en"},
		{"extra argument", []string{"serve", "thua"}, 2, "đối số thừa"},
		{"missing site", []string{"serve", "-s", site + "/khong-co"}, 2, "không tìm thấy thư mục"},
		{"port busy", []string{"serve", "-s", site, "--port", busyPort}, 1, "cổng " + busyPort + " đang được chương trình khác dùng"},
		{"port busy en", []string{"serve", "-s", site, "--port", busyPort, "--lang", "en"}, 1, "hint: Stop that program, or choose another port"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit code: got %d, want %d (stderr %q)", code, tc.code, errOut)
			}
			if !strings.Contains(errOut, tc.err) {
				t.Errorf("stderr: got %q, want it to contain %q", errOut, tc.err)
			}
		})
	}
}

// TestServeInterrupt runs `tiendo serve` and stops it as Ctrl-C does.
func TestServeInterrupt(t *testing.T) {
	canInterrupt(t)
	site := t.TempDir()
	writeFiles(t, site, map[string]string{"content/_index.md": "+++\ntitle = \"A\"\n+++\n"})
	var stdout, stderr syncBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- Main([]string{"serve", "-s", site, "--port", "0", "--now", "2023-06-30"}, &stdout, &stderr)
	}()

	// The address is printed once the server listens and Ctrl-C is caught.
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(stdout.String(), "http://127.0.0.1:") {
		select {
		case code := <-exit:
			t.Fatalf("serve exited with %d: %s%s", code, stdout.String(), stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve printed no address within 5 s: %q %q", stdout.String(), stderr.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	interrupt(t)
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("exit code after Ctrl-C: got %d, want 0 (stderr %q)", code, stderr.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not stop within 5 s of Ctrl-C")
	}
	out := stdout.String()
	for _, want := range []string{"Đã dựng ", "Nhấn Ctrl+C để dừng", "Đã dừng."} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout: got %q, want it to contain %q", out, want)
		}
	}
}
