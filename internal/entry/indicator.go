package entry

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/inuse"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/tiendo/tiendo/internal/view"
)

// indicatorPath is the indicator part of the form, under Path: an
// indicator and a period give one row of fields per unit (or one row for
// a district-wide indicator), one field per column of the indicator's
// file (data/chi-tieu/*.csv or .xlsx).
const indicatorPath = "chi-tieu"

// indSheet is what the form knows of one indicator's period: its file as
// it is on disk and the rows of that period in it.
type indSheet struct {
	ind    *indicator.Indicator
	period period.Period
	file   string
	raw    []byte
	t      *table.Table
	keys   []string // column key of each header column
	dimCol int      // index of the dimension column, -1 without one
	perCol int
	dims   []dimRow             // one row of fields each
	rows   map[string]table.Row // dimension key ("" without one) → its row of the period
}

// dimRow is one row of the form: a unit (its id and name), a service as
// the file writes it, or the district ("").
type dimRow struct{ Key, Name string }

// fileIndicators lists the indicators whose figures are read from a file of
// their own, in the registry's order.
func (st *state) fileIndicators() []*indicator.Indicator {
	var out []*indicator.Indicator
	for _, k := range st.set.Indicators {
		if k.Ind.File != "" && k.Ind.FromReports == "" {
			out = append(out, k.Ind)
		}
	}
	return out
}

// parsePeriod reads the period chosen for an indicator reported by kind:
// a period of that kind in any form the files accept, or a day inside it.
func parsePeriod(s string, kind period.Kind) (period.Period, bool) {
	p, ok := period.Parse(strings.TrimSpace(s))
	switch {
	case !ok:
		return period.Period{}, false
	case p.Kind == kind:
		return p, true
	case p.Kind == period.Day:
		y, m, d := p.First()
		return period.Containing(kind, y, m, d), true
	}
	return period.Period{}, false
}

var periodExamples = map[period.Kind]diag.Text{
	period.Day:      diag.T("30/06/2023", "30/06/2023"),
	period.Week:     diag.T("2023-W26", "2023-W26"),
	period.Month:    diag.T("2023-06 hoặc 6/2023", "2023-06 or 6/2023"),
	period.Quarter:  diag.T("2023-Q2 hoặc Quý II/2023", "2023-Q2 or Quý II/2023"),
	period.HalfYear: diag.T("2023-H1", "2023-H1"),
	period.Year:     diag.T("2023", "2023"),
}

var kindNames = map[period.Kind]diag.Text{
	period.Day: diag.T("ngày", "day"), period.Week: diag.T("tuần", "week"), period.Month: diag.T("tháng", "month"),
	period.Quarter: diag.T("quý", "quarter"), period.HalfYear: diag.T("nửa năm", "half-year"), period.Year: diag.T("năm", "year"),
}

// indSheetFor reads the file of indicator id for the period written as
// periodText. problem is set, worded for staff, when the form cannot be
// given.
func (st *state) indSheetFor(id, periodText string) (*indSheet, diag.Text) {
	var ind *indicator.Indicator
	var series data.Series
	for _, k := range st.set.Indicators {
		if k.Ind.ID == id && k.Ind.File != "" && k.Ind.FromReports == "" {
			ind, series = k.Ind, k
		}
	}
	if ind == nil {
		return nil, diag.T("Chọn một chỉ tiêu trong danh sách.", "Choose an indicator from the list.")
	}
	p, ok := parsePeriod(periodText, ind.Frequency)
	if !ok {
		return nil, diag.Tf("\"%s\" không phải là một %s. Chỉ tiêu này báo cáo theo %s: ghi ví dụ %s, hoặc một ngày trong kỳ, ví dụ 30/06/2023.",
			"\"%s\" is not a %s. This indicator is reported by %s: write for example %s, or a day in the period, such as 30/06/2023.",
			periodText, kindNames[ind.Frequency], kindNames[ind.Frequency], periodExamples[ind.Frequency])
	}
	if p.Start().After(st.site.Now) {
		loc := st.site.Config.Location
		if loc == nil {
			loc = time.Local
		}
		return nil, diag.Tf("%s chưa bắt đầu vào ngày trang web được đánh giá (%s): số liệu của kỳ đó chưa thể có.",
			"%s has not begun on the day the site is judged at (%s): its figures cannot exist yet.",
			p.Label(diag.VI), st.site.Now.In(loc).Format("02/01/2006"))
	}
	sh := &indSheet{ind: ind, period: p, file: data.FilePath(ind), dimCol: -1, perCol: -1, rows: map[string]table.Row{}}
	raw, err := fs.ReadFile(st.fsys, sh.file)
	if err != nil {
		return nil, diag.Tf("Không đọc được %s.", "Cannot read %s.", sh.file)
	}
	sh.raw = raw
	t, l := table.Open(sh.file, raw, table.Options{DecimalComma: ind.DecimalComma, Sheet: ind.Sheet, SheetPos: ind.SheetPos})
	if t == nil || l.HasErrors() {
		return nil, diag.Tf("%s đang có lỗi; sửa tệp trước khi nhập qua biểu mẫu:\n%s", "%s has errors; fix the file before using the form:\n%s",
			sh.file, l.Format(diag.VI))
	}
	if t.Encoding != table.UTF8 && t.Encoding != table.UTF8BOM && t.Encoding != table.XLSX {
		return nil, diag.Tf("%s được lưu bằng bảng mã %s; biểu mẫu chỉ ghi tệp CSV UTF-8 hoặc Excel (.xlsx). Mở tệp trong Excel và lưu lại dạng \"CSV UTF-8\".",
			"%s is saved in the %s encoding; the form writes only UTF-8 CSV or Excel (.xlsx) files. Open it in Excel and save it as \"CSV UTF-8\".", sh.file, string(t.Encoding))
	}
	sh.t = t
	found, cl := t.Columns(data.IndicatorColumns())
	if cl.HasErrors() {
		return nil, diag.Tf("Dòng tiêu đề của %s có lỗi; sửa tệp trước:\n%s", "The header of %s has errors; fix the file first:\n%s", sh.file, cl.Format(diag.VI))
	}
	sh.keys = make([]string, len(t.Header))
	for key, i := range found {
		sh.keys[i] = key
		switch {
		case key == data.ColPeriod:
			sh.perCol = i
		case data.IsDimColumn(ind, key):
			sh.dimCol = i
		}
	}
	if sh.perCol < 0 || (ind.Dimension != indicator.NoDimension) != (sh.dimCol >= 0) {
		return nil, diag.Tf("Dòng tiêu đề của %s chưa đúng với chỉ tiêu; sửa tệp trước.", "The header of %s does not fit the indicator; fix the file first.", sh.file)
	}
	byLine := map[int]table.Row{}
	for _, r := range t.Rows {
		byLine[r.Line] = r
	}
	seen := map[string]bool{}
	for _, o := range slices.Concat(series.Obs, series.Future) {
		seen[o.Dim] = true
		if o.Period == p {
			sh.rows[o.Dim] = byLine[o.Line]
		}
	}
	sh.dims = st.dimRows(ind, series, seen)
	if len(sh.dims) == 0 {
		return nil, diag.Tf("%s chưa có dòng nào cho biết các dịch vụ: thêm số liệu của một kỳ vào tệp trước.",
			"%s has no row naming the services yet: add one period's figures to the file first.", sh.file)
	}
	return sh, diag.Text{}
}

// dimRows are the rows of fields of ind: one for the district without a
// dimension; every commune for one by commune, with the other units its
// file names; the units, or services, its file names otherwise (every
// unit while the file has none).
func (st *state) dimRows(ind *indicator.Indicator, series data.Series, seen map[string]bool) []dimRow {
	switch ind.Dimension {
	case indicator.NoDimension:
		return []dimRow{{}}
	case indicator.ByService:
		var out []dimRow
		done := map[string]bool{}
		for _, o := range slices.Concat(series.Obs, series.Future) {
			if !done[o.Dim] {
				done[o.Dim] = true
				out = append(out, dimRow{Key: o.Dim, Name: o.Dim})
			}
		}
		return out
	}
	var out []dimRow
	if st.set.Units == nil {
		return nil
	}
	for _, u := range st.set.Units.All {
		if seen[u.ID] || (ind.Dimension == indicator.ByCommune && u.IsCommune()) || len(seen) == 0 {
			out = append(out, dimRow{Key: u.ID, Name: u.Name})
		}
	}
	return out
}

// cell is the text of column i in the period's row of dim, "" when absent.
func (sh *indSheet) cell(dim string, i int) string {
	row, ok := sh.rows[dim]
	if !ok || i >= len(row.Fields) {
		return ""
	}
	return row.Fields[i].Text
}

// valueCols are the columns the form shows as fields: all but the period
// and the dimension.
func (sh *indSheet) valueCols() []int {
	var out []int
	for i := range sh.keys {
		if i != sh.perCol && i != sh.dimCol {
			out = append(out, i)
		}
	}
	return out
}

// dimName is the name of the posted field that holds each row's unit.
func (sh *indSheet) dimName() string {
	if sh.dimCol < 0 {
		return ""
	}
	return sh.t.Header[sh.dimCol]
}

var staleIndicator = diag.T("Biểu mẫu đã cũ: danh sách đơn vị của chỉ tiêu vừa thay đổi. Mở lại biểu mẫu.",
	"The form is out of date: the indicator's list of units has just changed. Open the form again.")

// rowsFromForm turns the posted fields into the rows to write: a row
// already in the file for the period is replaced (its period and unit
// cells kept as written); a new one is added unless all its fields are
// empty, as for a unit with no figure yet. values holds what was typed, by
// column name, one entry per row of the form; rows the cells written, and
// which row of the form each is.
func (sh *indSheet) rowsFromForm(r *http.Request) (e edit, values map[string][]string, rows [][]string, of []int, bad diag.Text) {
	values = map[string][]string{}
	n := len(sh.dims)
	if sh.dimCol >= 0 {
		posted := r.PostForm[sh.dimName()]
		if len(posted) != n {
			return e, values, nil, nil, staleIndicator
		}
		for j, d := range sh.dims {
			if posted[j] != d.Key {
				return e, values, nil, nil, staleIndicator
			}
		}
	}
	e.replace = map[int][]string{}
	for j, d := range sh.dims {
		cells := make([]string, len(sh.keys))
		row, replacing := sh.rows[d.Key]
		empty := true
		for i := range sh.keys {
			name := sh.t.Header[i]
			switch i {
			case sh.perCol:
				cells[i] = sh.period.String()
			case sh.dimCol:
				cells[i] = d.Key
			default:
				if vs := r.PostForm[name]; len(vs) == n {
					cells[i] = strings.TrimSpace(strings.ReplaceAll(vs[j], "\n", " "))
				} else if replacing {
					cells[i] = sh.cell(d.Key, i) // a column the form did not show
				}
				empty = empty && cells[i] == ""
				values[name] = append(values[name], cells[i])
			}
			if replacing && (i == sh.perCol || i == sh.dimCol) {
				cells[i] = sh.cell(d.Key, i)
			}
		}
		switch {
		case replacing:
			e.replace[row.Line] = cells
		case empty:
			continue
		default:
			e.add = append(e.add, cells)
		}
		rows = append(rows, cells)
		of = append(of, j)
	}
	return e, values, rows, of, diag.Text{}
}

// fieldsOf finds the field each error of the candidate file cand is in:
// the id of its input, "" when it is in no field the form shows.
func (sh *indSheet) fieldsOf(cand []byte, rows [][]string, of []int, errs []*diag.Diagnostic) []string {
	out := make([]string, len(errs))
	t, _ := table.Open(sh.file, cand, table.Options{DecimalComma: sh.ind.DecimalComma, Sheet: sh.t.Sheet})
	if t == nil {
		return out
	}
	same := func(r table.Row, cells []string, i int) bool {
		return i < 0 || (i < len(r.Fields) && r.Fields[i].Text == strings.TrimSpace(cells[i]))
	}
	formRow := map[int]int{} // line → row of the form
	for _, r := range t.Rows {
		for k, cells := range rows {
			if same(r, cells, sh.perCol) && same(r, cells, sh.dimCol) {
				formRow[r.Line] = of[k]
			}
		}
	}
	for n, d := range errs {
		j, ok := formRow[d.Line]
		if d.File != sh.file || !ok {
			continue
		}
		for _, r := range t.Rows {
			if r.Line != d.Line {
				continue
			}
			for i, f := range r.Fields {
				if f.Line == d.Line && f.Col == d.Col && i != sh.perCol && i != sh.dimCol {
					out[n] = fieldID(j, i)
				}
			}
		}
	}
	return out
}

// indicatorForm serves the indicator chooser, and with an indicator and a
// period the period's fields.
func (h *Handler) indicatorForm(w http.ResponseWriter, r *http.Request) {
	st, err := h.load()
	if err != nil {
		h.notReady(w)
		return
	}
	defer st.close()
	q := r.URL.Query()
	id, p := q.Get("chi_tieu"), q.Get("chon_ky")
	if id == "" && p == "" {
		h.indChooser(w, http.StatusOK, st, "", "", "")
		return
	}
	sh, problem := st.indSheetFor(id, p)
	if sh == nil {
		h.indChooser(w, http.StatusUnprocessableEntity, st, id, p, problem.In(h.c.Lang))
		return
	}
	h.indRowForm(w, http.StatusOK, st, sh, nil, nil, "")
}

// indicatorSubmit checks a posted period with the build's loader and
// saves it, then leads to the indicator's page.
func (h *Handler) indicatorSubmit(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	st, err := h.load()
	if err != nil {
		h.notReady(w)
		return
	}
	defer st.close()
	id, p := r.PostForm.Get("chi_tieu"), r.PostForm.Get("chon_ky")
	sh, problem := st.indSheetFor(id, p)
	if sh == nil {
		h.indChooser(w, http.StatusUnprocessableEntity, st, id, p, problem.In(h.c.Lang))
		return
	}
	e, values, rows, of, bad := sh.rowsFromForm(r)
	if !bad.IsZero() {
		h.indRowForm(w, http.StatusBadRequest, st, sh, values, nil, bad.In(h.c.Lang))
		return
	}
	if len(e.replace) == 0 && len(e.add) == 0 {
		h.indRowForm(w, http.StatusUnprocessableEntity, st, sh, values, nil,
			h.t("Chưa lưu: biểu mẫu chưa có số liệu nào.", "Not saved: the form holds no figures."))
		return
	}
	cand, err := apply(sh.t, sh.raw, e)
	if err != nil {
		h.indRowForm(w, http.StatusInternalServerError, st, sh, values, nil, h.t("Không tạo được nội dung tệp mới.", "Cannot make the file's new contents."))
		return
	}
	if errs := newErrors(st, sh.file, cand); len(errs) > 0 {
		h.indRowForm(w, http.StatusUnprocessableEntity, st, sh, values, errs, "", sh.fieldsOf(cand, rows, of, errs)...)
		return
	}
	var before uint64
	if h.c.Builds != nil {
		before = h.c.Builds()
	}
	if _, err := save(h.c.Source, sh.file, cand, time.Now()); err != nil {
		status, why := saveProblem(sh.file, err)
		h.indRowForm(w, status, st, sh, values, nil, why.In(h.c.Lang))
		return
	}
	h.waitBuild(before)
	http.Redirect(w, r, h.base()+strings.TrimPrefix(view.IndicatorsPath, "/")+sh.ind.ID+"/", http.StatusSeeOther)
}

// saveProblem is the answer when file cannot be written: 409 with what to
// do when another program holds it (Excel on Windows), else 500 with the
// system's reason.
func saveProblem(file string, err error) (int, diag.Text) {
	var held *inuse.Error
	if errors.As(err, &held) {
		return http.StatusConflict, diag.Tf("Tệp %s đang mở trong chương trình khác (Excel?). Đóng tệp rồi thử lại.",
			"The file %s is open in another program (Excel?). Close it and try again.", held.Path)
	}
	return http.StatusInternalServerError, diag.Tf("Không ghi được %s: %s.", "Cannot write %s: %s.", file, errText(err))
}

// indPage is what the template shows of the indicator part of the form.
type indPage struct {
	Options  []option
	Period   string
	Selected bool // the chooser is on a page of its own
	Sheet    *indSheetView
}

type indSheetView struct {
	ID, Title, Period, PeriodLabel, File, DimName string
	Existing, Rate                                bool
	Rows                                          []indRowView
}

type indRowView struct {
	Key, Name string
	Fields    []field
}

func (h *Handler) indOptions(st *state, sel string) []option {
	var out []option
	for _, ind := range st.fileIndicators() {
		title := ind.Title
		if h.c.Lang == diag.EN && ind.TitleEn != "" {
			title = ind.TitleEn
		}
		k := kindNames[ind.Frequency].In(h.c.Lang)
		out = append(out, option{ID: ind.ID, Name: title + " (" + h.t("theo ", "by ") + k + ")", Selected: ind.ID == sel})
	}
	return out
}

func (h *Handler) indChooser(w http.ResponseWriter, status int, st *state, id, p, problem string) {
	if p == "" {
		p = st.today()
	}
	h.page(w, status, pageData{Title: h.t("Nhập số liệu chỉ tiêu", "Enter an indicator's figures"), Problem: problem,
		Ind: &indPage{Options: h.indOptions(st, id), Period: p, Selected: true}})
}

// today is the day judged at, as the period chooser's first value: a day
// opens the period of any kind that holds it.
func (st *state) today() string {
	loc := st.site.Config.Location
	if loc == nil {
		loc = time.Local
	}
	return st.site.Now.In(loc).Format("02/01/2006")
}

// unitOf is the unit of measure an indicator's value column is in.
func (h *Handler) unitOf(ind *indicator.Indicator) string {
	if h.c.Lang == diag.EN && ind.UnitEn != "" {
		return ind.UnitEn
	}
	if ind.Unit == "" && (ind.Measure == indicator.Percent || ind.Measure == indicator.Rate) {
		return "%"
	}
	return ind.Unit
}

// indLabel is the label of a column of an indicator's file.
func (h *Handler) indLabel(ind *indicator.Indicator, key string) string {
	switch key {
	case data.ColValue:
		label := h.t("Giá trị", "Value")
		switch ind.Measure {
		case indicator.Cumulative:
			label = h.t("Số lũy kế", "Running total")
		case indicator.Percent:
			label = h.t("Tỷ lệ", "Percentage")
		case indicator.Count:
			label = h.t("Số lượng", "Count")
		}
		if u := h.unitOf(ind); u != "" {
			label += " (" + u + ")"
		}
		return label
	case data.ColNum:
		return h.t("Tử số", "Numerator")
	case data.ColDen:
		return h.t("Mẫu số", "Denominator")
	case data.ColNote:
		return h.t("Ghi chú", "Note")
	}
	return key
}

// indRowForm shows the fields of sh's period: values (as typed) when
// given, else the file's own cells. errFields, one per error, names the
// field each is about.
func (h *Handler) indRowForm(w http.ResponseWriter, status int, st *state, sh *indSheet, values map[string][]string, errs []*diag.Diagnostic, problem string, errFields ...string) {
	ev, about := h.errViews(errs, errFields)
	title := sh.ind.Title
	if h.c.Lang == diag.EN && sh.ind.TitleEn != "" {
		title = sh.ind.TitleEn
	}
	v := &indSheetView{ID: sh.ind.ID, Title: title, Period: sh.period.String(), PeriodLabel: sh.period.Label(h.c.Lang),
		File: sh.file, DimName: sh.dimName(), Existing: len(sh.rows) > 0, Rate: sh.ind.Measure == indicator.Rate}
	for j, d := range sh.dims {
		rv := indRowView{Key: d.Key, Name: d.Name}
		if d.Key == "" {
			rv.Name = h.t("Toàn huyện", "District")
		}
		for _, i := range sh.valueCols() {
			name := sh.t.Header[i]
			f := field{ID: fieldID(j, i), Name: name, Label: h.indLabel(sh.ind, sh.keys[i]), Count: sh.keys[i] != data.ColNote}
			f.Errors = about[f.ID]
			if vs := values[name]; j < len(vs) {
				f.Value = vs[j]
			} else {
				f.Value = sh.cell(d.Key, i)
			}
			rv.Fields = append(rv.Fields, f)
		}
		v.Rows = append(v.Rows, rv)
	}
	h.page(w, status, pageData{Title: h.t("Nhập số liệu chỉ tiêu", "Enter an indicator's figures"), Errors: ev, Problem: problem,
		Ind: &indPage{Options: h.indOptions(st, sh.ind.ID), Period: sh.period.String(), Selected: true, Sheet: v}})
}

// errViews are the build's messages to show, and the ids of the messages
// about each field.
func (h *Handler) errViews(errs []*diag.Diagnostic, errFields []string) ([]errView, map[string]string) {
	var ev []errView
	about := map[string]string{}
	for n, d := range errs {
		e := errView{ID: fmt.Sprintf("loi-%d", n+1), Pos: d.Pos.String(), Msg: d.Msg.In(h.c.Lang), Hint: d.Hint.In(h.c.Lang)}
		if n < len(errFields) && errFields[n] != "" {
			e.For = errFields[n]
			about[e.For] = strings.TrimSpace(about[e.For] + " " + e.ID)
		}
		ev = append(ev, e)
	}
	return ev, about
}

// indWords adds the words of the indicator part to m.
func (h *Handler) indWords(pick func(vi, en string) string, m map[string]string) map[string]string {
	for k, v := range map[string]string{
		"indHeading":  pick("Số liệu chỉ tiêu", "An indicator's figures"),
		"indChoose":   pick("Chọn chỉ tiêu và kỳ", "Choose an indicator and a period"),
		"indicator":   pick("Chỉ tiêu", "Indicator"),
		"period":      pick("Kỳ", "Period"),
		"periodHint":  pick("Theo loại kỳ của chỉ tiêu: tháng 2023-06 hoặc 6/2023, quý 2023-Q2, năm 2023; hoặc một ngày trong kỳ, ví dụ 30/06/2023.", "In the indicator's kind of period: month 2023-06 or 6/2023, quarter 2023-Q2, year 2023; or a day in the period, such as 30/06/2023."),
		"indExisting": pick("Kỳ này đã có trong tệp: các ô đã điền sẵn số cũ; lưu sẽ thay các dòng của kỳ này.", "This period is already in the file: the fields hold its figures; saving replaces the period's rows."),
		"indNew":      pick("Kỳ này chưa có trong tệp: lưu sẽ thêm một dòng cho mỗi đơn vị có số liệu vào cuối tệp; đơn vị để trống thì không ghi.", "This period is not in the file yet: saving adds one row for each unit with figures at the end of the file; units left empty are not written."),
		"rateHint":    pick("Tỷ lệ được tính bằng tử số ÷ mẫu số × 100: ghi hai số đếm, không ghi tỷ lệ.", "The rate is computed as numerator ÷ denominator × 100: write the two counts, not the rate."),
		"valueHint":   pick("Ghi số như trong tệp, ví dụ 1234 hoặc 85,5; kiểm tra lúc lưu giống hệt khi dựng trang.", "Write numbers as in the file, such as 1234 or 85.5; saving checks them exactly as the build does."),
	} {
		m[k] = v
	}
	return m
}

// indicatorPage is the indicator part of the form's template: its chooser
// (on the form's first page too) and the rows of one period.
const indicatorPage = `{{define "indicator"}}{{with .Ind}}{{if .Options}}
<section aria-labelledby="chi-tieu-tieu-de">
{{if .Selected}}<h2 id="chi-tieu-tieu-de">{{$.W.indChoose}}</h2>{{else}}<h2 id="chi-tieu-tieu-de">{{$.W.indHeading}}</h2>{{end}}
<form method="get" action="{{$.Base}}nhap-lieu/chi-tieu" class="chooser">
<p><label for="chon-chi-tieu">{{$.W.indicator}}</label>
<select id="chon-chi-tieu" name="chi_tieu">{{range .Options}}<option value="{{.ID}}"{{if .Selected}} selected{{end}}>{{.Name}}</option>{{end}}</select></p>
<p><label for="chon-ky">{{$.W.period}}</label>
<input id="chon-ky" name="chon_ky" value="{{.Period}}" aria-describedby="chon-ky-goi-y" autocomplete="off" required>
<span class="hint" id="chon-ky-goi-y">{{$.W.periodHint}}</span></p>
<p><button type="submit">{{$.W.open}}</button></p>
</form>
</section>
{{with .Sheet}}
<form method="post" action="{{$.Base}}nhap-lieu/chi-tieu" class="entry">
<h2>{{.Title}} — {{.PeriodLabel}}</h2>
<p>{{$.W.file}}: <code>{{.File}}</code>. {{if .Existing}}{{$.W.indExisting}}{{else}}{{$.W.indNew}}{{end}}</p>
{{if .Rate}}<p class="hint" id="goi-y-ty-le">{{$.W.rateHint}}</p>{{end}}
{{template "errors" $}}
<input type="hidden" name="token" value="{{$.Token}}">
<input type="hidden" name="chi_tieu" value="{{.ID}}">
<input type="hidden" name="chon_ky" value="{{.Period}}">
{{range .Rows}}
<fieldset>
<legend>{{.Name}}</legend>
{{if $.Ind.Sheet.DimName}}<input type="hidden" name="{{$.Ind.Sheet.DimName}}" value="{{.Key}}">{{end}}
{{range .Fields}}<p class="field"><label for="{{.ID}}">{{.Label}}</label>
{{if .Count}}<input id="{{.ID}}" name="{{.Name}}" value="{{.Value}}" inputmode="decimal" pattern="[0-9][0-9.,]*%?" autocomplete="off" aria-describedby="goi-y-gia-tri{{with .Errors}} {{.}}{{end}}"{{if .Errors}} aria-invalid="true"{{end}}>
{{else}}<input id="{{.ID}}" name="{{.Name}}" value="{{.Value}}" autocomplete="off"{{with .Errors}} aria-describedby="{{.}}" aria-invalid="true"{{end}}>{{end}}</p>
{{end}}
</fieldset>
{{end}}
<p id="goi-y-gia-tri" class="hint">{{$.W.valueHint}}</p>
<p><button type="submit">{{$.W.save}}</button></p>
</form>
{{end}}
{{end}}{{end}}{{end}}`
