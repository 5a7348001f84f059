package indicator

import (
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/period"
)

func TestDimSeriesEndsAtBreakdown(t *testing.T) {
	mp := func(m int) period.Period { return period.Period{Kind: period.Month, Year: 2023, N: m} }
	now := time.Date(2023, 4, 15, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		ind  *Indicator
		obs  []Observation
	}{
		{"rate", &Indicator{Measure: Rate, Dimension: ByUnit}, []Observation{
			{Period: mp(1), Dim: "a", Num: 1, Den: 4}, {Period: mp(1), Dim: "b", Num: 3, Den: 4},
			{Period: mp(2), Dim: "a", Num: 2, Den: 4}, {Period: mp(3), Dim: "b", Num: 4, Den: 5},
			{Period: mp(5), Dim: "a", Num: 4, Den: 4}, // not yet counted
		}},
		{"cumulative", &Indicator{Measure: Cumulative, Dimension: ByCommune}, []Observation{
			{Period: mp(1), Dim: "a", Value: 10}, {Period: mp(1), Dim: "b", Value: 20},
			{Period: mp(2), Dim: "a", Value: 15}, {Period: mp(3), Dim: "b", Value: 30},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := Compute(tc.ind, tc.obs, now, Method{})
			for _, d := range res.Breakdown {
				s := DimSeries(tc.ind, tc.obs, d.Dim, now)
				if len(s) == 0 {
					t.Fatalf("%s: no series", d.Dim)
				}
				last := s[len(s)-1]
				if last.Period != d.Period || last.Value != d.Value {
					t.Errorf("%s: series ends at %v %v, breakdown says %v %v", d.Dim, last.Period, last.Value, d.Period, d.Value)
				}
			}
			if s := DimSeries(tc.ind, tc.obs, "a", now); tc.name == "rate" && len(s) != 2 {
				t.Errorf("a: %d points, want 2 (May is not counted in April)", len(s))
			}
		})
	}
}
