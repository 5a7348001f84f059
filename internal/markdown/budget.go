package markdown

import (
	"bytes"
	"errors"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ErrTooComplex is the error of a body that took longer to parse than
// Options.ParseBudget.
var ErrTooComplex = errors.New("markdown: parse budget exceeded")

// watch is the budget of one parse. goldmark cannot be cancelled, so the
// watchdog inline parser, which goldmark offers each character that may
// start a link, an emphasis or a code span before any other parser, checks
// the clock and, past the deadline, panics with the watch; parseWithin
// recovers it. goldmark keeps the state of a parse in its Context, which is
// dropped, so the Converter stays usable.
type watch struct {
	deadline time.Time
	n        int
	fired    bool
}

var watchKey = parser.NewContextKey()

// checkEvery is how many calls pass between looks at the clock: one look
// costs about as much as parsing a short link.
const checkEvery = 32

func (w *watch) check() {
	if w.n++; w.n%checkEvery == 0 && time.Now().After(w.deadline) {
		w.fired = true
		panic(w)
	}
}

// watchedReader is the reader of a whole body: block parsers peek at
// its lines at every step, so the watch is checked there too.
type watchedReader struct {
	text.Reader
	w *watch
}

func (r watchedReader) PeekLine() ([]byte, text.Segment) {
	r.w.check()
	return r.Reader.PeekLine()
}

// maxRefRun bounds the link reference definitions (“[a]: /b”) in a row
// in one paragraph: goldmark takes them out of the paragraph one by one,
// copying the rest each time, in time quadratic in their number (10,000
// take about 0.1 s) and without calling anything the watch could check.
const maxRefRun = 10_000

// refRuns refuses, before goldmark's own transformer sees it, a paragraph
// with more than maxRefRun lines that could start a definition.
type refRuns struct{}

func (refRuns) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	w, ok := pc.Get(watchKey).(*watch)
	if !ok {
		return
	}
	w.check()
	lines := node.Lines()
	if lines.Len() <= maxRefRun {
		return
	}
	n := 0
	src := reader.Source()
	for i := range lines.Len() {
		seg := lines.At(i)
		if l := util.TrimLeftSpace(seg.Value(src)); len(l) > 0 && l[0] == '[' && bytes.Contains(l, []byte("]:")) {
			if n++; n > maxRefRun {
				w.fired = true
				panic(w)
			}
		}
	}
}

// watchdog triggers on characters that already have parsers (links,
// images, emphasis, code spans, autolinks, strikethrough, and the quotes of
// the typographer when it is on), so that text is cut into nodes where it
// was before, and always gives way to them.
//
// Emphasis is matched after a block's text is read, without any trigger:
// goldmark pairs each closing delimiter with the openers before it, which
// takes time quadratic in their number. So the watchdog also hands the
// delimiters pushed since its last call a DelimiterProcessor that checks the
// watch each time goldmark tries a pair.
type watchdog struct{ quotes bool }

func (d watchdog) Trigger() []byte {
	t := []byte{'[', ']', '!', '*', '_', '`', '<', '~'}
	if d.quotes {
		t = append(t, '\'', '"')
	}
	return t
}

func (watchdog) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	w, ok := pc.Get(watchKey).(*watch)
	if !ok {
		return nil
	}
	w.check()
	for d := pc.LastDelimiter(); d != nil; d = d.PreviousDelimiter {
		if _, done := d.Processor.(watchedDelimiters); done {
			break
		}
		d.Processor = watchedDelimiters{d.Processor, w}
	}
	return nil
}

// watchedDelimiters checks a watch each time goldmark tries to pair a
// delimiter. goldmark's own processors compare the delimiters' characters,
// never their processors, so the wrapping changes no pairing.
type watchedDelimiters struct {
	parser.DelimiterProcessor
	w *watch
}

func (p watchedDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	p.w.check()
	return p.DelimiterProcessor.CanOpenCloser(opener, closer)
}
