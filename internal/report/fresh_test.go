package report

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/plan"
)

func ict(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, plan.Location())
}

func TestRuleOfPlanWords(t *testing.T) {
	d, err := plan.ParseDeadline("trước 09h ngày Thứ 3 hàng tuần", plan.Context{Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	r, ok := RuleOf(d)
	if !ok || r != DefaultRule() {
		t.Errorf("got %+v %v, want %+v", r, ok, DefaultRule())
	}
	d, _ = plan.ParseDeadline("trước ngày 13 hàng tháng", plan.Context{Year: 2023})
	if _, ok := RuleOf(d); ok {
		t.Errorf("a monthly deadline gave a weekly rule")
	}
}

func TestDueAndCovers(t *testing.T) {
	r := DefaultRule()
	tests := []struct {
		week string
		due  time.Time
	}{
		// W13 is 27/03–02/04/2023; its report is due on Tuesday of W14.
		{"2023-W13", ict(2023, 4, 4, 9, 0)},
		// W25 is 19–25/06/2023.
		{"2023-W25", ict(2023, 6, 27, 9, 0)},
		// Across the new year: W52 of 2023 ends on Sunday 31/12.
		{"2023-W52", ict(2024, 1, 2, 9, 0)},
	}
	for _, tt := range tests {
		w := period.MustParse(tt.week)
		if got := r.Due(w); !got.Equal(tt.due) {
			t.Errorf("Due(%s) = %v, want %v", tt.week, got, tt.due)
		}
		y, m, d := tt.due.Date()
		if got, ok := r.Covers(y, m, d); !ok || got != w {
			t.Errorf("Covers(%v) = %v %v, want %s", tt.due.Format("02/01/2006"), got, ok, tt.week)
		}
	}
	if _, ok := r.Covers(2023, 4, 5); ok {
		t.Errorf("a Wednesday is not a deadline day")
	}
	// “hàng tuần” alone: Sunday, end of the day.
	sun := Rule{Weekday: time.Sunday}
	if got, want := sun.Due(period.MustParse("2023-W13")), ict(2023, 4, 9, 23, 59).Add(59*time.Second+999999999); !got.Equal(want) {
		t.Errorf("Sunday rule: got %v, want %v", got, want)
	}
}

func TestLastDue(t *testing.T) {
	r := DefaultRule()
	tests := []struct {
		now  time.Time
		want string
	}{
		{ict(2023, 6, 27, 8, 59), "2023-W24"},
		{ict(2023, 6, 27, 9, 0), "2023-W24"}, // due at 09:00, not yet past
		{ict(2023, 6, 27, 9, 0).Add(time.Nanosecond), "2023-W25"},
		{ict(2023, 6, 27, 10, 0), "2023-W25"},
		{ict(2023, 6, 30, 12, 0), "2023-W25"},
		{ict(2023, 7, 3, 23, 0), "2023-W25"}, // Monday
		{ict(2023, 7, 4, 9, 1), "2023-W26"},
		{ict(2023, 6, 26, 23, 30).UTC(), "2023-W24"}, // Monday night in Vietnam, whatever the zone
	}
	for _, tt := range tests {
		if got := r.LastDue(tt.now); got.String() != tt.want {
			t.Errorf("LastDue(%v) = %s, want %s", tt.now, got, tt.want)
		}
	}
}

// TestFreshnessScenario follows one Tuesday: unit c has not sent its
// report on W25 at 10:00; it sends it at 10:30 and shows as late from
// then; at 08:59 the week before was still the latest due.
func TestFreshnessScenario(t *testing.T) {
	r := DefaultRule()
	units := []string{"a", "b", "c"}
	w23, w24, w25 := period.MustParse("2023-W23"), period.MustParse("2023-W24"), period.MustParse("2023-W25")
	subs := []Submission{
		{"a", w23, ict(2023, 6, 12, 16, 0)},
		{"b", w23, ict(2023, 6, 13, 8, 0)},
		{"c", w23, ict(2023, 6, 13, 8, 30)},
		{"a", w24, ict(2023, 6, 19, 15, 0)},
		{"b", w24, ict(2023, 6, 20, 9, 0)},  // at the deadline's minute: on time
		{"c", w24, ict(2023, 6, 20, 9, 30)}, // late
		{"a", w25, ict(2023, 6, 26, 16, 0)},
		{"b", w25, ict(2023, 6, 27, 8, 45)},
		{"b", w25, ict(2023, 6, 28, 11, 0)}, // a correction: the first counts
	}

	at10 := Check(units, r, w23, subs, ict(2023, 6, 27, 10, 0))
	if at10.Week != w25 || !at10.Due.Equal(ict(2023, 6, 27, 9, 0)) {
		t.Fatalf("at 10:00: latest due %s at %v, want 2023-W25 at 27/06 09:00", at10.Week, at10.Due)
	}
	if got := at10.NotReported(); !slices.Equal(got, []string{"c"}) {
		t.Errorf("at 10:00 not reported: got %v, want [c]", got)
	}
	if got := at10.ReportedLate(); len(got) != 0 {
		t.Errorf("at 10:00 late: got %v, want none", got)
	}
	c := at10.Units[2]
	if got := states3(c.History); !reflect.DeepEqual(got, []State{OnTime, Late, Missing}) {
		t.Errorf("c's history: got %v", got)
	}
	if c.OnTime != 1 || c.Late != 1 || c.Missing != 1 {
		t.Errorf("c's counts: %d on time, %d late, %d missing", c.OnTime, c.Late, c.Missing)
	}
	if b := at10.Units[1]; b.Latest.State != OnTime || !b.Latest.Submitted.Equal(ict(2023, 6, 27, 8, 45)) || b.OnTime != 3 {
		t.Errorf("b: %+v", b.Latest)
	}

	// c's row arrives at 10:30; at 11:00 it is in, late.
	subs = append(subs, Submission{"c", w25, ict(2023, 6, 27, 10, 30)})
	at11 := Check(units, r, w23, subs, ict(2023, 6, 27, 11, 0))
	if got := at11.NotReported(); len(got) != 0 {
		t.Errorf("at 11:00 not reported: got %v, want none", got)
	}
	if got := at11.ReportedLate(); !slices.Equal(got, []string{"c"}) {
		t.Errorf("at 11:00 late: got %v, want [c]", got)
	}
	// Checked as of 10:00 again, the 10:30 row did not exist yet.
	if got := Check(units, r, w23, subs, ict(2023, 6, 27, 10, 0)).NotReported(); !slices.Equal(got, []string{"c"}) {
		t.Errorf("as of 10:00 with the later row: got %v, want [c]", got)
	}

	// At 08:59 the report on W25 is not due yet: W24 is the latest due,
	// and every unit has sent it (c late).
	at859 := Check(units, r, w23, subs, ict(2023, 6, 27, 8, 59))
	if at859.Week != w24 {
		t.Errorf("at 08:59: latest due %s, want 2023-W24", at859.Week)
	}
	if got := at859.NotReported(); len(got) != 0 {
		t.Errorf("at 08:59 not reported: got %v", got)
	}
	if got := at859.ReportedLate(); !slices.Equal(got, []string{"c"}) {
		t.Errorf("at 08:59 late: got %v, want [c]", got)
	}
	if n := len(at859.Units[0].History); n != 2 {
		t.Errorf("at 08:59: %d weeks of history, want 2", n)
	}
}

func TestFreshnessBeforeFirstWeek(t *testing.T) {
	f := Check([]string{"a"}, DefaultRule(), period.MustParse("2023-W10"), nil, ict(2023, 3, 14, 8, 0))
	if !f.Week.IsZero() || len(f.NotReported()) != 0 || len(f.Units) != 1 || f.Units[0].History != nil {
		t.Errorf("before the first report was due: %+v", f)
	}
	// Tuesday 14/03 at 09:01: the report on W10 is due.
	f = Check([]string{"a"}, DefaultRule(), period.MustParse("2023-W10"), nil, ict(2023, 3, 14, 9, 1))
	if f.Week.String() != "2023-W10" || !slices.Equal(f.NotReported(), []string{"a"}) {
		t.Errorf("first report due: week %s, not reported %v", f.Week, f.NotReported())
	}
}

func states3(ws []WeekState) []State {
	var out []State
	for _, w := range ws {
		out = append(out, w.State)
	}
	return out
}
