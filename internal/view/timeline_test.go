package view

import (
	"fmt"
	"math"
	"testing"

	"github.com/tiendo/tiendo/internal/period"
)

func TestTimeline(t *testing.T) {
	ps := func(ss ...string) []period.Period {
		var out []period.Period
		for _, s := range ss {
			out = append(out, period.MustParse(s))
		}
		return out
	}
	tests := []struct {
		name string
		in   []period.Period
		want string
		idx  string
	}{
		{"a missing month is a gap", ps("2023-02", "2023-03", "2023-04", "2023-06", "2023-09"),
			"[2023-02 2023-03 2023-04 2023-05 2023-06 2023-07 2023-08 2023-09]", "[0 1 2 4 7]"},
		{"weeks across a year", ps("2022-W51", "2023-W02"), "[2022-W51 2022-W52 2023-W01 2023-W02]", "[0 3]"},
		{"even already", ps("2023-Q1", "2023-Q2"), "[2023-Q1 2023-Q2]", "[0 1]"},
		{"mixed kinds stay", ps("2023-Q1", "2023-05"), "[2023-Q1 2023-05]", "[0 1]"},
		{"out of order stays", ps("2023-05", "2023-03"), "[2023-05 2023-03]", "[0 1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, idx := timeline(tt.in)
			if fmt.Sprint(got) != tt.want || fmt.Sprint(idx) != tt.idx {
				t.Errorf("timeline = %v %v, want %s %s", got, idx, tt.want, tt.idx)
			}
		})
	}
	v := spread([]float64{1, 2}, []int{0, 3}, 4)
	if v[0] != 1 || !math.IsNaN(v[1]) || !math.IsNaN(v[2]) || v[3] != 2 {
		t.Errorf("spread = %v", v)
	}
}
