package data

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/tiendo/tiendo/internal/vi"
)

// The columns of an indicator's CSV file. Header names match ignoring case,
// marks, spaces and punctuation, so "Kỳ", "KY" and "ky" are one column.
var (
	colPeriod  = table.ColumnSpec{Key: "ky", Aliases: []string{"kỳ", "kỳ báo cáo", "period", "thoi_gian", "thời gian"}, Required: true}
	colCommune = table.ColumnSpec{Key: "xa", Aliases: []string{"xã", "xã, thị trấn", "commune"}}
	colUnit    = table.ColumnSpec{Key: "don_vi", Aliases: []string{"đơn vị", "unit"}}
	colService = table.ColumnSpec{Key: "dich_vu", Aliases: []string{"dịch vụ", "service"}}
	colValue   = table.ColumnSpec{Key: "gia_tri", Aliases: []string{"giá trị", "value"}}
	colNum     = table.ColumnSpec{Key: "tu_so", Aliases: []string{"tử số", "numerator"}}
	colDen     = table.ColumnSpec{Key: "mau_so", Aliases: []string{"mẫu số", "denominator"}}
	colNote    = table.ColumnSpec{Key: "ghi_chu", Aliases: []string{"ghi chú", "note"}}

	allColumns = []table.ColumnSpec{colPeriod, colCommune, colUnit, colService, colValue, colNum, colDen, colNote}
)

// dimColumns lists the columns that may hold each dimension, preferred
// first: a commune may also be written in a "đơn vị" column.
var dimColumns = map[indicator.Dimension][]string{
	indicator.ByCommune: {colCommune.Key, colUnit.Key},
	indicator.ByUnit:    {colUnit.Key},
	indicator.ByService: {colService.Key},
}

var dimWords = map[indicator.Dimension]diag.Text{
	indicator.ByCommune: diag.T("xã, thị trấn", "commune"),
	indicator.ByUnit:    diag.T("đơn vị", "unit"),
	indicator.ByService: diag.T("dịch vụ", "service"),
}

// csvHeader returns the header line a new CSV file for ind should start with,
// such as "ky,xa,gia_tri" or "ky,don_vi,tu_so,mau_so,ghi_chu".
func csvHeader(ind *indicator.Indicator) string {
	cols := []string{colPeriod.Key}
	if keys := dimColumns[ind.Dimension]; len(keys) > 0 {
		cols = append(cols, keys[0])
	}
	if ind.Measure == indicator.Rate {
		cols = append(cols, colNum.Key, colDen.Key)
	} else {
		cols = append(cols, colValue.Key)
	}
	return strings.Join(append(cols, colNote.Key), ",")
}

// MissingFile is the problem of an indicator whose CSV file does not exist,
// reported at the file = … line of indicators.toml.
func MissingFile(ind *indicator.Indicator) *diag.Diagnostic {
	return diag.New(ind.FilePos, diag.CodeIndicatorFileMissing,
		diag.Tf("không có tệp số liệu %s của chỉ tiêu %q", "the data file %s of indicator %q does not exist", FilePath(ind), ind.ID),
		diag.Tf("Sửa đường dẫn file, hoặc tạo tệp CSV với dòng tiêu đề %s.", "Fix the file path, or create the CSV file with the header line %s.", csvHeader(ind)))
}

// ParseObservations reads the figures of ind from its CSV table t: one row
// per period (column ky), and per commune, unit or service when ind has a
// dimension, with the value in gia_tri, or for a rate its numerator and
// denominator in tu_so and mau_so; ghi_chu is an optional note.
//
// Periods must fall inside from–to, the plan's time span (a zero period
// leaves that side open). Every problem is reported into l, each at its
// cell, all at once; rows with an error are left out of the result, which
// is in the order of the file. A period of another length than ind's
// frequency is only warned about.
func ParseObservations(ind *indicator.Indicator, t *table.Table, units *Units, from, to period.Period, l *diag.List) []indicator.Observation {
	cols, ok := columns(ind, t, l)
	if !ok {
		return nil
	}
	if len(t.Rows) == 0 {
		l.Warnf(t.HeaderPos(-1), diag.CodeCSVEmpty,
			diag.T("Tệp chưa có dòng số liệu nào", "The file has no figures yet"),
			diag.T("Thêm số liệu dưới dòng tiêu đề; đến khi đó trang chỉ tiêu ghi \"Chưa có số liệu\"",
				"Add figures below the header line; until then the indicator's page says \"No data yet\""))
		return nil
	}
	t.SettleDialect(cols.value, cols.num, cols.den)
	r := rowReader{ind: ind, t: t, units: units, from: from, to: to, l: l, cols: cols,
		first: map[string]int{}, warnedKind: map[period.Kind]bool{}}
	var out []indicator.Observation
	var cells []table.Field // the value cell of each observation, for later checks
	for _, row := range t.Rows {
		o, cell, ok := r.row(row)
		if ok {
			out = append(out, o)
			cells = append(cells, cell)
		}
	}
	if ind.Measure == indicator.Cumulative {
		r.checkRunningTotals(out, cells)
	}
	return out
}

// cols holds the indexes of the columns found; -1 for absent ones.
type cols struct {
	period, dim, value, num, den, note int
}

func columns(ind *indicator.Indicator, t *table.Table, l *diag.List) (cols, bool) {
	found, cl := t.Columns(allColumns)
	l.Merge(cl)
	ok := !cl.HasErrors()
	idx := func(key string) int {
		if i, has := found[key]; has {
			return i
		}
		return -1
	}
	c := cols{period: idx(colPeriod.Key), dim: -1, value: idx(colValue.Key), num: idx(colNum.Key), den: idx(colDen.Key), note: idx(colNote.Key)}
	headerLine := t.HeaderPos(-1)
	bad := func(pos diag.Pos, msg, hint diag.Text) {
		l.Errorf(pos, diag.CodeCSVColumns, msg, hint)
		ok = false
	}

	want := dimColumns[ind.Dimension]
	dimReported := false
	for _, spec := range []table.ColumnSpec{colCommune, colUnit, colService} {
		i := idx(spec.Key)
		switch {
		case i < 0:
		case ind.Dimension == indicator.NoDimension:
			bad(t.HeaderPos(i),
				diag.Tf("Cột \"%s\" chia số liệu theo %s, nhưng chỉ tiêu \"%s\" chỉ có số liệu toàn huyện", "Column \"%s\" breaks figures down by %s, but indicator \"%s\" has district-wide figures only", t.Header[i], dimWordFor(spec.Key), ind.ID),
				diag.Tf("Xoá cột này, hoặc khai báo dimension cho chỉ tiêu trong data/indicators.toml (dòng %d)", "Delete the column, or declare the indicator's dimension in data/indicators.toml (line %d)", ind.Pos.Line))
			dimReported = true
		case !slices.Contains(want, spec.Key):
			bad(t.HeaderPos(i),
				diag.Tf("Cột \"%s\" không dùng được: chỉ tiêu \"%s\" chia theo %s", "Column \"%s\" cannot be used: indicator \"%s\" is broken down by %s", t.Header[i], ind.ID, dimWords[ind.Dimension]),
				diag.Tf("Đổi tên cột thành \"%s\"", "Rename the column \"%s\"", want[0]))
			dimReported = true
		case c.dim >= 0:
			bad(t.HeaderPos(i),
				diag.Tf("Cột \"%s\" lặp lại cột \"%s\": chỉ cần một cột %s", "Column \"%s\" repeats column \"%s\": one %s column is enough", t.Header[i], t.Header[c.dim], dimWords[ind.Dimension]),
				diag.T("Xoá một trong hai cột", "Delete one of the two columns"))
			dimReported = true
		default:
			c.dim = i
		}
	}
	if ind.Dimension != indicator.NoDimension && c.dim < 0 && !dimReported {
		bad(headerLine,
			diag.Tf("Thiếu cột %s: chỉ tiêu \"%s\" có số liệu theo từng %s", "The %s column is missing: indicator \"%s\" has figures for each %s", want[0], ind.ID, dimWords[ind.Dimension]),
			diag.Tf("Dòng tiêu đề cần có: %s", "The header line needs: %s", csvHeader(ind)))
	}

	if ind.Measure == indicator.Rate {
		if c.value >= 0 {
			bad(t.HeaderPos(c.value),
				diag.Tf("Chỉ tiêu \"%s\" là tỷ lệ, tính từ cột tu_so (tử số) và mau_so (mẫu số); không dùng cột \"%s\"", "Indicator \"%s\" is a rate, computed from the columns tu_so (numerator) and mau_so (denominator); column \"%s\" is not used", ind.ID, t.Header[c.value]),
				diag.T("Ghi tử số và mẫu số thay cho tỷ lệ: tỷ lệ toàn huyện được tính bằng tổng tử số ÷ tổng mẫu số", "Give the numerator and denominator instead of the rate: the district rate is Σ numerators ÷ Σ denominators"))
		}
		for _, k := range []struct {
			i   int
			key string
		}{{c.num, colNum.Key}, {c.den, colDen.Key}} {
			if k.i < 0 {
				bad(headerLine,
					diag.Tf("Thiếu cột %s: chỉ tiêu \"%s\" là tỷ lệ, cần cả tử số và mẫu số", "The %s column is missing: indicator \"%s\" is a rate and needs both numerator and denominator", k.key, ind.ID),
					diag.Tf("Dòng tiêu đề cần có: %s", "The header line needs: %s", csvHeader(ind)))
			}
		}
	} else {
		for _, i := range []int{c.num, c.den} {
			if i >= 0 {
				bad(t.HeaderPos(i),
					diag.Tf("Chỉ tiêu \"%s\" không phải tỷ lệ (measure = \"%s\"); không dùng cột \"%s\"", "Indicator \"%s\" is not a rate (measure = \"%s\"); column \"%s\" is not used", ind.ID, string(ind.Measure), t.Header[i]),
					diag.T("Ghi số liệu vào cột gia_tri", "Put the figures in the gia_tri column"))
			}
		}
		if c.value < 0 && !cl.HasErrors() {
			bad(headerLine,
				diag.Tf("Thiếu cột gia_tri của chỉ tiêu \"%s\"", "The gia_tri column of indicator \"%s\" is missing", ind.ID),
				diag.Tf("Dòng tiêu đề cần có: %s", "The header line needs: %s", csvHeader(ind)))
		}
	}
	return c, ok && c.period >= 0
}

func dimWordFor(key string) diag.Text {
	switch key {
	case colCommune.Key:
		return dimWords[indicator.ByCommune]
	case colUnit.Key:
		return dimWords[indicator.ByUnit]
	}
	return dimWords[indicator.ByService]
}

// rowReader checks the rows of one table.
type rowReader struct {
	ind        *indicator.Indicator
	t          *table.Table
	units      *Units
	from, to   period.Period
	l          *diag.List
	cols       cols
	first      map[string]int // period and dimension → line of the first row with them
	warnedKind map[period.Kind]bool
}

func (r *rowReader) errorf(f table.Field, code string, msg, hint diag.Text) {
	r.l.Errorf(r.t.FieldPos(f), code, msg, hint)
}

// row reads one row; ok is false if it has an error.
func (r *rowReader) row(row table.Row) (o indicator.Observation, valueCell table.Field, ok bool) {
	ok = true
	fail := func(f table.Field, code string, msg, hint diag.Text) {
		r.errorf(f, code, msg, hint)
		ok = false
	}
	o.Line = row.Line

	pf := row.Fields[r.cols.period]
	p, parsed := period.Parse(pf.Text)
	switch {
	case pf.Text == "":
		fail(pf, diag.CodeCSVPeriod, diag.T("Ô kỳ báo cáo trống", "The period cell is empty"), periodHint(r.ind.Frequency))
	case !parsed:
		fail(pf, diag.CodeCSVPeriod,
			diag.Tf("Ô \"%s\" không phải là kỳ báo cáo", "Cell \"%s\" is not a reporting period", pf.Text), periodHint(r.ind.Frequency))
	case r.outside(p):
		fail(pf, diag.CodeCSVRange,
			diag.Tf("Kỳ \"%s\" (%s) nằm ngoài thời gian của kế hoạch, %s", "Period \"%s\" (%s) is outside the plan's time span, %s", pf.Text, label(p), r.span()),
			diag.T("Kiểm tra lại năm và tháng đã ghi", "Check the year and month written"))
	default:
		o.Period = p
		if p.Kind != r.ind.Frequency && p != r.ind.Baseline.Period && !r.warnedKind[p.Kind] {
			r.warnedKind[p.Kind] = true
			r.l.Warnf(r.t.FieldPos(pf), diag.CodeCSVFrequency,
				diag.Tf("Kỳ \"%s\" là một %s, nhưng chỉ tiêu \"%s\" báo cáo theo %s", "Period \"%s\" is a %s, but indicator \"%s\" is reported by %s", pf.Text, kindWords[p.Kind], r.ind.ID, kindWords[r.ind.Frequency]),
				diag.T("Các kỳ dài ngắn khác nhau làm chuỗi số liệu khó so sánh; dùng cùng một loại kỳ cho cả tệp",
					"Periods of different lengths make the series hard to compare; use one kind of period for the whole file"))
		}
	}

	dimKey, dimName, dimOK := r.dim(row)
	ok = ok && dimOK
	o.Dim = dimKey

	if r.cols.note >= 0 {
		o.Note = row.Fields[r.cols.note].Text
	}
	if r.ind.Measure == indicator.Rate {
		valueCell = row.Fields[r.cols.num]
		ok = r.rate(row, &o) && ok
	} else {
		valueCell = row.Fields[r.cols.value]
		ok = r.value(valueCell, &o) && ok
	}

	if !o.Period.IsZero() && dimOK {
		key := o.Period.String() + "\x00" + vi.Slug(dimKey)
		if line, dup := r.first[key]; dup {
			msg := diag.Tf("Kỳ %s đã có ở dòng %d", "Period %s already appears on line %d", o.Period, line)
			if dimName != "" {
				msg = diag.Tf("Kỳ %s của %s đã có ở dòng %d", "Period %s for %s already appears on line %d", o.Period, dimName, line)
			}
			fail(pf, diag.CodeCSVDuplicate, msg,
				diag.T("Mỗi kỳ chỉ ghi một dòng cho mỗi đơn vị; xoá hoặc sửa một trong hai dòng", "Write one row per period and unit; delete or correct one of the two rows"))
		} else {
			r.first[key] = row.Line
		}
	}
	return o, valueCell, ok
}

// dim reads the dimension cell: the unit id and its name, or the service
// as written.
func (r *rowReader) dim(row table.Row) (key, name string, ok bool) {
	if r.ind.Dimension == indicator.NoDimension {
		return "", "", true
	}
	f := row.Fields[r.cols.dim]
	word := dimWords[r.ind.Dimension]
	if f.Text == "" {
		r.errorf(f, diag.CodeCSVUnit, diag.Tf("Ô %s trống", "The %s cell is empty", word), r.unitHint(""))
		return "", "", false
	}
	if r.ind.Dimension == indicator.ByService {
		return f.Text, f.Text, true
	}
	u, found := r.units.Lookup(f.Text)
	switch {
	case !found && r.ind.Dimension == indicator.ByCommune:
		r.l.Add(diag.New(r.t.FieldPos(f), diag.CodeCSVUnit, diag.Tf("Không có xã, thị trấn \"%s\" trong data/units.toml", "There is no commune \"%s\" in data/units.toml", f.Text), r.unitHint(f.Text)).Needing(UnitsFile))
		return "", "", false
	case !found:
		r.l.Add(diag.New(r.t.FieldPos(f), diag.CodeCSVUnit, diag.Tf("Không có đơn vị \"%s\" trong data/units.toml", "There is no unit \"%s\" in data/units.toml", f.Text), r.unitHint(f.Text)).Needing(UnitsFile))
		return "", "", false
	case r.ind.Dimension == indicator.ByCommune && !u.IsCommune():
		r.errorf(f, diag.CodeCSVUnit, diag.Tf("\"%s\" là %s, không phải xã, thị trấn", "\"%s\" is %s, not a commune", f.Text, u.Name), r.unitHint(f.Text))
		return "", "", false
	}
	return u.ID, u.Name, true
}

func (r *rowReader) unitHint(text string) diag.Text {
	keep := func(Unit) bool { return true }
	what := diag.T("một đơn vị", "a unit")
	if r.ind.Dimension == indicator.ByCommune {
		keep = Unit.IsCommune
		what = diag.T("một xã, thị trấn", "a commune")
	}
	base := diag.Tf("Ghi mã, tên đầy đủ hoặc tên ngắn của %s trong data/units.toml", "Write the id, full name or short name of %s in data/units.toml", what)
	if text == "" {
		return base
	}
	if s := r.units.suggest(text, keep); len(s) > 0 {
		return diag.Tf("Có phải là %s? %s", "Did you mean %s? %s", quoteList(s), base)
	}
	return base
}

// value reads a count, running total or percentage.
func (r *rowReader) value(f table.Field, o *indicator.Observation) bool {
	v, d := r.t.ParseNumber(f)
	if d != nil {
		r.l.Add(d)
		return false
	}
	o.Value = v
	counted := r.ind.Measure == indicator.Count || r.ind.Measure == indicator.Cumulative
	switch {
	case counted && hasPercent(f):
		r.errorf(f, diag.CodeCSVCountPercent, diag.Tf("Ô \"%s\" có dấu %%, nhưng chỉ tiêu \"%s\" là %s, không phải tỷ lệ", "Cell \"%s\" has a %% sign, but indicator \"%s\" is %s, not a percentage", f.Text, r.ind.ID, measureWord(r.ind.Measure)),
			diag.Tf("Ghi số lượng không kèm %%. Nếu chỉ tiêu là tỷ lệ, khai báo measure = \"rate\" (cột tu_so, mau_so) hoặc \"percent\" trong data/indicators.toml (dòng %d)",
				"Write the count without %%. If the indicator is a percentage, declare measure = \"rate\" (columns tu_so, mau_so) or \"percent\" in data/indicators.toml (line %d)", r.ind.Pos.Line))
		return false
	case counted && v != math.Trunc(v):
		r.errorf(f, diag.CodeCSVCountWhole, diag.Tf("Ô \"%s\" là %s, nhưng %s phải là số nguyên", "Cell \"%s\" is %s, but %s must be a whole number", f.Text, decimal(v), measureWord(r.ind.Measure)),
			r.wholeHint(f))
		return false
	case v < 0:
		r.errorf(f, diag.CodeCSVNegative, diag.Tf("Số âm \"%s\": %s không thể âm", "Negative number \"%s\": %s cannot be negative", f.Text, measureWord(r.ind.Measure)),
			diag.T("Kiểm tra lại dấu trừ; nếu là mức giảm, ghi giá trị còn lại sau khi giảm", "Check the minus sign; for a reduction, write the value left after it"))
		return false
	case r.ind.Measure == indicator.Percent && v > 100:
		r.errorf(f, diag.CodeCSVPercent, diag.Tf("Tỷ lệ \"%s\" lớn hơn 100%%", "Percentage \"%s\" is over 100%%", f.Text),
			diag.T("Ghi tỷ lệ bằng số phần trăm từ 0 đến 100, ví dụ 85,5 cho 85,5%", "Write the percentage as a number from 0 to 100, for example 85.5 for 85.5%"))
		return false
	}
	return true
}

// rate reads a numerator and a denominator.
func (r *rowReader) rate(row table.Row, o *indicator.Observation) bool {
	nf, df := row.Fields[r.cols.num], row.Fields[r.cols.den]
	n, nd := r.t.ParseNumber(nf)
	d, dd := r.t.ParseNumber(df)
	r.l.Add(nd, dd)
	if nd != nil || dd != nil {
		return false
	}
	ok := true
	for _, c := range []struct {
		f table.Field
		v float64
	}{{nf, n}, {df, d}} {
		if hasPercent(c.f) {
			r.errorf(c.f, diag.CodeCSVCountPercent, diag.Tf("Ô \"%s\" có dấu %%, nhưng tử số và mẫu số là số lượng, không phải tỷ lệ", "Cell \"%s\" has a %% sign, but numerators and denominators are counts, not percentages", c.f.Text),
				diag.T("Ghi số lượng không kèm % (ví dụ số hồ sơ trực tuyến và tổng số hồ sơ); tỷ lệ được tính bằng tử số ÷ mẫu số",
					"Write the counts without % (say online dossiers and all dossiers); the rate is computed as numerator ÷ denominator"))
			ok = false
			continue
		}
		if c.v < 0 {
			r.errorf(c.f, diag.CodeCSVNegative, diag.Tf("Số âm \"%s\": tử số và mẫu số không thể âm", "Negative number \"%s\": numerator and denominator cannot be negative", c.f.Text),
				diag.T("Tử số và mẫu số là số hồ sơ, số đơn vị…, nên từ 0 trở lên", "Numerators and denominators count dossiers, units…, so they are 0 or more"))
			ok = false
		}
	}
	if !ok {
		return false
	}
	switch {
	case d == 0:
		r.errorf(df, diag.CodeCSVRatio, diag.T("Mẫu số bằng 0: không tính được tỷ lệ", "The denominator is 0: no rate can be computed"),
			diag.T("Nếu kỳ này không có gì để tính (ví dụ không có hồ sơ nào), xoá dòng này", "If there was nothing to count in this period (no dossiers, say), delete the row"))
		return false
	case n > d:
		r.errorf(nf, diag.CodeCSVRatio, diag.Tf("Tử số \"%s\" lớn hơn mẫu số \"%s\": tỷ lệ sẽ quá 100%%", "The numerator \"%s\" is larger than the denominator \"%s\": the rate would exceed 100%%", nf.Text, df.Text),
			diag.T("Tử số là phần của mẫu số (ví dụ hồ sơ trực tuyến trong tổng số hồ sơ); kiểm tra hai cột có bị đổi chỗ không", "The numerator is part of the denominator (say online dossiers out of all dossiers); check whether the two columns are swapped"))
		return false
	}
	o.Num, o.Den, o.Value = n, d, n/d*100
	return true
}

// hasPercent reports whether a number cell ends in '%', which
// [table.Table.ParseNumber] accepts and drops.
func hasPercent(f table.Field) bool {
	return strings.HasSuffix(strings.TrimRightFunc(f.Text, unicode.IsSpace), "%")
}

// wholeHint says how to write a count, and how to declare the decimal
// comma if the separator was meant between thousands. A workbook's number
// cell is a number whatever the separators it is shown with, so there is
// nothing to declare.
func (r *rowReader) wholeHint(f table.Field) diag.Text {
	if _, typed := f.Number(); typed {
		return diag.T("Ghi số nguyên vào ô, ví dụ 1234, hoặc sửa công thức để ra số nguyên", "Type a whole number in the cell, such as 1234, or make its formula give one")
	}
	if r.t.DecimalComma {
		return diag.T("Ghi số nguyên, ví dụ 1234 hoặc 1.234", "Write a whole number, such as 1234 or 1.234")
	}
	return diag.Tf("Ghi số nguyên, ví dụ 1234. Nếu dấu chấm ở đây ngăn hàng nghìn, khai báo decimalComma = true cho chỉ tiêu trong data/indicators.toml (dòng %d)",
		"Write a whole number, such as 1234. If the dot here separates thousands, declare decimalComma = true for the indicator in data/indicators.toml (line %d)", r.ind.Pos.Line)
}

// decimal writes a value read from a cell in both languages' notation:
// 1,234 and 1.234.
func decimal(v float64) diag.Text {
	en := strconv.FormatFloat(v, 'f', -1, 64)
	return diag.T(strings.Replace(en, ".", ",", 1), en)
}

// checkRunningTotals warns about a running total that goes down, unless
// the row explains it in its note.
func (r *rowReader) checkRunningTotals(obs []indicator.Observation, cells []table.Field) {
	byDim := map[string][]int{}
	var dims []string
	for i, o := range obs {
		if _, ok := byDim[o.Dim]; !ok {
			dims = append(dims, o.Dim)
		}
		byDim[o.Dim] = append(byDim[o.Dim], i)
	}
	for _, d := range dims {
		idx := byDim[d]
		slices.SortStableFunc(idx, func(a, b int) int { return period.Compare(obs[a].Period, obs[b].Period) })
		for k := 1; k < len(idx); k++ {
			prev, cur := obs[idx[k-1]], obs[idx[k]]
			if cur.Value < prev.Value && cur.Note == "" {
				r.l.Warnf(r.t.FieldPos(cells[idx[k]]), diag.CodeCSVCumulative,
					diag.Tf("Số lũy kế giảm từ %s (%s, dòng %d) xuống %s", "The running total falls from %s (%s, line %d) to %s", num(prev.Value), label(prev.Period), prev.Line, cells[idx[k]].Text),
					diag.T("Số lũy kế chỉ tăng hoặc giữ nguyên; kiểm tra lại, hoặc ghi lý do vào cột ghi_chu", "A running total only grows or stays; check the figure, or give the reason in the ghi_chu column"))
			}
		}
	}
}

func (r *rowReader) outside(p period.Period) bool {
	return (!r.from.IsZero() && p.Start().Before(r.from.Start())) || (!r.to.IsZero() && p.End().After(r.to.End()))
}

// span describes from–to: "từ 01/01/2022 đến 31/12/2023".
func (r *rowReader) span() diag.Text {
	first, last := label(period.Date(r.from.First())), label(period.Date(r.to.Last()))
	switch {
	case !r.from.IsZero() && !r.to.IsZero():
		return diag.Tf("từ %s đến %s", "from %s to %s", first, last)
	case !r.from.IsZero():
		return diag.Tf("từ %s", "from %s", first)
	}
	return diag.Tf("đến %s", "up to %s", last)
}

// label is a period as readers write it, in both languages.
func label(p period.Period) diag.Text { return diag.T(p.Label(diag.VI), p.Label(diag.EN)) }

var kindWords = map[period.Kind]diag.Text{
	period.Day: diag.T("ngày", "day"), period.Week: diag.T("tuần", "week"), period.Month: diag.T("tháng", "month"),
	period.Quarter: diag.T("quý", "quarter"), period.HalfYear: diag.T("nửa năm", "half-year"), period.Year: diag.T("năm", "year"),
}

var kindExamples = map[period.Kind]diag.Text{
	period.Day:      diag.T("30/06/2023 hoặc 2023-06-30", "30/06/2023 or 2023-06-30"),
	period.Week:     diag.T("2023-W26 hoặc tuần 26/2023", "2023-W26 or tuần 26/2023"),
	period.Month:    diag.T("2023-06, 6/2023 hoặc tháng 6/2023", "2023-06, 6/2023 or tháng 6/2023"),
	period.Quarter:  diag.T("2023-Q2 hoặc Quý II/2023", "2023-Q2 or Quý II/2023"),
	period.HalfYear: diag.T("2023-H1 hoặc 6 tháng đầu năm 2023", "2023-H1 or 6 tháng đầu năm 2023"),
	period.Year:     diag.T("2023", "2023"),
}

// periodHint shows the forms of a period, those of the indicator's
// frequency first.
func periodHint(k period.Kind) diag.Text {
	all := diag.T("Các dạng dùng được: 30/06/2023 (ngày), 2023-W26 (tuần), 2023-06 hoặc 6/2023 (tháng), 2023-Q2 hoặc Quý II/2023 (quý), 2023-H1 (nửa năm), 2023 (năm)",
		"Accepted forms: 30/06/2023 (day), 2023-W26 (week), 2023-06 or 6/2023 (month), 2023-Q2 or Quý II/2023 (quarter), 2023-H1 (half-year), 2023 (year)")
	ex, ok := kindExamples[k]
	if !ok {
		return all
	}
	return diag.Tf("Chỉ tiêu này báo cáo theo %s: viết ví dụ %s. %s", "This indicator is reported by %s: write for example %s. %s", kindWords[k], ex, all)
}

func measureWord(m indicator.Measure) diag.Text {
	switch m {
	case indicator.Cumulative:
		return diag.T("số lũy kế", "a running total")
	case indicator.Percent, indicator.Rate:
		return diag.T("tỷ lệ", "a percentage")
	}
	return diag.T("số lượng", "a count")
}

// num writes a number for a message, without grouping, as staff type it in
// TOML.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func itoa(i int) string { return strconv.Itoa(i) }
