package content

import (
	"strings"
	"unicode/utf8"
)

// Summarize is a page's summary when its front matter gives none: its
// first paragraph, cut to 220 characters.
func Summarize(firstParagraph string) string { return truncate(firstParagraph, 220) }

// truncate cuts s to at most n characters, at a space when one is in the
// second half, and marks the cut with "…".
func truncate(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	if i >= len(s) {
		return s
	}
	cut := s[:i]
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
