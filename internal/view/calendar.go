package view

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/config"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/history"
	"github.com/tiendo/tiendo/internal/ical"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/vi"
)

// CalendarFile is the name of a deadline calendar, under /nhiem-vu/ for
// the whole plan and under /don-vi/<id>/ for one unit.
const CalendarFile = "lich.ics"

// CalendarOptions is what the deadline calendars need besides the views.
type CalendarOptions struct {
	Title string
	URLs  site.URLs
	// Absolute is set when URLs.Abs gives full addresses: only then do
	// events carry a URL, and only then is the host in their UIDs.
	Absolute bool
	// PlanDate is the day the plan was issued, zero when unknown: the
	// repeating deadlines start at it, else on 1 January of the year
	// judged at, the year deadline words without a year are read in.
	PlanDate time.Time
	// Weekly is the weekly report rule read with the reports; Monthly and
	// HalfYear are config.toml's [reports] words.
	Weekly            *report.Rule
	WeeklyWords       string
	Monthly, HalfYear string
	// History, when read, numbers each move of a task's deadline
	// (SEQUENCE, LAST-MODIFIED).
	History *history.History
}

// Calendars writes /nhiem-vu/lich.ics — every task deadline, the
// repeating tasks and the plan's report deadlines — and, for each unit
// page among pages, /don-vi/<id>/lich.ics with the deadlines of the tasks
// it leads or helps with and, for a unit that sends the weekly report,
// that report's deadline. It sets the calendars' paths on the views.
//
// An event's UID is made of what it is — the task code, the report — and
// never of the build, so a subscriber's client updates a moved deadline
// instead of adding it twice. DTSTAMP is the moment judged at (asOf,
// --now), so identical builds give identical files.
func Calendars(env Env, tasks TaskPages, pages []*site.Page, o CalendarOptions) Out {
	var out Out
	if tasks.Page == nil {
		return out
	}
	c := calendars{env: env, o: o, domain: uidDomain(o)}
	c.start = o.PlanDate
	if c.start.IsZero() {
		c.start = time.Date(env.Now.Year(), 1, 1, 0, 0, 0, 0, plan.Location())
	}
	reports := c.reports(&out)
	var all []ical.Event
	for _, r := range tasks.View.Rows {
		all = append(all, c.task(r, "")...)
	}
	all = append(all, reports...)
	tasks.View.Calendar = TasksPath + CalendarFile
	out.Files = append(out.Files, File{Path: strings.TrimPrefix(tasks.View.Calendar, "/"),
		Data: c.encode(env.T("calendarTasksName")+" – "+o.Title, env.T("calendarTasksDescription"), dedupe(all))})
	for _, p := range pages {
		v, ok := p.Data.(*UnitView)
		if !ok {
			continue
		}
		var evs []ical.Event
		for _, r := range v.Lead {
			evs = append(evs, c.task(r, "")...)
		}
		for _, r := range v.Coord {
			evs = append(evs, c.task(r, env.T("calendarCoordinating")+" ")...)
		}
		if v.Unit.Reports && len(reports) > 0 && reports[0].UID == c.uid("bao-cao-tuan") {
			evs = dedupe(append(evs, reports[0]))
		}
		v.Calendar = p.Path + CalendarFile
		out.Files = append(out.Files, File{Path: strings.TrimPrefix(v.Calendar, "/"),
			Data: c.encode(env.T("calendarTasksName")+" – "+v.Unit.Name, env.T("calendarUnitDescription")+" "+v.Unit.Name+".", evs)})
	}
	return out
}

// dedupe drops an event that repeats on the same rule from the same
// start as an earlier one: the plan lists its report deadlines among its
// tasks too (“Báo cáo tuần…”), and the task, which names who leads it,
// stands for both.
func dedupe(evs []ical.Event) []ical.Event {
	seen := map[string]bool{}
	out := evs[:0:0]
	for _, e := range evs {
		if e.Rule != "" {
			key := e.Rule + "@" + e.Date.Format(time.RFC3339)
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		out = append(out, e)
	}
	return out
}

type calendars struct {
	env    Env
	o      CalendarOptions
	domain string
	start  time.Time
}

// uidDomain is the right-hand side of the UIDs: the site's host, else its
// title as a slug (RFC 5545 asks only that it be unique to the
// publisher).
func uidDomain(o CalendarOptions) string {
	if o.Absolute {
		if u, err := url.Parse(o.URLs.Abs("/")); err == nil && u.Host != "" {
			return u.Host
		}
	}
	if s := vi.Slug(o.Title); s != "" {
		return s + ".tiendo"
	}
	return "tiendo"
}

func (c calendars) uid(local string) string { return local + "@" + c.domain }

func (c calendars) encode(name, desc string, evs []ical.Event) []byte {
	return ical.Encode(ical.Calendar{Name: name, Description: desc, Zone: plan.Location().String(),
		Offset: 7 * time.Hour, Stamp: c.env.Now, Events: evs})
}

func (c calendars) url(path string) string {
	if !c.o.Absolute {
		return ""
	}
	return c.o.URLs.Abs(path)
}

// task is the events of one task: its due date, each earlier dated step
// of its deadline, and its repeating deadline if it has one. prefix goes
// before the summary ("Phối hợp: ").
func (c calendars) task(r *TaskRow, prefix string) []ical.Event {
	t := r.Task
	code := vi.Slug(t.Code)
	summary := prefix + c.env.T("calendarTask") + " " + r.PlanCode + ": " + shorten(t.Title, 90)
	var desc []string
	desc = append(desc, t.Title, c.env.T("deadline")+": "+t.DeadlineText)
	if r.Lead.Name != "" {
		desc = append(desc, c.env.T("leadUnit")+": "+r.Lead.Name)
	}
	status := c.env.T("status") + ": " + r.Status.Label
	if r.DoneText != "" {
		status += " (" + r.DoneText + ")"
	}
	desc = append(desc, status, c.env.T("calendarAsOf")+" "+c.env.loc().Date(c.env.Now)+".")
	base := ical.Event{Summary: summary, Description: strings.Join(desc, "\n"),
		URL: c.url(TasksPath + "#" + r.Anchor), Categories: []string{c.env.T("calendarTaskCategory")}}
	for _, ch := range newHistoryView(c.env, c.o.History, nil).changes(t.Code) {
		if ch.Kind == history.TaskDeadline {
			base.Sequence++
			if ch.Commit.When.After(base.Modified) {
				base.Modified = ch.Commit.When
			}
		}
	}
	var evs []ical.Event
	if due := t.Due(); !due.IsZero() {
		e := base
		e.UID, e.Date, e.AllDay = c.uid("nhiem-vu-"+code), calendarDay(due), true
		evs = append(evs, e)
		if t.DueOverride.IsZero() {
			for i, s := range t.Deadline.Steps {
				if s.Due.IsZero() || s.Narrowed || calendarDay(s.Due).Equal(e.Date) {
					continue
				}
				step := base
				step.UID, step.Date, step.AllDay = c.uid(fmt.Sprintf("nhiem-vu-%s-moc-%d", code, i+1)), calendarDay(s.Due), true
				step.Summary = summary + " (" + s.Words + ")"
				evs = append(evs, step)
			}
		}
	}
	for i, e := range c.repeating(t.Deadline) {
		e.UID, e.Summary, e.Description, e.URL, e.Categories = c.uid(numbered("nhiem-vu-"+code+"-lap-lai", i)),
			prefix+c.env.T("calendarTask")+" "+r.PlanCode+" ("+t.Deadline.Recurrence.Label().In(c.env.dl())+"): "+shorten(t.Title, 80),
			base.Description, base.URL, base.Categories
		e.Sequence, e.Modified = base.Sequence, base.Modified
		evs = append(evs, e)
	}
	return evs
}

// repeating is the first occurrence and rule of a repeating deadline, at
// its time of day, or all day when it has none (one event per date of a
// yearly deadline whose dates fall on different days); none for a
// deadline that does not repeat on dates (once, “thường xuyên”).
func (c calendars) repeating(d plan.Deadline) []ical.Event {
	var rule string
	switch d.Recurrence {
	case plan.Daily:
		rule = "FREQ=DAILY"
	case plan.Weekly:
		rule = "FREQ=WEEKLY;BYDAY=" + strings.ToUpper(d.Weekday.String()[:2])
	case plan.Monthly:
		switch {
		case d.Day == 0:
			rule = "FREQ=MONTHLY;BYMONTHDAY=-1"
		case d.Day > 28:
			// Days past a month's end fall on its last day: the latest of
			// 28…Day the month has.
			var days []string
			for n := 28; n <= d.Day; n++ {
				days = append(days, fmt.Sprint(n))
			}
			rule = "FREQ=MONTHLY;BYMONTHDAY=" + strings.Join(days, ",") + ";BYSETPOS=-1"
		default:
			rule = fmt.Sprintf("FREQ=MONTHLY;BYMONTHDAY=%d", d.Day)
		}
	case plan.Quarterly:
		rule = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"
	case plan.Yearly:
		if len(d.Dates) == 0 {
			return nil
		}
		var months, days []string
		for _, md := range d.Dates {
			months = append(months, fmt.Sprint(int(md.Month)))
			days = append(days, fmt.Sprint(md.Day))
		}
		if !sameDay(d.Dates) {
			// Days that differ by month: one yearly event per date, since
			// BYMONTH × BYMONTHDAY would add days the plan does not name.
			var evs []ical.Event
			for _, md := range d.Dates {
				one := d
				one.Dates = []plan.MonthDay{md}
				evs = append(evs, c.repeating(one)...)
			}
			return evs
		}
		rule = "FREQ=YEARLY;BYMONTH=" + strings.Join(months, ",") + ";BYMONTHDAY=" + days[0]
	default:
		return nil
	}
	from := c.start
	if !d.Start.IsZero() {
		from = d.Start
	}
	first := d.Next(from)
	if first.IsZero() {
		return nil
	}
	if d.At == 0 {
		return []ical.Event{{Date: calendarDay(first), AllDay: true, Rule: rule}}
	}
	return []ical.Event{{Date: first.In(plan.Location()), Rule: rule}}
}

// sameDay reports whether every date is on one day of the month.
func sameDay(dates []plan.MonthDay) bool {
	for _, md := range dates {
		if md.Day != dates[0].Day {
			return false
		}
	}
	return true
}

// reports are the events of the report deadlines: the weekly report
// first (the unit calendars take it from there), then the monthly and
// the half-year ones. Words that cannot be read are an error at
// config.toml, as the weekly rule's are (see data.Load).
func (c calendars) reports(out *Out) []ical.Event {
	var evs []ical.Event
	if w := c.o.Weekly; w != nil {
		d := plan.Deadline{Recurrence: plan.Weekly, Weekday: w.Weekday, At: w.At}
		for _, e := range c.repeating(d) {
			e.UID, e.Summary = c.uid("bao-cao-tuan"), c.env.T("calendarWeeklyReport")
			e.Description = c.env.T("calendarRule") + " " + c.o.WeeklyWords + "\n" + c.env.T("calendarWeeklyWho") + " " + c.reportingUnits() + "."
			e.URL, e.Categories = c.url(ReportsPath), []string{c.env.T("calendarReportCategory")}
			evs = append(evs, e)
		}
	}
	for _, r := range []struct {
		key        diag.Text
		words, uid string
		name       string
	}{
		{diag.T("tháng (monthly)", "monthly"), c.o.Monthly, "bao-cao-thang", "calendarMonthlyReport"},
		{diag.T("6 tháng, năm (halfYear)", "half-year (halfYear)"), c.o.HalfYear, "bao-cao-6-thang-nam", "calendarHalfYearReport"},
	} {
		if r.words == "" {
			continue
		}
		d, err := plan.ParseDeadline(r.words, plan.Context{Year: c.start.Year(), PlanDate: c.o.PlanDate})
		var found []ical.Event
		if err == nil {
			found = c.repeating(d)
		}
		if len(found) == 0 {
			out.Problems = append(out.Problems, diag.New(diag.Pos{File: "config.toml", Line: 1}, diag.CodeConfigReports,
				diag.Text{Vi: fmt.Sprintf("không đọc được quy định báo cáo %s “%s” trong mục [reports]", r.key.Vi, r.words),
					En: fmt.Sprintf("cannot read the %s report rule “%s” under [reports]", r.key.En, r.words)},
				diag.T("Ví dụ: monthly = \"trước ngày 13 hàng tháng\", halfYear = \"trước ngày 14/06 và 14/12 hàng năm\".",
					"For example: monthly = \"trước ngày 13 hàng tháng\", halfYear = \"trước ngày 14/06 và 14/12 hàng năm\".")))
			continue
		}
		for i, e := range found {
			e.UID, e.Summary = c.uid(numbered(r.uid, i)), c.env.T(r.name)
			e.Description = c.env.T("calendarRule") + " " + r.words
			e.Categories = []string{c.env.T("calendarReportCategory")}
			evs = append(evs, e)
		}
	}
	return evs
}

// reportingUnits names the units that send the weekly report.
func (c calendars) reportingUnits() string {
	var names []string
	if c.env.Units != nil {
		for _, u := range c.env.Units.All {
			if u.Reports {
				names = append(names, u.Name)
			}
		}
	}
	return strings.Join(names, ", ")
}

// numbered is local for the first of several events, local-2, local-3…
// for the others.
func numbered(local string, i int) string {
	if i == 0 {
		return local
	}
	return fmt.Sprintf("%s-%d", local, i+1)
}

// calendarDay is the calendar day of t in Vietnam, at midnight UTC.
func calendarDay(t time.Time) time.Time {
	y, m, d := t.In(plan.Location()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// shorten cuts s to at most n characters at a space, with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// CalendarOptionsOf takes the calendars' options from the site's config
// and the weekly reports read (nil without data/services.toml).
func CalendarOptionsOf(cfg config.Config, urls site.URLs, w *data.Weekly, h *history.History) CalendarOptions {
	o := CalendarOptions{Title: cfg.Title, URLs: urls, Absolute: cfg.Absolute(), PlanDate: cfg.PlanTime(), History: h,
		WeeklyWords: cfg.Reports.Weekly, Monthly: cfg.Reports.Monthly, HalfYear: cfg.Reports.HalfYear}
	if w != nil {
		o.Weekly = &w.Rule
	}
	return o
}
