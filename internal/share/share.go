// Package share draws the share images of pages (og:image): a 1200×630
// PNG with the page's title, its headline figure and status in words, a
// small chart, the site's name and, for figures that are illustrative, a
// label saying so. It runs at build time, after compute, in pure Go: the
// shapes are filled by golang.org/x/image/vector and the text is Noto Sans
// cut down to Vietnamese (fonts/README.md), so no browser is needed.
//
// The image is paletted: flat colours, and anti-aliased edges quantised to
// seven steps between a colour and what it is drawn over. That keeps each
// PNG small (tens of kilobytes) and its bytes the same for the same Card.
package share

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"

	"golang.org/x/image/vector"
)

// Width and Height are the size of every share image, the one Facebook,
// Zalo and X show as a large card (1.91:1).
const (
	Width  = 1200
	Height = 630
	// MaxBytes is the most a share image may weigh: a preview fetched on a
	// slow connection.
	MaxBytes = 60 << 10
)

// Tone is the colour a status is drawn in; the words say the status, the
// colour only repeats it.
type Tone int

const (
	Neutral Tone = iota // no data, nothing to judge
	Good                // achieved, on track, nothing overdue
	Warn                // behind, at risk
	Bad                 // missed, overdue
)

// Card is what one image shows. Text is drawn as given (after NFC); every
// character must be in the fonts (Covered), else Render fails naming it.
type Card struct {
	// Site is the site's title, drawn small at the top.
	Site string
	// Title is the page's title: up to three lines, then cut with "…".
	Title string
	// Figure is the headline figure with its unit ("47.024 tài khoản").
	Figure string
	// Status is the figure's status in words, drawn in Tone's colour.
	Status string
	Tone   Tone
	// Note is a line under the status: the target, the period.
	Note string
	// Series are the figures over time, oldest first, for the small
	// chart (two or more); with one value and Target, the chart is a bar
	// of Series[0] out of Target (done out of all).
	Series []float64
	// Target is drawn as a dashed line labelled TargetLabel; NaN for none.
	Target      float64
	TargetLabel string
	// Illustrative puts "Số liệu minh họa" (IllustrativeLabel) on the image.
	Illustrative      bool
	IllustrativeLabel string
}

// Colours: text and marks on white meet WCAG AA (4.5:1) at any size, and
// white text on each tone does too.
var (
	white     = color.RGBA{0xff, 0xff, 0xff, 0xff}
	ink       = color.RGBA{0x1a, 0x1f, 0x24, 0xff}
	muted     = color.RGBA{0x4a, 0x55, 0x60, 0xff}
	rule      = color.RGBA{0xd5, 0xdb, 0xe1, 0xff}
	track     = color.RGBA{0xe6, 0xea, 0xee, 0xff}
	brand     = color.RGBA{0x1f, 0x4e, 0x9c, 0xff}
	labelBack = color.RGBA{0xff, 0xf1, 0xcc, 0xff}
	labelInk  = color.RGBA{0x6b, 0x47, 0x00, 0xff}
	tones     = [...]color.RGBA{
		Neutral: muted,
		Good:    {0x1b, 0x6e, 0x35, 0xff},
		Warn:    {0x8f, 0x4f, 0x00, 0xff},
		Bad:     {0xb0, 0x24, 0x1c, 0xff},
	}
)

// Layout, in pixels.
const (
	margin    = 64
	contentW  = Width - 2*margin
	leftW     = 540 // the figure's column
	chartX0   = 660
	chartX1   = Width - margin
	chartY0   = 300
	chartY1   = 560
	footLineY = 598
)

// Render draws c and returns the PNG. The same Card gives the same bytes.
func Render(c Card) ([]byte, error) {
	c = c.normal()
	if missing := c.Missing(); len(missing) > 0 {
		return nil, &MissingGlyphError{Runes: missing}
	}
	p := newPainter(Width, Height)
	tone := tones[Neutral]
	if int(c.Tone) >= 0 && int(c.Tone) < len(tones) {
		tone = tones[c.Tone]
	}

	// Top: a band in the site's colour, the site's name, the label.
	p.rect(0, 0, Width, 10, brand)
	siteRight := float32(Width - margin)
	if c.Illustrative && c.IllustrativeLabel != "" {
		const size = 26
		w := regular.width(c.IllustrativeLabel, size)
		x := float32(Width-margin) - w - 2*16
		p.roundRect(x, 34, float32(Width-margin), 80, 10, labelBack)
		p.text(regular, c.IllustrativeLabel, size, x+16, 66, labelInk)
		siteRight = x - 24
	}
	p.text(regular, fit(regular, c.Site, 26, siteRight-margin), 26, margin, 66, muted)

	// The title: as large as fits in two lines, else three smaller ones.
	size, lines := float32(52), wrap(bold, c.Title, 52, contentW, 2)
	if lines.cut {
		size, lines = 42, wrap(bold, c.Title, 42, contentW, 3)
	}
	y := float32(104) + size
	for _, l := range lines.lines {
		p.text(bold, l, size, margin, y, ink)
		y += size * 1.25
	}
	top := max(y-size*1.25+40, 250)

	// The figure, its status and the note, in the left column.
	// The figure: smaller until it fits on a line, else on two.
	fs := float32(84)
	for fs > 56 && bold.width(c.Figure, fs) > leftW {
		fs -= 4
	}
	fy := top
	for _, l := range wrap(bold, c.Figure, fs, leftW, 2).lines {
		fy += fs
		p.text(bold, l, fs, margin, fy, ink)
		fy += fs * 0.15
	}
	if c.Status != "" {
		const ss = 30
		st := fit(bold, c.Status, ss, leftW-2*20)
		w := bold.width(st, ss)
		y0 := fy + 28
		p.roundRect(margin, y0, margin+w+2*20, y0+56, 12, tone)
		p.text(bold, st, ss, margin+20, y0+39, white)
		fy = y0 + 56
	}
	if c.Note != "" {
		const ns = 28
		ny := fy + 26 + ns
		for _, l := range wrap(regular, c.Note, ns, leftW, 3).lines {
			if ny > footLineY-8 {
				break
			}
			p.text(regular, l, ns, margin, ny, muted)
			ny += ns * 1.3
		}
	}

	// The chart, in the right column.
	switch {
	case len(c.Series) >= 2:
		p.lineChart(c, tone, max(top, chartY0-40))
	case len(c.Series) == 1 && finite(c.Target) && c.Target > 0 && finite(c.Series[0]):
		p.barChart(c, tone, max(top, chartY0-40))
	}

	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, p.img); err != nil {
		return nil, fmt.Errorf("share: %w", err)
	}
	return b.Bytes(), nil
}

// lineChart draws the series as a line with its points, the last one
// larger, and the target as a dashed line, over a baseline.
func (p *painter) lineChart(c Card, tone color.RGBA, y0 float32) {
	x0, x1, y1 := float32(chartX0), float32(chartX1), float32(chartY1)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range c.Series {
		if finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if math.IsInf(lo, 1) {
		return // no figure to draw
	}
	hasTarget := finite(c.Target)
	if hasTarget {
		lo, hi = math.Min(lo, c.Target), math.Max(hi, c.Target)
	}
	lo = math.Min(lo, 0)
	if hi <= lo {
		hi = lo + 1
	}
	top := y0 + 44 // room for the target's label
	yOf := func(v float64) float32 {
		return y1 - float32((v-lo)/(hi-lo))*(y1-top)
	}
	p.rect(x0, y1, x1, y1+3, rule)
	if hasTarget {
		ty := yOf(c.Target)
		for x := x0; x < x1; x += 28 {
			p.rect(x, ty-2, min(x+16, x1), ty+2, tone)
		}
		if c.TargetLabel != "" {
			const ls = 24
			l := fit(regular, c.TargetLabel, ls, x1-x0)
			p.text(regular, l, ls, x1-regular.width(l, ls), ty-14, tone)
		}
	}
	// A gap (NaN) in the series breaks the line, as on the page's chart.
	n := len(c.Series)
	var run [][2]float32
	for i, v := range c.Series {
		if finite(v) {
			run = append(run, [2]float32{x0 + 12 + (x1-x0-24)*float32(i)/float32(n-1), yOf(v)})
		}
		if (!finite(v) || i == n-1) && len(run) > 0 {
			if len(run) > 1 {
				p.polyline(run, 6, brand)
			}
			for _, pt := range run {
				p.disc(pt[0], pt[1], 7, brand)
			}
			run = run[:0]
		}
	}
	if v := c.Series[n-1]; finite(v) {
		p.disc(x1-12, yOf(v), 12, brand) // the latest figure
	}
}

// finite reports whether v is a number to draw.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// barChart draws one value out of its target as a bar.
func (p *painter) barChart(c Card, tone color.RGBA, y0 float32) {
	x0, x1 := float32(chartX0), float32(chartX1)
	y := max(y0+80, float32(chartY0+60))
	share := float32(math.Max(0, math.Min(1, c.Series[0]/c.Target)))
	p.roundRect(x0, y, x1, y+48, 24, track)
	if share > 0 {
		p.roundRect(x0, y, x0+max((x1-x0)*share, 48), y+48, 24, tone)
	}
	if c.TargetLabel != "" {
		const ls = 28
		for i, l := range wrap(regular, c.TargetLabel, ls, x1-x0, 2).lines {
			p.text(regular, l, ls, x0, y+48+44+float32(i)*ls*1.3, muted)
		}
	}
}

// MissingGlyphError is a character the fonts cannot draw.
type MissingGlyphError struct{ Runes []rune }

func (e *MissingGlyphError) Error() string {
	var qs []string
	for _, r := range e.Runes {
		qs = append(qs, fmt.Sprintf("%q (U+%04X)", r, r))
	}
	return "share: no glyph for " + strings.Join(qs, ", ")
}

// IsMissingGlyph reports whether err is a MissingGlyphError, and its runes.
func IsMissingGlyph(err error) ([]rune, bool) {
	var m *MissingGlyphError
	if errors.As(err, &m) {
		return m.Runes, true
	}
	return nil, false
}

// painter fills shapes into a paletted image. Each palette entry is a
// colour, or a step between two colours (what was drawn and what it was
// drawn over); the palette grows as shapes need steps, in drawing order,
// so it is the same for the same drawing.
type painter struct {
	img   *image.Paletted
	entry []entry
	index map[entry]uint8
	r     vector.Rasterizer
	mask  *image.Alpha
	memo  [256][steps + 1]int16 // palette index + 1 of c over an entry, at a level
}

// entry is a palette entry: fg over bg at level/steps.
type entry struct {
	fg, bg color.RGBA
	level  uint8
}

const steps = 8 // levels 1…7 blend, 8 is fg itself

func newPainter(w, h int) *painter {
	p := &painter{index: map[entry]uint8{}}
	p.img = image.NewPaletted(image.Rect(0, 0, w, h), nil)
	p.color(entry{fg: white, bg: white, level: steps}) // index 0: the background
	return p
}

// color returns the palette index of e, adding it if there is room; when
// the palette is full it gives the nearest of e's ends.
func (p *painter) color(e entry) (uint8, bool) {
	if e.level == steps {
		e.bg = e.fg
	}
	if i, ok := p.index[e]; ok {
		return i, true
	}
	if len(p.entry) == 256 {
		return 0, false
	}
	i := uint8(len(p.entry))
	p.entry = append(p.entry, e)
	p.index[e] = i
	t := float64(e.level) / steps
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*t + float64(b)*(1-t))) }
	p.img.Palette = append(p.img.Palette, color.RGBA{mix(e.fg.R, e.bg.R), mix(e.fg.G, e.bg.G), mix(e.fg.B, e.bg.B), 0xff})
	return i, true
}

// fill paints the shape added to p.r (its size the rectangle at ox, oy)
// in c, each pixel blended over the colour under it.
func (p *painter) fill(ox, oy int, c color.RGBA) {
	size := p.r.Size()
	if p.mask == nil || p.mask.Rect.Dx() < size.X || p.mask.Rect.Dy() < size.Y {
		p.mask = image.NewAlpha(image.Rect(0, 0, max(size.X, 256), max(size.Y, 128)))
	} else {
		for y := 0; y < size.Y; y++ {
			clear(p.mask.Pix[y*p.mask.Stride : y*p.mask.Stride+size.X])
		}
	}
	p.r.Draw(p.mask, image.Rect(0, 0, size.X, size.Y), image.Opaque, image.Point{})
	clear(p.memo[:]) // the blends of c, by the palette entry under and level
	b := p.img.Rect
	for y := 0; y < size.Y; y++ {
		iy := oy + y
		if iy < b.Min.Y || iy >= b.Max.Y {
			continue
		}
		row := p.mask.Pix[y*p.mask.Stride:]
		for x := 0; x < size.X; x++ {
			a := row[x]
			ix := ox + x
			if a == 0 || ix < b.Min.X || ix >= b.Max.X {
				continue
			}
			level := uint8((int(a)*steps + 127) / 255)
			if level == 0 {
				continue
			}
			at := p.img.PixOffset(ix, iy)
			cur := p.img.Pix[at]
			if m := p.memo[cur][level]; m != 0 {
				p.img.Pix[at] = uint8(m - 1)
				continue
			}
			under := p.entry[cur]
			bg := under.bg
			if under.level*2 >= steps {
				bg = under.fg
			}
			i, ok := p.color(entry{fg: c, bg: bg, level: level})
			if !ok {
				if level*2 < steps {
					continue
				}
				i, _ = p.color(entry{fg: c, level: steps})
			}
			p.memo[cur][level] = int16(i) + 1
			p.img.Pix[at] = i
		}
	}
}

// begin starts a shape covering x0,y0–x1,y1 (image coordinates) and
// returns its origin; the shape's points are given relative to it.
func (p *painter) begin(x0, y0, x1, y1 float32) (ox, oy int) {
	ox, oy = int(math.Floor(float64(x0)))-1, int(math.Floor(float64(y0)))-1
	w := int(math.Ceil(float64(x1))) + 1 - ox
	h := int(math.Ceil(float64(y1))) + 1 - oy
	p.r.Reset(max(w, 1), max(h, 1))
	return ox, oy
}

func (p *painter) rect(x0, y0, x1, y1 float32, c color.RGBA) {
	ox, oy := p.begin(x0, y0, x1, y1)
	fx, fy := float32(ox), float32(oy)
	p.r.MoveTo(x0-fx, y0-fy)
	p.r.LineTo(x1-fx, y0-fy)
	p.r.LineTo(x1-fx, y1-fy)
	p.r.LineTo(x0-fx, y1-fy)
	p.r.ClosePath()
	p.fill(ox, oy, c)
}

func (p *painter) roundRect(x0, y0, x1, y1, r float32, c color.RGBA) {
	r = min(r, (x1-x0)/2, (y1-y0)/2)
	ox, oy := p.begin(x0, y0, x1, y1)
	fx, fy := float32(ox), float32(oy)
	x0, x1, y0, y1 = x0-fx, x1-fx, y0-fy, y1-fy
	p.r.MoveTo(x0+r, y0)
	p.r.LineTo(x1-r, y0)
	p.r.QuadTo(x1, y0, x1, y0+r)
	p.r.LineTo(x1, y1-r)
	p.r.QuadTo(x1, y1, x1-r, y1)
	p.r.LineTo(x0+r, y1)
	p.r.QuadTo(x0, y1, x0, y1-r)
	p.r.LineTo(x0, y0+r)
	p.r.QuadTo(x0, y0, x0+r, y0)
	p.r.ClosePath()
	p.fill(ox, oy, c)
}

// disc is a filled circle.
func (p *painter) disc(cx, cy, r float32, c color.RGBA) {
	ox, oy := p.begin(cx-r, cy-r, cx+r, cy+r)
	p.circle(cx-float32(ox), cy-float32(oy), r)
	p.fill(ox, oy, c)
}

// circle adds a clockwise circle (on screen) to the shape.
func (p *painter) circle(cx, cy, r float32) {
	const n = 24
	p.r.MoveTo(cx+r, cy)
	for i := 1; i < n; i++ {
		a := 2 * math.Pi * float64(i) / n
		p.r.LineTo(cx+r*float32(math.Cos(a)), cy+r*float32(math.Sin(a)))
	}
	p.r.ClosePath()
}

// polyline strokes pts with width w and round joins: one shape of a
// clockwise quadrilateral per segment and a circle per point, which the
// non-zero rule unites.
func (p *painter) polyline(pts [][2]float32, w float32, c color.RGBA) {
	x0, y0, x1, y1 := float32(math.Inf(1)), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.Inf(-1))
	for _, pt := range pts {
		x0, y0, x1, y1 = min(x0, pt[0]), min(y0, pt[1]), max(x1, pt[0]), max(y1, pt[1])
	}
	h := w / 2
	ox, oy := p.begin(x0-h, y0-h, x1+h, y1+h)
	fx, fy := float32(ox), float32(oy)
	for i := range pts {
		ax, ay := pts[i][0]-fx, pts[i][1]-fy
		p.circle(ax, ay, h)
		if i == 0 {
			continue
		}
		bx, by := pts[i-1][0]-fx, pts[i-1][1]-fy
		dx, dy := ax-bx, ay-by
		l := float32(math.Hypot(float64(dx), float64(dy)))
		if l == 0 {
			continue
		}
		nx, ny := -dy/l*h, dx/l*h
		q := [4][2]float32{{bx + nx, by + ny}, {ax + nx, ay + ny}, {ax - nx, ay - ny}, {bx - nx, by - ny}}
		if area(q[:]) < 0 {
			q[1], q[3] = q[3], q[1]
		}
		p.r.MoveTo(q[0][0], q[0][1])
		for _, v := range q[1:] {
			p.r.LineTo(v[0], v[1])
		}
		p.r.ClosePath()
	}
	p.fill(ox, oy, c)
}

// area is twice the signed area of a polygon; positive is clockwise on
// screen (y down), as circle draws.
func area(q [][2]float32) float32 {
	var s float32
	for i := range q {
		j := (i + 1) % len(q)
		s += q[i][0]*q[j][1] - q[j][0]*q[i][1]
	}
	return s
}
