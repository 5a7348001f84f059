package vi

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeTone returns s in NFC with the tone of the open syllables "oa",
// "oe" and "uy" on the first vowel: "hoà" → "hòa", "khoẻ" → "khỏe",
// "thuỷ" → "thủy", "Uỷ ban" → "Ủy ban".
//
// Vietnamese has two conventions for these three vowel pairs when nothing
// follows them: the traditional one (hòa, khỏe, thủy) and the newer one
// (hoà, khoẻ, thuỷ). NormalizeTone picks the traditional one because most
// official documents and place names use it, so normalizing seldom
// changes text. Both conventions agree everywhere else, and NormalizeTone
// leaves everything else alone: a closed syllable ("hoàng", "thuyền"), "qu"
// where u belongs to the consonant ("quý", "quả"), and any pair preceded by
// another vowel. Letter case is kept.
//
// Use it on both sides of a comparison, for search; to compare without
// tones at all, use [Fold].
func NormalizeTone(s string) string {
	s = norm.NFC.String(s)
	if !hasMovableTone(s) {
		return s
	}
	rs := []rune(s)
	for i := 1; i < len(rs); i++ {
		second, tone := splitTone(rs[i])
		if tone == 0 {
			continue
		}
		first := rs[i-1]
		switch unicode.ToLower(first) {
		case 'o':
			if l := unicode.ToLower(second); l != 'a' && l != 'e' {
				continue
			}
		case 'u':
			if unicode.ToLower(second) != 'y' {
				continue
			}
		default:
			continue
		}
		if i+1 < len(rs) && isWordRune(rs[i+1]) {
			continue // closed syllable or a longer vowel group
		}
		if i >= 2 {
			switch unicode.ToLower(rs[i-2]) {
			case 'q':
				continue // "quý": u is part of the consonant
			}
			if isVowel(rs[i-2]) {
				continue
			}
		}
		rs[i-1] = withTone(first, tone)
		rs[i] = second
	}
	return string(rs)
}

// hasMovableTone is a quick scan for a toned a, e or y right after o or u,
// so that NormalizeTone allocates only when it may change something.
func hasMovableTone(s string) bool {
	prev := rune(0)
	for _, r := range s {
		if _, tone := splitTone(r); tone != 0 {
			switch prev {
			case 'o', 'O', 'u', 'U':
				return true
			}
		}
		prev = r
	}
	return false
}

// splitTone splits a composed a, e or y with a tone into the plain letter
// and the combining tone mark; tone is 0 for any other rune.
func splitTone(r rune) (base, tone rune) {
	if r < 0xC0 {
		return r, 0
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Properties(buf[:n]).Decomposition()
	if d == nil {
		return r, 0
	}
	b, n := utf8.DecodeRune(d)
	switch b {
	case 'a', 'A', 'e', 'E', 'y', 'Y':
	default:
		return r, 0
	}
	t, m := utf8.DecodeRune(d[n:])
	if n+m != len(d) || !isTone(t) {
		return r, 0
	}
	return b, t
}

// withTone composes the plain vowel v with a combining tone mark.
func withTone(v, tone rune) rune {
	var buf [2 * utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], v)
	n += utf8.EncodeRune(buf[n:], tone)
	c, _ := utf8.DecodeRune(norm.NFC.Bytes(buf[:n]))
	return c
}

func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}

func isVowel(r rune) bool {
	switch walkFirst(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// walkFirst is the first rune of Fold(string(r)).
func walkFirst(r rune) rune {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	first := rune(0)
	walk(string(buf[:n]), func(f rune) {
		if first == 0 {
			first = f
		}
	})
	return first
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
