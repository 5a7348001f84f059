package table

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// badChar is where decoding failed: a 1-based line and character column,
// and what was found there, for the message.
type badChar struct {
	line, col int
	what      string
}

// decodeText is decode with old Mac line ends (bare CR) made LF, which is
// all encoding/csv knows.
func decodeText(data []byte) (string, Encoding, *badChar) {
	text, enc, bad := decode(data)
	if bad == nil && strings.IndexByte(text, '\n') < 0 {
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	return text, enc, bad
}

// decode detects the encoding of data and returns its text. The text is not
// normalised here: Read puts each cell in NFC, and columns are counted in
// characters with combining marks, so NFD text gets the same positions.
func decode(data []byte) (string, Encoding, *badChar) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		body := data[3:]
		if _, bad, first := utf8Evidence(body); bad > 0 {
			return "", UTF8BOM, utf8Bad(body, first)
		}
		return string(body), UTF8BOM, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data, xunicode.LittleEndian, UTF16LE)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data, xunicode.BigEndian, UTF16BE)
	}
	if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 {
		return string(data), UTF8, nil
	}
	multi, bad, first := utf8Evidence(data)
	if bad == 0 {
		return string(data), UTF8, nil
	}
	// A file with as many well-formed multi-byte UTF-8 sequences as bad
	// bytes is UTF-8 with damage; read as Windows-1258 it would give
	// mojibake ("Tiá»n") for every Vietnamese letter, not an error. Real
	// Windows-1258 text almost never forms valid sequences: its letters and
	// tone marks (0xC0–0xFF) are lead bytes, not continuation bytes.
	if multi > 0 && multi >= bad {
		return "", UTF8, utf8Bad(data, first)
	}
	return decode1258(data)
}

// utf8Evidence counts the valid multi-byte sequences and the bad bytes
// (invalid UTF-8 or NUL) of data, and finds the first bad one.
func utf8Evidence(data []byte) (multi, bad, first int) {
	first = -1
	for i := 0; i < len(data); {
		c := data[i]
		if c != 0 && c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == 0 || r == utf8.RuneError && size == 1:
			bad++
			if first < 0 {
				first = i
			}
		default:
			multi++
		}
		i += size
	}
	return multi, bad, first
}

func utf8Bad(data []byte, off int) *badChar {
	start := bytes.LastIndexByte(data[:off], newline(data)) + 1
	return &badChar{
		line: bytes.Count(data[:off], []byte{newline(data)}) + 1,
		col:  chars(string(data[start:off])) + 1,
		what: byteName(data[off]),
	}
}

// decode1258 decodes Windows-1258, refusing NUL and the nine bytes the
// code page leaves undefined.
func decode1258(data []byte) (string, Encoding, *badChar) {
	for i, c := range data {
		if c == 0 || charmap.Windows1258.DecodeByte(c) == utf8.RuneError {
			start := bytes.LastIndexByte(data[:i], newline(data)) + 1
			prefix, _ := charmap.Windows1258.NewDecoder().Bytes(data[start:i])
			return "", Windows1258, &badChar{
				line: bytes.Count(data[:i], []byte{newline(data)}) + 1,
				col:  chars(string(prefix)) + 1,
				what: byteName(c),
			}
		}
	}
	text, err := charmap.Windows1258.NewDecoder().Bytes(data)
	if err != nil { // cannot happen: every byte was checked above
		return "", Windows1258, &badChar{line: 1, col: 1, what: err.Error()}
	}
	return string(text), Windows1258, nil
}

// decodeUTF16 decodes text with a byte order mark; lone surrogates and an
// odd trailing byte decode to U+FFFD, which is refused like NUL.
func decodeUTF16(data []byte, e xunicode.Endianness, enc Encoding) (string, Encoding, *badChar) {
	out, err := xunicode.UTF16(e, xunicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		return "", enc, &badChar{line: 1, col: 1, what: err.Error()}
	}
	text := string(out)
	if i := strings.IndexAny(text, "\x00\uFFFD"); i >= 0 {
		nl := byte('\n')
		if strings.IndexByte(text, '\n') < 0 {
			nl = '\r'
		}
		start := strings.LastIndexByte(text[:i], nl) + 1
		r, _ := utf8.DecodeRuneInString(text[i:])
		what := "U+FFFD"
		if r == 0 {
			what = "NUL"
		}
		return "", enc, &badChar{
			line: strings.Count(text[:i], string(nl)) + 1,
			col:  chars(text[start:i]) + 1,
			what: what,
		}
	}
	return text, enc, nil
}

// chars counts the characters of s as an editor's column does: runes,
// except combining marks, which join the character before them. Invalid
// bytes count one each.
func chars(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isMark(r) {
			n++
		}
		i += size
	}
	return n
}

func isMark(r rune) bool {
	return r >= 0x300 && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r))
}

// newline is the byte that ends lines: '\n', or '\r' in a file saved by old
// Mac Excel, which has no '\n' at all.
func newline(data []byte) byte {
	if bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0 {
		return '\r'
	}
	return '\n'
}

func byteName(c byte) string {
	if c == 0 {
		return "NUL"
	}
	return fmt.Sprintf("byte 0x%02X", c)
}
