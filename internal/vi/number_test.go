package vi

import (
	"math"
	"strconv"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		name         string
		in           string
		decimalComma bool
		want         float64
		ok           bool
	}{
		{"plain", "1234", true, 1234, true},
		{"plain en", "1234", false, 1234, true},
		{"vi thousands", "1.234", true, 1234, true},
		{"vi millions", "1.234.567", true, 1234567, true},
		{"vi decimal", "12,5", true, 12.5, true},
		{"vi both", "1.234,5", true, 1234.5, true},
		{"en thousands", "1,234", false, 1234, true},
		{"en decimal", "12.5", false, 12.5, true},
		{"en both", "1,234.5", false, 1234.5, true},
		{"en dot is decimal", "1.234", false, 1.234, true},
		{"vi comma is decimal", "1,234", true, 1.234, true},
		{"negative", "-1.234,5", true, -1234.5, true},
		{"plus", "+7", true, 7, true},
		{"minus sign", "−3,5", true, -3.5, true},
		{"percent", "94,5%", true, 94.5, true},
		{"percent with space", "94,5 %", true, 94.5, true},
		{"spaces", "  50.000\t", true, 50000, true},
		{"nbsp", "\u00a050.000\u00a0", true, 50000, true},
		{"narrow nbsp", "\u202f12\u202f", true, 12, true},
		{"leading zeros", "007", true, 7, true},
		{"zero decimal", "0,5", true, 0.5, true},
		{"negative zero", "-0", true, 0, true},

		{"empty", "", true, 0, false},
		{"only spaces", "  ", true, 0, false},
		{"letters", "abc", true, 0, false},
		{"two decimals", "1.2.3,4,5", true, 0, false},
		{"bad groups", "1,23,4", false, 0, false},
		{"bad groups vi", "1.23.4", true, 0, false},
		{"en decimal in vi", "12.5", true, 0, false},
		{"vi number in en", "1.234,5", false, 0, false},
		{"short group", "12.34", true, 0, false},
		{"long head", "1234.567", true, 0, false},
		{"zero head", "0.123", true, 0, false},
		{"no integer", ",5", true, 0, false},
		{"no fraction", "5,", true, 0, false},
		{"group after decimal", "1,234.5", true, 0, false},
		{"trailing group", "1.", true, 0, false},
		{"sign only", "-", true, 0, false},
		{"percent only", "%", true, 0, false},
		{"double percent", "5%%", true, 0, false},
		{"double sign", "--5", true, 0, false},
		{"space after sign", "- 5", true, 0, false},
		{"inner space", "50 000", true, 0, false},
		{"exponent", "1e5", false, 0, false},
		{"hex", "0x10", false, 0, false},
		{"inf", "Inf", false, 0, false},
		{"nan", "NaN", false, 0, false},
		{"underscore", "1_000", false, 0, false},
		{"overflow", repeatDigits(400), false, 0, false},
		{"fullwidth digits", "１２", false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseNumber(tt.in, tt.decimalComma)
			if ok != tt.ok || got != tt.want || math.Signbit(got) != math.Signbit(tt.want) {
				t.Errorf("ParseNumber(%q, %v) = %v, %v, want %v, %v", tt.in, tt.decimalComma, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func repeatDigits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '9'
	}
	return string(b)
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1234", "1.234", "1.234,5", "1,234.5", "12,5", "-3%", " 50.000 ", "1.2.3,4,5", "abc", "0.123"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, decimalComma bool) {
		v, ok := ParseNumber(s, decimalComma)
		if !ok {
			if v != 0 {
				t.Errorf("ParseNumber(%q, %v) = %v, false; want 0 when not ok", s, decimalComma, v)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("ParseNumber(%q, %v) = %v", s, decimalComma, v)
		}
		// What a Locale writes, ParseNumber reads back.
		loc := LocaleFor("en")
		if decimalComma {
			loc = LocaleFor("vi")
		}
		text := loc.Float(v, 3)
		back, ok := ParseNumber(text, decimalComma)
		want, _ := strconv.ParseFloat(plain(v, 3), 64)
		if !ok || back != want {
			t.Errorf("ParseNumber(%q) = %v, %v, want %v (from %q)", text, back, ok, want, s)
		}
	})
}

// plain is Locale.Float without grouping and with a '.', for comparison.
func plain(x float64, decimals int) string {
	neg := x < 0
	i, f := roundDecimal(strconv.FormatFloat(math.Abs(x), 'f', -1, 64), decimals)
	s := i + "." + f
	if neg {
		s = "-" + s
	}
	return s
}
