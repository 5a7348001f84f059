package data

import (
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/tiendo/tiendo/internal/vi"
)

// ReportsDir holds the weekly reports on the essential services, one file
// per reporting unit: data/reports/<unit id>.csv.
const ReportsDir = Dir + "/reports"

// ReportFile is the path of unit's weekly report file.
func ReportFile(unit string) string { return ReportsDir + "/" + unit + ".csv" }

// Report is one unit's weekly report file, checked.
type Report struct {
	// Unit is the unit the file name gives; zero if the name is not a
	// reporting unit's id.
	Unit Unit
	// Rows are the rows without errors, in the order of the file, with
	// the unit's and the services' ids.
	Rows []report.Row
	// Submissions holds one entry per week reported: when its first row
	// was sent (ngay_gui).
	Submissions []report.Submission

	weekCells []diag.Pos // where each row's week is written
}

// ParseReport checks a unit's weekly report file t, read from
// data/reports/<unit id>.csv, as the plan asks it to be kept (columns in
// [report.Columns]; see package report for what they mean):
//
//   - the file name is the id of a unit with reports = true;
//   - tuan is an ISO week ("2023-W13") or the day that week's report was
//     due, by rule ("04/04/2023", a Tuesday, for 2023-W13);
//   - dich_vu is a service of services, by id, name or short name, that
//     the file's unit reports on (its lead);
//   - counts are whole numbers of at least 0 without '%', an empty cell
//     meaning 0, and none whose value depends on the number dialect
//     unless the file or its unit's decimalComma settles it (see
//     package table);
//   - ngay_gui is a day and time ("2023-04-04 08:30", "04/04/2023 08:30")
//     in rule's time zone;
//   - a week and service appear once.
//
// Every problem goes into l at its cell. Rows whose totals do not balance
// (resolved + in progress ≠ received + carried over), late, refused or
// returned dossiers without a reason, a reason without dossiers, and a
// report sent before its week ended are warnings: the row is kept.
func ParseReport(t *table.Table, units *Units, services *Services, rule report.Rule, l *diag.List) *Report {
	rep := &Report{}
	unitOK := reportUnit(t.Name, units, l, &rep.Unit)

	var specs []table.ColumnSpec
	for _, c := range report.Columns() {
		specs = append(specs, table.ColumnSpec{Key: c.Key, Aliases: c.Aliases, Required: c.Required})
	}
	found, cl := t.Columns(specs)
	l.Merge(cl)
	if cl.HasErrors() {
		return rep
	}
	var counts []int
	for _, key := range report.CountColumns() {
		if i, ok := found[key]; ok {
			counts = append(counts, i)
		}
	}
	t.SettleDialect(counts...)
	loc := rule.Location
	if loc == nil {
		loc = plan.Location()
	}
	r := reportReader{t: t, units: units, services: services, rule: rule, loc: loc, l: l, cols: found, unit: rep.Unit, unitOK: unitOK,
		first: map[string]int{}, submitted: map[period.Period]time.Time{}}
	for _, row := range t.Rows {
		if rr, ok := r.row(row); ok {
			rep.Rows = append(rep.Rows, rr)
			cell, _ := r.cell(row, report.ColWeek)
			rep.weekCells = append(rep.weekCells, t.FieldPos(cell))
		}
	}
	r.missingReasonColumns()
	for _, rr := range rep.Rows {
		if at, ok := r.submitted[rr.Week]; ok {
			rep.Submissions = append(rep.Submissions, report.Submission{Unit: rep.Unit.ID, Week: rr.Week, At: at})
			delete(r.submitted, rr.Week)
		}
	}
	return rep
}

// WeekCell is where the week of Rows[i] is written in the file.
func (r *Report) WeekCell(i int) diag.Pos { return r.weekCells[i] }

// reportUnit checks that the file is named after a reporting unit.
func reportUnit(file string, units *Units, l *diag.List, u *Unit) bool {
	id := strings.TrimSuffix(path.Base(file), path.Ext(file))
	pos := diag.Pos{File: file}
	found, ok := units.ByID(id)
	switch {
	case !ok:
		hint := diag.Tf("Đặt tên tệp là mã của đơn vị: %s.", "Name the file after the unit's id: %s.", quoteList(reportFiles(reportingIDs(units))))
		if byName, named := units.Lookup(id); named && byName.Reports {
			hint = diag.Tf("Đó là %s: đổi tên tệp thành %s.", "That is %s: rename the file %s.", byName.Name, ReportFile(byName.ID))
		} else if c := vi.Closest(id, reportingIDs(units), 1); len(c) > 0 {
			hint = diag.Tf("Có phải là %s? Tên tệp là mã của đơn vị trong data/units.toml.", "Did you mean %s? The file is named after the unit's id in data/units.toml.", ReportFile(c[0]))
		}
		l.Add(diag.New(pos, diag.CodeReportUnit,
			diag.Tf("tên tệp %q không phải mã của một đơn vị báo cáo tuần", "file name %q is not the id of a unit that reports weekly", path.Base(file)), hint).Needing(UnitsFile))
		return false
	case !found.Reports:
		l.Errorf(pos, diag.CodeReportUnit,
			diag.Tf("%s không gửi báo cáo tuần (thiếu reports = true trong data/units.toml, dòng %d)", "%s does not send the weekly report (reports = true is not set in data/units.toml, line %d)", found.Name, found.Pos.Line),
			diag.Tf("Nếu đơn vị phải báo cáo tuần, thêm reports = true cho đơn vị; nếu không, xoá tệp này. Các đơn vị báo cáo tuần: %s.",
				"If the unit must report weekly, add reports = true to it; otherwise delete this file. Units that report weekly: %s.", quoteList(reportingIDs(units))))
		return false
	}
	*u = found
	return true
}

func reportFiles(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = path.Base(ReportFile(id))
	}
	return out
}

// reportReader checks the rows of one report file.
type reportReader struct {
	t        *table.Table
	units    *Units
	services *Services
	rule     report.Rule
	loc      *time.Location
	l        *diag.List
	cols     map[string]int
	unit     Unit
	unitOK   bool

	first     map[string]int              // week and service → line of the first row
	submitted map[period.Period]time.Time // week → earliest ngay_gui
	unexplain [3]int                      // rows with dossiers needing a reason whose column is absent
}

func (r *reportReader) cell(row table.Row, key string) (table.Field, bool) {
	i, ok := r.cols[key]
	if !ok {
		return table.Field{Line: row.Line, Col: 1}, false
	}
	return row.Fields[i], true
}

func (r *reportReader) errorf(f table.Field, code string, msg, hint diag.Text) {
	r.l.Errorf(r.t.FieldPos(f), code, msg, hint)
}

// row checks one row; ok is false if it has an error.
func (r *reportReader) row(row table.Row) (out report.Row, ok bool) {
	ok = true
	out.Unit = r.unit.ID
	weekCell, _ := r.cell(row, report.ColWeek)
	week, weekOK := r.week(weekCell)
	ok = ok && weekOK
	out.Week = week

	svcCell, _ := r.cell(row, report.ColService)
	svc, svcOK := r.service(svcCell)
	ok = ok && svcOK
	out.Service = svc.ID

	for _, key := range report.CountColumns() {
		f, _ := r.cell(row, key)
		v, vok := r.count(f, key)
		ok = ok && vok
		*out.Counts.Field(key) = v
	}

	subCell, _ := r.cell(row, report.ColSubmitted)
	at, atOK := r.submittedAt(subCell)
	ok = ok && atOK
	out.Submitted = at
	if weekOK && atOK && at.Before(r.weekEnd(week)) {
		r.l.Warnf(r.t.FieldPos(subCell), diag.CodeReportEarly,
			diag.Tf("Ngày gửi %s trước khi %s kết thúc (%s)", "Sent on %s, before %s ended (%s)", subCell.Text, weekLabel(week), r.weekEnd(week).Format("02/01/2006 15:04")),
			diag.T("Báo cáo tuần gửi sau khi tuần kết thúc; kiểm tra lại ô tuần và ngày gửi", "A week's report is sent after the week ends; check the week and the date sent"))
	}

	if weekOK && svcOK {
		key := week.String() + "\x00" + svc.ID
		if line, dup := r.first[key]; dup {
			r.errorf(weekCell, diag.CodeReportDuplicate,
				diag.Tf("%s của dịch vụ %q đã có ở dòng %d", "%s for service %q already appears on line %d", weekLabel(week), svc.Short, line),
				diag.T("Mỗi tuần chỉ ghi một dòng cho mỗi dịch vụ; xoá hoặc sửa một trong hai dòng", "Write one row per week and service; delete or correct one of the two rows"))
			ok = false
		} else {
			r.first[key] = row.Line
		}
	}

	out.LateReason = r.reason(row, report.ColLateReason, 0, out.Late(), diag.T("quá hạn", "late"))
	out.NotAcceptedReason = r.reason(row, report.ColNotAcceptedReason, 1, out.NotAccepted, diag.T("không tiếp nhận", "not accepted"))
	out.SupplementReason = r.reason(row, report.ColSupplementReason, 2, out.ReturnedForSupplement, diag.T("trả lại yêu cầu bổ sung", "returned for supplements"))

	if ok && !out.Balanced() {
		c := out.Counts
		r.l.Warnf(r.t.FieldPos(weekCell), diag.CodeReportBalance,
			diag.Tf("Dòng %d (%s, %s) không cân: đã giải quyết %d+%d+%d và đang giải quyết %d+%d là %d hồ sơ, nhưng tiếp nhận trực tuyến %d, trực tiếp %d và kỳ trước chuyển sang %d là %d",
				"Row %d (%s, %s) does not balance: resolved %d+%d+%d and in progress %d+%d make %d dossiers, but received online %d, in person %d and carried over %d make %d",
				row.Line, weekLabel(week), svc.Short, c.ResolvedEarly, c.ResolvedOnTime, c.ResolvedLate, c.PendingOnTime, c.PendingOverdue,
				c.Resolved()+c.InProgress(), c.ReceivedOnline, c.ReceivedInPerson, c.CarriedOver, c.ToHandle()),
			diag.T("Mỗi hồ sơ phải giải quyết (tiếp nhận trong tuần và kỳ trước chuyển sang) hoặc đã giải quyết, hoặc đang giải quyết; kiểm tra lại các ô của dòng",
				"Every dossier to handle (received in the week or carried over) is either resolved or in progress; check the row's cells"))
	}
	if !ok {
		return out, false
	}
	if t, seen := r.submitted[week]; !seen || at.Before(t) {
		r.submitted[week] = at
	}
	return out, r.unitOK
}

// week reads the tuan cell.
func (r *reportReader) week(f table.Field) (period.Period, bool) {
	hint := diag.Tf("Ghi tuần của số liệu theo ISO, ví dụ 2023-W13, hoặc ngày hạn báo cáo của tuần đó (%s), ví dụ 04/04/2023 cho tuần 27/03–02/04/2023",
		"Write the ISO week of the figures, such as 2023-W13, or the day that week's report was due (%s), such as 04/04/2023 for the week of 27/03–02/04/2023", weekdayName(r.rule.Weekday))
	if f.Text == "" {
		r.errorf(f, diag.CodeReportWeek, diag.T("Ô tuần trống", "The week cell is empty"), hint)
		return period.Period{}, false
	}
	p, ok := period.Parse(f.Text)
	switch {
	case !ok:
		r.errorf(f, diag.CodeReportWeek, diag.Tf("Ô \"%s\" không phải là tuần", "Cell \"%s\" is not a week", f.Text), hint)
	case p.Kind == period.Week:
		return p, true
	case p.Kind == period.Day:
		y, m, d := p.First()
		if w, due := r.rule.Covers(y, m, d); due {
			return w, true
		}
		day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		inside := period.Containing(period.Week, y, m, d)
		ny, nm, nd := r.rule.Due(inside).Date()
		r.errorf(f, diag.CodeReportWeek,
			diag.Tf("Ngày %s là %s, không phải ngày hạn báo cáo tuần (%s)", "%s is a %s, not the weekly report's deadline day (%s)",
				f.Text, weekdayName(day.Weekday()), weekdayName(r.rule.Weekday)),
			diag.Tf("Nếu đây là số liệu của %s (%s), ghi %s hoặc ngày hạn báo cáo %02d/%02d/%d",
				"If these are the figures of %s (%s), write %s or the report's deadline day %02d/%02d/%d",
				weekLabel(inside), weekSpan(inside), inside.String(), nd, int(nm), ny))
	default:
		r.errorf(f, diag.CodeReportWeek,
			diag.Tf("\"%s\" là %s, không phải một tuần", "\"%s\" is %s, not a week", f.Text, kindWords[p.Kind]), hint)
	}
	return period.Period{}, false
}

// service reads the dich_vu cell.
func (r *reportReader) service(f table.Field) (Service, bool) {
	base := diag.T("Ghi mã, tên hoặc tên ngắn của dịch vụ như trong data/services.toml", "Write the service's id, name or short name as in data/services.toml")
	if f.Text == "" {
		r.errorf(f, diag.CodeReportService, diag.T("Ô dịch vụ trống", "The service cell is empty"), base)
		return Service{}, false
	}
	s, ok := r.services.Lookup(f.Text)
	if !ok {
		hint := base
		if c := r.services.Suggest(f.Text); len(c) > 0 {
			hint = diag.Tf("Có phải là %s? %s", "Did you mean %s? %s", quoteList(c), base)
		}
		r.l.Add(diag.New(r.t.FieldPos(f), diag.CodeReportService,
			diag.Tf("Không có dịch vụ \"%s\" trong data/services.toml", "There is no service \"%s\" in data/services.toml", f.Text), hint).Needing(ServicesFile))
		return Service{}, false
	}
	if r.unitOK && s.Lead != r.unit.ID {
		lead := s.Lead
		if u, found := r.units.ByID(s.Lead); found {
			lead = u.Name
		}
		r.errorf(f, diag.CodeReportServiceUnit,
			diag.Tf("Dịch vụ \"%s\" do %s báo cáo, không phải %s", "Service \"%s\" is reported by %s, not by %s", s.Short, lead, r.unit.Name),
			diag.Tf("Chuyển dòng này sang %s, hoặc sửa lead của dịch vụ trong data/services.toml (dòng %d) nếu %s mới là đơn vị báo cáo",
				"Move the row to %s, or change the service's lead in data/services.toml (line %d) if %s is the reporting unit", ReportFile(s.Lead), s.Pos.Line, r.unit.Short))
		return Service{}, false
	}
	return s, true
}

// count reads a count cell; empty is 0.
func (r *reportReader) count(f table.Field, key string) (int64, bool) {
	if f.Text == "" {
		return 0, true
	}
	v, d := r.t.ParseNumber(f)
	if d != nil {
		r.l.Add(d)
		return 0, false
	}
	switch {
	case hasPercent(f):
		r.errorf(f, diag.CodeReportPercent, diag.Tf("Ô \"%s\" ở cột %s có dấu %%, nhưng số hồ sơ không phải tỷ lệ", "Cell \"%s\" in column %s has a %% sign, but a number of dossiers is not a percentage", f.Text, key),
			diag.T("Ghi số hồ sơ không kèm %, ví dụ 12; các tỷ lệ được tính từ số hồ sơ", "Write the number of dossiers without %, such as 12; the rates are computed from the numbers of dossiers"))
		return 0, false
	case v < 0:
		r.errorf(f, diag.CodeReportNegative, diag.Tf("Số âm \"%s\" ở cột %s: số hồ sơ không thể âm", "Negative number \"%s\" in column %s: a number of dossiers cannot be negative", f.Text, key),
			diag.T("Ghi số hồ sơ từ 0 trở lên; để trống nghĩa là 0", "Write a number of dossiers of 0 or more; an empty cell means 0"))
		return 0, false
	case v != float64(int64(v)) || v > 1e12:
		r.errorf(f, diag.CodeReportNumber, diag.Tf("\"%s\" ở cột %s không phải số nguyên", "\"%s\" in column %s is not a whole number", f.Text, key),
			diag.T("Số hồ sơ là số nguyên, ví dụ 12", "A number of dossiers is a whole number, such as 12"))
		return 0, false
	}
	return int64(v), true
}

// submittedAt reads the ngay_gui cell.
func (r *reportReader) submittedAt(f table.Field) (time.Time, bool) {
	hint := diag.T("Ghi ngày và giờ gửi báo cáo, ví dụ 2023-04-04 08:30 hoặc 04/04/2023 08:30",
		"Write the day and time the report was sent, such as 2023-04-04 08:30 or 04/04/2023 08:30")
	if f.Text == "" {
		r.errorf(f, diag.CodeReportSubmitted, diag.T("Ô ngày gửi trống", "The date-sent cell is empty"), hint)
		return time.Time{}, false
	}
	s := strings.Join(strings.Fields(strings.Replace(f.Text, "T", " ", 1)), " ")
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2/1/2006 15:04", "2/1/2006 15:04:05", "15:04 2/1/2006"} {
		if t, err := time.ParseInLocation(layout, s, r.loc); err == nil {
			return t, true
		}
	}
	if _, ok := parseDay(s, r.loc); ok {
		r.errorf(f, diag.CodeReportSubmitted, diag.Tf("Ô ngày gửi \"%s\" thiếu giờ gửi", "The date-sent cell \"%s\" lacks the time", f.Text),
			diag.T("Ghi cả giờ gửi, ví dụ 04/04/2023 08:30: báo cáo đúng hạn khi gửi trước giờ hạn của ngày hạn", "Write the time as well, such as 04/04/2023 08:30: a report is on time when sent by the deadline's hour"))
		return time.Time{}, false
	}
	r.errorf(f, diag.CodeReportSubmitted, diag.Tf("Ô \"%s\" không phải ngày giờ gửi", "Cell \"%s\" is not a date and time", f.Text), hint)
	return time.Time{}, false
}

// reason reads a reason cell and warns when it does not match its count.
func (r *reportReader) reason(row table.Row, key string, kind int, n int64, word diag.Text) string {
	f, present := r.cell(row, key)
	switch {
	case !present:
		if n > 0 {
			r.unexplain[kind]++
		}
		return ""
	case n > 0 && f.Text == "":
		r.l.Warnf(r.t.FieldPos(f), diag.CodeReportReason,
			diag.Tf("%d hồ sơ %s chưa ghi lý do", "%d dossiers %s without a reason", n, word),
			diag.T("Kế hoạch yêu cầu báo cáo cả nguyên nhân; ghi lý do vào ô này", "The plan asks for the reasons too; write the reason in this cell"))
	case n == 0 && f.Text != "":
		r.l.Warnf(r.t.FieldPos(f), diag.CodeReportReason,
			diag.Tf("Có lý do \"%s\" nhưng không có hồ sơ %s", "A reason \"%s\" is given but no dossier is %s", f.Text, word),
			diag.T("Kiểm tra lại số hồ sơ, hoặc xoá lý do", "Check the number of dossiers, or delete the reason"))
	}
	return f.Text
}

// missingReasonColumns warns once per absent reason column that rows
// needed.
func (r *reportReader) missingReasonColumns() {
	for kind, key := range []string{report.ColLateReason, report.ColNotAcceptedReason, report.ColSupplementReason} {
		if n := r.unexplain[kind]; n > 0 {
			r.l.Warnf(r.t.HeaderPos(-1), diag.CodeReportReason,
				diag.Tf("Thiếu cột %s: %d dòng có hồ sơ cần nêu lý do", "The %s column is missing: %d rows have dossiers that need a reason", key, n),
				diag.Tf("Thêm cột %s vào dòng tiêu đề và ghi lý do", "Add the %s column to the header and write the reasons", key))
		}
	}
}

// weekEnd is the first moment after week, in the report's time zone.
func (r *reportReader) weekEnd(w period.Period) time.Time {
	y, m, d := w.Next().First()
	return time.Date(y, m, d, 0, 0, 0, 0, r.loc)
}

func weekLabel(w period.Period) diag.Text {
	return diag.T(w.Label(diag.VI), w.Label(diag.EN))
}

// weekSpan is "27/03–02/04/2023".
func weekSpan(w period.Period) string {
	_, m1, d1 := w.First()
	y2, m2, d2 := w.Last()
	return fmt.Sprintf("%02d/%02d–%02d/%02d/%d", d1, int(m1), d2, int(m2), y2)
}

var weekdayNames = [7]diag.Text{
	diag.T("Chủ nhật", "Sunday"), diag.T("Thứ Hai", "Monday"), diag.T("Thứ Ba", "Tuesday"), diag.T("Thứ Tư", "Wednesday"),
	diag.T("Thứ Năm", "Thursday"), diag.T("Thứ Sáu", "Friday"), diag.T("Thứ Bảy", "Saturday"),
}

func weekdayName(d time.Weekday) diag.Text { return weekdayNames[d%7] }
