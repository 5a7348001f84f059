package data

import (
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
)

// TestCrossCheck: two indicators declared to measure one figure warn, at
// their [[check]], of every period where their district totals differ by
// more than the tolerance, naming both files and rows.
func TestCrossCheck(t *testing.T) {
	a := &indicator.Indicator{ID: "bao-cao-tinh", Measure: indicator.Rate, Frequency: period.Week, File: "chi-tieu/bao-cao-tinh.csv", Decimals: 1}
	b := &indicator.Indicator{ID: "tinh-lai", Measure: indicator.Rate, Frequency: period.Week, FromReports: indicator.ReportOnline, Decimals: 1}
	rate := func(p string, num, den float64, line int) indicator.Observation {
		return indicator.Observation{Period: period.MustParse(p), Num: num, Den: den, Value: num / den * 100, Line: line}
	}
	series := []Series{
		{Ind: a, Obs: []indicator.Observation{rate("2023-W24", 60, 100, 2), rate("2023-W25", 143, 195, 3)}},
		{Ind: b, Obs: []indicator.Observation{rate("2023-W24", 121, 200, 0), rate("2023-W25", 142, 220, 0)}},
	}
	now := time.Date(2023, 6, 30, 12, 0, 0, 0, time.UTC)
	pos := diag.Pos{File: IndicatorsFile, Line: 40, Col: 1}

	l := &diag.List{}
	CrossCheck([]Check{{A: a, B: b, Tolerance: 0.5, Pos: pos}}, series, now, l)
	got := l.Format(diag.VI)
	for _, want := range []string{
		"data/indicators.toml:40:1: cảnh báo: hai nguồn của cùng số liệu, bao-cao-tinh và tinh-lai, khác nhau quá 0.5 ở 1 kỳ",
		"2023-W25: 73,3% ≠ 64,5% (data/chi-tieu/bao-cao-tinh.csv dòng 3; báo cáo tuần data/reports/*.csv, 2023-W25)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "2023-W24") {
		t.Errorf("W24 differs by 0.5 points, within the tolerance:\n%s", got)
	}

	l = &diag.List{}
	CrossCheck([]Check{{A: a, B: b, Tolerance: 10, Pos: pos}}, series, now, l)
	if l.Len() != 0 {
		t.Errorf("within 10 points: %s", l.Format(diag.VI))
	}
}

func TestParseChecks(t *testing.T) {
	a := &indicator.Indicator{ID: "a", Measure: indicator.Rate, Frequency: period.Week}
	c := &indicator.Indicator{ID: "c", Measure: indicator.Count, Frequency: period.Week}
	for _, tc := range []struct{ src, want string }{
		{"[[check]]\nindicators = [\"a\", \"a\"]\ntolerance = 1\n", "data/indicators.toml:2:1: [[check]] so sánh đúng hai chỉ tiêu khác nhau"},
		{"[[check]]\nindicators = [\"a\", \"b\"]\ntolerance = 1\n", `data/indicators.toml:2:1: không có chỉ tiêu "b"`},
		{"[[check]]\nindicators = [\"a\", \"c\"]\ntolerance = 1\n", "a và c không đo cùng một loại số liệu"},
		{"[[check]]\nindicators = [\"a\", \"c\"]\n", "không đo cùng"},
	} {
		l := &diag.List{}
		if got := ParseChecks(IndicatorsFile, []byte(tc.src), []*indicator.Indicator{a, c}, l); len(got) != 0 || !strings.Contains(l.Format(diag.VI), tc.want) {
			t.Errorf("%q: %d checks, %s; want %q", tc.src, len(got), l.Format(diag.VI), tc.want)
		}
	}
}
