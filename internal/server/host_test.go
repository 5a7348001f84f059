package server

import (
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// Issue 13, item 14: a page on another site can make a browser send
// requests to 127.0.0.1 under its own name (DNS rebinding). Bound to
// loopback, the preview answers only requests addressed to the loopback
// names.

func TestLoopbackServerAnswersOnlyLoopbackHosts(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, testSite)
	s := startServer(t, dir, Options{})
	port := strconv.Itoa(s.ln.Addr().(*net.TCPAddr).Port)

	for _, tc := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:" + port, true},
		{"127.0.0.1", true},
		{"localhost:" + port, true},
		{"LOCALHOST", true},
		{"[::1]:" + port, true},
		{"[::1]", true},
		{"evil.example", false},
		{"evil.example:" + port, false},
		{"127.0.0.1.evil.example:" + port, false},
		{"localhost.evil.example", false},
		{"10.0.0.5:" + port, false},
	} {
		for _, path := range []string{"/", "/__tiendo/reload.js", "/__tiendo/events"} {
			t.Run(tc.host+path, func(t *testing.T) {
				req, err := http.NewRequest(http.MethodGet, s.host+path, nil)
				if err != nil {
					t.Fatal(err)
				}
				req.Host = tc.host
				if path == "/__tiendo/events" && tc.ok {
					return // a stream that stays open; its Host check is the same
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if tc.ok {
					if resp.StatusCode != http.StatusOK {
						t.Errorf("Host %s: status %d, want 200", tc.host, resp.StatusCode)
					}
					return
				}
				if resp.StatusCode != http.StatusMisdirectedRequest {
					t.Errorf("Host %s: status %d, want 421", tc.host, resp.StatusCode)
				}
				if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
					t.Errorf("Content-Type %q, want text/plain", ct)
				}
				if strings.Contains(string(body), "Trang chủ") || !strings.Contains(string(body), "127.0.0.1") {
					t.Errorf("body: %q", body)
				}
			})
		}
	}
}

func TestBindWarning(t *testing.T) {
	for _, tc := range []struct {
		bind string
		warn bool
	}{
		{"127.0.0.1", false},
		{"127.0.0.2", false},
		{"::1", false},
		{"localhost", false},
		{"0.0.0.0", true},
		{"::", true},
		{"192.168.1.10", true},
		{"may-chu.local", true},
	} {
		t.Run(tc.bind, func(t *testing.T) {
			d := bindWarning(tc.bind, 1313)
			if (d != nil) != tc.warn {
				t.Fatalf("bindWarning(%q) = %v, want a warning: %v", tc.bind, d, tc.warn)
			}
			if d == nil {
				return
			}
			if d.Severity != diag.Warning || d.Code != "serve-bind-network" {
				t.Errorf("severity %v, code %q", d.Severity, d.Code)
			}
			if vi := d.Format(diag.VI); !strings.Contains(vi, "mạng") || !strings.Contains(vi, tc.bind) {
				t.Errorf("Vietnamese: %s", vi)
			}
			if en := d.Format(diag.EN); !strings.Contains(en, "network") {
				t.Errorf("English: %s", en)
			}
		})
	}
}
