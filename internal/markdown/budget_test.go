package markdown

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// hostileBodies take goldmark seconds to minutes at these sizes (see
// BenchmarkGoldmarkQuadratic and the package documentation).
var hostileBodies = map[string]string{
	"image openers":         strings.Repeat("![](", 40_000),
	"link openers":          strings.Repeat("[](", 40_000),
	"brackets":              strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000),
	"unclosed links":        strings.Repeat("[a](b", 40_000),
	"emphasis, mismatched":  strings.Repeat("*a_ ", 40_000),
	"emphasis, threes":      "a**b" + strings.Repeat("c* ", 40_000),
	"nested list markers":   strings.Repeat("* ", 40_000) + "a",
	"reference definitions": strings.Repeat("[a]: /b\n", 20_000),
}

// TestParseBudgetStopsHostileBodies: with a 1 ms budget each hostile body
// gives ErrTooComplex, from Parse and from Render, and the Converter then
// parses an ordinary body as before. Nothing here is timed: the bodies take
// far longer than 1 ms on any machine.
func TestParseBudgetStopsHostileBodies(t *testing.T) {
	for _, typo := range []bool{false, true} {
		c := New(Options{Typographer: typo, ParseBudget: time.Millisecond})
		for name, body := range hostileBodies {
			t.Run(fmt.Sprintf("%s/typographer=%v", name, typo), func(t *testing.T) {
				d := c.Parse([]byte(body))
				if !errors.Is(d.Err(), ErrTooComplex) {
					t.Fatalf("Err() = %v, want ErrTooComplex", d.Err())
				}
				if _, err := c.Render(d); !errors.Is(err, ErrTooComplex) {
					t.Errorf("Render: %v, want ErrTooComplex", err)
				}
				if len(d.Links)+len(d.Headings)+len(d.Shortcodes) != 0 || d.PlainText() != "" {
					t.Errorf("a refused body's Doc is not empty")
				}
			})
		}
		// The ordinary body takes far less than 1 ms, but a busy machine
		// (go test -race, a garbage collection) can pause one parse past
		// it: a refusal there says nothing about the Converter, five in a
		// row would.
		var out string
		var err error
		for try := 0; try < 5; try++ {
			ok := c.Parse([]byte("## Bước 1\n\nXem [trang](a.md).\n"))
			if out, err = c.Render(ok); !errors.Is(err, ErrTooComplex) {
				break
			}
		}
		if err != nil || !strings.Contains(out, `<a href="a.md">trang</a>`) {
			t.Errorf("after refusals: %q, %v", out, err)
		}
	}
}

// TestParseBudgetChangesNothingWithinIt: a body parsed within its budget
// gives the same Doc and HTML as without one, the watchdog's triggers and
// wrapped delimiters notwithstanding.
func TestParseBudgetChangesNothingWithinIt(t *testing.T) {
	bodies := budgetCorpus(t)
	for _, o := range []Options{{}, {Typographer: true}, {Typographer: true, Unsafe: true}} {
		plain := New(o)
		o.ParseBudget = time.Hour
		watched := New(o)
		for name, src := range bodies {
			t.Run(fmt.Sprintf("%s/%+v", name, o), func(t *testing.T) { sameParse(t, plain, watched, src) })
		}
	}
}

// FuzzParseBudget checks the same on any body. Seeds are those of
// FuzzMarkdown, the sample site's pages and testdata/fuzz/FuzzParseBudget.
func FuzzParseBudget(f *testing.F) {
	for _, src := range budgetCorpus(f) {
		f.Add(src, true)
	}
	plain, watched := New(Options{Typographer: true}), New(Options{Typographer: true, ParseBudget: time.Hour})
	plainNT, watchedNT := New(Options{}), New(Options{ParseBudget: time.Hour})
	f.Fuzz(func(t *testing.T, src []byte, typographer bool) {
		if typographer {
			sameParse(t, plain, watched, src)
		} else {
			sameParse(t, plainNT, watchedNT, src)
		}
	})
}

// budgetCorpus is FuzzMarkdown's seeds, the sample site's pages, and the
// constructs the watchdog watches, small enough to parse at once.
func budgetCorpus(tb testing.TB) map[string][]byte {
	tb.Helper()
	bodies := map[string][]byte{
		"delimiters": []byte("*a* **b** _c_ __d__ ~~e~~ `f` <https://a.vn> ![g](h.png) [i](j.md) \"k\" 'l' ***m*** *n _o* p_\n"),
		"references": []byte("[a]\n\n[a]: /b \"c\"\n[d]: /e\n"),
		"footnotes":  []byte("Văn bản[^1].\n\n[^1]: Chú thích *đậm*.\n"),
		"small hostile": []byte(strings.Repeat("![](", 50) + strings.Repeat("*a_ ", 50) +
			strings.Repeat("[", 50) + strings.Repeat("]", 50) + "\n"),
		"quotes, typographer": []byte("Anh nói \"xin chào\" và 'tạm biệt' -- rồi...\n"),
	}
	seeds, err := filepath.Glob("testdata/fuzz/FuzzMarkdown/*")
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		if len(lines) < 2 || !strings.HasPrefix(lines[1], "[]byte(") {
			continue
		}
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		bodies["seed "+filepath.Base(f)] = []byte(s)
	}
	_ = filepath.WalkDir("../../content", func(f string, e os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(f, ".md") {
			if b, err := os.ReadFile(f); err == nil {
				bodies[f] = b
			}
		}
		return nil
	})
	if len(bodies) < 40 {
		tb.Fatalf("%d bodies: seeds or the sample pages are missing", len(bodies))
	}
	return bodies
}

// sameParse checks that two Converters, one with a budget, read src alike.
func sameParse(tb testing.TB, plain, watched *Converter, src []byte) {
	tb.Helper()
	a, b := plain.Parse(src), watched.Parse(src)
	if b.Err() != nil {
		tb.Skipf("over a budget of an hour: %v", b.Err())
	}
	type link struct {
		Dest      string
		Line, Col int
		Image     bool
	}
	links := func(d *Doc) (ls []link) {
		for _, l := range d.Links {
			ls = append(ls, link{l.Dest, int(l.Line), int(l.Col), l.Image})
		}
		return ls
	}
	type sc struct {
		Name      string
		Args      []string
		Line, Col int
	}
	scs := func(d *Doc) (ss []sc) {
		for _, s := range d.Shortcodes {
			ss = append(ss, sc{s.Name, s.Args, s.Line, s.Col})
			s.SetHTML("<div>" + s.Name + "</div>")
		}
		return ss
	}
	for _, cmp := range []struct {
		what string
		a, b any
	}{
		{"headings", a.Headings, b.Headings},
		{"links", links(a), links(b)},
		{"shortcodes", scs(a), scs(b)},
		{"plain text", a.PlainText(), b.PlainText()},
		{"first paragraph", a.FirstParagraph(), b.FirstParagraph()},
	} {
		if !reflect.DeepEqual(cmp.a, cmp.b) {
			tb.Fatalf("%q: %s differ with a budget:\n%v\n%v", src, cmp.what, cmp.b, cmp.a)
		}
	}
	ha, erra := plain.Render(a)
	hb, errb := watched.Render(b)
	if string(ha) != string(hb) || (erra == nil) != (errb == nil) {
		tb.Fatalf("%q: HTML differs with a budget:\n%s\n%s", src, hb, ha)
	}
}
