package plan

import (
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
)

// date checks a date and makes it a one-day span.
func (b *builder) date(c clause, i, j int, y, m, d int) (span, error) {
	if err := checkYear(c, i, j, y); err != nil {
		return span{}, err
	}
	if m < 1 || m > 12 {
		return span{}, badMonth(c, i, j)
	}
	if d < 1 || d > daysIn(y, time.Month(m)) {
		return span{}, c.errAt(i, j, codeDate,
			diag.Tf("không có ngày “%s” trên lịch", "there is no such day as “%s”", c.words(i, j)),
			diag.T("Kiểm tra ngày và tháng: tháng 4, 6, 9, 11 có 30 ngày; tháng 2 có 28 hoặc 29 ngày.",
				"Check the day and month: April, June, September and November have 30 days; February 28 or 29."))
	}
	cd := civil{y, time.Month(m), d}
	return span{first: cd, last: cd, day: true}, nil
}

func badMonth(c clause, i, j int) error {
	return c.errAt(i, j, codeDate,
		diag.Tf("tháng không hợp lệ “%s”", "not a month “%s”", c.words(i, j)),
		diag.T("Tháng viết từ 1 đến 12, ví dụ “tháng 3/2023”, “ngày 30/04/2023”.",
			"Months run from 1 to 12, e.g. “tháng 3/2023”, “ngày 30/04/2023”."))
}

func checkYear(c clause, i, j int, y int) error {
	if y < 1900 || y > 2200 {
		return c.errAt(i, j, codeYear,
			diag.Tf("năm không hợp lệ “%s”", "not a year “%s”", c.words(i, j)),
			diag.T("Năm viết đủ 4 chữ số, từ 1900 đến 2200, ví dụ “Quý I/2023”.",
				"Years have 4 digits, from 1900 to 2200, e.g. “Quý I/2023”."))
	}
	return nil
}

// defaultYear is the context's year for a period written without one.
func (b *builder) defaultYear(c clause, i, j int) (int, error) {
	y := b.ctx.year()
	if y == 0 {
		return 0, c.errAt(i, j, codeYear,
			diag.Tf("không rõ năm của “%s”", "no year for “%s”", c.words(i, j)),
			diag.T("Ghi năm, ví dụ “tháng 3/2023”, hoặc khai báo năm của kế hoạch.",
				"Write the year, e.g. “tháng 3/2023”, or set the plan's year."))
	}
	return y, checkYear(c, i, j, y)
}

// yearOf reads a 4-digit year at k of the period i..j.
func yearOf(c clause, i, j int, t string) (int, error) {
	y := number(t)
	if len(t) != 4 {
		y = -1
	}
	return y, checkYear(c, i, j, y)
}

func yearPeriod(y int) period {
	return period{spans: []span{{first: civil{y, 1, 1}, last: civil{y, 12, 31}}}}
}

func (b *builder) yearAt(c clause, i, k int) (period, int, bool, error) {
	y, err := yearOf(c, i, k+1, c.at(k))
	if err != nil {
		return period{}, i, false, err
	}
	return yearPeriod(y), k + 1, true, nil
}

// monthSpan is the months m1..m2 of year y.
func monthSpan(y int, m1, m2 time.Month) span {
	return span{first: civil{y, m1, 1}, last: civil{y, m2, daysIn(y, m2)}}
}

// month reads “tháng 3/2023”, “tháng 03/2023”, “tháng 3 năm 2023”, “tháng 3”.
func (b *builder) month(c clause, j int) (period, int, bool, error) {
	t := c.at(j + 1)
	k := j + 2
	ps := parts(t)
	var m, y int
	var err error
	switch {
	case len(ps) == 2:
		m = number(ps[0])
		y, err = yearOf(c, j, k, ps[1])
	case len(ps) == 1 && c.at(k) == "nam" && startsDigit(c.at(k+1)):
		m = number(t)
		y, err = yearOf(c, j, k+2, c.at(k+1))
		k += 2
	case len(ps) == 1:
		m = number(t)
		y, err = b.defaultYear(c, j, k)
	default:
		err = badMonth(c, j, k)
	}
	if err != nil {
		return period{}, j, false, err
	}
	if m < 1 || m > 12 {
		return period{}, j, false, badMonth(c, j, k)
	}
	return period{spans: []span{monthSpan(y, time.Month(m), time.Month(m))}}, k, true, nil
}

// isQuarterish reports whether t after “quý” is meant as a quarter's
// number, right or wrong: “i/2023”, “iv”, “1”, “v/2023”, but not the
// “trình” of “quy trình”.
func isQuarterish(t string) bool {
	ps := parts(t)
	if len(ps) == 0 {
		return false
	}
	return isDigits(ps[0]) || !strings.ContainsFunc(ps[0], func(r rune) bool { return !strings.ContainsRune("ivxl", r) })
}

func quarterNumber(t string) int {
	switch t {
	case "i", "1", "01":
		return 1
	case "ii", "2", "02":
		return 2
	case "iii", "3", "03":
		return 3
	case "iv", "4", "04":
		return 4
	}
	return 0
}

// quarter reads “Quý I/2023”, “quý 1 năm 2023”, “Quý IV”.
func (b *builder) quarter(c clause, j int) (period, int, bool, error) {
	t := c.at(j + 1)
	k := j + 2
	ps := parts(t)
	var q, y int
	var err error
	switch {
	case len(ps) == 2:
		q = quarterNumber(ps[0])
		y, err = yearOf(c, j, k, ps[1])
	case len(ps) == 1 && c.at(k) == "nam" && startsDigit(c.at(k+1)):
		q = quarterNumber(t)
		y, err = yearOf(c, j, k+2, c.at(k+1))
		k += 2
	case len(ps) == 1:
		q = quarterNumber(t)
		y, err = b.defaultYear(c, j, k)
	}
	if err == nil && q == 0 {
		err = c.errAt(j, k, codeDate,
			diag.Tf("quý không hợp lệ “%s”", "not a quarter “%s”", c.words(j, k)),
			diag.T("Quý viết I, II, III, IV hoặc 1, 2, 3, 4, ví dụ “Quý I/2023”.",
				"Quarters are I, II, III, IV or 1, 2, 3, 4, e.g. “Quý I/2023”."))
	}
	if err != nil {
		return period{}, j, false, err
	}
	m := time.Month(3*q - 2)
	return period{spans: []span{monthSpan(y, m, m+2)}}, k, true, nil
}

// months reads “6 tháng đầu năm 2023”, “6 tháng cuối năm” and “nửa đầu năm
// 2023”: n months, from the start or the end of the year as the word at
// side says.
func (b *builder) months(c clause, j, n, side int) (period, int, bool, error) {
	k := side + 2
	var y int
	var err error
	if startsDigit(c.at(k)) {
		y, err = yearOf(c, j, k+1, c.at(k))
		k++
	} else {
		y, err = b.defaultYear(c, j, k)
	}
	if err == nil && (n < 1 || n > 12) {
		err = c.errAt(j, k, codeDate,
			diag.Tf("số tháng không hợp lệ “%s”", "not a number of months “%s”", c.words(j, k)),
			diag.T("Viết từ 1 đến 12 tháng, ví dụ “6 tháng đầu năm 2023”.",
				"Write 1 to 12 months, e.g. “6 tháng đầu năm 2023”."))
	}
	if err != nil {
		return period{}, j, false, err
	}
	if c.at(side) == "dau" {
		return period{spans: []span{monthSpan(y, 1, time.Month(n))}}, k, true, nil
	}
	return period{spans: []span{monthSpan(y, time.Month(13-n), 12)}}, k, true, nil
}

// numeric reads a bare compound: “30/04/2023”, “14/06”, or “3/2023”.
func (b *builder) numeric(c clause, j int) (period, int, bool, error) {
	ps := parts(c.at(j))
	switch {
	case len(ps) == 2 && len(ps[1]) == 4:
		y, err := yearOf(c, j, j+1, ps[1])
		if err != nil {
			return period{}, j, false, err
		}
		m := number(ps[0])
		if m < 1 || m > 12 {
			return period{}, j, false, badMonth(c, j, j+1)
		}
		return period{spans: []span{monthSpan(y, time.Month(m), time.Month(m))}}, j + 1, true, nil
	case len(ps) == 2 || len(ps) == 3:
		return b.days(c, j)
	}
	return period{}, j, false, nil
}

// dayItem is one day of a list, as written.
type dayItem struct {
	d, m, y    int
	hasM, hasY bool
	i, j       int
}

// dayAt reads a day at j: “30/04/2023”, “14/06”, “13”, “31 tháng 12 năm
// 2023”.
func (b *builder) dayAt(c clause, j int) (dayItem, int, error) {
	t := c.at(j)
	it := dayItem{i: j}
	ps := parts(t)
	k := j + 1
	switch {
	case !isNumeric(t) || len(ps) > 3:
		return it, j, c.errAt(j, k, codeDate,
			diag.Tf("không đọc được ngày “%s”", "cannot read the day “%s”", c.words(j, k)),
			diag.T("Viết ngày như “30/04/2023”, “ngày 30 tháng 4 năm 2023” hoặc “ngày 13 hàng tháng”.",
				"Write days as “30/04/2023”, “ngày 30 tháng 4 năm 2023” or “ngày 13 hàng tháng”."))
	case len(ps) == 3:
		it.d, it.m, it.hasM, it.hasY = number(ps[0]), number(ps[1]), true, true
		y, err := yearOf(c, j, k, ps[2])
		if err != nil {
			return it, j, err
		}
		it.y = y
	case len(ps) == 2:
		if len(ps[1]) == 4 {
			return it, j, c.errAt(j, k, codeDate,
				diag.Tf("thiếu ngày trong “%s”", "the day is missing from “%s”", c.words(j, k)),
				diag.T("Viết “ngày 30/04/2023” cho một ngày, hoặc “tháng 4/2023” cho cả tháng.",
					"Write “ngày 30/04/2023” for a day, or “tháng 4/2023” for the whole month."))
		}
		it.d, it.m, it.hasM = number(ps[0]), number(ps[1]), true
	default:
		it.d = number(t)
		if c.at(k) == "thang" && startsDigit(c.at(k+1)) {
			mp := parts(c.at(k + 1))
			it.m, it.hasM = number(mp[0]), true
			switch {
			case len(mp) == 2:
				y, err := yearOf(c, j, k+2, mp[1])
				if err != nil {
					return it, j, err
				}
				it.y, it.hasY = y, true
				k += 2
			case len(mp) == 1 && c.at(k+2) == "nam" && startsDigit(c.at(k+3)):
				y, err := yearOf(c, j, k+4, c.at(k+3))
				if err != nil {
					return it, j, err
				}
				it.y, it.hasY = y, true
				k += 4
			case len(mp) == 1:
				k += 2
			default:
				return it, j, badMonth(c, j, k+2)
			}
		}
	}
	it.j = k
	if it.hasM && (it.m < 1 || it.m > 12) {
		return it, j, badMonth(c, j, k)
	}
	return it, k, nil
}

// days reads a list of days at j and what follows it: “hàng tháng” makes a
// Monthly rule, “hàng năm” a Yearly one, and nothing one-off days.
func (b *builder) days(c clause, j int) (period, int, bool, error) {
	var items []dayItem
	k := j
	for {
		it, k2, err := b.dayAt(c, k)
		if err != nil {
			return period{}, j, false, err
		}
		items = append(items, it)
		k = k2
		m := k
		if c.at(m) == "va" || c.isComma(m) {
			m++
		} else {
			break
		}
		if c.at(m) == "ngay" {
			m++
		}
		if !isNumeric(c.at(m)) {
			break
		}
		k = m
	}
	first := items[0]
	switch {
	case c.is(k, "hang", "thang"):
		if len(items) > 1 || first.hasM {
			return period{}, j, false, c.errAt(j, k+2, codeRule,
				diag.Tf("“%s”: hàng tháng chỉ ghi một ngày, không kèm tháng", "“%s”: a monthly deadline takes one day and no month", c.words(j, k+2)),
				diag.T("Ví dụ: “trước ngày 13 hàng tháng”.", "For example: “trước ngày 13 hàng tháng”."))
		}
		if first.d < 1 || first.d > 31 {
			return period{}, j, false, c.errAt(j, k, codeDate,
				diag.Tf("không có ngày “%s” trong tháng", "no day “%s” in a month", c.words(j, k)),
				diag.T("Ngày trong tháng viết từ 1 đến 31.", "Days of the month run from 1 to 31."))
		}
		return period{rule: &rule{rec: Monthly, day: first.d}}, k + 2, true, nil
	case c.is(k, "hang", "nam"):
		r := &rule{rec: Yearly}
		for _, it := range items {
			if !it.hasM || it.hasY {
				return period{}, j, false, c.errAt(it.i, it.j, codeRule,
					diag.Tf("“%s”: hạn hàng năm ghi ngày và tháng, không ghi năm", "“%s”: a yearly deadline takes a day and a month, no year", c.words(it.i, it.j)),
					diag.T("Ví dụ: “trước ngày 14/06 và 14/12 hàng năm”.", "For example: “trước ngày 14/06 và 14/12 hàng năm”."))
			}
			// Any year with a 29 February will do to check the day.
			if _, err := b.date(c, it.i, it.j, 2024, it.m, it.d); err != nil {
				return period{}, j, false, err
			}
			r.dates = append(r.dates, MonthDay{Day: it.d, Month: time.Month(it.m)})
		}
		return period{rule: r}, k + 2, true, nil
	case c.is(k, "hang", "quy"), c.is(k, "hang", "tuan"), c.is(k, "hang", "ngay"):
		return period{}, j, false, c.errAt(j, k+2, codeRule,
			diag.Tf("không rõ ngày nào của “%s”", "which day is meant in “%s”", c.words(j, k+2)),
			diag.T("Viết “hàng quý” (cuối mỗi quý), “trước 09h ngày Thứ 3 hàng tuần”, “trước ngày 13 hàng tháng”.",
				"Write “hàng quý” (end of each quarter), “trước 09h ngày Thứ 3 hàng tuần”, “trước ngày 13 hàng tháng”."))
	}
	var p period
	for _, it := range items {
		if !it.hasM {
			return period{}, j, false, c.errAt(it.i, it.j, codeDate,
				diag.Tf("thiếu tháng trong “%s”", "the month is missing from “%s”", c.words(it.i, it.j)),
				diag.T("Viết “ngày 13/03/2023”, hoặc “ngày 13 hàng tháng” nếu lặp lại mỗi tháng.",
					"Write “ngày 13/03/2023”, or “ngày 13 hàng tháng” for every month."))
		}
		y := it.y
		if !it.hasY {
			var err error
			if y, err = b.defaultYear(c, it.i, it.j); err != nil {
				return period{}, j, false, err
			}
		}
		s, err := b.date(c, it.i, it.j, y, it.m, it.d)
		if err != nil {
			return period{}, j, false, err
		}
		p.spans = append(p.spans, s)
	}
	return p, k, true, nil
}

// weekdays are the names after “thứ”.
var weekdays = map[string]time.Weekday{
	"2": time.Monday, "hai": time.Monday,
	"3": time.Tuesday, "ba": time.Tuesday,
	"4": time.Wednesday, "tu": time.Wednesday,
	"5": time.Thursday, "nam": time.Thursday,
	"6": time.Friday, "sau": time.Friday,
	"7": time.Saturday, "bay": time.Saturday,
}

// weekly reads “Thứ 3 hàng tuần”. Unless committed (after “ngày”), words
// that are not a weekday followed by “hàng tuần” are left alone: “thu nhận
// hồ sơ” is not a day of the week.
func (b *builder) weekly(c clause, j int, committed bool) (period, int, bool, error) {
	var wd time.Weekday
	var ok bool
	k := j + 2
	if c.is(j, "chu", "nhat") {
		wd, ok = time.Sunday, true
	} else if c.at(j) == "thu" {
		wd, ok = weekdays[c.at(j+1)]
	}
	switch {
	case ok && c.is(k, "hang", "tuan"):
		return period{rule: &rule{rec: Weekly, weekday: wd}}, k + 2, true, nil
	case ok && (committed || startsDigit(c.at(j+1))):
		return period{}, j, false, c.errAt(j, k, codeRule,
			diag.Tf("“%s” thiếu “hàng tuần”", "“%s” lacks “hàng tuần” (every week)", c.words(j, k)),
			diag.T("Ví dụ: “trước 09h ngày Thứ 3 hàng tuần”.", "For example: “trước 09h ngày Thứ 3 hàng tuần”."))
	case !ok && committed && startsDigit(c.at(j+1)):
		return period{}, j, false, c.errAt(j, k, codeDate,
			diag.Tf("không có “%s” trong tuần", "there is no “%s” in a week", c.words(j, k)),
			diag.T("Thứ viết từ 2 đến 7, hoặc Chủ nhật.", "Weekdays run from Thứ 2 (Monday) to Thứ 7 (Saturday), and Chủ nhật (Sunday)."))
	}
	return period{}, j, false, nil
}

// every reads “hàng tuần”, “hàng tháng”, “hàng quý”, “hàng năm”, “hàng
// ngày” on their own.
func every(c clause, j int) (period, int, bool, error) {
	var r rule
	switch c.at(j + 1) {
	case "ngay":
		r.rec = Daily
	case "tuan":
		// A week of the Vietnamese calendar runs Monday to Sunday.
		r.rec, r.weekday = Weekly, time.Sunday
	case "thang":
		r.rec = Monthly
	case "quy":
		r.rec = Quarterly
	case "nam":
		r.rec, r.dates = Yearly, []MonthDay{{31, time.December}}
	default:
		return period{}, j, false, nil
	}
	return period{rule: &r}, j + 2, true, nil
}

// isClockAt reports whether an hour starts at j: “09h”, “9h30”, “09:00”,
// “9 giờ”.
func isClockAt(c clause, j int) bool {
	t := c.at(j)
	if isDigits(t) {
		return c.at(j+1) == "gio" || c.at(j+1) == "h"
	}
	_, _, ok := clockWord(t)
	return ok
}

// clockWord splits “09h30” or “09:00” into hour and minute.
func clockWord(t string) (h, m int, ok bool) {
	i := strings.IndexFunc(t, func(r rune) bool { return !isDigit(r) })
	if i < 1 || i > 2 {
		return 0, 0, false
	}
	h, rest := number(t[:i]), t[i:]
	switch {
	case strings.HasPrefix(rest, "gio"):
		rest = rest[3:]
	case strings.HasPrefix(rest, "h"), strings.HasPrefix(rest, ":"):
		rest = rest[1:]
	default:
		return 0, 0, false
	}
	rest = strings.TrimSuffix(strings.TrimSuffix(rest, "phut"), "p")
	if rest == "" {
		return h, 0, true
	}
	if !isDigits(rest) || len(rest) > 2 {
		return 0, 0, false
	}
	return h, number(rest), true
}

// clocked reads an hour and the day or rule it belongs to: “09h ngày Thứ 3
// hàng tuần”, “17h ngày 30/04/2023”.
func (b *builder) clocked(c clause, j int) (period, int, bool, error) {
	var h, m int
	k := j + 1
	if t := c.at(j); isDigits(t) {
		h = number(t)
		k = j + 2
		if isDigits(c.at(k)) {
			m = number(c.at(k))
			k++
			if c.at(k) == "phut" {
				k++
			}
		}
	} else {
		h, m, _ = clockWord(t)
	}
	if h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m > 0) || (h == 0 && m == 0) {
		return period{}, j, false, c.errAt(j, k, codeDate,
			diag.Tf("giờ không hợp lệ “%s”", "not an hour “%s”", c.words(j, k)),
			diag.T("Giờ viết từ 00h01 đến 24h, ví dụ “09h”, “9h30”, “17:00”.",
				"Hours run from 00h01 to 24h, e.g. “09h”, “9h30”, “17:00”."))
	}
	at := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
	if at == 24*time.Hour {
		at = 0
	}
	var p period
	k2, ok := k, false
	if !isClockAt(c, k) {
		var err error
		if p, k2, ok, err = b.period(c, k, true); err != nil {
			return p, k2, ok, err
		}
	}
	switch {
	case ok && p.rule != nil:
		p.rule.at = at
		return p, k2, true, nil
	case ok && len(p.spans) == 1 && p.spans[0].day:
		p.spans[0].at = at
		return p, k2, true, nil
	}
	return period{}, j, false, c.errAt(j, max(k2, k), codeDate,
		diag.Tf("“%s”: giờ phải kèm một ngày", "“%s”: an hour needs a day", c.words(j, max(k2, k))),
		diag.T("Ví dụ: “trước 17h ngày 30/04/2023”, “trước 09h ngày Thứ 3 hàng tuần”.",
			"For example: “trước 17h ngày 30/04/2023”, “trước 09h ngày Thứ 3 hàng tuần”."))
}

// isMonthSpan reports whether s is a whole calendar month.
func isMonthSpan(s span) bool {
	return !s.day && s.first.d == 1 && s.last.y == s.first.y && s.last.m == s.first.m && s.last.d == daysIn(s.first.y, s.first.m)
}

// length is the number of days of s.
func (s span) length() int { return s.last.daysSince(s.first) + 1 }

func vagueErr(c clause, i, j int) error {
	return c.errAt(i, j, codeVague,
		diag.Tf("“%s” không chỉ rõ đến ngày nào", "“%s” does not say by which day", c.words(i, j)),
		diag.T("Ghi rõ ngày, ví dụ “trước ngày 15/01/2024”, “trong tháng 1/2024”, “thượng tuần tháng 1/2024”, hoặc ghi hạn cụ thể.",
			"Write the day, e.g. “trước ngày 15/01/2024” (by 15 January 2024), “trong tháng 1/2024” (within January), "+
				"“thượng tuần tháng 1/2024” (the first ten days of January), or give a due date."))
}

// partOf reads “đầu”, “giữa” or “cuối” and the period after it. Of a month,
// “đầu” is its first ten days and “giữa” the next ten, both Approximate;
// “cuối” of any period is its last day, and “đầu” of a longer one is only
// a start (“từ đầu năm 2023”): as a due date it is vague. “giữa” before two
// periods joined by “và” means between them, and is passed over.
func (b *builder) partOf(c clause, j int) (period, int, bool, error) {
	t := c.at(j)
	p, k, ok, err := b.period(c, j+1, true)
	if err != nil || !ok {
		return p, k, ok, err
	}
	if p.rule != nil || len(p.spans) != 1 {
		return period{}, j, false, nil
	}
	s := p.spans[0]
	switch {
	case t == "giua" && (s.day || c.at(k) == "va" && b.startsDate(c, k+1)):
		return period{}, j, false, nil
	case t == "cuoi":
		s.first, s.day = s.last, true
	case s.day:
		// “đầu ngày 5/7/2023” is that day.
	case isMonthSpan(s) && t == "dau":
		s.last, s.approx = s.first.addDays(9), true
	case isMonthSpan(s):
		s.first, s.last, s.approx = s.first.addDays(10), s.first.addDays(19), true
	case t == "dau":
		s.last, s.day, s.vague = s.first, true, true
	default:
		return period{}, j, false, vagueErr(c, j, k)
	}
	return period{spans: []span{s}}, k, true, nil
}

// tenDays reads “thượng tuần”, “trung tuần” and “hạ tuần” of a month: its
// days 1–10, 11–20 and 21 to its end.
func (b *builder) tenDays(c clause, j int) (period, int, bool, error) {
	p, k, ok, err := b.period(c, j+2, true)
	if err != nil || !ok {
		return period{}, j, false, err
	}
	if p.rule != nil || len(p.spans) != 1 || !isMonthSpan(p.spans[0]) {
		return period{}, j, false, vagueErr(c, j, k)
	}
	s := p.spans[0]
	switch c.at(j) {
	case "thuong":
		s.last = s.first.addDays(9)
	case "trung":
		s.first, s.last = s.first.addDays(10), s.first.addDays(19)
	default:
		s.first = s.first.addDays(20)
	}
	return period{spans: []span{s}}, k, true, nil
}

// someDays reads the first or last n days of a period, as the word at side
// says: “tuần đầu (tiên) (của) tháng 7/2023” (n = 7), “10 ngày cuối năm”.
func (b *builder) someDays(c clause, j, n, side int) (period, int, bool, error) {
	k := side + 1
	switch {
	case c.at(side) == "dau" && c.at(k) == "tien", c.at(side) == "cuoi" && c.at(k) == "cung":
		k++
	}
	if c.at(k) == "cua" {
		k++
	}
	p, k, ok, err := b.period(c, k, true)
	if err != nil || !ok {
		return period{}, j, false, err
	}
	if p.rule != nil || len(p.spans) != 1 || p.spans[0].day {
		return period{}, j, false, vagueErr(c, j, k)
	}
	s := p.spans[0]
	if n < 1 || n > s.length() {
		return period{}, j, false, c.errAt(j, k, codeDate,
			diag.Tf("“%s”: khoảng thời gian không có ngần ấy ngày", "“%s”: the period has fewer days", c.words(j, k)),
			diag.T("Kiểm tra số ngày, ví dụ “10 ngày đầu tháng 7/2023”.", "Check the number of days, e.g. “10 ngày đầu tháng 7/2023”."))
	}
	if c.at(side) == "dau" {
		s.last = s.first.addDays(n - 1)
	} else {
		s.first = s.last.addDays(1 - n)
	}
	s.approx, s.vague = false, false
	return period{spans: []span{s}}, k, true, nil
}
