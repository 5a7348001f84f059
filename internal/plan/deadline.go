package plan

import (
	"fmt"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
)

// vietnam is Vietnam's time, UTC+7 without daylight saving since 1975. A
// fixed zone keeps the package free of the system's time zone database.
var vietnam = time.FixedZone("Asia/Ho_Chi_Minh", 7*60*60)

// Location is the time zone in which deadlines fall due.
func Location() *time.Location { return vietnam }

// Context is what a deadline's words leave unsaid.
type Context struct {
	// Year is the year of periods written without one (“trong tháng 3”).
	// When zero, PlanDate's year is used.
	Year int
	// PlanDate is the day the plan was issued; “Thực hiện ngay” falls due on
	// it. Only its calendar date counts.
	PlanDate time.Time
}

func (c Context) year() int {
	if c.Year == 0 && !c.PlanDate.IsZero() {
		return c.PlanDate.Year()
	}
	return c.Year
}

// Deadline is the reading of a plan's deadline words.
//
// A deadline may have a due date, a start date, both or neither; it may
// recur; and it may wait for a condition. “Hoàn thành trong Quý I/2023 và
// thực hiện thường xuyên” has a Due and Recurrence Regularly; “Thực hiện khi
// Bộ Công an triển khai phần mềm…” has only a Condition.
type Deadline struct {
	// Text is the words as written.
	Text string
	// Start is the first moment of the day the work starts (“từ tháng
	// 3/2023” → 01/03/2023 00:00), or zero.
	Start time.Time
	// Due is the last moment that still counts as on time: the end of the
	// last day of the period (23:59:59.999999999), or the written hour
	// (“trước 17h ngày 30/04/2023” → 17:00). Zero when the words give no
	// date.
	Due time.Time
	// Steps lists every dated part of the words, in the order written.
	Steps []Step
	// Approximate is set when Due is this package's reading of words that
	// name no exact day: “đầu tháng 7/2023” (the first ten days, due
	// 10/07/2023) and “giữa tháng 7/2023” (due 20/07/2023).
	Approximate bool

	// Immediate is set for “Thực hiện ngay”: due at once, on the day the
	// plan was issued (Context.PlanDate). When that day is not known, Due
	// stays zero: the task is due “ngay”, on no day this package could
	// name, and is never judged late.
	Immediate bool

	// Recurrence says whether and how the work repeats.
	Recurrence Recurrence
	// Weekday is the day of a Weekly deadline (“Thứ 3” → time.Tuesday;
	// Sunday, the end of the week, for “hàng tuần” alone). It means nothing
	// for other recurrences.
	Weekday time.Weekday
	// Day is the day of the month of a Monthly deadline; 0 means the last
	// day of each month. Days past a month's end fall on its last day.
	Day int
	// Dates are the days of each year of a Yearly deadline, in the order
	// written.
	Dates []MonthDay
	// At is the time of day a recurring deadline falls due, from midnight
	// (“09h” → 9h); 0 means the end of the day.
	At time.Duration

	// Conditional is set when the work waits for something outside the
	// plan (“khi Bộ Công an triển khai phần mềm…”, “ngay sau khi có văn bản
	// chỉ đạo…”), and Condition holds those words, as written, after “khi”.
	Conditional bool
	Condition   string
	// Per holds the words after “theo” when the timing is set elsewhere:
	// “theo chỉ tiêu đã đăng ký của các đơn vị, địa phương”.
	Per string
}

// Step is one dated part of a deadline.
type Step struct {
	// Words is the clause the date was read from, as written.
	Words string
	// Start and Due are as in Deadline: “từ” sets Start, “ngay” both, the
	// other forms Due.
	Start, Due time.Time
	// Approximate is as in Deadline, for this step's Due.
	Approximate bool
	// Narrowed is set when the next dated words, for the same work, fall
	// within this step's period and so set the deadline instead: the Quý
	// IV/2023 of “Quý IV/2023, chậm nhất ngày 15/12/2023”. A narrowed
	// step's Due does not count in Deadline.Due.
	Narrowed bool
}

// MonthDay is a day of every year.
type MonthDay struct {
	Day   int
	Month time.Month
}

func (md MonthDay) String() string { return fmt.Sprintf("%02d/%02d", md.Day, int(md.Month)) }

// Recurrence says whether and how a task repeats.
type Recurrence int

const (
	// Once: the task is done once (or has no date at all).
	Once Recurrence = iota
	// Regularly: “thường xuyên”, the work goes on with no date of its own.
	Regularly
	// Daily: “hàng ngày”, at Deadline.At.
	Daily
	// Weekly: on Deadline.Weekday, at Deadline.At.
	Weekly
	// Monthly: on Deadline.Day of each month.
	Monthly
	// Quarterly: on the last day of each quarter.
	Quarterly
	// Yearly: on each of Deadline.Dates; “hàng năm” alone means 31/12. The
	// plan's half-year and year reports (“trước ngày 14/06 và 14/12 hàng
	// năm”) are Yearly with two dates.
	Yearly
)

var recurrences = [...]struct {
	name string
	text diag.Text
}{
	Once:      {"once", diag.T("một lần", "once")},
	Regularly: {"regularly", diag.T("thường xuyên", "regularly")},
	Daily:     {"daily", diag.T("hàng ngày", "daily")},
	Weekly:    {"weekly", diag.T("hàng tuần", "weekly")},
	Monthly:   {"monthly", diag.T("hàng tháng", "monthly")},
	Quarterly: {"quarterly", diag.T("hàng quý", "quarterly")},
	Yearly:    {"yearly", diag.T("hàng năm", "yearly")},
}

func (r Recurrence) String() string {
	if r < 0 || int(r) >= len(recurrences) {
		return fmt.Sprintf("Recurrence(%d)", int(r))
	}
	return recurrences[r].name
}

// Label is the recurrence in words for readers.
func (r Recurrence) Label() diag.Text {
	if r < 0 || int(r) >= len(recurrences) {
		return diag.T(r.String(), r.String())
	}
	return recurrences[r].text
}

// Next returns the first moment at or after t when the deadline falls due:
// the next report of a recurring deadline (not before Start), or Due while
// it has not passed. It returns the zero time when nothing more falls due.
func (d Deadline) Next(t time.Time) time.Time {
	t = t.In(vietnam)
	if !d.Start.IsZero() && t.Before(d.Start) {
		t = d.Start.In(vietnam)
	}
	today := civilOf(t)
	switch d.Recurrence {
	case Daily, Weekly:
		for i := range 8 {
			c := today.addDays(i)
			if d.Recurrence == Weekly && c.weekday() != d.Weekday {
				continue
			}
			if m := c.moment(d.At); !m.Before(t) {
				return m
			}
		}
	case Monthly:
		for i := range 2 {
			c := civil{today.y, today.m + time.Month(i), 1}.norm()
			c.d = d.Day
			if n := daysIn(c.y, c.m); c.d == 0 || c.d > n {
				c.d = n
			}
			if m := c.moment(d.At); !m.Before(t) {
				return m
			}
		}
	case Quarterly:
		for i := range 2 {
			c := civil{today.y, (today.m-1)/3*3 + 3 + time.Month(3*i), 1}.norm()
			c.d = daysIn(c.y, c.m)
			if m := c.moment(d.At); !m.Before(t) {
				return m
			}
		}
	case Yearly:
		var best time.Time
		for y := today.y; y <= today.y+1; y++ {
			for _, md := range d.Dates {
				c := civil{y, md.Month, min(md.Day, daysIn(y, md.Month))}
				if m := c.moment(d.At); !m.Before(t) && (best.IsZero() || m.Before(best)) {
					best = m
				}
			}
		}
		return best
	}
	if !d.Due.IsZero() && !d.Due.Before(t) {
		return d.Due
	}
	return time.Time{}
}

// civil is a calendar date without a time or a zone.
type civil struct {
	y int
	m time.Month
	d int
}

func civilOf(t time.Time) civil {
	y, m, d := t.Date()
	return civil{y, m, d}
}

func (c civil) norm() civil { return civilOf(time.Date(c.y, c.m, c.d, 12, 0, 0, 0, time.UTC)) }

func (c civil) addDays(n int) civil { return civil{c.y, c.m, c.d + n}.norm() }

func (c civil) weekday() time.Weekday {
	return time.Date(c.y, c.m, c.d, 12, 0, 0, 0, time.UTC).Weekday()
}

func (c civil) before(o civil) bool {
	if c.y != o.y {
		return c.y < o.y
	}
	if c.m != o.m {
		return c.m < o.m
	}
	return c.d < o.d
}

// daysSince counts the days from o to c.
func (c civil) daysSince(o civil) int {
	a := time.Date(c.y, c.m, c.d, 12, 0, 0, 0, time.UTC)
	b := time.Date(o.y, o.m, o.d, 12, 0, 0, 0, time.UTC)
	return int(a.Sub(b).Round(24*time.Hour) / (24 * time.Hour))
}

// first is the first moment of the day.
func (c civil) first() time.Time { return time.Date(c.y, c.m, c.d, 0, 0, 0, 0, vietnam) }

// moment is the time of day at on the day, or its last moment when at is 0.
func (c civil) moment(at time.Duration) time.Time {
	if at == 0 {
		return time.Date(c.y, c.m, c.d+1, 0, 0, 0, 0, vietnam).Add(-time.Nanosecond)
	}
	return c.first().Add(at)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}
