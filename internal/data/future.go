package data

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/table"
)

// SetAsideFuture splits obs, read from t by [ParseObservations], into the
// figures of periods that have begun by now and those of periods that
// start after it ([indicator.Future]). Nobody could know the latter at
// now — a mistyped period, or a file kept up to date while the site is
// judged at an earlier day — so the caller counts and shows them nowhere
// but the download, marked. They are one warning per file, at the first
// one's period cell, naming every line: a file kept up to December on a
// site judged at June gives one warning, not one per row. Both slices
// keep the file's order.
func SetAsideFuture(t *table.Table, obs []indicator.Observation, now time.Time, l *diag.List) (kept, future []indicator.Observation) {
	for _, o := range obs {
		if o.Period.IsZero() || !indicator.Future(o.Period, now) {
			kept = append(kept, o)
		} else {
			future = append(future, o)
		}
	}
	if len(future) == 0 {
		return kept, nil
	}
	first := future[0]
	pos, text := t.At(first.Line, 0), first.Period.String()
	found, _ := t.Columns(allColumns)
	if col, ok := found[colPeriod.Key]; ok {
		if i, ok := slices.BinarySearchFunc(t.Rows, first.Line, func(r table.Row, line int) int { return r.Line - line }); ok {
			f := t.Rows[i].Fields[col]
			pos, text = t.FieldPos(f), f.Text
		}
	}
	lines := make([]int, len(future))
	for i, o := range future {
		lines[i] = o.Line
	}
	msg := diag.Tf("Kỳ \"%s\" (%s) bắt đầu sau ngày đánh giá %s: số liệu này chưa thể có vào ngày đó, nên không được tính, không hiện trên trang",
		"Period \"%s\" (%s) starts after the as-of date %s: the figure cannot have been known then, so it is neither counted nor shown", text, label(first.Period), asOf(now))
	if len(future) > 1 {
		msg = diag.Tf("%d dòng có kỳ bắt đầu sau ngày đánh giá %s (%s), kỳ đầu tiên là \"%s\" (%s): các số liệu này chưa thể có vào ngày đó, nên không được tính, không hiện trên trang",
			"%d rows have periods that start after the as-of date %s (%s), the first \"%s\" (%s): their figures cannot have been known then, so they are neither counted nor shown",
			len(future), asOf(now), lineList(lines), text, label(first.Period))
	}
	l.Warnf(pos, diag.CodeCSVFuture, msg,
		diag.Tf("Kiểm tra lại kỳ đã ghi. Nếu đúng, mỗi số liệu được tính khi trang được đánh giá từ ngày cuối của kỳ (%s cho kỳ %s) trở đi (--now hoặc asOf trong config.toml); đến khi đó chúng chỉ có trong tệp CSV tải về, có đánh dấu",
			"Check the periods written. If they are right, each figure counts once the site is judged on its period's last day (%s for %s) or later (--now or asOf in config.toml); until then they are only in the CSV download, marked", lastDay(first.Period), text))
	return kept, future
}

// SetAsideFuture removes from r the rows of weeks that start after now,
// with their submissions, and returns them: like an indicator's figures
// from the future (see the function SetAsideFuture), they count nowhere,
// and are one warning, at the first one's week cell.
func (r *Report) SetAsideFuture(now time.Time, l *diag.List) []report.Row {
	var kept, future []report.Row
	var cells []diag.Pos
	var lines []int
	first := -1
	for i, row := range r.Rows {
		if !indicator.Future(row.Week, now) {
			kept = append(kept, row)
			cells = append(cells, r.weekCell(i))
			continue
		}
		if first < 0 {
			first = i
		}
		future = append(future, row)
		lines = append(lines, r.weekCell(i).Line)
	}
	if len(future) == 0 {
		return nil
	}
	w := r.Rows[first].Week
	msg := diag.Tf("%s (%s, %s) bắt đầu sau ngày đánh giá %s: số liệu này chưa thể có vào ngày đó, nên không được tính, không hiện trên trang",
		"%s (%s, %s) starts after the as-of date %s: the figures cannot have been known then, so they are neither counted nor shown", weekLabel(w), w.String(), weekSpan(w), asOf(now))
	if len(future) > 1 {
		msg = diag.Tf("%d dòng của những tuần bắt đầu sau ngày đánh giá %s (%s), tuần đầu tiên là %s (%s, %s): các số liệu này chưa thể có vào ngày đó, nên không được tính, không hiện trên trang",
			"%d rows are for weeks that start after the as-of date %s (%s), the first %s (%s, %s): their figures cannot have been known then, so they are neither counted nor shown",
			len(future), asOf(now), lineList(lines), weekLabel(w), w.String(), weekSpan(w))
	}
	l.Warnf(r.weekCell(first), diag.CodeReportFuture, msg,
		diag.T("Kiểm tra lại ô tuần. Nếu đúng, số liệu được tính khi trang được đánh giá sau khi tuần kết thúc và báo cáo đã gửi (--now hoặc asOf trong config.toml); đến khi đó chúng chỉ có trong tệp CSV tải về, có đánh dấu",
			"Check the week cells. If they are right, the figures count once the site is judged after the week has ended and the report was sent (--now or asOf in config.toml); until then they are only in the CSV download, marked"))
	r.Rows, r.weekCells = kept, cells
	r.Submissions = slices.DeleteFunc(r.Submissions, func(s report.Submission) bool { return indicator.Future(s.Week, now) })
	return future
}

// weekCell is where row i's week is written; the zero Pos for a Report
// not made by ParseReport.
func (r *Report) weekCell(i int) diag.Pos {
	if i < len(r.weekCells) {
		return r.weekCells[i]
	}
	return diag.Pos{}
}

// asOf is the day judged at, dd/mm/yyyy.
func asOf(now time.Time) string { return now.Format("02/01/2006") }

// lastDay is p's last day, dd/mm/yyyy.
func lastDay(p period.Period) string {
	y, m, d := p.Last()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format("02/01/2006")
}

// lineList names sorted line numbers in both languages, runs as ranges:
// "dòng 5, 9–12" / "lines 5, 9–12"; past ten runs the rest is "…".
func lineList(lines []int) diag.Text {
	var runs []string
	for i := 0; i < len(lines); {
		j := i
		for j+1 < len(lines) && lines[j+1] == lines[j]+1 {
			j++
		}
		if len(runs) == 10 {
			runs = append(runs, "…")
			break
		}
		if j > i {
			runs = append(runs, fmt.Sprintf("%d–%d", lines[i], lines[j]))
		} else {
			runs = append(runs, itoa(lines[i]))
		}
		i = j + 1
	}
	s := strings.Join(runs, ", ")
	if len(lines) == 1 {
		return diag.T("dòng "+s, "line "+s)
	}
	return diag.T("dòng "+s, "lines "+s)
}
