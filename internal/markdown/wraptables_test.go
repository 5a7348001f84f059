package markdown

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
)

// wrapTablesOneSearch is wrapTables as it was until 2026-12-02, with one
// search for "table>": the reference the faster one must agree with.
func wrapTablesOneSearch(out []byte) string {
	if !bytes.Contains(out, tableOpen) {
		return string(out)
	}
	nOpen, nClose := bytes.Count(out, tableOpen), bytes.Count(out, tableClose)
	var w strings.Builder
	w.Grow(len(out) + nOpen*(len(tableOpenWrap)-len(tableOpen)) + nClose*(len(tableCloseWrap)-len(tableClose)))
	for rest := out; ; {
		i := bytes.Index(rest, []byte("table>"))
		switch {
		case i < 0:
			w.Write(rest)
			return w.String()
		case i >= 1 && rest[i-1] == '<':
			w.Write(rest[:i-1])
			w.Write(tableOpenWrap)
		case i >= 2 && rest[i-2] == '<' && rest[i-1] == '/':
			w.Write(rest[:i-2])
			w.Write(tableCloseWrap)
		default:
			w.Write(rest[:i+len("table>")])
		}
		rest = rest[i+len("table>"):]
	}
}

// TestWrapTablesSame compares wrapTables with the one-search version on
// random strings made of pieces of table tags, more tables than the
// position array holds among them.
func TestWrapTablesSame(t *testing.T) {
	pieces := []string{"<table>", "</table>", "table>", "<", "/", "<tab", "</table", "t", "ble>", "<tr><td>1</td></tr>", "chữ ", "\n"}
	rng := rand.New(rand.NewSource(1))
	for n := range 5000 {
		var b strings.Builder
		for range rng.Intn(40 + n%80) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		in := []byte(b.String())
		if got, want := wrapTables(in), wrapTablesOneSearch(in); got != want {
			t.Fatalf("wrapTables(%q)\n got %q\nwant %q", in, got, want)
		}
	}
	many := []byte(strings.Repeat("<table><tr><td>x</td></tr></table>\n", 50))
	if got, want := wrapTables(many), wrapTablesOneSearch(many); got != want {
		t.Fatalf("50 tables: got %q", got)
	}
}

// sampleHTML renders the sample site's Markdown pages.
func sampleHTML(tb testing.TB) [][]byte {
	c := New(Options{Typographer: true})
	var out [][]byte
	for _, src := range samplePages() {
		html, err := c.Render(c.Parse(src))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, []byte(html))
	}
	if len(out) == 0 {
		tb.Fatal("no pages in ../../content")
	}
	return out
}

// BenchmarkWrapTables wraps the tables of the sample site's pages (their
// HTML once wrapped, so "<div class=…><table>" is looked at again; the
// work is the same).
func BenchmarkWrapTables(b *testing.B) {
	pages := sampleHTML(b)
	for _, f := range []struct {
		name string
		fn   func([]byte) string
	}{{"now", wrapTables}, {"oneSearch", wrapTablesOneSearch}} {
		b.Run(f.name, func(b *testing.B) {
			n := 0
			for _, p := range pages {
				n += len(p)
			}
			b.SetBytes(int64(n))
			for b.Loop() {
				for _, p := range pages {
					f.fn(p)
				}
			}
		})
	}
}
