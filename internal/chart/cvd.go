package chart

import (
	"fmt"
	"math"
	"strconv"
)

// Colour-vision deficiency. Status colours must stay apart for readers who
// see colours differently, about 8% of men; CVDPairs measures that.

// Vision is a way of seeing colours: normal, or one of the three
// dichromacies simulated with the matrices of Machado, Oliveira and
// Fernandes (2009) at full severity, applied to linear RGB.
type Vision struct {
	Name string
	m    [3][3]float64
}

// Visions are normal vision, protanopia, deuteranopia and tritanopia.
var Visions = []Vision{
	{"normal", [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
	{"protanopia", [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
	{"deuteranopia", [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
	{"tritanopia", [3][3]float64{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}},
}

// Lab is the CIELAB colour (D65) of the sRGB colour hex ("#1e6b34") as
// seen with v.
func (v Vision) Lab(hex string) ([3]float64, error) {
	if len(hex) != 7 || hex[0] != '#' {
		return [3]float64{}, fmt.Errorf("colour %q: want #rrggbb", hex)
	}
	var lin [3]float64
	for i := range 3 {
		n, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return [3]float64{}, fmt.Errorf("colour %q: %w", hex, err)
		}
		c := float64(n) / 255
		if c <= 0.04045 {
			lin[i] = c / 12.92
		} else {
			lin[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	var s [3]float64
	for i := range 3 {
		for j := range 3 {
			s[i] += v.m[i][j] * lin[j]
		}
		s[i] = min(1, max(0, s[i]))
	}
	x := (0.4124564*s[0] + 0.3575761*s[1] + 0.1804375*s[2]) / 0.95047
	y := 0.2126729*s[0] + 0.7151522*s[1] + 0.0721750*s[2]
	z := (0.0193339*s[0] + 0.1191920*s[1] + 0.9503041*s[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}, nil
}

// DeltaE is the CIE76 colour difference: about 2.3 is just noticeable; two
// series colours a reader must tell apart want far more.
func DeltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}
