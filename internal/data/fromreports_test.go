package data

import (
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/report"
)

// TestReportObservations: an indicator defined from the weekly reports
// sums its measure's numerators and denominators over the services it
// covers, week by week and unit by unit, from the rows reported by the
// moment judged at; a week whose report was sent later does not count yet.
func TestReportObservations(t *testing.T) {
	rule := report.DefaultRule()
	rule.Location = ict
	row := func(week, unit, service string, online, inPerson int64, sent string) report.Row {
		r := report.Row{Week: period.MustParse(week), Unit: unit, Service: service,
			Counts: report.Counts{ReceivedOnline: online, ReceivedInPerson: inPerson}}
		r.Submitted, _ = time.ParseInLocation("2006-01-02 15:04", sent, ict)
		return r
	}
	w := &Weekly{Rule: rule, Files: []*Report{
		{Rows: []report.Row{
			row("2023-W24", "cong-an-huyen", "dang-ky-thuong-tru", 30, 10, "2023-06-20 08:00"),
			row("2023-W24", "cong-an-huyen", "cap-lai-doi-the-cccd", 10, 30, "2023-06-20 08:00"),
			row("2023-W25", "cong-an-huyen", "dang-ky-thuong-tru", 50, 50, "2023-06-27 08:00"),
		}},
		{Rows: []report.Row{
			row("2023-W24", "phong-tu-phap", "dang-ky-khai-sinh", 5, 15, "2023-06-20 08:30"),
			row("2023-W25", "phong-tu-phap", "dang-ky-khai-sinh", 9, 1, "2023-06-28 10:00"), // sent after now
		}},
	}}
	now := time.Date(2023, 6, 27, 12, 0, 0, 0, ict)
	byUnit := &indicator.Indicator{Measure: indicator.Rate, Dimension: indicator.ByUnit, FromReports: indicator.ReportOnline}
	got := ReportObservations(byUnit, w, nil, now)
	want := []string{"2023-W24 cong-an-huyen 40/80", "2023-W24 phong-tu-phap 5/20", "2023-W25 cong-an-huyen 50/100"}
	if s := obsStrings(got); strings.Join(s, "; ") != strings.Join(want, "; ") {
		t.Errorf("by unit:\n got %v\nwant %v", s, want)
	}
	district := &indicator.Indicator{Measure: indicator.Rate, FromReports: indicator.ReportOnline}
	got = ReportObservations(district, w, map[string]bool{"dang-ky-thuong-tru": true, "dang-ky-khai-sinh": true}, now)
	want = []string{"2023-W24  35/60", "2023-W25  50/100"}
	if s := obsStrings(got); strings.Join(s, "; ") != strings.Join(want, "; ") {
		t.Errorf("district, two services:\n got %v\nwant %v", s, want)
	}
}

func obsStrings(obs []indicator.Observation) []string {
	var out []string
	for _, o := range obs {
		out = append(out, o.Period.String()+" "+o.Dim+" "+itoa(int(o.Num))+"/"+itoa(int(o.Den)))
	}
	return out
}

// TestFromReportsKeys: an indicator computed from the weekly reports is a
// weekly rate with no file of its own, of a known measure.
func TestFromReportsKeys(t *testing.T) {
	base := strings.NewReplacer(
		`measure = "cumulative"`, `measure = "rate"`,
		`frequency = "monthly"`, `frequency = "weekly"`,
		`file = "chi-tieu/vneid.csv"`, `reports = "online-rate"`,
		`baseline = { period = "2022-12", value = 0 }`, `baseline = { period = "2023-W10" }`,
		"value = 50000", "value = 80",
	).Replace(one)
	if inds, errs := parseRegistry(t, base); len(errs) > 0 || inds[0].FromReports != indicator.ReportOnline || !inds[0].Baseline.FromData {
		t.Fatalf("valid: %v %+v", errs, inds)
	}
	for _, tc := range []struct{ name, old, new, want string }{
		{"unknown measure", `reports = "online-rate"`, `reports = "truc-tuyen"`, `reports = "truc-tuyen" không hợp lệ`},
		{"a file too", `reports = "online-rate"`, "reports = \"online-rate\"\nfile = \"chi-tieu/x.csv\"", "không có tệp số liệu riêng"},
		{"monthly", `frequency = "weekly"`, `frequency = "monthly"`, `có số liệu theo tuần (frequency = "weekly")`},
		{"services not a list", `reports = "online-rate"`, "reports = \"online-rate\"\nservices = \"de-an\"", `services = "de-an" không hợp lệ`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := parseRegistry(t, strings.Replace(base, tc.old, tc.new, 1))
			if len(errs) == 0 || !strings.Contains(strings.Join(errs, "\n"), tc.want) {
				t.Errorf("got %q, want %q", errs, tc.want)
			}
		})
	}
}
