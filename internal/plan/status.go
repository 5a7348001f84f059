package plan

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/vi"
)

// Progress is what the lead unit reports of a task.
type Progress int

const (
	Pending   Progress = iota // chưa thực hiện
	Underway                  // đang thực hiện
	Completed                 // hoàn thành
)

var progressText = [...]diag.Text{
	Pending:   diag.T("chưa thực hiện", "not started"),
	Underway:  diag.T("đang thực hiện", "under way"),
	Completed: diag.T("hoàn thành", "completed"),
}

// Label is the progress in words; its Vietnamese is what ParseProgress reads.
func (p Progress) Label() diag.Text {
	if p < 0 || int(p) >= len(progressText) {
		return diag.T(fmt.Sprintf("Progress(%d)", int(p)), fmt.Sprintf("Progress(%d)", int(p)))
	}
	return progressText[p]
}

func (p Progress) String() string { return p.Label().Vi }

// ParseProgress reads a reported progress: “chưa thực hiện”, “đang thực
// hiện” or “hoàn thành” (also “đã hoàn thành”), in any case, with or without
// diacritics. Empty text is Pending: nothing has been reported.
func ParseProgress(s string) (Progress, error) {
	switch strings.Join(strings.Fields(vi.Fold(s)), " ") {
	case "", "chua thuc hien":
		return Pending, nil
	case "dang thuc hien":
		return Underway, nil
	case "hoan thanh", "da hoan thanh":
		return Completed, nil
	}
	return Pending, &ParseError{
		Words: s,
		Code:  codeProgress,
		Msg:   diag.Tf("không rõ trạng thái “%s”", "unknown progress “%s”", s),
		Hint: diag.T("Ghi một trong: “chưa thực hiện”, “đang thực hiện”, “hoàn thành”.",
			"Write one of “chưa thực hiện” (not started), “đang thực hiện” (under way), “hoàn thành” (completed)."),
		text: s,
	}
}

// TaskState is what is known of a task: its deadline and what its lead unit
// reported.
type TaskState struct {
	Deadline Deadline
	// Due, when not zero, is a due date written beside the deadline words
	// (han_cu_the); it replaces Deadline.Due. Only its calendar date counts,
	// as recorded in its own location: the task is due by the end of that
	// day in Vietnam.
	Due      time.Time
	Progress Progress
	// Completed is the day the task was done, or zero if not reported.
	// Only its calendar date counts.
	Completed time.Time
}

// due is the last moment the task counts as on time, or zero.
func (t TaskState) due() time.Time {
	if !t.Due.IsZero() {
		return civilOf(t.Due).moment(0)
	}
	return t.Deadline.Due
}

// StatusCode is where a task stands at a moment.
type StatusCode int

const (
	// DoneOnTime: completed by its due date, or completed with none.
	DoneOnTime StatusCode = iota
	// DoneLate: completed after its due date.
	DoneLate
	// Done: completed, and whether on time cannot be told: no completion
	// date with the due date past, or due “ngay” from a plan date nobody
	// wrote down.
	Done
	// InProgress: not completed, due date not near or none given.
	InProgress
	// DueSoon: not completed, due within the given number of days.
	DueSoon
	// Overdue: not completed, due date past.
	Overdue
	// Ongoing: carried out regularly or on a recurring schedule, with no
	// one-off due date outstanding.
	Ongoing
	// NotStarted: its start date has not come.
	NotStarted
	// Conditional: waiting for the condition its deadline names.
	Conditional
)

// The statuses as the site shows them: a slug, words, an icon that does
// not rely on colour, and a chart colour with 4.5:1 against white labels,
// every two of them apart for colour-blind readers too
// (view's TestStatusColoursColourBlind).
var statuses = [...]struct {
	slug, icon, color string
	text              diag.Text
}{
	DoneOnTime:  {"dung-han", "✓", "#005435", diag.T("hoàn thành đúng hạn", "done on time")},
	DoneLate:    {"hoan-thanh-qua-han", "✓", "#896a38", diag.T("hoàn thành quá hạn", "done late")},
	Done:        {"hoan-thanh", "✓", "#3b8264", diag.T("hoàn thành (không rõ có đúng hạn)", "done (on time or not unknown)")},
	InProgress:  {"dang-thuc-hien", "▶", "#545caa", diag.T("đang thực hiện", "in progress")},
	DueSoon:     {"sap-den-han", "◷", "#a86300", diag.T("sắp đến hạn", "due soon")},
	Overdue:     {"qua-han", "!", "#710000", diag.T("quá hạn", "overdue")},
	Ongoing:     {"thuong-xuyen", "↻", "#252e45", diag.T("thường xuyên", "ongoing")},
	NotStarted:  {"chua-den-thoi-diem", "○", "#696078", diag.T("chưa đến thời điểm thực hiện", "not yet started")},
	Conditional: {"cho-dieu-kien", "…", "#4b266d", diag.T("chờ điều kiện", "waiting for a condition")},
}

// Statuses lists every status, in the order a legend shows them.
func Statuses() []StatusCode {
	return []StatusCode{DoneOnTime, DoneLate, Done, InProgress, DueSoon, Overdue, Ongoing, NotStarted, Conditional}
}

func (s StatusCode) valid() bool { return s >= 0 && int(s) < len(statuses) }

// Label is the status in words for readers.
func (s StatusCode) Label() diag.Text {
	if !s.valid() {
		return diag.T(s.String(), s.String())
	}
	return statuses[s].text
}

// Slug is a stable ASCII name for CSS classes and JSON; it does not change
// when labels are reworded.
func (s StatusCode) Slug() string {
	if !s.valid() {
		return ""
	}
	return statuses[s].slug
}

// Icon is a character that shows the status without relying on colour.
func (s StatusCode) Icon() string {
	if !s.valid() {
		return "?"
	}
	return statuses[s].icon
}

// Color is the status's colour in charts.
func (s StatusCode) Color() string {
	if !s.valid() {
		return ""
	}
	return statuses[s].color
}

// Order is the status's place in a legend (Statuses), 0 first.
func (s StatusCode) Order() int { return slices.Index(Statuses(), s) }

func (s StatusCode) String() string {
	if !s.valid() {
		return fmt.Sprintf("StatusCode(%d)", int(s))
	}
	return statuses[s].slug
}

// MarshalText gives the slug, so that JSON carries stable names.
func (s StatusCode) MarshalText() ([]byte, error) {
	if !s.valid() {
		return nil, fmt.Errorf("plan: invalid status %d", int(s))
	}
	return []byte(s.Slug()), nil
}

// Status tells where a task stands at now. A task not completed is due soon
// when at most soonDays calendar days remain to its due date (0: only on the
// day itself; negative: never).
//
// In order: a completed task is on time or late by its completion date; a
// task whose start has not come is not started; a due date makes it
// overdue, due soon or in progress; without one, a recurring task is
// ongoing, a conditional one waits, and any other is in progress.
func Status(t TaskState, now time.Time, soonDays int) StatusCode {
	now = now.In(vietnam)
	due := t.due()
	if t.Progress == Completed {
		switch {
		case due.IsZero() && t.Deadline.Immediate:
			return Done // due at once, from a day not known: on time or not, nobody can say
		case due.IsZero():
			return DoneOnTime
		case !t.Completed.IsZero():
			if civilOf(due.In(vietnam)).before(civilOf(t.Completed)) {
				return DoneLate
			}
			return DoneOnTime
		case !now.After(due):
			return DoneOnTime
		}
		return Done
	}
	if s := t.Deadline.Start; !s.IsZero() && now.Before(s) {
		return NotStarted
	}
	if !due.IsZero() {
		switch {
		case now.After(due):
			return Overdue
		case soonDays >= 0 && civilOf(due.In(vietnam)).daysSince(civilOf(now)) <= soonDays:
			return DueSoon
		}
		return InProgress
	}
	switch {
	case t.Deadline.Recurrence != Once:
		return Ongoing
	case t.Deadline.Conditional:
		return Conditional
	}
	return InProgress
}

// PlanCode writes a task code the way the plan writes it: the numbered
// items inside a section in brackets, "3.2.4" → "3.2(4)" (the plan's
// "3.2. … (4) …"). Other codes ("1.2", "III.1") are the plan's already.
// data/tasks.csv keeps the dotted form, which anchors and downloads use.
func PlanCode(code string) string {
	parts := strings.Split(code, ".")
	if len(parts) != 3 {
		return code
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return code
		}
	}
	return parts[0] + "." + parts[1] + "(" + parts[2] + ")"
}

// CompareCodes orders task codes as the plan numbers them: 1.2 < 1.10 <
// 2 < 3.2.1 < III.1 (Roman-numbered parts after the Arabic ones).
func CompareCodes(a, c string) int {
	pa, pc := strings.Split(a, "."), strings.Split(c, ".")
	roman := func(s string) bool { return strings.Trim(s, "IVX") == "" && s != "" }
	if roman(pa[0]) != roman(pc[0]) {
		if roman(pa[0]) {
			return 1
		}
		return -1
	}
	for i := 0; i < len(pa) && i < len(pc); i++ {
		var na, nc int
		_, ea := fmt.Sscan(pa[i], &na)
		_, ec := fmt.Sscan(pc[i], &nc)
		if ea == nil && ec == nil && na != nc {
			return na - nc
		}
		if cmp := strings.Compare(pa[i], pc[i]); (ea != nil || ec != nil) && cmp != 0 {
			return cmp
		}
	}
	return len(pa) - len(pc)
}
