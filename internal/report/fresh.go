package report

import (
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/plan"
)

// Rule is when the weekly report falls due: on Weekday of the ISO week
// after the week it covers, at At after midnight in Location.
//
// The plan's rule, “trước 09h ngày Thứ 3 hàng tuần”, makes the report on
// week N due on the Tuesday of week N+1 at 09:00: the report covering
// 2023-W25 (Monday 19 to Sunday 25 June 2023) is due on Tuesday 27 June
// 2023 at 09:00. A report sent at 09:00 exactly is on time; at 09:01 it
// is late.
type Rule struct {
	Weekday time.Weekday
	// At is the time of day; 0 means the end of the day, as in
	// [plan.Deadline].
	At time.Duration
	// Location is the time zone of the deadline; nil means Vietnam's.
	Location *time.Location
}

// DefaultRule is the plan's: Tuesday at 09:00, Vietnam time.
func DefaultRule() Rule {
	return Rule{Weekday: time.Tuesday, At: 9 * time.Hour, Location: plan.Location()}
}

// RuleOf returns the rule of a weekly deadline read by
// [plan.ParseDeadline], such as the words of config.toml's
// [reports] weekly; ok is false if d does not recur weekly.
func RuleOf(d plan.Deadline) (r Rule, ok bool) {
	if d.Recurrence != plan.Weekly {
		return Rule{}, false
	}
	return Rule{Weekday: d.Weekday, At: d.At, Location: plan.Location()}, true
}

func (r Rule) loc() *time.Location {
	if r.Location == nil {
		return plan.Location()
	}
	return r.Location
}

// offset is the number of days from the Monday of a week to its Weekday.
func (r Rule) offset() int { return (int(r.Weekday) + 6) % 7 }

// Due returns the deadline of the report covering week.
func (r Rule) Due(week period.Period) time.Time {
	y, m, d := week.Next().First()
	day := d + r.offset()
	if r.At == 0 {
		return time.Date(y, m, day+1, 0, 0, 0, 0, r.loc()).Add(-time.Nanosecond)
	}
	return time.Date(y, m, day, 0, 0, 0, 0, r.loc()).Add(r.At)
}

// Covers returns the week covered by the report due on the day y-m-d:
// the ISO week before the one containing it. ok is false when the day is
// not the rule's weekday: 04/04/2023, a Tuesday, gives 2023-W13.
func (r Rule) Covers(y int, m time.Month, d int) (week period.Period, ok bool) {
	if time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Weekday() != r.Weekday {
		return period.Period{}, false
	}
	return period.Containing(period.Week, y, m, d).Prev(), true
}

// LastDue returns the latest week whose report had fallen due by now:
// its deadline is before now. At 08:59 on a Tuesday that is the week
// before last; from 09:00:00.000000001, last week.
func (r Rule) LastDue(now time.Time) period.Period {
	y, m, d := now.In(r.loc()).Date()
	w := period.Containing(period.Week, y, m, d).Prev()
	for !r.Due(w).Before(now) {
		w = w.Prev()
	}
	return w
}

// Submission is a unit's report for a week, as received.
type Submission struct {
	Unit string
	Week period.Period
	At   time.Time
}

// State is where a unit's report for a week stands.
type State uint8

const (
	// Missing: the report fell due and has not been received.
	Missing State = iota
	// OnTime: received by the deadline.
	OnTime
	// Late: received after the deadline.
	Late
)

// The states as the site shows them: a name for code, a slug for CSS
// classes, an icon that does not rely on colour, and words.
var states = [...]struct {
	name, slug, icon string
	text             diag.Text
}{
	Missing: {"missing", "qua-han", "✗", diag.T("Chưa báo cáo", "Not reported")},
	OnTime:  {"on-time", "dung-han", "✓", diag.T("Đúng hạn", "On time")},
	Late:    {"late", "hoan-thanh-qua-han", "!", diag.T("Báo cáo muộn", "Reported late")},
}

func (s State) String() string {
	if int(s) < len(states) {
		return states[s].name
	}
	return "State(?)"
}

// Slug is a stable ASCII name for CSS classes, shared with the task
// statuses of the same look.
func (s State) Slug() string {
	if int(s) < len(states) {
		return states[s].slug
	}
	return ""
}

// Icon is a character that shows the state without relying on colour.
func (s State) Icon() string {
	if int(s) < len(states) {
		return states[s].icon
	}
	return "?"
}

// Order is the state's place in a legend: on time, late, missing.
func (s State) Order() int {
	switch s {
	case OnTime:
		return 0
	case Late:
		return 1
	}
	return 2
}

// Label is the state in words for readers.
func (s State) Label() diag.Text {
	if int(s) < len(states) {
		return states[s].text
	}
	return diag.T(s.String(), s.String())
}

// WeekState is a unit's report for one week.
type WeekState struct {
	Week period.Period
	Due  time.Time
	// State is where the report stood at the moment of the check.
	State State
	// Submitted is when it was received; zero when Missing.
	Submitted time.Time
}

// UnitFreshness is one unit's reporting record.
type UnitFreshness struct {
	Unit string
	// Latest is the state of the report last due (Freshness.Week).
	Latest WeekState
	// History lists every week from the first one checked to the last
	// due, oldest first.
	History []WeekState
	// How many reports of History were on time, late or missing.
	OnTime, Late, Missing int
}

// Freshness is the state of the weekly reports at a moment.
type Freshness struct {
	// Now is the moment of the check.
	Now time.Time
	// Week is the latest week whose report had fallen due, and Due its
	// deadline; Week is zero when no report had fallen due since the
	// first week checked.
	Week period.Period
	Due  time.Time
	// Units are in the order given to Check.
	Units []UnitFreshness
}

// NotReported lists the units whose report for Week has not arrived.
func (f Freshness) NotReported() []string { return f.with(Missing) }

// ReportedLate lists the units whose report for Week arrived late.
func (f Freshness) ReportedLate() []string { return f.with(Late) }

func (f Freshness) with(s State) []string {
	var out []string
	for _, u := range f.Units {
		if !f.Week.IsZero() && u.Latest.State == s {
			out = append(out, u.Unit)
		}
	}
	return out
}

// Check tells, as of now, which reports of units have arrived, for every
// week from first to the latest one due.
//
// Only what had arrived by now counts: a submission after now is ignored,
// so that a site built as of a past moment shows what was known then. When
// a unit's report for a week arrived in parts (several submissions), it
// counts as received at the first one: a report sent on time and
// corrected later stays on time. Submissions of units not listed, and of
// weeks before first or not yet due, are ignored.
func Check(units []string, rule Rule, first period.Period, subs []Submission, now time.Time) Freshness {
	f := Freshness{Now: now}
	last := rule.LastDue(now)
	if first.Kind != period.Week || period.Compare(last, first) < 0 {
		f.Units = make([]UnitFreshness, len(units))
		for i, u := range units {
			f.Units[i].Unit = u
		}
		return f
	}
	f.Week, f.Due = last, rule.Due(last)

	type uw struct {
		unit string
		week period.Period
	}
	received := map[uw]time.Time{}
	for _, s := range subs {
		if s.At.After(now) {
			continue
		}
		k := uw{s.Unit, s.Week}
		if t, ok := received[k]; !ok || s.At.Before(t) {
			received[k] = s.At
		}
	}
	for _, u := range units {
		uf := UnitFreshness{Unit: u}
		for w := first; period.Compare(w, last) <= 0; w = w.Next() {
			ws := WeekState{Week: w, Due: rule.Due(w)}
			if at, ok := received[uw{u, w}]; ok {
				ws.Submitted = at
				ws.State = OnTime
				if at.After(ws.Due) {
					ws.State = Late
				}
			}
			switch ws.State {
			case OnTime:
				uf.OnTime++
			case Late:
				uf.Late++
			default:
				uf.Missing++
			}
			uf.History = append(uf.History, ws)
		}
		uf.Latest = uf.History[len(uf.History)-1]
		f.Units = append(f.Units, uf)
	}
	return f
}

// ReportedBy reports whether row counts at the moment now: only what was
// reported by then does. A row sent after now (ngay_gui) is not yet known,
// nor is one for a week whose report falls due more than a week after now
// (a report may come in during the week before it is due).
func (r Rule) ReportedBy(row Row, now time.Time) bool {
	if !row.Submitted.IsZero() && row.Submitted.After(now) {
		return false
	}
	return !r.Due(row.Week).After(now.Add(7 * 24 * time.Hour))
}
