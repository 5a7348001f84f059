package config

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

func TestSafeURL(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"/chi-tieu/", true},
		{"chi-tieu/", true},
		{"/tim-kiem/?q=a:b", true},
		{"#noi-dung", true},
		{"https://dichvucong.gov.vn/", true},
		{"HTTP://example.gov.vn", true},
		{"mailto:ubnd@lochatinh.gov.vn", true},
		{"tel:0239000000", true},
		{"//example.gov.vn/", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{" javascript:alert(1)", false},
		{"vbscript:msgbox(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"file:///etc/passwd", false},
		{"/a b/", false},
	}
	for _, tc := range tests {
		if got := safeURL(tc.url); got != tc.want {
			t.Errorf("safeURL(%q) = %v, want %v", tc.url, got, tc.want)
		}
	}
}

func TestUnsafeConfigURLs(t *testing.T) {
	src := "[organisation]\nwebsite = \"javascript:alert(1)\"\n[[menus.main]]\nname = \"A\"\nurl = \"/a/\"\n[[menus.main]]\nname = \"B\"\n  url = \"data:text/html,x\"\n"
	var l diag.List
	c := Parse(File, []byte(src), &l)
	got := l.Format(diag.EN)
	for _, want := range []string{
		`config.toml:2:1: organisation.website "javascript:alert(1)" is not allowed`,
		`config.toml:8:3: menu "main": the address "data:text/html,x" is not allowed`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("messages lack %q; got:\n%s", want, got)
		}
	}
	if e, _ := l.Counts(); e != 2 {
		t.Errorf("got %d errors, want 2:\n%s", e, got)
	}
	if p := c.Menus["main"][0].Pos; p.Line != 5 || p.Col != 1 {
		t.Errorf("menu entry A at %v, want config.toml:5:1", p)
	}
}
