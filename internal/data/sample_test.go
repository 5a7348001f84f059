package data

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
)

// sampleSite reads the sample site's data/ as the load stage does
// (Load), judged at the end of 30/06/2023 — the sample's asOf — failing on
// any diagnostic.
func sampleSite(tb testing.TB) ([]*indicator.Indicator, map[string][]indicator.Observation) {
	tb.Helper()
	l := &diag.List{}
	set := Load(os.DirFS(filepath.Join("..", "..")), LoadOptions{Location: ict,
		Now: time.Date(2023, 6, 30, 23, 59, 0, 0, ict), From: "2022-01", To: "2023-12", WeeklyRule: "trước 09h ngày Thứ 3 hàng tuần"}, l)
	if l.Len() > 0 {
		tb.Fatalf("the sample data has problems:\n%s", l.Format(diag.VI))
	}
	var inds []*indicator.Indicator
	obs := map[string][]indicator.Observation{}
	for _, s := range set.Indicators {
		inds = append(inds, s.Ind)
		obs[s.Ind.ID] = s.Obs
	}
	return inds, obs
}

func TestSampleData(t *testing.T) {
	inds, obs := sampleSite(t)
	if len(inds) != 11 {
		t.Errorf("got %d indicators, want 11", len(inds))
	}
	for _, ind := range inds {
		if !ind.Illustrative || !strings.Contains(ind.Source, "minh họa") {
			t.Errorf("%s: sample figures must be marked illustrative", ind.ID)
		}
		// The registry's baseline must be what the file says for that period.
		r := indicator.Compute(ind, obs[ind.ID], time.Date(2024, 1, 1, 0, 0, 0, 0, ict), indicator.Method{})
		if len(r.Series) == 0 || r.Series[0].Period != ind.Baseline.Period {
			t.Errorf("%s: the file has no figure for the baseline period %s", ind.ID, ind.Baseline.Period)
			continue
		}
		// Half a unit of the last decimal shown: 0.5 for counts, 0.05 for rates.
		if got, tol := r.Series[0].Value, 0.5*math.Pow(10, -float64(ind.Decimals)); math.Abs(got-ind.Baseline.Value) > tol {
			t.Errorf("%s: baseline %v in indicators.toml, %v in the file", ind.ID, ind.Baseline.Value, got)
		}
	}
}

// TestSampleStatuses keeps the sample site showing every status as of the
// end of 30/06/2023, the day it is judged at (asOf in config.toml). Its data
// stop there: a figure of a later period could not be known on that day.
func TestSampleStatuses(t *testing.T) {
	inds, obs := sampleSite(t)
	june := time.Date(2023, 6, 30, 23, 59, 59, 0, ict)
	want := map[string]indicator.Status{
		"tai-khoan-dinh-danh-dien-tu":    indicator.Behind,
		"dich-vu-cong-thiet-yeu":         indicator.OnTrack,
		"can-bo-nop-ho-so-truc-tuyen":    indicator.BelowTarget,
		"thu-tuc-toan-trinh":             indicator.BelowTarget,
		"dvc-toan-trinh-dong-bo":         indicator.Achieved,
		"dvc-toan-trinh-co-ho-so":        indicator.BelowTarget,
		"ho-so-truc-tuyen":               indicator.Achieved,
		"ho-so-truc-tuyen-dvc-thiet-yeu": indicator.BelowTarget,
		"thong-tin-phai-khai-bao":        indicator.AtRisk,
		"tai-khoan-an-sinh-ho-ngheo":     indicator.Missed,
		"so-hoa-du-lieu-chuyen-nganh":    indicator.Behind,
	}
	for _, ind := range inds {
		r := indicator.Compute(ind, obs[ind.ID], june, indicator.DefaultMethod())
		t.Logf("%-32s %-10s %-22s %s", ind.ID, r.Latest.Period,
			fmt.Sprintf("%s %s (%.3f)", r.Status.Icon(), r.Status, r.Ratio), indicator.Sentence(ind, r, diag.VI))
		if w := want[ind.ID]; r.Status != w {
			t.Errorf("%s at 30/06/2023: got %v, want %v", ind.ID, r.Status, w)
		}
		for _, o := range obs[ind.ID] {
			if o.Period.Start().After(june) {
				t.Errorf("%s: a figure for %s, after the day the sample is judged at", ind.ID, o.Period)
			}
		}
	}
}

// TestSampleUnitsFindThemselves makes sure no name of the real unit list is
// shared, so that every way of writing a unit finds it.
func TestSampleUnitsFindThemselves(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "data", "units.toml"))
	if err != nil {
		t.Fatal(err)
	}
	l := &diag.List{}
	us := ParseUnits("data/units.toml", src, l)
	if l.Len() > 0 {
		t.Fatal(l.Format(diag.VI))
	}
	for _, u := range us.All {
		for _, text := range []string{u.ID, u.Name, u.Short, strings.ToUpper(u.Short)} {
			if got, ok := us.Lookup(text); !ok || got.ID != u.ID {
				t.Errorf("Lookup(%q) = %q, %v; want %q", text, got.ID, ok, u.ID)
			}
		}
	}
}
