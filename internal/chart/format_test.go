package chart

import (
	"math"
	"strconv"
	"testing"
)

func TestFormatMarker(t *testing.T) {
	tests := []struct {
		marker string
		v      float64
		want   string
	}{
		{"vi-number", 50000, "50.000"},
		{"vi-number", 0, "0"},
		{"vi-number", math.Copysign(0, -1), "0"},
		{"vi-number", 999, "999"},
		{"vi-number", 1234567.891, "1.234.567,89"},
		{"vi-number", -1500, "-1.500"},
		{"vi-number", 0.125, "0,13"}, // exact tie: half away from zero, as Intl
		{"vi-number", 1.005, "1"},    // 1.00499999… in binary
		{"vi-number", 9.999, "10"},
		{"vi-number", -0.001, "0"},
		{"vi-percent", 12.5, "12,5%"},
		{"en-number", 50000, "50,000"},
		{"en-number", 1234.5, "1,234.5"},
		{"en-percent", 99.995, "100%"},
		{"xx-number", 1234.5, "1,234.5"},
	}
	for _, tt := range tests {
		t.Run(tt.marker+"/"+strconv.FormatFloat(tt.v, 'g', -1, 64), func(t *testing.T) {
			if got := formatMarker(tt.marker, tt.v); got != tt.want {
				t.Errorf("formatMarker(%q, %v) = %q, want %q", tt.marker, tt.v, got, tt.want)
			}
		})
	}
}

func TestNiceMax(t *testing.T) {
	tests := []struct {
		top, max, interval float64
	}{
		{80000, 80000, 20000},
		{50000, 50000, 10000},
		{90000, 100000, 20000},
		{35, 40, 10},
		{100, 100, 20},
		{101, 120, 20},
		{0.3, 0.3, 0.05},
		{0, 1, 0.2},
	}
	for _, tt := range tests {
		max, interval := niceMax(tt.top)
		if max != tt.max || interval != tt.interval {
			t.Errorf("niceMax(%v) = %v, %v, want %v, %v", tt.top, max, interval, tt.max, tt.interval)
		}
		if max < tt.top {
			t.Errorf("niceMax(%v) = %v, below", tt.top, max)
		}
	}
}

func TestMeasureText(t *testing.T) {
	if got, want := measureText("Hồ sơ", "12px sans-serif"), measureText("Ho so", "12px sans-serif"); got != want {
		t.Errorf("Hồ sơ is %v wide, Ho so %v: marks should take no room", got, want)
	}
	// Decomposed input (NFD) measures the same as composed.
	if got, want := measureText("Ho\u0302\u0300 so\u031b", "12px x"), measureText("Hồ sơ", "12px x"); got != want {
		t.Errorf("NFD %v, NFC %v", got, want)
	}
	if a, b := measureText("Mục tiêu", "bold 18px x"), measureText("Mục tiêu", "18px x"); a <= b {
		t.Errorf("bold %v not wider than regular %v", a, b)
	}
	if a, b := measureText("50.000", "24px/1.2 x"), measureText("50.000", "12px x"); math.Abs(a-2*b) > 0.02 {
		t.Errorf("24px %v, 12px %v", a, b)
	}
	if got := measureText("", "12px x"); got != 0 {
		t.Errorf("empty text is %v wide", got)
	}
}

func TestPaletteContrast(t *testing.T) {
	colors := append([]string{textColor, titleColor, axisColor, targetColor, expectedColor}, palette...)
	for _, c := range colors {
		if r := contrast(c, "#ffffff"); r < 4.5 {
			t.Errorf("%s on white: contrast %.2f:1, want ≥ 4.5:1", c, r)
		}
	}
	for i := 1; i < len(palette); i++ {
		if palette[i] == palette[i-1] {
			t.Errorf("palette repeats %s", palette[i])
		}
	}
}

// contrast is the WCAG 2 contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	ch := func(s string) float64 {
		v, _ := strconv.ParseUint(s, 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(hex[1:3]) + 0.7152*ch(hex[3:5]) + 0.0722*ch(hex[5:7])
}
