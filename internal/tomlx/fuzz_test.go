package tomlx

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/diag"
)

// fuzzTarget has the shapes of the files Decode reads: strings, numbers,
// booleans, dates, arrays, nested tables, arrays of tables and a map.
type fuzzTarget struct {
	Title   string    `toml:"title"`
	Weight  int       `toml:"weight"`
	Rate    float64   `toml:"rate"`
	Draft   bool      `toml:"draft"`
	Date    any       `toml:"date"`
	When    time.Time `toml:"when"`
	Aliases []string  `toml:"aliases"`
	Org     struct {
		Name  string `toml:"name"`
		Phone string `toml:"phone"`
	} `toml:"organisation"`
	Menus map[string][]struct {
		Name   string `toml:"name"`
		URL    string `toml:"url"`
		Weight int    `toml:"weight"`
	} `toml:"menus"`
	Unit []struct {
		ID      string `toml:"id"`
		Reports bool   `toml:"reports"`
		Target  []struct {
			Value    *float64 `toml:"value"`
			Deadline any      `toml:"deadline"`
		} `toml:"target"`
	} `toml:"unit"`
}

// FuzzDecode checks that no input makes Decode panic, that a failed decode
// says why, and that every problem it reports lies inside the source, at a
// line and a character column that exist. Seeds are in
// testdata/fuzz/FuzzDecode.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("title = \"Lộc Hà\"\nweight = 10\n[organisation]\nname = \"UBND\"\n"), 0)
	f.Add([]byte("[[unit]]\nid = \"xa-a\"\n[[unit.target]]\nvalue = 1\ndeadline = 2023-06-30\n"), 1)
	f.Fuzz(func(t *testing.T, src []byte, lineOffset int) {
		lineOffset = max(0, min(lineOffset, 1000))
		var v fuzzTarget
		var l diag.List
		md := Decode("f.toml", lineOffset, src, &v, &l)
		if md == nil && !l.HasErrors() {
			t.Fatal("decode failed without an error")
		}
		if len(src) > MaxSize {
			return
		}
		lines := strings.Split(string(src), "\n")
		for _, d := range l.All() {
			if d.File != "f.toml" || d.Msg.Vi == "" || d.Msg.En == "" {
				t.Fatalf("incomplete diagnostic %+v", d)
			}
			if d.Line == 0 {
				continue // the whole file
			}
			n := d.Line - lineOffset
			if n < 1 || n > len(lines) {
				t.Fatalf("%v: line outside the source's %d lines (offset %d): %s", d.Pos, len(lines), lineOffset, d.Msg.En)
			}
			if max := utf8.RuneCountInString(lines[n-1]) + 1; d.Col < 1 || d.Col > max && utf8.ValidString(lines[n-1]) {
				t.Fatalf("%v: column outside line %d (%d characters): %s", d.Pos, n, max-1, d.Msg.En)
			}
		}
	})
}
