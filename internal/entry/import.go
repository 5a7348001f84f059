package entry

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/tiendo/tiendo/internal/vi"
	"github.com/tiendo/tiendo/internal/workbook"
)

// Import is one unit's week read from the workbook (or CSV file) the unit
// sends upward (`tiendo nhap`): what it would change in the unit's report
// file, and that file's new bytes, already read by the build's loader.
//
// The workbook is one row per service and one column per figure, under a
// heading row (or two, merged) that may have a title and blank rows above
// it. Headings match the report columns by their labels or names, without
// marks or case (report.Columns); an STT column is ignored, a week or unit
// column must agree with the week and unit asked for. Services match by
// id, name or short name (data/services.toml). A "Tổng cộng" row is
// skipped, with a warning when it is not the sum of the rows. The
// template the site offers (package workbook) is such a workbook.
type Import struct {
	Unit data.Unit
	Week period.Period
	// File is the unit's report file, data/reports/<unit>.csv or .xlsx.
	File string
	// From is the workbook read, as named.
	From string
	Rows []RowChange
	// Warnings are the build's warnings about the rows imported, at their
	// cells in the workbook, and the workbook's own.
	Warnings []*diag.Diagnostic

	source    string
	raw, cand []byte
}

// RowChange is what the import does to one service's row of the week.
type RowChange struct {
	Service data.Service
	// At is the service's row in the workbook; zero when it has none.
	At    diag.Pos
	Kind  ChangeKind
	Cells []CellChange
}

// ChangeKind says what happens to a service's row.
type ChangeKind int

const (
	// Added: the week has no row for the service yet.
	Added ChangeKind = iota
	// Changed: the row is replaced; Cells are the cells that differ.
	Changed
	// Unchanged: the workbook holds what the file holds.
	Unchanged
	// Blank: the workbook's row has the service and no figure; the file
	// is left as it is.
	Blank
	// Absent: the service is not in the workbook; the file is left as it
	// is.
	Absent
)

// CellChange is one cell's text before and after ("" for none).
type CellChange struct {
	Key, Old, New string
}

// Changes reports whether writing would change the file.
func (im *Import) Changes() bool {
	for _, r := range im.Rows {
		if r.Kind == Added || r.Kind == Changed {
			return true
		}
	}
	return false
}

// serialKey is the key of the numbering column, which is not a report
// column.
const serialKey = "stt"

// ReadImport reads the workbook name (its bytes raw) as unitID's report
// for weekText (2023-W25, or a day in it) on the site at source, judged as
// s (its config and moment). problem, worded for staff, is set when the
// unit or week cannot be imported at all; l holds the workbook's problems
// at its cells (Sheet!C12), and the build's errors the new file would
// have. Nothing is written.
func ReadImport(source string, s *site.Site, name string, raw []byte, unitID, weekText string) (im *Import, problem diag.Text, l *diag.List) {
	l = &diag.List{}
	st, err := loadState(source, s)
	if err != nil {
		return nil, diag.Tf("Không mở được thư mục trang web %s.", "Cannot open the site folder %s.", source), l
	}
	defer st.close()
	if u, ok := st.set.Units.ByID(unitID); !ok || !u.Reports {
		var ids []string
		for _, u := range st.reporting() {
			ids = append(ids, u.ID)
		}
		return nil, diag.Tf("\"%s\" không phải mã của một đơn vị báo cáo tuần. Các đơn vị báo cáo tuần (data/units.toml): %s.",
			"\"%s\" is not the id of a unit that reports weekly. The units that report weekly (data/units.toml): %s.", unitID, strings.Join(ids, ", ")), l
	}
	sh, problem := st.sheetFor(unitID, weekText)
	if sh == nil {
		return nil, problem, l
	}
	im = &Import{Unit: sh.unit, Week: sh.week, File: sh.file, From: name, source: source, raw: sh.raw}
	t, tl := table.Open(name, raw, table.Options{DecimalComma: sh.unit.DecimalComma})
	for _, d := range tl.All() {
		if d.Severity == diag.Warning {
			im.Warnings = append(im.Warnings, d)
		}
	}
	l.Merge(dropWarnings(tl))
	if t == nil || tl.HasErrors() {
		return im, diag.Text{}, l
	}
	rd := &importReader{st: st, sh: sh, t: t, l: l}
	defer func() { // the workbook's warnings go with the summary
		for _, d := range l.All() {
			if d.Severity == diag.Warning {
				im.Warnings = append(im.Warnings, d)
			}
		}
		l = dropWarnings(l)
	}()
	if !rd.columns() {
		return im, diag.Text{}, l // without a service column no row can be matched
	}
	e, rows := rd.rows(im)
	if l.HasErrors() {
		return im, diag.Text{}, l
	}
	cand, err := sh.candidate(e)
	if err != nil {
		return im, diag.T("Không tạo được nội dung tệp mới.", "Cannot make the file's new contents."), l
	}
	errs, warns := newProblems(st, sh.file, cand)
	for _, d := range errs {
		l.Add(rd.locate(cand, rows, d))
	}
	for _, d := range warns {
		if d.File == sh.file {
			if w := rd.locate(cand, rows, d); w.File == name {
				im.Warnings = append(im.Warnings, w)
			}
		}
	}
	if !l.HasErrors() {
		im.cand = cand
	}
	return im, diag.Text{}, l
}

func dropWarnings(l *diag.List) *diag.List {
	out := &diag.List{}
	for _, d := range l.All() {
		if d.Severity == diag.Error {
			out.Add(d)
		}
	}
	return out
}

// Write writes the new file atomically, the previous version copied to
// .tiendo-cache/backup/ first (backup is that copy, "" for a new file). A
// file changed on disk since it was read is not replaced.
func (im *Import) Write() (backup string, err error) {
	if im.cand == nil {
		return "", errors.New("nothing to write")
	}
	now, err := os.ReadFile(filepath.Join(im.source, filepath.FromSlash(im.File)))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if !bytes.Equal(now, im.raw) || (im.raw == nil) != (err != nil) {
		return "", ErrChanged
	}
	return save(im.source, im.File, im.cand, time.Now())
}

// ErrChanged is Write's error when the file changed on disk since it was
// read.
var ErrChanged = errors.New("the report file changed since it was read")

// importReader matches a workbook's columns and rows to a unit's report.
type importReader struct {
	st    *state
	sh    *sheet
	t     *table.Table
	l     *diag.List
	found map[string]int // report column key (or serialKey) → workbook column
}

// importRow is a workbook row that becomes a row of the unit's file.
type importRow struct {
	row   table.Row
	cells []string // in the columns of the unit's file
}

// columns matches the workbook's headings, reporting those that match
// nothing; false when there is no service column to read rows by.
func (rd *importReader) columns() bool {
	specs := []table.ColumnSpec{{Key: serialKey, Aliases: []string{workbook.Serial, "TT", "số thứ tự"}}}
	for _, c := range append(report.Columns(), report.UnitColumn()) {
		// The week and the unit are given on the command line, the date
		// sent defaults as in the form.
		req := c.Required && c.Key != report.ColWeek && c.Key != report.ColSubmitted && c.Key != report.ColUnit
		specs = append(specs, table.ColumnSpec{Key: c.Key, Aliases: c.Aliases, Required: req})
	}
	found, cl := rd.t.Columns(specs)
	rd.l.Merge(cl)
	rd.found = found
	inFile := map[string]bool{}
	for _, k := range rd.sh.keys {
		inFile[k] = true
	}
	for key, i := range found {
		switch key {
		case serialKey, report.ColWeek, report.ColUnit, report.ColService:
			continue
		}
		if inFile[key] {
			continue
		}
		for _, r := range rd.t.Rows {
			if r.Fields[i].Text != "" && !rd.total(r) {
				rd.l.Errorf(rd.t.HeaderPos(i), diag.CodeImportColumn,
					diag.Tf("Cột \"%s\" có số liệu nhưng %s không có cột này", "Column \"%s\" holds figures but %s has no such column", rd.t.Header[i], rd.sh.file),
					diag.Tf("Thêm cột %s vào dòng tiêu đề của %s, hoặc xoá số liệu của cột khỏi sổ", "Add the column %s to the header of %s, or clear the column in the workbook", key, rd.sh.file))
				break
			}
		}
	}
	_, services := found[report.ColService]
	return services
}

func (rd *importReader) field(r table.Row, key string) (table.Field, bool) {
	i, ok := rd.found[key]
	if !ok {
		return table.Field{}, false
	}
	return r.Fields[i], true
}

// total reports whether r is a total row: its service or STT cell says
// "Tổng cộng" (or "Tổng", "Cộng", "Tổng số").
func (rd *importReader) total(r table.Row) bool {
	for _, key := range []string{serialKey, report.ColService} {
		if f, ok := rd.field(r, key); ok {
			switch vi.FoldKey(f.Text) {
			case "tongcong", "tong", "cong", "tongso":
				return true
			}
		}
	}
	return false
}

// figures reports whether r has anything in a column other than STT,
// the service, the week and the unit.
func (rd *importReader) figures(r table.Row) bool {
	for key, i := range rd.found {
		switch key {
		case serialKey, report.ColService, report.ColWeek, report.ColUnit:
			continue
		}
		if r.Fields[i].Text != "" {
			return true
		}
	}
	return false
}

// rows reads the workbook's rows into the edit of the unit's file, and
// im.Rows.
func (rd *importReader) rows(im *Import) (edit, []importRow) {
	sh := rd.sh
	e := edit{replace: map[int][]string{}}
	var out []importRow
	seen := map[string]table.Field{}
	var totals, counted []table.Row
	for _, r := range rd.t.Rows {
		if rd.total(r) {
			totals = append(totals, r)
			continue
		}
		counted = append(counted, r)
		svcCell, _ := rd.field(r, report.ColService)
		if svcCell.Text == "" {
			if rd.figures(r) {
				rd.l.Errorf(rd.t.FieldPos(svcCell), diag.CodeReportService,
					diag.T("Dòng có số liệu nhưng ô dịch vụ trống", "The row has figures but its service cell is empty"),
					diag.T("Ghi mã, tên hoặc tên ngắn của dịch vụ như trong data/services.toml", "Write the service's id, name or short name as in data/services.toml"))
			}
			continue
		}
		s, ok := rd.service(svcCell)
		ok = rd.sameWeek(r) && ok
		ok = rd.sameUnit(r) && ok
		if !ok {
			continue
		}
		if first, dup := seen[s.ID]; dup {
			rd.l.Errorf(rd.t.FieldPos(svcCell), diag.CodeImportDuplicate,
				diag.Tf("Dịch vụ \"%s\" đã có ở %s", "Service \"%s\" already appears at %s", s.Short, rd.t.FieldPos(first).Cell),
				diag.T("Mỗi dịch vụ một dòng; xoá hoặc sửa một trong hai dòng", "One row per service; delete or correct one of the two rows"))
			continue
		}
		seen[s.ID] = svcCell
		rc := RowChange{Service: s, At: rd.t.FieldPos(svcCell)}
		if !rd.figures(r) {
			rc.Kind = Blank
			im.Rows = append(im.Rows, rc)
			continue
		}
		cells := rd.cells(r, s)
		old, replacing := sh.rows[s.ID]
		rc.Kind = Added
		if replacing {
			rc.Kind = Unchanged
			for i, key := range sh.keys {
				o := ""
				if i < len(old.Fields) {
					o = old.Fields[i].Text
				}
				if sameValue(key, o, cells[i]) {
					cells[i] = o // the file's own spelling: 0 stays 0
					continue
				}
				rc.Kind = Changed
				rc.Cells = append(rc.Cells, CellChange{Key: key, Old: o, New: cells[i]})
			}
			if rc.Kind == Changed {
				e.replace[old.Line] = cells
			}
		} else {
			for i, key := range sh.keys {
				switch key {
				case report.ColWeek, report.ColService, report.ColUnit:
				default:
					if cells[i] != "" {
						rc.Cells = append(rc.Cells, CellChange{Key: key, New: cells[i]})
					}
				}
			}
			e.add = append(e.add, cells)
		}
		im.Rows = append(im.Rows, rc)
		out = append(out, importRow{row: r, cells: cells})
	}
	for _, s := range sh.services {
		if _, ok := seen[s.ID]; !ok {
			im.Rows = append(im.Rows, RowChange{Service: s, Kind: Absent})
		}
	}
	for _, tr := range totals {
		rd.checkTotal(tr, counted)
	}
	return e, out
}

// cells is the row of the unit's file that workbook row r gives service s.
func (rd *importReader) cells(r table.Row, s data.Service) []string {
	sh := rd.sh
	old, replacing := sh.rows[s.ID]
	oldText := func(i int) string {
		if replacing && i < len(old.Fields) {
			return old.Fields[i].Text
		}
		return ""
	}
	cells := make([]string, len(sh.keys))
	for i, key := range sh.keys {
		f, inBook := rd.field(r, key)
		v := strings.TrimSpace(strings.ReplaceAll(f.Text, "\n", " "))
		switch key {
		case report.ColWeek:
			cells[i] = sh.week.String()
			if replacing {
				cells[i] = oldText(i) // its own spelling kept
			}
		case report.ColService:
			cells[i] = s.ID
			if replacing {
				cells[i] = oldText(i)
			}
		case report.ColUnit:
			cells[i] = sh.unit.ID
		case report.ColSubmitted:
			switch {
			case inBook && v != "":
				cells[i] = v
			case replacing:
				cells[i] = oldText(i)
			default:
				cells[i] = sh.sent()
			}
		default:
			if inBook {
				cells[i] = v
			} else {
				cells[i] = oldText(i) // a column the workbook does not have
			}
		}
	}
	return cells
}

// sameValue reports whether a cell of column key says the same before and
// after: the same text, or for a count the same number (empty is 0).
func sameValue(key, old, new string) bool {
	if old == new {
		return true
	}
	if !isCount(key) {
		return false
	}
	n := func(s string) (int64, bool) {
		if s == "" {
			return 0, true
		}
		v, err := strconv.ParseInt(s, 10, 64)
		return v, err == nil
	}
	a, aok := n(old)
	b, bok := n(new)
	return aok && bok && a == b
}

// service finds the service a cell names, led by the unit.
func (rd *importReader) service(f table.Field) (data.Service, bool) {
	services := rd.st.set.Weekly.Services
	base := diag.T("Ghi mã, tên hoặc tên ngắn của dịch vụ như trong data/services.toml", "Write the service's id, name or short name as in data/services.toml")
	s, ok := services.Lookup(f.Text)
	if !ok {
		hint := base
		if c := services.Suggest(f.Text); len(c) > 0 {
			names := "\"" + strings.Join(c, "\", \"") + "\""
			hint = diag.Text{Vi: "Có phải là " + names + "? " + base.Vi, En: "Did you mean " + names + "? " + base.En}
		}
		rd.l.Errorf(rd.t.FieldPos(f), diag.CodeReportService,
			diag.Tf("Không có dịch vụ \"%s\" trong data/services.toml", "There is no service \"%s\" in data/services.toml", f.Text), hint)
		return s, false
	}
	if s.Lead != rd.sh.unit.ID {
		lead := s.Lead
		if u, found := rd.st.set.Units.ByID(s.Lead); found {
			lead = u.Name
		}
		rd.l.Errorf(rd.t.FieldPos(f), diag.CodeReportServiceUnit,
			diag.Tf("Dịch vụ \"%s\" do %s báo cáo, không phải %s", "Service \"%s\" is reported by %s, not by %s", s.Short, lead, rd.sh.unit.Name),
			diag.Tf("Nhập dòng này với --don-vi %s, hoặc xoá dòng khỏi sổ", "Import this row with --don-vi %s, or delete it from the workbook", s.Lead))
		return s, false
	}
	return s, true
}

// sameWeek checks r's week cell, if any, against the week imported. The
// cell is read as in a report file: an ISO week, or the day the week's
// report was due (21/03/2023, a Tuesday, is 2023-W11).
func (rd *importReader) sameWeek(r table.Row) bool {
	f, ok := rd.field(r, report.ColWeek)
	if !ok || f.Text == "" {
		return true
	}
	if p, ok := period.Parse(f.Text); ok {
		switch p.Kind {
		case period.Week:
			if p == rd.sh.week {
				return true
			}
		case period.Day:
			y, m, d := p.First()
			if w, due := rd.st.rule().Covers(y, m, d); due && w == rd.sh.week {
				return true
			}
		}
	}
	rd.l.Errorf(rd.t.FieldPos(f), diag.CodeImportWeek,
		diag.Tf("Ô tuần \"%s\" không phải %s (--tuan %s)", "Week cell \"%s\" is not %s (--tuan %s)", f.Text, rd.sh.week.Label(diag.VI), rd.sh.week.String()),
		diag.T("Sửa ô tuần, hoặc chạy lại lệnh với --tuan là tuần của số liệu trong sổ", "Correct the week cell, or run the command again with --tuan set to the workbook's week"))
	return false
}

// sameUnit checks r's unit cell, if any, against the unit imported.
func (rd *importReader) sameUnit(r table.Row) bool {
	f, ok := rd.field(r, report.ColUnit)
	if !ok || f.Text == "" {
		return true
	}
	if u, ok := rd.st.set.Units.Lookup(f.Text); ok && u.ID == rd.sh.unit.ID {
		return true
	}
	rd.l.Errorf(rd.t.FieldPos(f), diag.CodeImportUnit,
		diag.Tf("Ô đơn vị \"%s\" không phải %s (--don-vi %s)", "Unit cell \"%s\" is not %s (--don-vi %s)", f.Text, rd.sh.unit.Name, rd.sh.unit.ID),
		diag.T("Sửa ô đơn vị, hoặc chạy lại lệnh với --don-vi là đơn vị của sổ", "Correct the unit cell, or run the command again with --don-vi set to the workbook's unit"))
	return false
}

// checkTotal warns when a total row's count differs from the sum of the
// rows above or below it: a row left out, or a figure typed wrong.
func (rd *importReader) checkTotal(tr table.Row, rows []table.Row) {
	for _, key := range report.CountColumns() {
		f, ok := rd.field(tr, key)
		if !ok || f.Text == "" {
			continue
		}
		want, ok := f.Number()
		if !ok {
			v, err := strconv.ParseFloat(f.Text, 64)
			if err != nil {
				continue
			}
			want = v
		}
		var sum float64
		for _, r := range rows {
			if c, ok := rd.field(r, key); ok && c.Text != "" {
				if v, ok := c.Number(); ok {
					sum += v
				} else if v, err := strconv.ParseFloat(c.Text, 64); err == nil {
					sum += v
				}
			}
		}
		if sum != want {
			rd.l.Warnf(rd.t.FieldPos(f), diag.CodeImportTotal,
				diag.Tf("Dòng tổng cộng ghi %s ở cột %s, nhưng các dòng dịch vụ cộng lại là %s", "The total row says %s in column %s, but the service rows add up to %s",
					strconv.FormatFloat(want, 'f', -1, 64), report.Label(key, false), strconv.FormatFloat(sum, 'f', -1, 64)),
				diag.T("Dòng tổng cộng không được nhập; kiểm tra xem có dòng dịch vụ nào thiếu hay ghi sai số", "The total row is not imported; check whether a service row is missing or has a wrong figure"))
		}
	}
}

// locate moves a problem the build finds in the candidate file to the
// workbook cell it came from: the cell of its column in the row imported,
// or the row's service cell for a column the workbook does not have.
// Problems elsewhere stay where they are.
func (rd *importReader) locate(cand []byte, rows []importRow, d *diag.Diagnostic) *diag.Diagnostic {
	if d.File != rd.sh.file {
		return d
	}
	t, _ := table.Open(rd.sh.file, cand, table.Options{DecimalComma: rd.sh.unit.DecimalComma, Sheet: rd.sh.t.Sheet})
	if t == nil {
		return d
	}
	wi, si := -1, -1
	for i, k := range rd.sh.keys {
		switch k {
		case report.ColWeek:
			wi = i
		case report.ColService:
			si = i
		}
	}
	for _, tr := range t.Rows {
		if tr.Line != d.Line || wi < 0 || si < 0 || wi >= len(tr.Fields) || si >= len(tr.Fields) {
			continue
		}
		for _, r := range rows {
			if tr.Fields[wi].Text != strings.TrimSpace(r.cells[wi]) || tr.Fields[si].Text != strings.TrimSpace(r.cells[si]) {
				continue
			}
			moved := *d
			svc, _ := rd.field(r.row, report.ColService)
			moved.Pos = rd.t.FieldPos(svc)
			for i, f := range tr.Fields {
				if f.Col == d.Col && i < len(rd.sh.keys) {
					if wf, ok := rd.field(r.row, rd.sh.keys[i]); ok {
						moved.Pos = rd.t.FieldPos(wf)
					}
				}
			}
			return &moved
		}
	}
	return d
}

// Summary says, for staff, what writing would change: per service, the
// cells old → new, the new rows with their figures, and the rows left as
// they are.
func (im *Import) Summary(lang diag.Lang) string {
	var b strings.Builder
	en := lang == diag.EN
	w := func(t diag.Text) { b.WriteString(t.In(lang)) }
	w(diag.Tf("%s → %s, %s, %s:\n", "%s → %s, %s, %s:\n", im.From, im.File, im.Unit.Name, im.Week.Label(lang)))
	var added, changed, same int
	for _, r := range im.Rows {
		name := r.Service.Name
		if r.At.Cell != "" {
			name += " (" + r.At.Cell + ")"
		}
		switch r.Kind {
		case Added:
			added++
			w(diag.Tf("  + %s: dòng mới\n", "  + %s: new row\n", name))
			for _, c := range r.Cells {
				b.WriteString("      " + report.Label(c.Key, en) + ": " + c.New + "\n")
			}
		case Changed:
			changed++
			w(diag.Tf("  ~ %s: thay đổi\n", "  ~ %s: changed\n", name))
			for _, c := range r.Cells {
				b.WriteString("      " + report.Label(c.Key, en) + ": " + shown(c.Old, lang) + " → " + shown(c.New, lang) + "\n")
			}
		case Unchanged:
			same++
			w(diag.Tf("  = %s: không đổi\n", "  = %s: unchanged\n", name))
		case Blank:
			w(diag.Tf("  · %s: chưa điền số trong sổ, giữ nguyên trong tệp\n", "  · %s: no figures in the workbook, left as it is in the file\n", name))
		case Absent:
			w(diag.Tf("  · %s: không có trong sổ, giữ nguyên trong tệp\n", "  · %s: not in the workbook, left as it is in the file\n", name))
		}
	}
	w(diag.Tf("%d dòng mới, %d dòng thay đổi, %d dòng không đổi.\n", "%d new rows, %d changed, %d unchanged.\n", added, changed, same))
	return b.String()
}

func shown(s string, lang diag.Lang) string {
	if s == "" {
		return diag.T("(trống)", "(empty)").In(lang)
	}
	return s
}
