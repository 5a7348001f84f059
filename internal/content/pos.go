package content

import (
	"bytes"
	"unicode/utf8"
)

// place is a line and column (in characters) of a front matter block, both
// 1-based.
type place struct{ line, col int }

// tomlPlaces finds a top-level key of a TOML front matter block: where the
// key is written and, when its value is an array, where each element
// starts (its opening quote for a string). ok is false when the key is not
// there. It reads the flat key = value lines front matter has, not every
// form TOML allows; the decoder has already checked the syntax.
func tomlPlaces(block []byte, key string) (at place, elems []place, ok bool) {
	line := 1
	for off := 0; off <= len(block); line++ {
		end := bytes.IndexByte(block[off:], '\n')
		if end < 0 {
			end = len(block) - off
		}
		text := block[off : off+end]
		indent := len(text) - len(bytes.TrimLeft(text, " \t"))
		rest := text[indent:]
		if after, found := bytes.CutPrefix(rest, []byte(key)); found {
			if eq := bytes.TrimLeft(after, " \t"); len(eq) > 0 && eq[0] == '=' {
				at = place{line, indent + 1}
				valueOff := off + indent + len(key) + (len(after) - len(eq)) + 1
				return at, arrayPlaces(block, valueOff, line, utf8.RuneCount(block[off:valueOff])+1), true
			}
		}
		off += end + 1
	}
	return place{}, nil, false
}

// arrayPlaces returns where each element of the array starting at or after
// block[off] begins; off is on line line, column col. A value that is not
// an array gives nil.
func arrayPlaces(block []byte, off, line, col int) []place {
	var out []place
	depth := 0
	for off < len(block) {
		r, w := utf8.DecodeRune(block[off:])
		switch {
		case r == '\n':
			off, line, col = off+1, line+1, 1
			continue
		case r == ' ' || r == '\t' || r == '\r' || r == ',':
		case r == '#':
			for off < len(block) && block[off] != '\n' {
				off++
			}
			continue
		case r == '[':
			depth++
		case r == ']':
			depth--
			if depth <= 0 {
				return out
			}
		case depth == 0:
			return nil // not an array
		default:
			if depth == 1 {
				out = append(out, place{line, col})
			}
			// Skip the element: a string (with its quotes) or a bare value.
			n, lines, after := skipValue(block[off:], col)
			off, line, col = off+n, line+lines, after
			continue
		}
		off += w
		col++
	}
	return out
}

// skipValue returns the length of the string or bare value at the start of
// b, how many line breaks it holds and the column just after it, given
// that it starts at column col.
func skipValue(b []byte, col int) (n, lines, after int) {
	quote := b[0]
	if quote != '"' && quote != '\'' {
		for n < len(b) && !bytes.ContainsRune([]byte(" \t\r\n,]#"), rune(b[n])) {
			n++
		}
		return n, 0, col + utf8.RuneCount(b[:n])
	}
	delim := []byte{quote}
	if bytes.HasPrefix(b, []byte{quote, quote, quote}) {
		delim = []byte{quote, quote, quote}
	}
	n = len(delim)
	for n < len(b) {
		if quote == '"' && b[n] == '\\' {
			n += 2
			continue
		}
		if bytes.HasPrefix(b[n:], delim) {
			n += len(delim)
			break
		}
		n++
	}
	n = min(n, len(b))
	s := b[:n]
	lines = bytes.Count(s, []byte{'\n'})
	if lines == 0 {
		return n, 0, col + utf8.RuneCount(s)
	}
	return n, lines, utf8.RuneCount(s[bytes.LastIndexByte(s, '\n')+1:]) + 1
}
