package view

import (
	"math"
	"strconv"
	"testing"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/plan"
)

// minStatusDeltaE is the least CIE76 difference between two status
// colours, with normal vision and with each dichromacy simulated: far above
// the 2.3 of a just noticeable difference, so that a reader with
// protanopia, deuteranopia or tritanopia tells any two bars apart.
const minStatusDeltaE = 15

// The charts colour tasks by status (their segments also carry the
// status' icon): every pair of status colours must stay apart however the
// reader sees colour, and carry white labels at 4.5:1.
func TestStatusColoursColourBlind(t *testing.T) {
	st := plan.Statuses()
	for _, v := range chart.Visions {
		for i := range st {
			a, err := v.Lab(st[i].Color())
			if err != nil {
				t.Fatal(err)
			}
			for j := i + 1; j < len(st); j++ {
				b, err := v.Lab(st[j].Color())
				if err != nil {
					t.Fatal(err)
				}
				if d := chart.DeltaE(a, b); d < minStatusDeltaE {
					t.Errorf("%s: %q (%s) and %q (%s) differ by ΔE %.1f, want at least %d",
						v.Name, st[i].Label().In("vi"), st[i].Color(), st[j].Label().In("vi"), st[j].Color(), d, minStatusDeltaE)
				}
			}
		}
	}
	for _, s := range st {
		if c := contrastWithWhite(s.Color()); c < 4.5 {
			t.Errorf("%q (%s): %.2f:1 against white labels, want 4.5:1", s.Label().In("vi"), s.Color(), c)
		}
	}
}

func contrastWithWhite(hex string) float64 {
	var l [3]float64
	for i := range 3 {
		n, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(n) / 255
		if c <= 0.04045 {
			l[i] = c / 12.92
		} else {
			l[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 1.05 / (0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2] + 0.05)
}
