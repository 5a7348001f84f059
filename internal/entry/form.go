package entry

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/tiendo/tiendo/internal/view"
)

// sheet is what the form knows of one unit's week: the unit's file as it
// is on disk and the rows of that week in it.
type sheet struct {
	unit     data.Unit
	week     period.Period
	file     string // data/reports/<unit>.csv or .xlsx, slash path
	raw      []byte // nil when the file does not exist yet
	t        *table.Table
	keys     []string // column key of each header column
	services []data.Service
	rows     map[string]table.Row // service id → its row of the week
	now      time.Time
	loc      *time.Location
}

// state is the site's data as the build reads it now.
type state struct {
	site  *site.Site
	fsys  fs.FS
	set   *data.Set
	diags *diag.List
	close func()
}

// load reads data/ from disk with the options of the last good build.
func (h *Handler) load() (*state, error) {
	var s *site.Site
	if h.c.Site != nil {
		s, _ = h.c.Site()
	}
	if s == nil {
		return nil, errors.New("no good build")
	}
	return loadState(h.c.Source, s)
}

// loadState reads data/ of the site at source from disk, as the build
// judged at s reads it.
func loadState(source string, s *site.Site) (*state, error) {
	root, err := os.OpenRoot(source)
	if err != nil {
		return nil, err
	}
	st := &state{site: s, fsys: root.FS(), diags: &diag.List{}, close: func() { root.Close() }}
	st.set = data.Load(st.fsys, data.OptionsFor(s.Config, s.Now), st.diags)
	return st, nil
}

// reporting lists the units that send the weekly report.
func (st *state) reporting() []data.Unit {
	var out []data.Unit
	if st.set.Units == nil {
		return nil
	}
	for _, u := range st.set.Units.All {
		if u.Reports {
			out = append(out, u)
		}
	}
	return out
}

// rule is the weekly report's deadline rule.
func (st *state) rule() report.Rule {
	if st.set.Weekly != nil {
		return st.set.Weekly.Rule
	}
	return report.DefaultRule()
}

// parseWeek reads the week chosen: an ISO week (2023-W25) or any day
// inside it (20/06/2023, 2023-06-20).
func parseWeek(s string) (period.Period, bool) {
	p, ok := period.Parse(strings.TrimSpace(s))
	switch {
	case !ok:
		return period.Period{}, false
	case p.Kind == period.Week:
		return p, true
	case p.Kind == period.Day:
		y, m, d := p.First()
		return period.Containing(period.Week, y, m, d), true
	}
	return period.Period{}, false
}

// sheetFor reads unit's file for week. problem is set, worded for staff,
// when the form cannot be given.
func (st *state) sheetFor(unitID, weekText string) (*sheet, diag.Text) {
	u, ok := st.set.Units.ByID(unitID)
	if !ok || !u.Reports {
		return nil, diag.T("Chọn một đơn vị báo cáo tuần trong danh sách.", "Choose a unit that reports weekly from the list.")
	}
	week, ok := parseWeek(weekText)
	if !ok {
		return nil, diag.Tf("\"%s\" không phải là tuần. Ghi tuần theo ISO, ví dụ 2023-W25, hoặc một ngày trong tuần, ví dụ 20/06/2023.",
			"\"%s\" is not a week. Write the ISO week, such as 2023-W25, or a day in it, such as 20/06/2023.", weekText)
	}
	loc := st.site.Config.Location
	if loc == nil {
		loc = time.Local
	}
	if y, m, d := week.First(); time.Date(y, m, d, 0, 0, 0, 0, loc).After(st.site.Now) {
		return nil, diag.Tf("%s chưa bắt đầu vào ngày trang web được đánh giá (%s): số liệu của tuần đó chưa thể có.",
			"%s has not begun on the day the site is judged at (%s): its figures cannot exist yet.",
			week.Label(diag.VI), st.site.Now.In(loc).Format("02/01/2006"))
	}
	if st.set.Weekly == nil {
		return nil, diag.T("Chưa có danh sách dịch vụ (data/services.toml): chưa nhập được báo cáo tuần.",
			"There is no list of services (data/services.toml): weekly reports cannot be entered yet.")
	}
	sh := &sheet{unit: u, week: week, services: st.set.Weekly.Services.LedBy(u.ID), rows: map[string]table.Row{},
		now: st.site.Now, loc: loc}
	if len(sh.services) == 0 {
		return nil, diag.Tf("%s chưa được giao dịch vụ nào trong data/services.toml (lead = \"%s\").",
			"%s leads no service in data/services.toml (lead = \"%s\").", u.Name, u.ID)
	}
	sh.file = data.TableFile(st.fsys, data.ReportFile(u.ID))
	raw, err := fs.ReadFile(st.fsys, sh.file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		sh.file = data.ReportFile(u.ID)
		sh.keys = strings.Split(report.Header, ",")
		sh.t = &table.Table{Name: sh.file, Header: sh.keys, Encoding: table.UTF8, Delimiter: ','}
		return sh, diag.Text{}
	case err != nil:
		return nil, diag.Tf("Không đọc được %s.", "Cannot read %s.", sh.file)
	}
	sh.raw = raw
	t, l := table.Open(sh.file, raw, table.Options{DecimalComma: u.DecimalComma})
	if t == nil || l.HasErrors() {
		return nil, diag.Tf("%s đang có lỗi; sửa tệp trước khi nhập số liệu mới:\n%s", "%s has errors; fix the file before entering new figures:\n%s",
			sh.file, l.Format(diag.VI))
	}
	if t.Encoding != table.UTF8 && t.Encoding != table.UTF8BOM && t.Encoding != table.XLSX {
		return nil, diag.Tf("%s được lưu bằng bảng mã %s; biểu mẫu chỉ ghi tệp CSV UTF-8 hoặc Excel (.xlsx). Mở tệp trong Excel và lưu lại dạng \"CSV UTF-8\".",
			"%s is saved in the %s encoding; the form writes only UTF-8 CSV or Excel (.xlsx) files. Open it in Excel and save it as \"CSV UTF-8\".", sh.file, string(t.Encoding))
	}
	sh.t = t
	var specs []table.ColumnSpec
	for _, c := range report.Columns() {
		specs = append(specs, table.ColumnSpec{Key: c.Key, Aliases: c.Aliases, Required: c.Required})
	}
	found, cl := t.Columns(specs)
	if cl.HasErrors() {
		return nil, diag.Tf("Dòng tiêu đề của %s có lỗi; sửa tệp trước:\n%s", "The header of %s has errors; fix the file first:\n%s", sh.file, cl.Format(diag.VI))
	}
	sh.keys = make([]string, len(t.Header))
	for key, i := range found {
		sh.keys[i] = key
	}
	// The rows of the week, as the loader read them.
	for _, rep := range st.set.Weekly.Files {
		if rep.Unit.ID != u.ID {
			continue
		}
		for i, row := range rep.Rows {
			if row.Week != week {
				continue
			}
			line := rep.WeekCell(i).Line
			for _, tr := range t.Rows {
				if tr.Line == line {
					sh.rows[row.Service] = tr
				}
			}
		}
	}
	return sh, diag.Text{}
}

// cell is the text of column key in the row of service, "" when absent.
func (sh *sheet) cell(service, key string) string {
	row, ok := sh.rows[service]
	if !ok {
		return ""
	}
	for i, k := range sh.keys {
		if k == key && i < len(row.Fields) {
			return row.Fields[i].Text
		}
	}
	return ""
}

// sent is the ngay_gui to show: the week's own, else the moment judged at.
func (sh *sheet) sent() string {
	for _, s := range sh.services {
		if v := sh.cell(s.ID, report.ColSubmitted); v != "" {
			return v
		}
	}
	return sh.now.In(sh.loc).Format("2006-01-02 15:04")
}

// columnLabel is a column's Vietnamese (or English) label.
func columnLabel(key string, lang diag.Lang) string { return report.Label(key, lang == diag.EN) }

func isCount(key string) bool {
	for _, k := range report.CountColumns() {
		if k == key {
			return true
		}
	}
	return false
}

// submit checks a posted week with the build's loader and saves it.
func (h *Handler) submit(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	st, err := h.load()
	if err != nil {
		h.notReady(w)
		return
	}
	defer st.close()
	sh, problem := st.sheetFor(r.PostForm.Get("don_vi"), r.PostForm.Get("chon_tuan"))
	if sh == nil {
		h.chooser(w, http.StatusUnprocessableEntity, st, r.PostForm.Get("don_vi"), r.PostForm.Get("chon_tuan"), problem.In(h.c.Lang))
		return
	}
	e, values, rows, bad := sh.rowsFromForm(r)
	if !bad.IsZero() {
		h.rowForm(w, http.StatusBadRequest, st, sh, values, nil, bad.In(h.c.Lang))
		return
	}
	cand, err := sh.candidate(e)
	if err != nil {
		h.rowForm(w, http.StatusInternalServerError, st, sh, values, nil, h.t("Không tạo được nội dung tệp mới.", "Cannot make the file's new contents."))
		return
	}
	if errs := newErrors(st, sh.file, cand); len(errs) > 0 {
		h.rowForm(w, http.StatusUnprocessableEntity, st, sh, values, errs, "", sh.fieldsOf(cand, rows, errs)...)
		return
	}
	var before uint64
	if h.c.Builds != nil {
		before = h.c.Builds()
	}
	if _, err := save(h.c.Source, sh.file, cand, time.Now()); err != nil {
		status, why := saveProblem(sh.file, err)
		h.rowForm(w, status, st, sh, values, nil, why.In(h.c.Lang))
		return
	}
	h.waitBuild(before)
	_, bp := h.c.Site()
	http.Redirect(w, r, bp+strings.TrimPrefix(view.WeekPath(sh.week), "/"), http.StatusSeeOther)
}

// candidate is the unit's file with e made: a new file starts with the
// header of a new report file.
func (sh *sheet) candidate(e edit) ([]byte, error) {
	cand, err := apply(sh.t, sh.raw, e)
	if sh.raw == nil && err == nil {
		head, herr := record(',', "\n", sh.t.Header)
		cand, err = append([]byte(head), cand...), herr
	}
	return cand, err
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

var staleForm = diag.T("Biểu mẫu đã cũ: danh sách dịch vụ của đơn vị vừa thay đổi. Mở lại biểu mẫu.",
	"The form is out of date: the unit's list of services has just changed. Open the form again.")

// rowsFromForm turns the posted fields into the rows to write. values
// holds what was typed, by column name, one entry per service, to show
// again; rows the cells of each service's row.
func (sh *sheet) rowsFromForm(r *http.Request) (e edit, values map[string][]string, rows [][]string, bad diag.Text) {
	values = map[string][]string{}
	n := len(sh.services)
	posted := r.PostForm[columnName(sh, report.ColService)]
	if len(posted) != n {
		return e, values, nil, staleForm
	}
	for j, s := range sh.services {
		if posted[j] != s.ID {
			return e, values, nil, staleForm
		}
	}
	sent := strings.TrimSpace(r.PostForm.Get(columnName(sh, report.ColSubmitted)))
	e.replace = map[int][]string{}
	for j, s := range sh.services {
		cells := make([]string, len(sh.keys))
		row, replacing := sh.rows[s.ID]
		for i, key := range sh.keys {
			name := sh.t.Header[i]
			switch key {
			case report.ColWeek:
				cells[i] = sh.week.String()
				if replacing {
					cells[i] = row.Fields[i].Text
				}
			case report.ColService:
				cells[i] = s.ID
				if replacing {
					cells[i] = row.Fields[i].Text
				}
			case report.ColUnit:
				cells[i] = sh.unit.ID
			case report.ColSubmitted:
				cells[i] = sent
			default:
				if vs := r.PostForm[name]; len(vs) == n {
					cells[i] = strings.TrimSpace(strings.ReplaceAll(vs[j], "\n", " "))
				} else if replacing && i < len(row.Fields) {
					cells[i] = row.Fields[i].Text // a column the form did not show
				}
			}
			values[name] = append(values[name], cells[i])
		}
		if replacing {
			e.replace[row.Line] = cells
		} else {
			e.add = append(e.add, cells)
		}
		rows = append(rows, cells)
	}
	return e, values, rows, diag.Text{}
}

// fieldsOf finds the field of the form each error of the candidate file
// cand is in: the id of its input ("o-<service>-<column>", "ngay-gui"),
// "" when it is in no field the form shows.
func (sh *sheet) fieldsOf(cand []byte, rows [][]string, errs []*diag.Diagnostic) []string {
	out := make([]string, len(errs))
	t, _ := table.Open(sh.file, cand, table.Options{DecimalComma: sh.unit.DecimalComma, Sheet: sh.t.Sheet})
	if t == nil {
		return out
	}
	wi, si := -1, -1
	for i, k := range sh.keys {
		switch k {
		case report.ColWeek:
			wi = i
		case report.ColService:
			si = i
		}
	}
	service := map[int]int{} // line → service index
	for _, r := range t.Rows {
		for j, cells := range rows {
			if wi >= 0 && si >= 0 && wi < len(r.Fields) && si < len(r.Fields) &&
				r.Fields[wi].Text == strings.TrimSpace(cells[wi]) && r.Fields[si].Text == strings.TrimSpace(cells[si]) {
				service[r.Line] = j
			}
		}
	}
	for n, d := range errs {
		if d.File != sh.file {
			continue
		}
		j, ok := service[d.Line]
		if !ok {
			continue
		}
		for _, r := range t.Rows {
			if r.Line != d.Line {
				continue
			}
			for i, f := range r.Fields {
				if f.Line == d.Line && f.Col == d.Col && i < len(sh.keys) {
					switch sh.keys[i] {
					case report.ColSubmitted:
						out[n] = "ngay-gui"
					case report.ColWeek, report.ColService, report.ColUnit:
					default:
						out[n] = fieldID(j, i)
					}
				}
			}
		}
	}
	return out
}

func fieldID(service, column int) string { return fmt.Sprintf("o-%d-%d", service, column) }

// columnName is the header name of column key in sh's file.
func columnName(sh *sheet, key string) string {
	for i, k := range sh.keys {
		if k == key {
			return sh.t.Header[i]
		}
	}
	return key
}

// newErrors reads the site's data with file holding cand, through the
// build's own loader, and returns the errors that would stop a build: any
// in file, and any elsewhere that reading the file as it is now does not
// give.
func newErrors(st *state, file string, cand []byte) []*diag.Diagnostic {
	errs, _ := newProblems(st, file, cand)
	return errs
}

// newProblems is newErrors, and the warnings in file or new elsewhere.
func newProblems(st *state, file string, cand []byte) (errs, warns []*diag.Diagnostic) {
	l := &diag.List{}
	data.Load(newOverlay(st.fsys, file, cand), data.OptionsFor(st.site.Config, st.site.Now), l)
	had := map[string]bool{}
	for _, d := range st.diags.All() {
		had[key(d)] = true
	}
	for _, d := range l.All() {
		if d.File != file && had[key(d)] {
			continue
		}
		if d.Severity == diag.Error {
			errs = append(errs, d)
		} else {
			warns = append(warns, d)
		}
	}
	return errs, warns
}

func key(d *diag.Diagnostic) string { return d.Pos.String() + "\x00" + d.Code + "\x00" + d.Msg.Vi }

// form serves the chooser, and with a unit and a week the week's fields.
func (h *Handler) form(w http.ResponseWriter, r *http.Request) {
	st, err := h.load()
	if err != nil {
		h.notReady(w)
		return
	}
	defer st.close()
	q := r.URL.Query()
	unit, week := q.Get("don_vi"), q.Get("chon_tuan")
	if unit == "" && week == "" {
		h.chooser(w, http.StatusOK, st, "", "", "")
		return
	}
	sh, problem := st.sheetFor(unit, week)
	if sh == nil {
		h.chooser(w, http.StatusUnprocessableEntity, st, unit, week, problem.In(h.c.Lang))
		return
	}
	h.rowForm(w, http.StatusOK, st, sh, nil, nil, "")
}

func (h *Handler) notReady(w http.ResponseWriter) {
	h.page(w, http.StatusServiceUnavailable, pageData{Title: h.t("Nhập số liệu", "Enter figures"),
		Problem: h.t("Trang web đang có lỗi nên chưa nhập được số liệu. Sửa các lỗi trang xem thử liệt kê, rồi mở lại trang này.",
			"The site has errors, so figures cannot be entered yet. Fix the errors the preview lists, then open this page again.")})
}
