package vi

import (
	"math"
	"testing"
	"time"
)

func TestLocaleFor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "vi"}, {"vi", "vi"}, {"vi-VN", "vi"}, {"en", "en"}, {"EN", "en"},
		{"en-US", "en"}, {"en_GB", "en"}, {"fr", "vi"}, {"eng", "vi"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := LocaleFor(tt.in).Lang; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInt(t *testing.T) {
	tests := []struct {
		name   string
		n      int64
		vi, en string
	}{
		{"zero", 0, "0", "0"},
		{"small", 999, "999", "999"},
		{"thousand", 1000, "1.000", "1,000"},
		{"fifty thousand", 50000, "50.000", "50,000"},
		{"negative", -1234, "-1.234", "-1,234"},
		{"million", 1234567, "1.234.567", "1,234,567"},
		{"min", math.MinInt64, "-9.223.372.036.854.775.808", "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LocaleFor("vi").Int(tt.n); got != tt.vi {
				t.Errorf("vi: got %q, want %q", got, tt.vi)
			}
			if got := LocaleFor("en").Int(tt.n); got != tt.en {
				t.Errorf("en: got %q, want %q", got, tt.en)
			}
		})
	}
}

func TestFloat(t *testing.T) {
	tests := []struct {
		name     string
		x        float64
		decimals int
		vi, en   string
	}{
		{"one decimal", 94, 1, "94,0", "94.0"},
		{"grouped", 1234.5, 1, "1.234,5", "1,234.5"},
		{"no decimals", 1234.5, 0, "1.235", "1,235"},
		{"negative decimals", 1234.5, -1, "1.235", "1,235"},
		{"half away from zero", 0.125, 2, "0,13", "0.13"},
		{"negative half", -0.125, 2, "-0,13", "-0.13"},
		{"shortest form", 2.675, 2, "2,68", "2.68"},
		{"carry", 999.96, 1, "1.000,0", "1,000.0"},
		{"carry to new digit", 9.5, 0, "10", "10"},
		{"no minus zero", -0.04, 1, "0,0", "0.0"},
		{"negative zero", math.Copysign(0, -1), 2, "0,00", "0.00"},
		{"padding", 1.5, 3, "1,500", "1.500"},
		{"tiny", 1e-10, 2, "0,00", "0.00"},
		{"large", 1e21, 0, "1.000.000.000.000.000.000.000", "1,000,000,000,000,000,000,000"},
		{"nan", math.NaN(), 1, "NaN", "NaN"},
		{"inf", math.Inf(1), 1, "∞", "∞"},
		{"minus inf", math.Inf(-1), 1, "-∞", "-∞"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LocaleFor("vi").Float(tt.x, tt.decimals); got != tt.vi {
				t.Errorf("vi: got %q, want %q", got, tt.vi)
			}
			if got := LocaleFor("en").Float(tt.x, tt.decimals); got != tt.en {
				t.Errorf("en: got %q, want %q", got, tt.en)
			}
		})
	}
}

func TestPercent(t *testing.T) {
	if got, want := LocaleFor("vi").Percent(94, 1), "94,0%"; got != want {
		t.Errorf("vi: got %q, want %q", got, want)
	}
	if got, want := LocaleFor("en").Percent(94, 1), "94.0%"; got != want {
		t.Errorf("en: got %q, want %q", got, want)
	}
}

func TestDates(t *testing.T) {
	at := time.Date(2023, time.June, 30, 9, 0, 0, 0, time.UTC)
	early := time.Date(2024, time.January, 5, 17, 45, 0, 0, time.UTC)
	vi, en := LocaleFor("vi"), LocaleFor("en")
	tests := []struct {
		name, got, want string
	}{
		{"vi date", vi.Date(at), "30/06/2023"},
		{"vi date padded", vi.Date(early), "05/01/2024"},
		{"en date", en.Date(at), "30 Jun 2023"},
		{"en date unpadded", en.Date(early), "5 Jan 2024"},
		{"vi datetime", vi.DateTime(at), "09:00 30/06/2023"},
		{"en datetime", en.DateTime(at), "30 Jun 2023 09:00"},
		{"vi afternoon", vi.DateTime(early), "17:45 05/01/2024"},
		{"vi month", vi.MonthYear(2023, 6), "tháng 6/2023"},
		{"en month", en.MonthYear(2023, 6), "June 2023"},
		{"en bad month", en.MonthYear(2023, 13), "13/2023"},
		{"vi quarter", vi.Quarter(2023, 2), "Quý II/2023"},
		{"vi quarter 4", vi.Quarter(2023, 4), "Quý IV/2023"},
		{"en quarter", en.Quarter(2023, 2), "Q2 2023"},
		{"vi bad quarter", vi.Quarter(2023, 5), "Quý 5/2023"},
		{"zero locale", Locale{}.Date(at), "30/06/2023"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
