package share

import (
	_ "embed"
	"image/color"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

var (
	//go:embed fonts/NotoSans-Regular-vi.ttf
	regularTTF []byte
	//go:embed fonts/NotoSans-Bold-vi.ttf
	boldTTF []byte

	regular = &face{ttf: regularTTF}
	bold    = &face{ttf: boldTTF}
)

// Fonts returns the bytes of the embedded fonts, which a cache key
// includes.
func Fonts() [][]byte { return [][]byte{regularTTF, boldTTF} }

// face is one embedded font, parsed on first use. sfnt.Font is safe for
// concurrent use with a Buffer each; a pool keeps the Buffers.
type face struct {
	ttf  []byte
	once sync.Once
	f    *sfnt.Font
	err  error
	bufs sync.Pool
}

func (fc *face) font() *sfnt.Font {
	fc.once.Do(func() {
		fc.f, fc.err = sfnt.Parse(fc.ttf)
		if fc.err != nil {
			panic("share: embedded font: " + fc.err.Error()) // a fault of the build of tiendo
		}
	})
	return fc.f
}

func (fc *face) buf() *sfnt.Buffer {
	if b, ok := fc.bufs.Get().(*sfnt.Buffer); ok {
		return b
	}
	return &sfnt.Buffer{}
}

// has reports whether the font has a glyph for r.
func (fc *face) has(r rune) bool {
	b := fc.buf()
	defer fc.bufs.Put(b)
	i, err := fc.font().GlyphIndex(b, r)
	return err == nil && i != 0
}

func ppem(size float32) fixed.Int26_6 { return fixed.Int26_6(size * 64) }

// width is how wide s is at size, in pixels.
func (fc *face) width(s string, size float32) float32 {
	b := fc.buf()
	defer fc.bufs.Put(b)
	f := fc.font()
	var w fixed.Int26_6
	for _, r := range s {
		i, err := f.GlyphIndex(b, r)
		if err != nil {
			continue
		}
		adv, err := f.GlyphAdvance(b, i, ppem(size), font.HintingNone)
		if err == nil {
			w += adv
		}
	}
	return float32(w) / 64
}

// text draws s at size with its baseline starting at x, y.
func (p *painter) text(fc *face, s string, size, x, y float32, c color.RGBA) {
	if strings.TrimSpace(s) == "" {
		return
	}
	b := fc.buf()
	defer fc.bufs.Put(b)
	f := fc.font()
	m, _ := f.Metrics(b, ppem(size), font.HintingNone)
	asc, desc := float32(m.Ascent)/64, float32(m.Descent)/64
	ox, oy := p.begin(x, y-asc-size*0.3, x+fc.width(s, size), y+desc+size*0.1)
	pen := x - float32(ox)
	base := y - float32(oy)
	pt := func(q fixed.Point26_6) (float32, float32) {
		return pen + float32(q.X)/64, base + float32(q.Y)/64
	}
	for _, r := range s {
		i, err := f.GlyphIndex(b, r)
		if err != nil || i == 0 {
			continue
		}
		segs, err := f.LoadGlyph(b, i, ppem(size), nil)
		if err == nil {
			for _, sg := range segs {
				switch sg.Op {
				case sfnt.SegmentOpMoveTo:
					p.r.MoveTo(pt(sg.Args[0]))
				case sfnt.SegmentOpLineTo:
					p.r.LineTo(pt(sg.Args[0]))
				case sfnt.SegmentOpQuadTo:
					bx, by := pt(sg.Args[0])
					cx, cy := pt(sg.Args[1])
					p.r.QuadTo(bx, by, cx, cy)
				case sfnt.SegmentOpCubeTo:
					bx, by := pt(sg.Args[0])
					cx, cy := pt(sg.Args[1])
					dx, dy := pt(sg.Args[2])
					p.r.CubeTo(bx, by, cx, cy, dx, dy)
				}
			}
			if len(segs) > 0 {
				p.r.ClosePath()
			}
		}
		adv, err := f.GlyphAdvance(b, i, ppem(size), font.HintingNone)
		if err == nil {
			pen += float32(adv) / 64
		}
	}
	p.fill(ox, oy, c)
}

const ellipsis = "…"

// fit returns s, or as much of it as fits in w followed by "…".
func fit(fc *face, s string, size, w float32) string {
	if fc.width(s, size) <= w {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := strings.TrimRightFunc(string(rs[:n]), func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + ellipsis
		if fc.width(t, size) <= w {
			return t
		}
	}
	return ellipsis
}

// wrapped is text broken into lines; cut is set when it did not fit in
// the lines allowed and the last one ends in "…".
type wrapped struct {
	lines []string
	cut   bool
}

// wrap breaks s at spaces into at most n lines of width w; a word wider
// than a line is cut. What does not fit ends the last line with "…".
func wrap(fc *face, s string, size, w float32, n int) wrapped {
	var out wrapped
	words := strings.FieldsFunc(s, breaks)
	line := ""
	for i, word := range words {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if fc.width(try, size) <= w {
			line = try
			continue
		}
		if len(out.lines) == n-1 {
			out.lines = append(out.lines, fitCut(fc, strings.Join(append([]string{try}, words[i+1:]...), " "), size, w))
			out.cut = true
			return out
		}
		if line == "" { // one word wider than a line
			out.lines = append(out.lines, fit(fc, word, size, w))
			out.cut = true
			continue
		}
		out.lines = append(out.lines, line)
		line = word
		if fc.width(line, size) > w && len(out.lines) < n-1 {
			out.lines = append(out.lines, fit(fc, line, size, w))
			line = ""
		}
	}
	if line != "" {
		f := fit(fc, line, size, w)
		out.cut = out.cut || f != line
		out.lines = append(out.lines, f)
	}
	return out
}

// fitCut is the start of s that fits in w with "…" after it, cut at a
// space when one is near enough to the end.
func fitCut(fc *face, s string, size, w float32) string {
	t := strings.TrimSuffix(fit(fc, s, size, w), ellipsis)
	if i := strings.LastIndexByte(t, ' '); i > len(t)*2/3 {
		t = t[:i]
	}
	return strings.TrimRightFunc(t, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + ellipsis
}

// breaks reports whether a line may break at r: at a space, but not at a
// no-break space (U+00A0), which keeps "đạt 95,4%" on one line.
func breaks(r rune) bool { return unicode.IsSpace(r) && r != '\u00a0' }

// normal is c with its text in NFC, so that each Vietnamese letter is one
// precomposed character the fonts have.
func (c Card) normal() Card {
	for _, s := range []*string{&c.Site, &c.Title, &c.Figure, &c.Status, &c.Note, &c.TargetLabel, &c.IllustrativeLabel} {
		*s = norm.NFC.String(strings.Join(strings.FieldsFunc(*s, breaks), " "))
	}
	return c
}

// Missing lists the characters of c that the fonts have no glyph for;
// Render fails on such a card.
func (c Card) Missing() []rune {
	c = c.normal()
	var out []rune
	for _, s := range []string{c.Site, c.Title, c.Figure, c.Status, c.Note, c.TargetLabel, c.IllustrativeLabel} {
		for _, r := range s {
			if !Covered(r) && !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// Covered reports whether both fonts draw r.
func Covered(r rune) bool {
	return unicode.IsSpace(r) || regular.has(r) && bold.has(r)
}
