// Package screen draws the schematic pictures of a phone screen that
// guidance pages show beside a step done on a phone (compute stage): a
// phone outline, the screen's title in its top bar, a few grey lines for
// the rest of the screen, and the button to press, highlighted twice — a
// filled shape and a dashed ring, so that it still stands out printed in
// black and white — with an arrow pointing at it.
//
// The pictures are drawn for this site, never copied from an app, and say
// nothing that is not also in the text beside them: the page's caption
// names the screen and the button, and the picture's text alternative is
// the step itself. They are SVG written without a byte to spare (no
// whitespace between elements, whole numbers, no style attribute, so that
// a strict Content-Security-Policy allows them inline), and the same
// words always give the same bytes.
package screen

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
)

// Size of the drawing, in its own units.
const (
	Width  = 160
	Height = 280
)

// Characters per line of the title bar and of the button, at their font
// sizes; longer words are cut with "…". Two lines each at most.
const (
	titleChars  = 19
	buttonChars = 14
)

// SVG draws the screen titled title with the button labelled button
// highlighted. label is the picture's text alternative (the step); the
// SVG carries it as aria-label with role="img", so a screen reader reads
// the step and not the words drawn inside.
func SVG(title, button, label string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" class="screen" role="img" aria-label="%s">`,
		Width, Height, html.EscapeString(label))
	// The phone and its screen.
	b.WriteString(`<rect x="4" y="4" width="152" height="272" rx="18" fill="#fff" stroke="#1f2937" stroke-width="4"/>`)
	b.WriteString(`<rect x="62" y="12" width="36" height="5" rx="2" fill="#1f2937"/>`)
	b.WriteString(`<rect x="14" y="26" width="132" height="232" fill="#f3f4f6"/>`)
	// The title bar.
	b.WriteString(`<rect x="14" y="26" width="132" height="40" fill="#1e3a8a"/>`)
	text(&b, wrap(title, titleChars), 80, 46, 12, `fill="#fff" font-weight="700"`)
	// The rest of the screen, schematic.
	for i, w := range []int{108, 84, 96, 70} {
		fmt.Fprintf(&b, `<rect x="26" y="%d" width="%d" height="7" rx="3" fill="#cbd5e1"/>`, 80+i*16, w)
	}
	// The button, its ring and the arrow.
	b.WriteString(`<rect x="18" y="158" width="124" height="56" rx="12" fill="none" stroke="#b91c1c" stroke-width="2" stroke-dasharray="5 3"/>`)
	b.WriteString(`<rect x="26" y="164" width="108" height="44" rx="8" fill="#fde047" stroke="#1f2937" stroke-width="2"/>`)
	text(&b, wrap(button, buttonChars), 80, 186, 13, `fill="#111827" font-weight="700"`)
	b.WriteString(`<path d="M80 248V224M70 234l10-10 10 10" fill="none" stroke="#b91c1c" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>`)
	b.WriteString(`</svg>`)
	return b.String()
}

// text writes lines centred on x, the block centred on y.
func text(b *strings.Builder, lines []string, x, y, size int, attrs string) {
	lead := size + 2
	top := y - (len(lines)-1)*lead/2 + size/3
	fmt.Fprintf(b, `<text x="%d" y="%d" font-family="sans-serif" font-size="%d" text-anchor="middle" %s>`, x, top, size, attrs)
	for i, l := range lines {
		if i == 0 {
			fmt.Fprintf(b, `<tspan x="%d">%s</tspan>`, x, html.EscapeString(l))
			continue
		}
		fmt.Fprintf(b, `<tspan x="%d" dy="%d">%s</tspan>`, x, lead, html.EscapeString(l))
	}
	b.WriteString(`</text>`)
}

// wrap breaks s into at most two lines of about n characters, at spaces;
// what does not fit ends in "…".
func wrap(s string, n int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= n:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > 2 {
		lines = append(lines[:1], lines[1]+"…")
	}
	for i, l := range lines {
		if r := []rune(l); len(r) > n+1 {
			lines[i] = string(r[:n]) + "…"
		}
	}
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}
