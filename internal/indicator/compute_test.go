package indicator

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
)

var ict = time.FixedZone("ICT", 7*60*60)

func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, ict)
	if err != nil {
		t, err = time.ParseInLocation("2006-01-02", s, ict)
		if err != nil {
			panic(err)
		}
		t = t.Add(12 * time.Hour)
	}
	return t
}

// target is due at the end of the day s.
func target(v float64, s string) Target {
	t, _ := time.ParseInLocation("2006-01-02", s, ict)
	return Target{Value: v, Deadline: EndOfDay(t.Year(), t.Month(), t.Day(), ict)}
}

func ob(p string, dim string, v float64) Observation {
	return Observation{Period: period.MustParse(p), Dim: dim, Value: v}
}

func rate(p string, dim string, num, den float64) Observation {
	return Observation{Period: period.MustParse(p), Dim: dim, Value: num / den * 100, Num: num, Den: den}
}

func ind(measure Measure, dir Direction, dim Dimension, base float64, targets ...Target) *Indicator {
	return &Indicator{
		ID: "x", Unit: "tài khoản", Measure: measure, Direction: dir, Dimension: dim,
		Baseline: Baseline{Period: period.MustParse("2022-12"), Value: base},
		Targets:  targets, Frequency: period.Month,
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-3 }

func TestCompute(t *testing.T) {
	tests := []struct {
		name   string
		ind    *Indicator
		obs    []Observation
		now    time.Time
		status Status
		latest float64 // NaN: no latest point
		expect float64
		ratio  float64
		pct    float64
	}{
		{
			// 53 services by 31/12/2023, 53 reported for March.
			// Expected on 15/04: 105 days (31+28+31+15) of 365 from
			// 01/01/2023 to 01/01/2024 → 20 + 33×105/365 = 29.4932.
			// Ratio 53 / 29.4932 = 1.79702; share 53/53 = 100%.
			name: "count target met early",
			ind:  ind(Count, Increase, NoDimension, 20, target(53, "2023-12-31")),
			obs:  []Observation{ob("2023-01", "", 25), ob("2023-02", "", 40), ob("2023-03", "", 53)},
			now:  day("2023-04-15"), status: Achieved, latest: 53, expect: 29.4932, ratio: 1.79702, pct: 100,
		},
		{
			// Commune A 9/10 = 90%, commune B 20/100 = 20%. The district
			// rate is (9+20)/(10+100) = 29/110 = 26.3636%, not the mean of
			// rates (90+20)/2 = 55%. Target 60% due 31/03; on 31/03 the
			// line has reached it: 90 of 90 days → expected 60.
			// Ratio 26.3636/60 = 0.43939 < 0.8 → at risk.
			name: "rate summed across communes",
			ind:  ind(Rate, Increase, ByCommune, 20, target(60, "2023-03-31")),
			obs:  []Observation{rate("2023-03", "xa-a", 9, 10), rate("2023-03", "xa-b", 20, 100)},
			now:  day("2023-03-31"), status: AtRisk, latest: 26.3636, expect: 60, ratio: 0.43939, pct: 43.9394,
		},
		{
			// 100% due 30/04; on 10/06 May stands at 970/1000 = 97%.
			// The deadline has passed, so expected = 100, ratio 0.97.
			name: "deadline passed not met",
			ind:  ind(Rate, Increase, NoDimension, 50, target(100, "2023-04-30")),
			obs:  []Observation{rate("2023-05", "", 970, 1000)},
			now:  day("2023-06-10"), status: Missed, latest: 97, expect: 100, ratio: 0.97, pct: 97,
		},
		{
			// 10 000 → 50 000 by 30/06. On 31/03, 90 of 181 days:
			// 10000 + 40000×90/181 = 29889.5028. 27000/29889.5028 =
			// 0.90333: between 0.8 and 0.95 → behind. 27000/50000 = 54%.
			name: "behind schedule",
			ind:  ind(Cumulative, Increase, NoDimension, 10000, target(50000, "2023-06-30")),
			obs:  []Observation{ob("2023-02", "", 21000), ob("2023-03", "", 27000)},
			now:  day("2023-03-31"), status: Behind, latest: 27000, expect: 29889.5028, ratio: 0.90333, pct: 54,
		},
		{
			// April's figure does not count before 30/04. Expected on
			// 29/04: 119 of 181 days → 10000 + 40000×119/181 = 36298.3425.
			name: "no data yet",
			ind:  ind(Cumulative, Increase, NoDimension, 10000, target(50000, "2023-06-30")),
			obs:  []Observation{ob("2023-04", "", 30000)},
			now:  day("2023-04-29"), status: NoData, latest: math.NaN(), expect: 36298.3425,
		},
		{
			// March: A 210 + B 330 + C's February total 80 = 620, not the
			// 540 of March's rows alone. Expected on 31/03: 0 + 1000×90/181
			// = 497.2376; ratio 620/497.2376 = 1.24689 → on track.
			name: "cumulative with a commune missing its latest month",
			ind:  ind(Cumulative, Increase, ByCommune, 0, target(1000, "2023-06-30")),
			obs: []Observation{
				ob("2023-01", "a", 100), ob("2023-01", "b", 200), ob("2023-01", "c", 50),
				ob("2023-02", "a", 150), ob("2023-02", "b", 260), ob("2023-02", "c", 80),
				ob("2023-03", "a", 210), ob("2023-03", "b", 330),
			},
			now: day("2023-03-31"), status: OnTrack, latest: 620, expect: 497.2376, ratio: 1.24689, pct: 62,
		},
		{
			// 1250 fields → at most 1000 by 30/06. On 31/03 the expected
			// value is 1250 − 250×90/181 = 1125.6906, a reduction of
			// 124.3094; 1150 is a reduction of 100: ratio 100/124.3094 =
			// 0.80445 → behind. Share of the planned cut: 100/250 = 40%.
			name: "decrease behind",
			ind:  ind(Count, Decrease, NoDimension, 1250, target(1000, "2023-06-30")),
			obs:  []Observation{ob("2023-03", "", 1150)},
			now:  day("2023-03-31"), status: Behind, latest: 1150, expect: 1125.6906, ratio: 0.80445, pct: 40,
		},
		{
			// 980 ≤ 1000: achieved. Cut 270 of 250 = 108%; expected 1000,
			// ratio 270/250 = 1.08.
			name: "decrease achieved",
			ind:  ind(Count, Decrease, NoDimension, 1250, target(1000, "2023-06-30")),
			obs:  []Observation{ob("2023-06", "", 980)},
			now:  day("2023-06-30"), status: Achieved, latest: 980, expect: 1000, ratio: 1.08, pct: 108,
		},
		{
			// 1080 > 1000 after 30/06: missed. Cut 170 of 250 = 68%.
			name: "decrease missed",
			ind:  ind(Count, Decrease, NoDimension, 1250, target(1000, "2023-06-30")),
			obs:  []Observation{ob("2023-06", "", 1080)},
			now:  day("2023-07-05"), status: Missed, latest: 1080, expect: 1000, ratio: 0.68, pct: 68,
		},
		{
			// Two targets: 60 by 31/03, 80 by 30/06. On 15/05 the current
			// target is 80 and the line runs from (01/04, 60) to (01/07,
			// 80): 45 of 91 days → 60 + 20×45/91 = 69.8901. 70/69.8901 =
			// 1.00157 → on track; 70/80 = 87.5% of the target.
			name: "piecewise targets",
			ind:  ind(Percent, Increase, NoDimension, 0, target(60, "2023-03-31"), target(80, "2023-06-30")),
			obs:  []Observation{ob("2023-04", "", 70)},
			now:  day("2023-05-15"), status: OnTrack, latest: 70, expect: 69.8901, ratio: 1.00157, pct: 87.5,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compute(tt.ind, tt.obs, tt.now, Method{})
			if r.Status != tt.status {
				t.Errorf("status: got %v, want %v", r.Status, tt.status)
			}
			switch {
			case math.IsNaN(tt.latest) && r.Latest != nil:
				t.Errorf("latest: got %v, want none", r.Latest.Value)
			case !math.IsNaN(tt.latest) && r.Latest == nil:
				t.Errorf("latest: got none, want %v", tt.latest)
			case r.Latest != nil && !near(r.Latest.Value, tt.latest):
				t.Errorf("latest: got %.4f, want %.4f", r.Latest.Value, tt.latest)
			}
			if !near(r.Expected, tt.expect) {
				t.Errorf("expected: got %.4f, want %.4f", r.Expected, tt.expect)
			}
			if r.Latest != nil {
				if !near(r.Ratio, tt.ratio) {
					t.Errorf("ratio: got %.5f, want %.5f", r.Ratio, tt.ratio)
				}
				if !near(r.PctOfTarget, tt.pct) {
					t.Errorf("pct of target: got %.4f, want %.4f", r.PctOfTarget, tt.pct)
				}
			}
		})
	}
}

func TestRateIsNotMeanOfRates(t *testing.T) {
	obs := []Observation{rate("2023-03", "xa-a", 9, 10), rate("2023-03", "xa-b", 20, 100)}
	r := Compute(ind(Rate, Increase, ByCommune, 0, target(100, "2023-12-31")), obs, day("2023-04-01"), Method{})
	if r.Latest.Num != 29 || r.Latest.Den != 110 {
		t.Errorf("sums: got %v/%v, want 29/110", r.Latest.Num, r.Latest.Den)
	}
	mean := (obs[0].Value + obs[1].Value) / 2 // 55
	if near(r.Latest.Value, mean) {
		t.Errorf("district rate %.4f equals the mean of rates", r.Latest.Value)
	}
	want := []DimValue{
		{Dim: "xa-a", Period: period.MustParse("2023-03"), Value: 90, Num: 9, Den: 10},
		{Dim: "xa-b", Period: period.MustParse("2023-03"), Value: 20, Num: 20, Den: 100},
	}
	if len(r.Breakdown) != 2 || r.Breakdown[0] != want[0] || r.Breakdown[1] != want[1] {
		t.Errorf("breakdown: got %+v, want %+v", r.Breakdown, want)
	}
}

func TestCumulativeCarriesForward(t *testing.T) {
	obs := []Observation{
		ob("2023-01", "a", 100), ob("2023-01", "b", 200), ob("2023-01", "c", 50),
		ob("2023-02", "a", 150), ob("2023-02", "b", 260), ob("2023-02", "c", 80),
		ob("2023-03", "a", 210), ob("2023-03", "b", 330),
	}
	r := Compute(ind(Cumulative, Increase, ByCommune, 0, target(1000, "2023-06-30")), obs, day("2023-04-02"), Method{})
	var got []float64
	for _, p := range r.Series {
		got = append(got, p.Value)
	}
	// Jan 100+200+50 = 350; Feb 150+260+80 = 490; Mar 210+330+80 = 620.
	if want := []float64{350, 490, 620}; !equalFloats(got, want) {
		t.Errorf("series: got %v, want %v", got, want)
	}
	if r.Change != 130 || r.Previous.Value != 490 {
		t.Errorf("change: got %v from %v, want 130 from 490", r.Change, r.Previous.Value)
	}
	c := r.Breakdown[2]
	if c.Dim != "c" || c.Value != 80 || c.Period != period.MustParse("2023-02") {
		t.Errorf("commune c: got %+v, want its February total 80", c)
	}
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !near(a[i], b[i]) {
			return false
		}
	}
	return true
}

func TestCounts(t *testing.T) {
	june := period.MustParse("2023-06")
	tests := []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2023, 6, 29, 23, 59, 59, 0, ict), false},
		{time.Date(2023, 6, 30, 0, 0, 0, 0, ict), true},
		{time.Date(2023, 6, 30, 23, 59, 59, 0, ict), true},
		{time.Date(2023, 7, 1, 0, 0, 0, 0, ict), true},
	}
	for _, tt := range tests {
		if got := Counts(june, tt.now); got != tt.want {
			t.Errorf("Counts(2023-06, %v) = %v, want %v", tt.now, got, tt.want)
		}
	}
}

func TestCurrentTargetAtDeadline(t *testing.T) {
	i := ind(Cumulative, Increase, NoDimension, 10000, target(50000, "2023-06-30"))
	obs := []Observation{ob("2023-06", "", 47024)}
	// At the last moment of 30/06 the deadline has not passed: 47024 /
	// 50000 = 0.94048 → behind. A moment later it has: missed.
	r := Compute(i, obs, i.Targets[0].Deadline, Method{})
	if r.Status != Behind {
		t.Errorf("at the deadline: got %v, want %v", r.Status, Behind)
	}
	r = Compute(i, obs, i.Targets[0].Deadline.Add(time.Nanosecond), Method{})
	if r.Status != Missed {
		t.Errorf("after the deadline: got %v, want %v", r.Status, Missed)
	}
}

func TestMethodThresholds(t *testing.T) {
	i := ind(Cumulative, Increase, NoDimension, 10000, target(50000, "2023-06-30"))
	obs := []Observation{ob("2023-03", "", 27000)} // ratio 0.90333, see TestCompute
	for _, tt := range []struct {
		m    Method
		want Status
	}{
		{Method{OnTrack: 0.9, AtRisk: 0.8}, OnTrack},
		{Method{OnTrack: 0.95, AtRisk: 0.8}, Behind},
		{Method{OnTrack: 0.99, AtRisk: 0.95}, AtRisk},
	} {
		if got := Compute(i, obs, day("2023-03-31"), tt.m).Status; got != tt.want {
			t.Errorf("%+v: got %v, want %v", tt.m, got, tt.want)
		}
	}
}

func TestSentence(t *testing.T) {
	vneid := ind(Cumulative, Increase, ByCommune, 10000, target(50000, "2023-06-30"))
	rateInd := ind(Rate, Increase, ByUnit, 20, target(80, "2023-03-31"))
	rateInd.Unit, rateInd.Decimals = "%", 1
	fields := ind(Count, Decrease, NoDimension, 1250, target(1000, "2023-06-30"))
	fields.Unit, fields.UnitEn = "trường thông tin", "fields"
	tests := []struct {
		name   string
		ind    *Indicator
		obs    []Observation
		now    time.Time
		vi, en string
	}{
		{
			name: "count", ind: vneid, obs: []Observation{ob("2023-06", "a", 47024)}, now: day("2023-06-30"),
			vi: "Đến 30/06/2023, kết quả đạt 47.024 tài khoản, bằng 94,0% mục tiêu 50.000 tài khoản (hạn 30/06/2023).",
			en: "By 30 Jun 2023: 47,024 tài khoản, 94.0% of the target of 50,000 tài khoản (due 30 Jun 2023).",
		},
		{
			name: "missed", ind: vneid, obs: []Observation{ob("2023-06", "a", 47024)}, now: day("2023-07-13"),
			vi: "Đến 30/06/2023, kết quả đạt 47.024 tài khoản, bằng 94,0% mục tiêu 50.000 tài khoản (hạn 30/06/2023, đã quá hạn).",
			en: "By 30 Jun 2023: 47,024 tài khoản, 94.0% of the target of 50,000 tài khoản (was due 30 Jun 2023).",
		},
		{
			name: "rate short", ind: rateInd, obs: []Observation{rate("2023-12", "u", 1234, 1704)}, now: day("2024-01-05"),
			vi: "Đến 31/12/2023, tỷ lệ đạt 72,4% (1.234/1.704), mục tiêu 80% (hạn 31/03/2023, đã quá hạn): còn thiếu 7,6 điểm phần trăm.",
			en: "By 31 Dec 2023, the rate was 72.4% (1,234/1,704), against a target of 80% (was due 31 Mar 2023): 7.6 percentage points short.",
		},
		{
			name: "rate met", ind: rateInd, obs: []Observation{rate("2023-03", "u", 81, 90)}, now: day("2023-04-05"),
			vi: "Đến 31/03/2023, tỷ lệ đạt 90,0% (81/90), đã đạt mục tiêu 80% (hạn 31/03/2023).",
			en: "By 31 Mar 2023, the rate was 90.0% (81/90), meeting the target of 80% (due 31 Mar 2023).",
		},
		{
			name: "decrease", ind: fields, obs: []Observation{ob("2023-05", "", 1080)}, now: day("2023-06-02"),
			vi: "Đến 31/05/2023, còn 1.080 trường thông tin, mục tiêu giảm xuống 1.000 trường thông tin (hạn 30/06/2023); đã giảm 170, bằng 68,0% mức cần giảm.",
			en: "By 31 May 2023: 1,080 fields, against a target of at most 1,000 fields (due 30 Jun 2023); reduced by 170, 68.0% of the planned reduction.",
		},
		{
			name: "decrease met", ind: fields, obs: []Observation{ob("2023-06", "", 990)}, now: day("2023-06-30"),
			vi: "Đến 30/06/2023, còn 990 trường thông tin, đã đạt mục tiêu giảm xuống 1.000 trường thông tin (hạn 30/06/2023).",
			en: "By 30 Jun 2023: 990 fields, meeting the target of at most 1,000 fields (due 30 Jun 2023).",
		},
		{
			name: "no data", ind: vneid, now: day("2023-06-30"),
			vi: "Chưa có số liệu.", en: "No data yet.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compute(tt.ind, tt.obs, tt.now, Method{})
			if got := Sentence(tt.ind, r, diag.VI); got != tt.vi {
				t.Errorf("vi:\ngot  %s\nwant %s", got, tt.vi)
			}
			if got := Sentence(tt.ind, r, diag.EN); got != tt.en {
				t.Errorf("en:\ngot  %s\nwant %s", got, tt.en)
			}
		})
	}
}

func TestMethodDocUsesThresholds(t *testing.T) {
	vi := MethodDoc(Method{OnTrack: 0.9, AtRisk: 0.75}, diag.VI)
	en := MethodDoc(Method{OnTrack: 0.9, AtRisk: 0.75}, diag.EN)
	for _, want := range []string{"từ 90% giá trị kỳ vọng", "dưới 75%", "| ✓ | Đã đạt |", "| ✗ | Quá hạn chưa đạt |", "tổng tử số ÷ tổng mẫu số"} {
		if !strings.Contains(vi, want) {
			t.Errorf("vi method lacks %q:\n%s", want, vi)
		}
	}
	for _, want := range []string{"at least 90% of", "below 75%", "| ↘ | Behind schedule |", "Σ numerators ÷ Σ denominators"} {
		if !strings.Contains(en, want) {
			t.Errorf("en method lacks %q:\n%s", want, en)
		}
	}
	for _, s := range Statuses() {
		if !strings.Contains(vi, "| "+s.Icon()+" |") {
			t.Errorf("vi method lacks the icon of %v", s)
		}
	}
}

func TestStatusNames(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Statuses() {
		if s.Slug() == "" || s.Icon() == "" || s.Label().Vi == "" || s.Label().En == "" {
			t.Errorf("%d: incomplete status", s)
		}
		if seen[s.Slug()] || seen[s.Icon()] {
			t.Errorf("%v: slug or icon used twice", s)
		}
		seen[s.Slug()], seen[s.Icon()] = true, true
	}
	if b, _ := Behind.MarshalText(); string(b) != "cham-tien-do" {
		t.Errorf("MarshalText: got %s", b)
	}
}

func BenchmarkCompute(b *testing.B) {
	i := ind(Cumulative, Increase, ByCommune, 10000, target(50000, "2023-06-30"))
	var obs []Observation
	for m := 1; m <= 12; m++ {
		for c := range 12 {
			obs = append(obs, Observation{Period: period.Containing(period.Month, 2023, time.Month(m), 1), Dim: string(rune('a' + c)), Value: float64(m * 400)})
		}
	}
	now := day("2023-12-31")
	for b.Loop() {
		Compute(i, obs, now, Method{})
	}
}
