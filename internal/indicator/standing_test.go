package indicator

import (
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
)

// standing applies from the start of the day s.
func standing(v float64, s string) Target {
	t, _ := time.ParseInLocation("2006-01-02", s, ict)
	return Target{Value: v, From: t}
}

// TestStandingTargetIsNeverMissed: "Thực hiện từ tháng 3/2023" is a level
// to hold from 01/03/2023, not a deadline: before that day the indicator is
// judged on its way there; from it, it meets the target or is below it,
// and is never "missed", whenever it is judged.
func TestStandingTargetIsNeverMissed(t *testing.T) {
	i := ind(Rate, Increase, NoDimension, 40, standing(60, "2023-03-01"))
	for _, tc := range []struct {
		name string
		obs  []Observation
		now  time.Time
		want Status
	}{
		{"on the way, February", []Observation{rate("2023-01", "", 58, 100)}, day("2023-02-01"), OnTrack},
		{"applies and below", []Observation{rate("2023-03", "", 55, 100)}, day("2023-04-01"), BelowTarget},
		{"a year later and below", []Observation{rate("2023-12", "", 55, 100)}, day("2024-06-01"), BelowTarget},
		{"applies and met", []Observation{rate("2023-03", "", 61, 100)}, day("2023-04-01"), Achieved},
		{"the day it applies", []Observation{rate("2023-02", "", 50, 100)}, day("2023-03-01"), BelowTarget},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Compute(i, tc.obs, tc.now, Method{})
			if r.Status != tc.want {
				t.Errorf("got %v, want %v (ratio %.3f)", r.Status, tc.want, r.Ratio)
			}
			if s := Sentence(i, r, diag.VI); strings.Contains(s, "quá hạn") || !strings.Contains(s, "(từ 01/03/2023)") {
				t.Errorf("sentence %q: want the start date and no “quá hạn”", s)
			}
		})
	}
}

// TestStandingAfterDeadlineTarget: a target due first, then a level to hold
// from a later day: the first is current until its deadline, then the
// standing one stays current for good.
func TestStandingAfterDeadlineTarget(t *testing.T) {
	i := ind(Rate, Increase, NoDimension, 40, target(50, "2023-03-31"), standing(80, "2023-07-01"))
	if got := currentTarget(i.Targets, day("2023-03-15")); got.Value != 50 {
		t.Errorf("March: current target %v, want 50", got.Value)
	}
	if got := currentTarget(i.Targets, day("2025-01-01")); got.Value != 80 {
		t.Errorf("2025: current target %v, want 80", got.Value)
	}
	// The expected path reaches 80 on the day it applies.
	if got := PlanValue(i, day("2023-07-01")); !near(got, 80) {
		t.Errorf("expected on 01/07: %v, want 80", got)
	}
}

// TestSentenceSaysWhoSetTheTarget: a milestone the site sets, and a target
// the plan gives as a change from the baseline, say so in the sentence.
func TestSentenceSaysWhoSetTheTarget(t *testing.T) {
	site := ind(Count, Increase, NoDimension, 25, target(53, "2023-12-31"))
	site.Unit, site.Targets[0].Origin = "dịch vụ", OriginSite
	r := Compute(site, []Observation{ob("2023-06", "", 38)}, day("2023-06-30"), Method{})
	if s := Sentence(site, r, diag.VI); !strings.Contains(s, "(hạn 31/12/2023, mốc do trang đặt, không phải của kế hoạch)") {
		t.Errorf("vi: %q", s)
	}
	if s := Sentence(site, r, diag.EN); !strings.Contains(s, "set by this site, not the plan") {
		t.Errorf("en: %q", s)
	}
	cut := ind(Count, Decrease, NoDimension, 1250, target(1000, "2023-06-30"))
	cut.Unit, cut.Targets[0].Change = "trường", -0.2
	r = Compute(cut, []Observation{ob("2023-06", "", 1080)}, day("2023-06-30"), Method{})
	if s := Sentence(cut, r, diag.VI); !strings.Contains(s, "(giảm 20% so với giá trị xuất phát theo kế hoạch; hạn 30/06/2023)") {
		t.Errorf("vi: %q", s)
	}
}

// TestStandingTargetBeforeTheFirstFigure: a level held from 01/03 when the
// figures start on 06/03 (weekly reports): the plan expects that level on
// every day of the figures, the first week included, not a climb from the
// first figure to it.
func TestStandingTargetBeforeTheFirstFigure(t *testing.T) {
	i := ind(Rate, Increase, NoDimension, 34.4, standing(80, "2023-03-01"))
	i.Baseline.Period = period.MustParse("2023-W10")
	for _, d := range []string{"2023-03-08", "2023-03-12", "2023-06-30"} {
		if got := PlanValue(i, day(d)); !near(got, 80) {
			t.Errorf("expected on %s: %v, want 80", d, got)
		}
	}
	if got := PlanValue(i, day("2023-02-20")); !near(got, 34.4) {
		t.Errorf("expected before the target applies: %v, want the baseline", got)
	}
}
