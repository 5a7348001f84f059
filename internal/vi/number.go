package vi

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// ParseNumber reads a number typed by staff into a spreadsheet or a front
// matter field. decimalComma says which convention the source uses: true
// for Vietnamese ("1.234,5"), false for English ("1,234.5"). It returns
// ok=false for anything it would have to guess about, so that the caller
// can report the cell instead of publishing a wrong figure.
//
// The rules, in order:
//
//   - Leading and trailing white space, including no-break spaces, is
//     removed.
//   - One trailing '%' is removed, with any space before it; the caller
//     decides what a percentage means.
//   - One leading sign is allowed: '-', '+' or '−' (U+2212 MINUS SIGN).
//   - What remains must be ASCII digits, the decimal separator (',' when
//     decimalComma, else '.') and the group separator (the other one).
//   - There is at most one decimal separator, with at least one digit on
//     each side of it: "0,5", not ",5" or "5,".
//   - Group separators may appear only before the decimal separator. When
//     they do, the integer part must be 1–3 digits not starting with 0,
//     then groups of exactly three digits, each after one separator:
//     "1.234.567" is accepted but "1.23.4", "12.34" and "0.123" are not
//     when decimalComma.
//
// So with decimalComma, "1.234" is 1234 and "12,5" is 12.5, while "12.5"
// is refused: it is probably an English decimal, but nothing here can be
// sure. Without decimalComma, "1,234" is 1234, "1.234" is 1.234 and
// "1.234,5" is refused. Values too large for a float64 are refused too.
func ParseNumber(s string, decimalComma bool) (float64, bool) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if rest, ok := strings.CutSuffix(s, "%"); ok {
		s = strings.TrimRightFunc(rest, unicode.IsSpace)
	}
	neg := false
	switch {
	case strings.HasPrefix(s, "-"):
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	case strings.HasPrefix(s, "−"):
		neg, s = true, s[len("−"):]
	}
	group, dec := byte('.'), byte(',')
	if !decimalComma {
		group, dec = ',', '.'
	}
	intPart, frac, hasFrac := strings.Cut(s, string(dec))
	if intPart == "" || hasFrac && (frac == "" || !allDigits(frac)) {
		return 0, false
	}
	var digits string
	if strings.IndexByte(intPart, group) < 0 {
		if !allDigits(intPart) {
			return 0, false
		}
		digits = intPart
	} else {
		groups := strings.Split(intPart, string(group))
		head := groups[0]
		if len(head) < 1 || len(head) > 3 || head[0] == '0' || !allDigits(head) {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 || !allDigits(g) {
				return 0, false
			}
		}
		digits = strings.Join(groups, "")
	}
	if hasFrac {
		digits += "." + frac
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false
	}
	if neg && v != 0 {
		v = -v
	}
	return v, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Ambiguous reports whether s reads as two different numbers in the two
// dialects, and returns both: asComma by the Vietnamese convention
// ("1.234,5"), asPoint by the English one ("1,234.5"). That is a dot or a
// comma followed by exactly three digits with no other separator: "2.421"
// is 2421 or 2.421, "1,234" is 1.234 or 1234. "1.234,5", "12,5", "0.123"
// and "1.234.567" read one way only, and "1234" the same both ways.
func Ambiguous(s string) (asComma, asPoint float64, ambiguous bool) {
	c, cok := ParseNumber(s, true)
	p, pok := ParseNumber(s, false)
	return c, p, cok && pok && c != p
}
