package tomlx

import (
	"strconv"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

func TestLimits(t *testing.T) {
	type target struct {
		Title   string   `toml:"title"`
		Aliases []string `toml:"aliases"`
		Date    any      `toml:"date"`
	}
	deep := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "1" + strings.Repeat(close, n)
	}
	tests := []struct {
		name string
		src  string
		want string // "" for no problem
	}{
		{"brackets in strings and comments", "title = \"[[[[{{{{\" # ]]]]\naliases = ['''[{''', \"\\\"[\"]\ndate = \"\"\"\n[[[[\n\"\"\"\n", ""},
		{"nesting at the limit", "date = " + deep("[", "]", MaxDepth) + "\n", ""},
		{"arrays too deep", "date = " + deep("[", "]", MaxDepth+1) + "\n", "f.toml:1:40: values are nested too deeply"},
		{"inline tables too deep", "title = \"Lộc Hà\"\ndate = " + deep("{a=", "}", MaxDepth+1) + "\n", "f.toml:2:104: values are nested too deeply"},
		{"invalid UTF-8, in characters", "title = \"Lộc H\xe0\"\n", "f.toml:1:15: the file is not valid UTF-8 text"},
		{"NUL", "title = \"a\x00\"\n", "f.toml:1:11: the file holds the control character U+0000"},
		{"bare CR", "title = \"a\"\rdate = 1\n", "f.toml:1:12: the file holds the control character U+000D"},
		{"CRLF", "title = \"a\"\r\ndate = 1\r\n", ""},
		{"too large", "title = \"" + strings.Repeat("a", MaxSize) + "\"\n", "f.toml: the file is too large"},
		{"syntax error column in characters", "title = \"Lộc Hà\" x\n", "f.toml:1:"},
		{"unknown table reported once", "[params]\na = 1\n[params.b]\nc = {d = {e = 1}}\n", `f.toml:1:1: unknown key "params"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var v target
			var l diag.List
			Decode("f.toml", 0, []byte(tc.src), &v, &l)
			got := l.Format(diag.EN)
			if tc.want == "" {
				if l.Len() > 0 {
					t.Errorf("got problems:\n%s", got)
				}
				return
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("got:\n%s\nwant %q", got, tc.want)
			}
			if e, _ := l.Counts(); e != 1 {
				t.Errorf("got %d errors, want 1:\n%s", e, got)
			}
		})
	}
}

func TestUnknownKeysBounded(t *testing.T) {
	var b strings.Builder
	for i := range 1000 {
		b.WriteString("k" + strings.Repeat("x", i%7) + strconv.Itoa(i) + " = 1\n")
	}
	var v struct{}
	var l diag.List
	Decode("f.toml", 0, []byte(b.String()), &v, &l)
	if e, _ := l.Counts(); e != maxUnknownKeys+1 {
		t.Errorf("got %d errors, want %d", e, maxUnknownKeys+1)
	}
}
