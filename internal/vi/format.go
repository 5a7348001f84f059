package vi

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Locale formats numbers and dates for the language of a site. The zero
// Locale is Vietnamese.
type Locale struct {
	// Lang is "vi" or "en".
	Lang string
}

// LocaleFor returns the Locale for a language tag: "en" and any "en-…"
// or "en_…" tag give English, anything else Vietnamese.
func LocaleFor(lang string) Locale {
	base, _, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	if strings.EqualFold(strings.TrimSpace(base), "en") {
		return Locale{Lang: "en"}
	}
	return Locale{Lang: "vi"}
}

func (l Locale) en() bool { return l.Lang == "en" }

// seps returns the thousands and decimal separators.
func (l Locale) seps() (group, decimal byte) {
	if l.en() {
		return ',', '.'
	}
	return '.', ','
}

// Int formats n with thousands grouped: vi "50.000", "-1.234"; en
// "50,000".
func (l Locale) Int(n int64) string {
	group, _ := l.seps()
	s := strconv.FormatInt(n, 10)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/3 + 1)
	if neg {
		b.WriteByte('-')
	}
	writeGrouped(&b, s, group)
	return b.String()
}

// Float formats x with exactly decimals digits after the decimal
// separator (none when decimals ≤ 0): vi "94,0", "1.234,5"; en "94.0",
// "1,234.5". It rounds half away from zero on the shortest decimal form of
// x, so 0.125 gives "0,13" and 2.675 gives "2,68", and never writes "-0".
// NaN is written "NaN" and infinities "∞" and "-∞".
func (l Locale) Float(x float64, decimals int) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "∞"
	case math.IsInf(x, -1):
		return "-∞"
	}
	decimals = max(decimals, 0)
	neg := x < 0
	intPart, frac := roundDecimal(strconv.FormatFloat(math.Abs(x), 'f', -1, 64), decimals)
	if strings.Trim(intPart, "0") == "" && strings.Trim(frac, "0") == "" {
		neg = false
	}
	group, dec := l.seps()
	var b strings.Builder
	b.Grow(len(intPart) + len(intPart)/3 + len(frac) + 2)
	if neg {
		b.WriteByte('-')
	}
	writeGrouped(&b, intPart, group)
	if decimals > 0 {
		b.WriteByte(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// Percent formats x, which is already a percentage, like Float followed
// by '%': 94.0 → vi "94,0%", en "94.0%".
func (l Locale) Percent(x float64, decimals int) string {
	return l.Float(x, decimals) + "%"
}

// Date formats the calendar date of t, in t's own location: vi
// "30/06/2023", en "30 Jun 2023".
func (l Locale) Date(t time.Time) string {
	if l.en() {
		return t.Format("2 Jan 2006")
	}
	return t.Format("02/01/2006")
}

// DateTime formats t to the minute, in t's own location: vi "09:00 30/06/2023", en
// "30 Jun 2023 09:00".
func (l Locale) DateTime(t time.Time) string {
	if l.en() {
		return t.Format("2 Jan 2006 15:04")
	}
	return t.Format("15:04 02/01/2006")
}

// MonthYear names a month: vi "tháng 6/2023", en "June 2023". Months
// outside 1–12 are written as numbers.
func (l Locale) MonthYear(year, month int) string {
	y := strconv.Itoa(year)
	if !l.en() {
		return "tháng " + strconv.Itoa(month) + "/" + y
	}
	if month < 1 || month > 12 {
		return strconv.Itoa(month) + "/" + y
	}
	return time.Month(month).String() + " " + y
}

// Quarter names a quarter: vi "Quý II/2023", en "Q2 2023". Vietnamese
// writes quarters in Roman numerals; quarters outside 1–4 are written as
// numbers.
func (l Locale) Quarter(year, q int) string {
	y := strconv.Itoa(year)
	if l.en() {
		return "Q" + strconv.Itoa(q) + " " + y
	}
	roman := strconv.Itoa(q)
	if 1 <= q && q <= 4 {
		roman = [...]string{"I", "II", "III", "IV"}[q-1]
	}
	return "Quý " + roman + "/" + y
}

// writeGrouped writes the digits with group between each three from the
// right.
func writeGrouped(b *strings.Builder, digits string, group byte) {
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += 3 {
		b.WriteByte(group)
		b.WriteString(digits[i : i+3])
	}
}

// roundDecimal rounds the plain decimal s ("123.456", no sign, no
// exponent) half away from zero to decimals fraction digits, returning the
// integer digits and exactly decimals fraction digits.
func roundDecimal(s string, decimals int) (intPart, frac string) {
	intPart, frac, _ = strings.Cut(s, ".")
	if len(frac) <= decimals {
		return intPart, frac + strings.Repeat("0", decimals-len(frac))
	}
	up := frac[decimals] >= '5'
	digits := []byte(intPart + frac[:decimals])
	if up {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		} else {
			digits[i]++
		}
	}
	n := len(digits) - decimals
	return string(digits[:n]), string(digits[n:])
}
