// Package qr draws QR codes as SVG, for the pages meant to be printed (the
// communes' notice-board posters, the guidance print sheets). It belongs to
// the render stage and is pure: the same text gives the same bytes.
//
// The symbol comes from github.com/piglig/go-qr, a port of Project Nayuki's
// reference QR Code generator: it picks the mask by a plain loop, so the
// output is deterministic (yeqown/go-qrcode scores its eight masks in
// goroutines and keeps the first lowest score to arrive, so two masks of
// equal score can give different bytes from build to build), and it has no
// dependency at run time. This package draws the modules itself, as one
// <path> of unit squares with a quiet zone of four modules, in black on
// white and without a style attribute, so the code passes a strict
// Content-Security-Policy and prints sharp at any size.
package qr

import (
	"errors"
	"fmt"
	"strings"

	goqr "github.com/piglig/go-qr"
)

// quiet is the margin the standard requires around the symbol, in modules.
const quiet = 4

// ErrEmpty is returned for an empty text: a code that opens nothing.
var ErrEmpty = errors.New("qr: empty text")

// SVG draws text (usually an absolute URL) as a QR code with error
// correction level M (15 % of the symbol may be lost, enough for a poster
// behind glass or a little smudged). The SVG has a viewBox in modules and
// no width or height, so the page sets its size, and no accessible name:
// the element around it gives one (role="img" and aria-label), in the
// page's words.
func SVG(text string) ([]byte, error) {
	if text == "" {
		return nil, ErrEmpty
	}
	code, err := goqr.EncodeText(text, goqr.Medium)
	if err != nil {
		return nil, fmt.Errorf("qr: %w", err)
	}
	n := code.Size()
	side := n + 2*quiet
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" aria-hidden="true" shape-rendering="crispEdges">`, side, side)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, side, side)
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			if !code.Module(x, y) {
				continue
			}
			// A run of dark modules is one rectangle.
			run := 1
			for x+run < n && code.Module(x+run, y) {
				run++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", x+quiet, y+quiet, run, run)
			x += run - 1
		}
	}
	b.WriteString(`"/></svg>`)
	return []byte(b.String()), nil
}
