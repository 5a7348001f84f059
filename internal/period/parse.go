package period

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/vi"
)

// form is one way of writing a period, matched against the folded text.
type form struct {
	re    *regexp.Regexp
	build func(m []string) (Period, bool)
}

// The patterns see text after fold: lower case, no marks, single spaces,
// none around '/', '-' and '.'. sep is what stands between a number and
// the year: "3/2023", "3-2023", "3 2023", "3 nam 2023".
const sep = `(?:/|-| nam | )`

var forms = []form{
	{re(`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`), func(m []string) (Period, bool) { return day(m[1], m[2], m[3]) }},
	{re(`(?:ngay ?)?(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})`), func(m []string) (Period, bool) { return day(m[3], m[2], m[1]) }},
	{re(`(?:ngay )?(\d{1,2}) thang (\d{1,2}) nam (\d{4})`), func(m []string) (Period, bool) { return day(m[3], m[2], m[1]) }},

	{re(`(\d{4})-?w(\d{1,2})`), func(m []string) (Period, bool) { return numbered(Week, m[1], m[2]) }},
	{re(`(?:w|tuan ?)(\d{1,2})` + sep + `(\d{4})`), func(m []string) (Period, bool) { return numbered(Week, m[2], m[1]) }},

	{re(`(\d{4})[-/.](\d{1,2})`), func(m []string) (Period, bool) { return numbered(Month, m[1], m[2]) }},
	{re(`(\d{1,2})[-/.](\d{4})`), func(m []string) (Period, bool) { return numbered(Month, m[2], m[1]) }},
	{re(`(?:thang ?|t)(\d{1,2})` + sep + `(\d{4})`), func(m []string) (Period, bool) { return numbered(Month, m[2], m[1]) }},

	{re(`(\d{4})-?q([1-4])`), func(m []string) (Period, bool) { return numbered(Quarter, m[1], m[2]) }},
	{re(`(?:q|quy ?)([1-4]|i|ii|iii|iv)` + sep + `(\d{4})`), func(m []string) (Period, bool) { return numbered(Quarter, m[2], m[1]) }},

	{re(`(\d{4})-?h([12])`), func(m []string) (Period, bool) { return numbered(HalfYear, m[1], m[2]) }},
	{re(`h([12])` + sep + `(\d{4})`), func(m []string) (Period, bool) { return numbered(HalfYear, m[2], m[1]) }},
	{re(`(?:6 thang|nua) (dau|cuoi)(?: nam)? (\d{4})`), func(m []string) (Period, bool) {
		if m[1] == "dau" {
			return numbered(HalfYear, m[2], "1")
		}
		return numbered(HalfYear, m[2], "2")
	}},

	{re(`(?:nam )?(\d{4})`), func(m []string) (Period, bool) { return numbered(Year, m[1], "0") }},
}

func re(s string) *regexp.Regexp { return regexp.MustCompile(`^` + s + `$`) }

// aroundSep matches spaces next to a separator, for removal.
var aroundSep = regexp.MustCompile(` ?([-/.]) ?`)

// Parse reads a period written in any of the forms listed in the package
// documentation.
func Parse(s string) (Period, bool) {
	f := strings.Join(strings.Fields(vi.Fold(s)), " ")
	if len(f) > 40 {
		return Period{}, false // longer than any form; spare the regexps
	}
	f = aroundSep.ReplaceAllString(f, "$1")
	for _, fm := range forms {
		if m := fm.re.FindStringSubmatch(f); m != nil {
			return fm.build(m)
		}
	}
	return Period{}, false
}

// MustParse is Parse for periods written in code and tests; it panics if s
// is not a period.
func MustParse(s string) Period {
	p, ok := Parse(s)
	if !ok {
		panic("period: cannot parse " + strconv.Quote(s))
	}
	return p
}

func day(year, month, dayOfMonth string) (Period, bool) {
	y, m, d := atoi(year), atoi(month), atoi(dayOfMonth)
	if y < 1000 || m < 1 || m > 12 || d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return Period{}, false
	}
	return Date(y, time.Month(m), d), true
}

func numbered(k Kind, year, n string) (Period, bool) {
	return New(k, atoi(year), atoi(n))
}

// atoi reads the digits or Roman numerals (up to IV) the patterns capture.
func atoi(s string) int {
	switch s {
	case "i":
		return 1
	case "ii":
		return 2
	case "iii":
		return 3
	case "iv":
		return 4
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
