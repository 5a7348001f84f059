package view

import (
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/report"
)

// hcm is the sample site's time zone.
var hcm = time.FixedZone("ICT", 7*3600)

// testEnv is an Env in lang at 30/06/2023 with three units; T shows the
// key it was asked for, so that a test sees which string a view used.
func testEnv(tb testing.TB, lang string) Env {
	tb.Helper()
	var l diag.List
	units := data.ParseUnits("data/units.toml", []byte(`
[[unit]]
id = "cong-an-huyen"
name = "Công an huyện"
short = "Công an"
kind = "huyen"
[[unit]]
id = "xa-a"
name = "Xã An"
short = "An"
kind = "xa"
[[unit]]
id = "xa-binh"
name = "Xã Bình"
short = "Bình"
kind = "xa"
`), &l)
	if l.Len() > 0 {
		tb.Fatalf("units: %s", l.Format("vi"))
	}
	return Env{Lang: lang, T: func(key string) string { return "[" + key + "]" }, Units: units,
		Now: time.Date(2023, 6, 30, 12, 0, 0, 0, hcm), Location: hcm}
}

func month(tb testing.TB, s string) period.Period {
	tb.Helper()
	p, ok := period.Parse(s)
	if !ok {
		tb.Fatalf("period %q", s)
	}
	return p
}

func TestFormat(t *testing.T) {
	count := &indicator.Indicator{Measure: indicator.Count, Unit: "tài khoản", UnitEn: "accounts"}
	noUnit := &indicator.Indicator{Measure: indicator.Count}
	rate := &indicator.Indicator{Measure: indicator.Rate, Unit: "%", Decimals: 1}
	percent := &indicator.Indicator{Measure: indicator.Percent, Decimals: 2}
	for _, tc := range []struct {
		name     string
		lang     string
		ind      *indicator.Indicator
		v        float64
		withUnit bool
		want     string
	}{
		{"count vi with unit", "vi", count, 47024, true, "47.024 tài khoản"},
		{"count vi without unit", "vi", count, 47024, false, "47.024"},
		{"count en with unit", "en", count, 47024, true, "47,024 accounts"},
		{"count no unit", "vi", noUnit, 1500000, true, "1.500.000"},
		{"rate vi", "vi", rate, 66.06, true, "66,1%"},
		{"rate en", "en", rate, 66.06, true, "66.1%"},
		{"percent vi, unit never added", "vi", percent, 9.125, true, "9,13%"},
		{"negative count en", "en", count, -1234, false, "-1,234"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := testEnv(t, tc.lang).format(tc.ind, tc.v, tc.withUnit); got != tc.want {
				t.Errorf("format(%v) = %q, want %q", tc.v, got, tc.want)
			}
		})
	}
}

func TestBadge(t *testing.T) {
	for _, tc := range []struct {
		status Status
		lang   string
		want   StatusBadge
	}{
		{indicator.Achieved, "vi", StatusBadge{"da-dat", "đã đạt", "✓"}},
		{indicator.OnTrack, "en", StatusBadge{"dung-tien-do", "on track", "→"}},
		{indicator.Behind, "vi", StatusBadge{"cham-tien-do", "chậm tiến độ", "↘"}},
		{indicator.AtRisk, "en", StatusBadge{"co-nguy-co-khong-dat", "at risk", "!"}},
		{indicator.Missed, "vi", StatusBadge{"qua-han-chua-dat", "quá hạn chưa đạt", "✗"}},
		{indicator.NoData, "en", StatusBadge{"chua-co-so-lieu", "no data yet", "–"}},
		{plan.DoneOnTime, "vi", StatusBadge{"dung-han", "hoàn thành đúng hạn", "✓"}},
		{plan.DoneLate, "en", StatusBadge{"hoan-thanh-qua-han", "done late", "✓"}},
		{plan.Done, "vi", StatusBadge{"hoan-thanh", "hoàn thành (không rõ có đúng hạn)", "✓"}},
		{plan.InProgress, "en", StatusBadge{"dang-thuc-hien", "in progress", "▶"}},
		{plan.DueSoon, "vi", StatusBadge{"sap-den-han", "sắp đến hạn", "◷"}},
		{plan.Overdue, "en", StatusBadge{"qua-han", "overdue", "!"}},
		{plan.Ongoing, "vi", StatusBadge{"thuong-xuyen", "thường xuyên", "↻"}},
		{plan.NotStarted, "en", StatusBadge{"chua-den-thoi-diem", "not yet started", "○"}},
		{plan.Conditional, "vi", StatusBadge{"cho-dieu-kien", "chờ điều kiện", "…"}},
		{report.OnTime, "vi", StatusBadge{"dung-han", "Đúng hạn", "✓"}},
		{report.Late, "en", StatusBadge{"hoan-thanh-qua-han", "Reported late", "!"}},
		{report.Missing, "vi", StatusBadge{"qua-han", "Chưa báo cáo", "✗"}},
		// Any language but English is Vietnamese.
		{plan.Overdue, "", StatusBadge{"qua-han", "quá hạn", "!"}},
	} {
		t.Run(tc.want.Slug+"/"+tc.lang, func(t *testing.T) {
			if got := Badge(tc.status, tc.lang); got != tc.want {
				t.Errorf("Badge(%v, %q) = %+v, want %+v", tc.status, tc.lang, got, tc.want)
			}
		})
	}
}

func TestShortLabel(t *testing.T) {
	for _, tc := range []struct{ p, lang, want string }{
		{"2023-06", "vi", "T6/2023"},
		{"2023-06", "en", "06/2023"},
		{"2023-W05", "vi", "T5"},
		{"2023-W05", "en", "W5"},
	} {
		if got := ShortLabel(month(t, tc.p), tc.lang); got != tc.want {
			t.Errorf("ShortLabel(%s, %s) = %q, want %q", tc.p, tc.lang, got, tc.want)
		}
	}
}
