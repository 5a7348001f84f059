package chart

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Colours. Every colour that can carry text or a series has a contrast of at
// least 4.5:1 against white (checked by TestPaletteContrast), so the palette
// also works as label text and as a background for white labels.
const (
	textColor     = "#333333" // axis labels, legend, value labels
	titleColor    = "#1a1a1a"
	axisColor     = "#6e7079" // axis lines and ticks (4.9:1)
	gridColor     = "#e0e6f1" // split lines: decorative, never the only cue
	targetColor   = "#1a1a1a" // target markLines
	expectedColor = "#52525b" // the dashed "expected" series
	overallColor  = "#3f3f46" // the bar of the whole (the district) among its parts
)

// palette holds the series colours in order: dark enough for text on white,
// different in hue and lightness so that neighbours stay apart for the
// common colour-vision deficiencies.
var palette = []string{
	"#1d4ed8", // blue
	"#b45309", // amber
	"#047857", // green
	"#b91c1c", // red
	"#6d28d9", // violet
	"#0e7490", // cyan
	"#be185d", // pink
	"#4d7c0f", // olive
}

// fontStack reaches a font with Vietnamese glyphs on every common system.
const fontStack = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"

// Format markers. A JavaScript formatter cannot live in option JSON, so the
// options name one instead ("tiendoFormat": "vi-number" on an axis or the
// tooltip). The browser (charts.js, with Intl.NumberFormat) and the build-time
// renderer (formatMarker) both turn the name into the same formatter.
const (
	markerKey = "tiendoFormat"
	// maxFraction is the maximumFractionDigits charts.js gives Intl.NumberFormat.
	maxFraction = 2
)

func marker(lang string, percent bool) string {
	kind := "number"
	if percent {
		kind = "percent"
	}
	return lang + "-" + kind
}

// formatMarker formats v as charts.js does for the marker m:
// Intl.NumberFormat(locale, {maximumFractionDigits: 2}) followed by "%" for
// the percent kinds. Unknown markers fall back to plain digits.
func formatMarker(m string, v float64) string {
	lang, kind, _ := strings.Cut(m, "-")
	group, dec := ",", "."
	if lang == "vi" {
		group, dec = ".", ","
	}
	s := groupNumber(v, maxFraction, group, dec)
	if kind == "percent" {
		s += "%"
	}
	return s
}

// groupNumber writes v with at most frac fraction digits, rounding halves
// away from zero on the exact binary value as ECMA-402 does, and trailing
// zeros dropped.
func groupNumber(v float64, frac int, group, dec string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	neg := v < 0
	// 40 digits are exact enough that only a true tie rounds up below.
	digits := strconv.FormatFloat(math.Abs(v), 'f', 40, 64)
	intPart, fracPart, _ := strings.Cut(digits, ".")
	round := fracPart[frac] >= '5'
	fracPart = fracPart[:frac]
	if round {
		n := []byte(intPart + fracPart)
		i := len(n) - 1
		for ; i >= 0; i-- {
			if n[i] < '9' {
				n[i]++
				break
			}
			n[i] = '0'
		}
		s := string(n)
		if i < 0 {
			s = "1" + s
		}
		intPart, fracPart = s[:len(s)-frac], s[len(s)-frac:]
	}
	fracPart = strings.TrimRight(fracPart, "0")

	var b strings.Builder
	if neg && (strings.Trim(intPart, "0") != "" || fracPart != "") {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if fracPart != "" {
		b.WriteString(dec)
		b.WriteString(fracPart)
	}
	return b.String()
}

// niceMax returns the smallest axis maximum at or above top that lands on a
// "nice" tick (1, 2, 3, 5 × 10ⁿ), and the tick interval, the way ECharts
// picks them. valueTicks uses it to size the widest tick label; the ticks
// themselves are fitted by fitJS at the width drawn.
func niceMax(top float64) (max, interval float64) {
	if top <= 0 {
		return 1, 0.2
	}
	interval = nice(top / 5)
	// The epsilon keeps 0.3/0.05 = 6.0000001 from rounding up to 7.
	max = math.Ceil(top/interval-1e-9) * interval
	// Round away the float noise of the multiplication (0.30000000000000004).
	max, _ = strconv.ParseFloat(strconv.FormatFloat(max, 'g', 12, 64), 64)
	return max, interval
}

// nice is ECharts' numberUtil.nice(v, true).
func nice(v float64) float64 {
	exp := math.Floor(math.Log10(v))
	p := math.Pow(10, exp)
	f := v / p
	var nf float64
	switch {
	case f < 1.5:
		nf = 1
	case f < 2.5:
		nf = 2
	case f < 4:
		nf = 3
	case f < 7:
		nf = 5
	default:
		nf = 10
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(nf*p, 'g', 12, 64), 64)
	return r
}

// textWidths are advance widths in em of ASCII 32–126 for a typical sans-serif
// (Arial metrics), from the table zrender itself falls back to without a
// canvas; each byte is 20 + 100 × width.
const textWidths = "007LLmW'55;N0500LLLLLLLLLL00NNNLzWW\\\\WQb\\0FWLg\\bWb\\WQ\\WrWWQ000CL5LLFLL0LL**F*gLLLL5F0LF\\FFF5.5N"

// measureText estimates the width in pixels of text drawn in the CSS font
// font. ECharts calls it (through setPlatformAPI) to lay out labels, since
// there is no canvas at build time. It is deterministic, and better than
// zrender's own fallback for Vietnamese: a letter with tone and vowel marks is
// as wide as its base letter, not a full em. It errs on the wide side
// (Arial + 10%), because Noto Sans and DejaVu Sans, which system-ui picks on
// Linux and Android, run wider than Arial, and a label given too much room
// looks better than one cut at the edge.
func measureText(text, font string) float64 {
	size := fontSizePx(font)
	mono := strings.Contains(font, "mono")
	var w float64
	for _, r := range norm.NFD.String(text) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// combining marks take no advance
		case mono:
			w += 0.6
		case r >= 32 && r <= 126:
			w += float64(textWidths[r-32]-20) / 100
		case r == 'đ':
			w += 0.56
		case r == 'Đ':
			w += 0.72
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			w += 1
		default:
			w += 0.6
		}
	}
	w *= size * 1.1
	if isBold(font) {
		w *= 1.06
	}
	return math.Round(w*100) / 100
}

// fontSizePx finds the "12px" in a CSS font shorthand; 12 is ECharts' default.
func fontSizePx(font string) float64 {
	for f := range strings.FieldsSeq(font) {
		f, _, _ = strings.Cut(f, "/")
		if n, ok := strings.CutSuffix(f, "px"); ok {
			if v, err := strconv.ParseFloat(n, 64); err == nil && v > 0 {
				return v
			}
		}
	}
	return 12
}

func isBold(font string) bool {
	for f := range strings.FieldsSeq(font) {
		switch f {
		case "bold", "bolder", "600", "700", "800", "900":
			return true
		}
	}
	return false
}
