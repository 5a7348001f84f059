package plan

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/vi"
)

type tokenKind uint8

const (
	word  tokenKind = iota // letters and digits, and compounds such as 30/04/2023
	comma                  // , : - and other marks inside a clause
	stop                   // . ; ( ) and other marks that end a clause
)

// token is a word of the folded text, with the byte offsets of the words
// as written so that errors can quote them.
type token struct {
	text       string
	kind       tokenKind
	start, end int
}

// frune is a rune of the folded text and the bytes it came from.
type frune struct {
	r          rune
	start, end int
}

// foldRunes folds src one rune at a time so that each folded rune keeps the
// offsets of the rune it came from. Folding a rune alone gives what folding
// the whole text gives, since Fold only decomposes, drops marks and lowers.
func foldRunes(src string) []frune {
	out := make([]frune, 0, len(src))
	for off := 0; off < len(src); {
		r, size := utf8.DecodeRuneInString(src[off:])
		end := off + size
		if r == utf8.RuneError && size == 1 {
			out = append(out, frune{r, off, end})
			off = end
			continue
		}
		f := vi.Fold(src[off:end])
		if f == "" && len(out) > 0 && out[len(out)-1].end == off {
			// A combining mark of decomposed input: it belongs to the
			// letter before it.
			out[len(out)-1].end = end
		}
		for _, fr := range f {
			out = append(out, frune{fr, off, end})
		}
		off = end
	}
	return out
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func tokenize(src string) []token {
	fr := foldRunes(src)
	var toks []token
	var b strings.Builder
	for i := 0; i < len(fr); {
		r := fr[i].r
		switch {
		case isAlnum(r):
			b.Reset()
			start, end := fr[i].start, fr[i].end
			j := i
			for j < len(fr) {
				c := fr[j].r
				if isAlnum(c) {
					b.WriteRune(c)
					end = fr[j].end
					j++
					continue
				}
				if k, mark := joinAt(fr, j); k > j {
					b.WriteRune(mark)
					j = k
					continue
				}
				break
			}
			toks = append(toks, token{b.String(), word, start, end})
			i = j
		case unicode.IsSpace(r):
			i++
		case strings.ContainsRune(".;()[]{}!?…", r):
			toks = append(toks, token{string(r), stop, fr[i].start, fr[i].end})
			i++
		case strings.ContainsRune(",:-–—/+&", r):
			toks = append(toks, token{string(r), comma, fr[i].start, fr[i].end})
			i++
		default:
			i++ // quotes, asterisks of bold text, %…
		}
	}
	return toks
}

// joinAt reports whether the mark at fr[j] joins the letters and digits on
// either side into one compound, and if so where the compound goes on and
// which mark it keeps: “30/04/2023”, “ii/2023”, “hđnd-ubnd”, “50.000”,
// “09:00”, and “I / 2023” written with spaces. It returns j when the mark
// does not join.
func joinAt(fr []frune, j int) (int, rune) {
	next := func(k int) rune {
		if k < len(fr) {
			return fr[k].r
		}
		return 0
	}
	switch c := fr[j].r; {
	case (c == '/' || c == '-') && isAlnum(next(j+1)):
		return j + 1, c
	case (c == '.' || c == ':') && isDigit(fr[j-1].r) && isDigit(next(j+1)):
		return j + 1, c
	case c == ' ':
		k := j
		for next(k) == ' ' {
			k++
		}
		if next(k) != '/' {
			return j, 0
		}
		k++
		for next(k) == ' ' {
			k++
		}
		if isAlnum(next(k)) {
			return k, '/'
		}
	}
	return j, 0
}

func startsDigit(t string) bool { return t != "" && isDigit(rune(t[0])) }

// isNumeric reports whether t is digits joined by / . - or :, such as
// 30/04/2023.
func isNumeric(t string) bool {
	if !startsDigit(t) {
		return false
	}
	for _, r := range t {
		if !isDigit(r) && !strings.ContainsRune("/.-:", r) {
			return false
		}
	}
	return true
}

func isDigits(t string) bool {
	return t != "" && !strings.ContainsFunc(t, func(r rune) bool { return !isDigit(r) })
}

// number reads up to four digits; longer numbers are not days, months or
// years, so they read as -1.
func number(t string) int {
	if !isDigits(t) || len(t) > 4 {
		return -1
	}
	n, _ := strconv.Atoi(t)
	return n
}

// parts splits a compound at its joining marks.
func parts(t string) []string {
	return strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune("/.-:", r) })
}
