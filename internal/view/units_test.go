package view

import (
	"testing"

	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
)

// TestUnitRanks: a unit is ranked among the units of its level with a
// figure (the office apart from the communes); equal figures share a
// place; for a decrease the lowest is first; a rate is compared with the
// district's rate, a count given as a share of the total.
func TestUnitRanks(t *testing.T) {
	env := testEnv(t, "vi")
	jun := period.Period{Kind: period.Month, Year: 2023, N: 6}
	may := period.Period{Kind: period.Month, Year: 2023, N: 5}
	judge := func(ind *indicator.Indicator, obs []indicator.Observation) Indicator {
		return Indicator{Ind: ind, Obs: obs, Result: indicator.Compute(ind, obs, env.Now, indicator.Method{})}
	}
	rate := &indicator.Indicator{ID: "ty-le", Title: "Tỷ lệ", Measure: indicator.Rate, Dimension: indicator.ByUnit, Decimals: 1}
	count := &indicator.Indicator{ID: "so-luong", Title: "Số lượng", Unit: "hồ sơ", Measure: indicator.Count, Dimension: indicator.ByCommune, Direction: indicator.Decrease}
	inds := []Indicator{
		judge(rate, []indicator.Observation{
			{Period: may, Dim: "xa-a", Num: 1, Den: 2}, {Period: jun, Dim: "xa-a", Num: 3, Den: 4},
			{Period: jun, Dim: "xa-binh", Num: 6, Den: 8}, {Period: jun, Dim: "cong-an-huyen", Num: 1, Den: 4},
		}),
		judge(count, []indicator.Observation{{Period: jun, Dim: "xa-a", Value: 30}, {Period: jun, Dim: "xa-binh", Value: 10}}),
	}
	cards := []*IndicatorCard{{ID: "ty-le", Title: "Tỷ lệ", Path: "/chi-tieu/ty-le/"}, {ID: "so-luong", Title: "Số lượng", Path: "/chi-tieu/so-luong/"}}
	scores := env.unitScores(inds, cards)
	type want struct {
		value, rank, cmp string
	}
	for unit, w := range map[string][]want{
		"xa-a":          {{"75,0%", "1/2", "tren-muc-huyen"}, {"30 hồ sơ", "2/2", "ty-trong"}},
		"xa-binh":       {{"75,0%", "1/2", "tren-muc-huyen"}, {"10 hồ sơ", "1/2", "ty-trong"}},
		"cong-an-huyen": {{"25,0%", "1/1", "duoi-muc-huyen"}},
	} {
		got := scores[unit]
		if len(got) != len(w) {
			t.Fatalf("%s: %d scores, want %d", unit, len(got), len(w))
		}
		for i, s := range got {
			if s.Value != w[i].value || s.RankText != w[i].rank || s.Compare == nil || s.Compare.Slug != w[i].cmp {
				t.Errorf("%s, %s: %s, rank %s, %v; want %s, rank %s, %s", unit, s.Card.ID, s.Value, s.RankText, s.Compare, w[i].value, w[i].rank, w[i].cmp)
			}
		}
	}
	if pts := scores["xa-a"][0].dimPoints; len(pts) != 2 || pts[0].Value != 50 || pts[1].Value != 75 {
		t.Errorf("xa-a's own series %+v, want 50 then 75", pts)
	}
}
