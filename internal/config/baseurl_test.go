package config

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// TestBaseURLIsPathOrHTTPURLWithHost (issue 13, item 13): a baseURL is a
// path or an absolute http(s) URL with a host. "//evil.example/" has a host
// but no scheme, and once became <loc>://evil.example/</loc>.
func TestBaseURLIsPathOrHTTPURLWithHost(t *testing.T) {
	tests := []struct {
		url      string
		ok       bool
		absolute bool
		origin   string
		basePath string
	}{
		{"", true, false, "", "/"},
		{"/", true, false, "", "/"},
		{"/de-an-06/", true, false, "", "/de-an-06/"},
		{"/de-an-06", true, false, "", "/de-an-06/"},
		{"https://example.gov.vn/de-an-06/", true, true, "https://example.gov.vn", "/de-an-06/"},
		{"http://127.0.0.1:1313/", true, true, "http://127.0.0.1:1313", "/"},
		{"HTTPS://Example.gov.vn", true, true, "https://Example.gov.vn", "/"},
		{"//evil.example/", false, false, "", ""},
		{"///evil.example/", false, false, "", ""},
		{"de-an-06/", false, false, "", ""},
		{"https:///de-an-06/", false, false, "", ""},
		{"https:example.gov.vn", false, false, "", ""},
		{"https://user:pass@example.gov.vn/", false, false, "", ""},
		{"ftp://example.gov.vn/", false, false, "", ""},
		{"javascript:alert(1)", false, false, "", ""},
		{"/a b/", false, false, "", ""},
		{"/a/../b/", false, false, "", ""},
		{"/?q=1", false, false, "", ""},
		{"/#x", false, false, "", ""},
		{`\\evil.example\`, false, false, "", ""},
		{"/\\evil.example/", false, false, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			c := Defaults()
			if got := c.SetBaseURL(tc.url); got != tc.ok {
				t.Fatalf("SetBaseURL(%q) = %v, want %v", tc.url, got, tc.ok)
			}
			if !tc.ok {
				return
			}
			if c.Absolute() != tc.absolute || c.Origin() != tc.origin || c.BasePath != tc.basePath {
				t.Errorf("SetBaseURL(%q): Absolute %v, Origin %q, BasePath %q; want %v, %q, %q",
					tc.url, c.Absolute(), c.Origin(), c.BasePath, tc.absolute, tc.origin, tc.basePath)
			}
		})
	}
}

func TestBadBaseURLInConfigIsErrorAtItsPosition(t *testing.T) {
	var l diag.List
	c := Parse(File, []byte("title = \"A\"\n  baseURL = \"//evil.example/\"\n"), &l)
	all := l.All()
	if len(all) != 1 || all[0].Code != "config-baseurl" || all[0].Pos != (diag.Pos{File: File, Line: 2, Col: 3}) {
		t.Fatalf("got %s, want one config-baseurl at config.toml:2:3", l.Format(diag.EN))
	}
	if !strings.Contains(all[0].Msg.En, "//evil.example/") {
		t.Errorf("message: %s", all[0].Msg.En)
	}
	if c.Origin() != "" || c.Absolute() || c.BasePath != "/" {
		t.Errorf("after the error: Origin %q, Absolute %v, BasePath %q", c.Origin(), c.Absolute(), c.BasePath)
	}
}
