// Package vi is the Vietnamese text handling that every stage of the
// pipeline shares: the loader slugs file names, the checker matches column
// headers and unit names, the renderer formats numbers and dates, and the
// output stage builds the search index. Everything here is a pure function
// of its arguments; nothing reads files or the environment.
//
// # Slugs, folding and keys
//
// Vietnamese writes most letters with one or two marks: a vowel mark
// (ă â ê ô ơ ư) and a tone (à á ả ã ạ). Staff type the same name in
// several ways — with or without marks, composed (NFC) or decomposed (NFD,
// as some Mac tools and old Windows-1258 converters produce), with the
// tone on a different vowel — and all of those must still meet.
//
//   - [Fold] removes marks and tones, maps đ to d and lower-cases, keeping
//     spaces and punctuation: "Đăng ký khai sinh" → "dang ky khai sinh".
//     It is the form for comparing names "without accents".
//   - [FoldKey] is Fold keeping only a–z and 0–9, for matching column
//     headers: "Giá trị", "gia_tri" and "GIA TRI" all give "giatri".
//   - [Slug] is Fold with every run of other characters turned into one
//     '-', for URLs and heading IDs: "Bước 2: Nhập mã OTP" →
//     "buoc-2-nhap-ma-otp".
//   - [NFC] composes text, so that byte comparison of names works.
//   - [NormalizeTone] moves the tone of "oa", "oe" and "uy" to one agreed
//     vowel, so that "hoà" and "hòa" are the same word for search.
//
// All of them give the same result for NFC and NFD input. Letters that
// Unicode does not decompose are mapped by hand: đ, ð and ɖ (often typed by
// mistake for đ) to d, ø to o, ł to l, ħ to h, ŧ to t, ı to i, and æ, œ, ß
// to ae, oe, ss.
//
// # Numbers and dates
//
// A [Locale] formats for the language of the site: Vietnamese (the
// default) groups thousands with '.' and writes decimals with ','
// ("1.234,5"); English does the reverse ("1,234.5"). Rounding is half away
// from zero on the shortest decimal form of the value, as a spreadsheet
// does, so 2.675 shows as "2,68". [ParseNumber] reads numbers typed by
// staff and refuses anything it would have to guess about. The zero
// Locale is Vietnamese.
//
// # Order and suggestions
//
// [Compare] and [SortStrings] sort in Vietnamese alphabetical order
// (a ă â b c d đ e ê … ư v x y, tones as a secondary difference) using
// golang.org/x/text/collate. [Closest] finds the names nearest to a
// misspelt one, for "did you mean" hints in error messages.
//
// # Speed
//
// Fold and Slug run for every heading, link and search entry, so they
// return pure-ASCII input that needs no change without allocating, and
// look up Latin and Vietnamese letters in a generated table (tables.go,
// rebuilt with go test -run TestFoldTable -update) instead of decomposing
// them. All functions are safe for concurrent use.
package vi

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Slug turns a name or title into a lower-case ASCII URL segment: marks and
// tones are removed, đ becomes d, and every run of characters other than
// a–z and 0–9 becomes one '-', with none at either end. The result matches
// ^[a-z0-9]+(-[a-z0-9]+)*$ or is empty.
func Slug(s string) string {
	if isSlug(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	walk(s, func(r rune) {
		if isLowerAlnum(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteByte(byte(r))
			return
		}
		dash = true
	})
	return b.String()
}

// Fold returns s lower-cased, without marks or tones, with đ mapped to d,
// for comparing text "without accents". Spaces, punctuation and letters of
// other scripts are kept (lower-cased, marks removed). Fold gives the same
// result for canonically equivalent inputs, and its result is in NFC.
func Fold(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return foldSlow(s)
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if !upper {
		return s
	}
	return strings.ToLower(s)
}

// FoldKey returns [Fold] of s keeping only a–z and 0–9, for matching
// column headers and keys however they were typed.
func FoldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	walk(s, func(r rune) {
		if isLowerAlnum(r) {
			b.WriteByte(byte(r))
		}
	})
	return b.String()
}

// NFC returns s in Unicode Normalization Form C. It returns s itself when it
// is already composed, which is the common case.
func NFC(s string) string {
	if composed(s) {
		return s
	}
	return norm.NFC.String(s)
}

// composed reports whether s is made only of characters that are in NFC and
// combine with nothing before them, so that s is in NFC: ASCII, the Latin
// letters Vietnamese is written with and the common punctuation (see
// TestComposedRanges). It is a few times quicker than norm's own check on
// a site's text; false means that norm must decide.
func composed(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !inComposedRange(r) {
			return false
		}
		i += n
	}
	return true
}

// inComposedRange reports whether r is in Latin-1, Latin Extended-A and -B,
// IPA and spacing modifiers (U+0080–U+02FF), Latin Extended Additional
// (U+1E00–U+1EFF, most Vietnamese letters with tone marks), or general
// punctuation, super- and subscripts and currency signs past the two
// spaces that decompose (U+2002–U+20CF).
func inComposedRange(r rune) bool {
	return r < 0x300 || 0x1E00 <= r && r <= 0x1EFF || 0x2002 <= r && r <= 0x20CF
}

// foldSlow is Fold for input that is not pure ASCII.
func foldSlow(s string) string {
	if !latinOnly(s) {
		return foldGeneral(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	walk(s, func(r rune) { b.WriteRune(r) })
	return b.String()
}

// foldGeneral works on the whole decomposed string rather than rune by
// rune: outside the Latin script, combining characters that are not
// nonspacing marks may reorder or recompose (Hangul, some Indic vowel
// signs), and only normalizing the whole string keeps Fold independent of
// the input's normal form.
func foldGeneral(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r1, r2 := mapRune(r)
		b.WriteRune(r1)
		if r2 != 0 {
			b.WriteRune(r2)
		}
	}
	return norm.NFC.String(b.String())
}

// walk calls emit with each rune of Fold(s), decomposing rune by rune.
// For text that mixes in other scripts the runes may differ from Fold's in
// their composition (see foldGeneral), but never in the ASCII runes, which
// is all that Slug and FoldKey keep.
func walk(s string, emit func(rune)) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			emit(rune(c))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			emit(r)
			continue
		case isMark(r):
			continue
		}
		c1, c2 := foldTableLookup(r)
		switch c1 {
		case '?':
			foldRune(r, emit)
		case '=':
			emit(r)
		default:
			emit(rune(c1))
			if c2 != ' ' {
				emit(rune(c2))
			}
		}
	}
}

// foldRune calls emit with the runes of Fold(string(r)), looking up the
// canonical decomposition of r.
func foldRune(r rune, emit func(rune)) {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Properties(buf[:n]).Decomposition()
	if d == nil {
		emitMapped(r, emit)
		return
	}
	for len(d) > 0 {
		r, n := utf8.DecodeRune(d)
		d = d[n:]
		if !isMark(r) {
			emitMapped(r, emit)
		}
	}
}

// foldTableLookup returns the entry of foldTable for r. c1 is '?' when r
// is not in the table or folds to something other than ASCII, '=' when r
// folds to itself, else the first ASCII byte of its fold; c2 is the second
// byte, or ' ' when there is none.
func foldTableLookup(r rune) (c1, c2 byte) {
	var i int
	switch {
	case r < 0x80:
		return '?', ' '
	case r < 0x250:
		i = int(r) - 0x80
	case 0x1E00 <= r && r < 0x1F00:
		i = 0x250 - 0x80 + int(r) - 0x1E00
	case 0x2000 <= r && r < 0x2070:
		i = 0x250 - 0x80 + 0x100 + int(r) - 0x2000
	default:
		return '?', ' '
	}
	return foldTable[2*i], foldTable[2*i+1]
}

func emitMapped(r rune, emit func(rune)) {
	r1, r2 := mapRune(r)
	emit(r1)
	if r2 != 0 {
		emit(r2)
	}
}

// mapRune lower-cases a rune that has no canonical decomposition, mapping
// the letters whose marks Unicode does not decompose to their base letters.
// A second rune is returned, non-zero, for the ligatures.
func mapRune(r rune) (rune, rune) {
	switch r {
	case 'đ', 'Đ', 'ð', 'Ð', 'ɖ', 'Ɖ':
		return 'd', 0
	case 'ø', 'Ø':
		return 'o', 0
	case 'ł', 'Ł':
		return 'l', 0
	case 'ħ', 'Ħ':
		return 'h', 0
	case 'ŧ', 'Ŧ':
		return 't', 0
	case 'ı':
		return 'i', 0
	case 'æ', 'Æ':
		return 'a', 'e'
	case 'œ', 'Œ':
		return 'o', 'e'
	case 'ß', 'ẞ':
		return 's', 's'
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r, 0
	}
	return unicode.ToLower(r), 0
}

// isMark reports whether r is a nonspacing mark: a vowel mark or tone in
// decomposed Vietnamese, or any other script's equivalent.
func isMark(r rune) bool {
	if 0x300 <= r && r < 0x370 {
		return true
	}
	return r >= 0x370 && unicode.Is(unicode.Mn, r)
}

// latinOnly reports whether s holds only runes that walk folds exactly as
// foldGeneral would: Latin letters, combining diacritics and general
// punctuation, none of which recompose once their marks are gone.
func latinOnly(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x250,
			0x300 <= r && r < 0x370,
			0x1E00 <= r && r < 0x1F00,
			0x2000 <= r && r < 0x2070:
		default:
			return false
		}
	}
	return true
}

func isLowerAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || '0' <= r && r <= '9'
}

// isSlug reports whether s is already its own slug, so Slug can return it
// without allocating.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '-' {
			if s[i-1] == '-' {
				return false
			}
			continue
		}
		if !isLowerAlnum(rune(c)) {
			return false
		}
	}
	return true
}
