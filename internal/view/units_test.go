package view

import (
	"strings"
	"testing"
	"time"

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

// TestUnitTargetsShown: where a target assigns a unit its own value, the
// score gives it, the share reached and, once known, the status; a unit
// without one claims none.
func TestUnitTargetsShown(t *testing.T) {
	env := testEnv(t, "vi")
	jun := period.Period{Kind: period.Month, Year: 2023, N: 6}
	ind := &indicator.Indicator{ID: "vneid", Title: "Tài khoản", Unit: "tài khoản", Measure: indicator.Cumulative, Dimension: indicator.ByCommune,
		Targets: []indicator.Target{{Value: 100, Deadline: day(2023, 6, 30), ByUnit: map[string]float64{"xa-a": 40}},
			{Value: 200, Deadline: day(2023, 12, 31), ByUnit: map[string]float64{"xa-a": 80, "xa-binh": 120}}}}
	obs := []indicator.Observation{{Period: jun, Dim: "xa-a", Value: 50}, {Period: jun, Dim: "xa-binh", Value: 30}}
	for _, tc := range []struct {
		name             string
		now              string
		a, binh          string // target · pct · status slug
		binhDistrictOnly bool
	}{
		{"due today", "2023-06-30", "40 tài khoản · 125,0% · da-dat", "", true},
		{"after the first deadline", "2023-07-15", "80 tài khoản · 62,5% · ", "120 tài khoản · 25,0% · ", false},
		{"all overdue", "2024-01-02", "80 tài khoản · 62,5% · qua-han-chua-dat", "120 tài khoản · 25,0% · qua-han-chua-dat", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := env
			e.Now, _ = time.ParseInLocation("2006-01-02", tc.now, hcm)
			e.Now = e.Now.Add(12 * time.Hour)
			k := Indicator{Ind: ind, Obs: obs, Result: indicator.Compute(ind, obs, e.Now, indicator.Method{})}
			scores := e.unitScores([]Indicator{k}, []*IndicatorCard{{ID: "vneid", Title: "Tài khoản"}})
			show := func(s *Score) string {
				if s.NoUnitTarget {
					return ""
				}
				st := ""
				if s.Status != nil {
					st = s.Status.Slug
				}
				return strings.SplitN(s.Target, " (", 2)[0] + " · " + s.Pct + " · " + st
			}
			if got := show(scores["xa-a"][0]); got != tc.a {
				t.Errorf("xa-a: %q, want %q", got, tc.a)
			}
			if got := show(scores["xa-binh"][0]); got != tc.binh || scores["xa-binh"][0].NoUnitTarget != tc.binhDistrictOnly {
				t.Errorf("xa-binh: %q (district only %v), want %q", got, scores["xa-binh"][0].NoUnitTarget, tc.binh)
			}
		})
	}
}
