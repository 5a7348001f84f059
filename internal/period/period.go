// Package period is the reporting periods of the plan — the days, ISO
// weeks, months, quarters, half-years and years that indicator values and
// reports are given for — as written by staff in data files and front
// matter. It is pure: the compute stage and the renderer use it, nothing
// here reads files.
//
// # Dates without time zones
//
// A period is a range of civil dates, the same everywhere: "Quý I/2023" is
// 1 January to 31 March 2023 whether the site is built in Hà Nội or in a CI
// runner set to UTC. So all arithmetic is on (year, month, day), and the
// time.Time values [Period.Start] and [Period.End] return are midnight UTC
// of civil dates, never instants in a local zone; compare them with the
// civil date of a local time by building that date with time.Date(y, m, d,
// 0, 0, 0, 0, time.UTC).
//
// End is exclusive: p.End() == p.Next().Start(), so consecutive periods
// tile time without gaps or overlaps. [Period.Last] gives the last day
// inclusive, for display.
//
// # Writing periods
//
// [Parse] accepts the forms staff write, ignoring case, marks and tones,
// and extra spaces:
//
//	day        2023-03-31, 31/03/2023, 31/3/2023, 31-03-2023, 31.03.2023,
//	           ngày 31/3/2023, ngày 31 tháng 3 năm 2023
//	ISO week   2023-W13, 2023W13, W13/2023, tuần 13/2023, tuần 13 năm 2023
//	month      2023-03, 03/2023, 3/2023, 3-2023, tháng 3/2023, T3/2023,
//	           Tháng 03 năm 2023
//	quarter    2023-Q1, 2023Q1, Q1/2023, Quý I/2023, quý 1/2023,
//	           Quý I năm 2023
//	half-year  2023-H1, H1/2023, 6 tháng đầu năm 2023,
//	           6 tháng cuối năm 2023, nửa đầu năm 2023
//	year       2023, năm 2023
//
// Years have four digits (1000–9999), which [New] enforces too. [Period.String] gives the canonical
// form (the first of each line), which Parse reads back to the same
// period.
package period

import (
	"cmp"
	"fmt"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
)

// Kind is the length of a period. Kinds are ordered from shortest to
// longest.
type Kind uint8

const (
	Day Kind = iota + 1
	Week
	Month
	Quarter
	HalfYear
	Year
)

var kindNames = [...]string{"", "day", "week", "month", "quarter", "half-year", "year"}

func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Period is one reporting period. It is a small value, comparable with ==
// and usable as a map key: each period has exactly one representation.
//
// Year is the calendar year, except for Week, where it is the ISO
// week-numbering year (2024-W01 starts on Monday 1 January 2024, but
// 2025-W01 on Monday 30 December 2024). N is the number within the year:
// the day of the year (1–366), the ISO week (1–53), the month (1–12), the
// quarter (1–4) or the half (1–2); it is 0 for Year.
//
// The zero Period is no period; its methods return zero values.
type Period struct {
	Kind Kind
	Year int
	N    int
}

// New returns the period of kind k numbered n in year, or the zero Period
// and false if there is no such period: New(Week, 2020, 53) exists,
// New(Week, 2021, 53) does not.
func New(k Kind, year, n int) (Period, bool) {
	p := Period{Kind: k, Year: year, N: n}
	if !p.valid() {
		return Period{}, false
	}
	return p, true
}

// Date returns the day y-m-d. Out-of-range values are normalised as by
// time.Date: Date(2023, 2, 29) is 1 March 2023. Like Containing, it does
// not check the year range.
func Date(y int, m time.Month, d int) Period {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Period{Kind: Day, Year: t.Year(), N: t.YearDay()}
}

// Containing returns the period of kind k that contains the day y-m-d
// (normalised as by time.Date).
func Containing(k Kind, y int, m time.Month, d int) Period {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	y, m = t.Year(), t.Month()
	switch k {
	case Day:
		return Period{Day, y, t.YearDay()}
	case Week:
		wy, w := t.ISOWeek()
		return Period{Week, wy, w}
	case Month:
		return Period{Month, y, int(m)}
	case Quarter:
		return Period{Quarter, y, (int(m)-1)/3 + 1}
	case HalfYear:
		return Period{HalfYear, y, (int(m)-1)/6 + 1}
	case Year:
		return Period{Year, y, 0}
	}
	return Period{}
}

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p == Period{} }

func (p Period) valid() bool {
	if p.Year < 1000 || p.Year > 9999 {
		return false
	}
	switch p.Kind {
	case Day:
		return p.N >= 1 && p.N <= daysIn(p.Year)
	case Week:
		return p.N >= 1 && p.N <= weeksIn(p.Year)
	case Month:
		return p.N >= 1 && p.N <= 12
	case Quarter:
		return p.N >= 1 && p.N <= 4
	case HalfYear:
		return p.N >= 1 && p.N <= 2
	case Year:
		return p.N == 0
	}
	return false
}

// First returns the first day of the period.
func (p Period) First() (y int, m time.Month, d int) {
	return p.Start().Date()
}

// Last returns the last day of the period, inclusive.
func (p Period) Last() (y int, m time.Month, d int) {
	if p.IsZero() {
		return 0, 0, 0
	}
	return p.End().AddDate(0, 0, -1).Date()
}

// Start returns midnight UTC of the first day of the period.
func (p Period) Start() time.Time {
	switch p.Kind {
	case Day:
		return time.Date(p.Year, 1, p.N, 0, 0, 0, 0, time.UTC)
	case Week:
		return week1(p.Year).AddDate(0, 0, 7*(p.N-1))
	case Month:
		return time.Date(p.Year, time.Month(p.N), 1, 0, 0, 0, 0, time.UTC)
	case Quarter:
		return time.Date(p.Year, time.Month(3*p.N-2), 1, 0, 0, 0, 0, time.UTC)
	case HalfYear:
		return time.Date(p.Year, time.Month(6*p.N-5), 1, 0, 0, 0, 0, time.UTC)
	case Year:
		return time.Date(p.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// End returns midnight UTC of the day after the period: the end is
// exclusive, and p.End() equals p.Next().Start().
func (p Period) End() time.Time {
	s := p.Start()
	switch p.Kind {
	case Day:
		return s.AddDate(0, 0, 1)
	case Week:
		return s.AddDate(0, 0, 7)
	case Month, Quarter, HalfYear:
		return s.AddDate(0, p.months(), 0)
	case Year:
		return s.AddDate(1, 0, 0)
	}
	return time.Time{}
}

// Contains reports whether the day y-m-d falls in the period.
func (p Period) Contains(y int, m time.Month, d int) bool {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return !t.Before(p.Start()) && t.Before(p.End())
}

// Next returns the period of the same kind that follows p.
func (p Period) Next() Period { return p.step(1) }

// Prev returns the period of the same kind that precedes p.
func (p Period) Prev() Period { return p.step(-1) }

func (p Period) step(dir int) Period {
	switch p.Kind {
	case Day:
		y, m, d := p.First()
		return Date(y, m, d+dir)
	case Week:
		y, m, d := p.First()
		return Containing(Week, y, m, d+7*dir)
	case Month, Quarter, HalfYear:
		per := 12 / p.months()
		i := p.Year*per + p.N - 1 + dir
		return Period{p.Kind, floorDiv(i, per), i - floorDiv(i, per)*per + 1}
	case Year:
		return Period{Year, p.Year + dir, 0}
	}
	return Period{}
}

// Compare orders periods by their last day, then by kind, shortest first:
// 2023-03-31 < 2023-03 < 2023-Q1 < 2023-04-01. It returns -1, 0 or +1, for
// slices.SortFunc.
func Compare(a, b Period) int {
	return cmp.Or(a.End().Compare(b.End()), cmp.Compare(a.Kind, b.Kind))
}

// String returns the canonical form: "2023-03-31", "2023-W13", "2023-03",
// "2023-Q1", "2023-H1" or "2023"; "" for the zero Period.
func (p Period) String() string {
	switch p.Kind {
	case Day:
		y, m, d := p.First()
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	case Week:
		return fmt.Sprintf("%04d-W%02d", p.Year, p.N)
	case Month:
		return fmt.Sprintf("%04d-%02d", p.Year, p.N)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.N)
	case HalfYear:
		return fmt.Sprintf("%04d-H%d", p.Year, p.N)
	case Year:
		return fmt.Sprintf("%04d", p.Year)
	}
	return ""
}

// MarshalText writes the canonical form, so that periods are JSON map keys
// and strings.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads any form Parse accepts.
func (p *Period) UnmarshalText(b []byte) error {
	q, ok := Parse(string(b))
	if !ok {
		return fmt.Errorf("period: cannot read %q", b)
	}
	*p = q
	return nil
}

var roman = [...]string{"", "I", "II", "III", "IV"}

// Label returns the period as a reader of the site writes it:
// "31/03/2023", "Tuần 13/2023", "Tháng 3/2023", "Quý I/2023",
// "6 tháng đầu năm 2023", "Năm 2023"; in English "31 March 2023",
// "Week 13, 2023", "March 2023", "Q1 2023", "First half of 2023", "2023".
func (p Period) Label(lang diag.Lang) string {
	en := lang == diag.EN
	switch p.Kind {
	case Day:
		y, m, d := p.First()
		if en {
			return fmt.Sprintf("%d %s %d", d, m, y)
		}
		return fmt.Sprintf("%02d/%02d/%d", d, m, y)
	case Week:
		if en {
			return fmt.Sprintf("Week %d, %d", p.N, p.Year)
		}
		return fmt.Sprintf("Tuần %d/%d", p.N, p.Year)
	case Month:
		if en {
			return fmt.Sprintf("%s %d", time.Month(p.N), p.Year)
		}
		return fmt.Sprintf("Tháng %d/%d", p.N, p.Year)
	case Quarter:
		if en {
			return fmt.Sprintf("Q%d %d", p.N, p.Year)
		}
		return fmt.Sprintf("Quý %s/%d", roman[p.N], p.Year)
	case HalfYear:
		switch {
		case en && p.N == 1:
			return fmt.Sprintf("First half of %d", p.Year)
		case en:
			return fmt.Sprintf("Second half of %d", p.Year)
		case p.N == 1:
			return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
		default:
			return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
		}
	case Year:
		if en {
			return fmt.Sprintf("%d", p.Year)
		}
		return fmt.Sprintf("Năm %d", p.Year)
	}
	return ""
}

// months is the length of a Month, Quarter or HalfYear.
func (p Period) months() int {
	switch p.Kind {
	case Quarter:
		return 3
	case HalfYear:
		return 6
	}
	return 1
}

// week1 returns the Monday of ISO week 1 of year: the week with 4 January.
func week1(year int) time.Time {
	jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, time.UTC)
	return jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
}

// weeksIn returns 52 or 53: 28 December is always in the last ISO week.
func weeksIn(year int) int {
	_, w := time.Date(year, 12, 28, 0, 0, 0, 0, time.UTC).ISOWeek()
	return w
}

func daysIn(year int) int {
	return time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC).YearDay()
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
