package table

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/vi"
	"github.com/xuri/excelize/v2"
)

// Open reads a data table, a CSV file or, by its name's extension, an
// Excel workbook: [ReadXLSX] for ".xlsx", [Read] for anything else.
func Open(name string, data []byte, opts Options) (*Table, *diag.List) {
	if IsWorkbook(name) {
		return ReadXLSX(name, data, opts)
	}
	return Read(name, data, opts)
}

// IsWorkbook reports whether name is an Excel workbook [Open] reads.
func IsWorkbook(name string) bool {
	return strings.HasSuffix(strings.ToLower(name), ".xlsx")
}

// Limits of a workbook, whose XML is much larger than the file.
const (
	maxUnzipped  = 512 << 20
	maxMergeArea = 1 << 20
	// maxHeaderRows is the deepest header read: a title over sub-titles
	// over the columns' own names.
	maxHeaderRows = 3
)

// ReadXLSX reads one sheet of an Excel workbook (.xlsx) into the same
// Table [Read] makes of a CSV file, so that every check after it is the
// same for both.
//
// The sheet is Options.Sheet, else the first visible one. Each cell gives
// the text a CSV export would have held, taken from its value and type,
// never from how the spreadsheet shows it, which depends on the computer's
// regional settings:
//
//   - a number is kept as a number (see [Field.Number]): "1.234" shown by
//     a Vietnamese Excel is 1234, "12,5" is 12.5, whatever the dialect.
//     Its text has a decimal point and at most 15 significant digits, as
//     Excel keeps them.
//   - a number formatted as a percentage holds its fraction (0.125 shown
//     as "12,5%"); it becomes 12.5 with the text "12.5%", as a CSV export
//     writes it.
//   - a number formatted as a date or a time holds a day count; it becomes
//     the date in the detail its format shows: "2023-03-31",
//     "2023-03-31 08:30", or "2023-03" for a format that shows only the
//     month and year (Excel's "mm/yyyy" for a reporting month).
//   - a formula gives the result saved with it. A workbook written by a
//     program that does not calculate has none: the cell is read as empty,
//     with a warning (xlsx-formula).
//   - TRUE and FALSE, and errors such as #DIV/0!, are their text.
//
// The layout is what staff make of a table in a spreadsheet: rows above
// the header that hold one cell (a title) are skipped; a header cell
// merged across columns names its group, and the row below names the
// columns in it ("Tiếp nhận" over "Trực tuyến" and "Trực tiếp" gives
// "Tiếp nhận Trực tuyến", which matches tiep_nhan_truc_tuyen); a cell
// merged down or across the data rows gives its value to every cell it
// covers; empty rows, and cells that are formatted but empty, are
// skipped. Positions are the cells' rows and columns, and messages name
// the cell as the spreadsheet does ("Sheet1!C12").
func ReadXLSX(name string, data []byte, opts Options) (t *Table, l *diag.List) {
	l = &diag.List{}
	t = &Table{Name: name, Encoding: XLSX}
	maxBytes := cmp.Or(opts.MaxBytes, DefaultMaxBytes)
	if len(data) > maxBytes {
		l.Errorf(diag.Pos{File: name}, diag.CodeCSVTooLarge,
			diag.Tf("Tệp quá lớn: %d byte, giới hạn là %d byte", "The file is too large: %d bytes, the limit is %d bytes", len(data), maxBytes),
			diag.T("Chia bảng thành nhiều tệp nhỏ hơn", "Split the table into smaller files"))
		return t, l
	}
	t.DialectGuessed = true
	if opts.DecimalComma != nil {
		t.DecimalComma, t.DialectGuessed, t.dialectSet = *opts.DecimalComma, false, true
	}
	t.setting = opts.DialectSetting
	// A damaged file must not stop the build: excelize is not written to
	// survive every malformed XML part.
	defer func() {
		if r := recover(); r != nil {
			t.Rows, t.Header, t.header = nil, nil, nil
			l = &diag.List{}
			openError(l, name, fmt.Sprint(r))
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped})
	if err != nil {
		openError(l, name, err.Error())
		return t, l
	}
	defer f.Close()
	sheet, ok := pickSheet(f, name, opts, l)
	if !ok {
		return t, l
	}
	t.Sheet = sheet
	x := &xlsxReader{t: t, l: l, f: f, sheet: sheet, styles: map[int]cellFormat{}}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		x.date1904 = *props.Date1904
	}
	if err := x.run(); err != nil {
		openError(l, name, err.Error())
	}
	return t, l
}

func openError(l *diag.List, name, detail string) {
	msg := diag.T("Không mở được tệp Excel: tệp bị hỏng, có mật khẩu, hoặc không phải tệp .xlsx",
		"Cannot open the Excel file: it is damaged, protected by a password, or not an .xlsx file")
	if strings.Contains(detail, "password") || strings.Contains(detail, "encrypt") {
		msg = diag.T("Không mở được tệp Excel: tệp có mật khẩu", "Cannot open the Excel file: it is protected by a password")
	}
	d := diag.New(diag.Pos{File: name}, diag.CodeXLSXOpen, msg,
		diag.T("Mở tệp bằng Excel hoặc LibreOffice, bỏ mật khẩu nếu có, rồi lưu lại dạng Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8",
			"Open the file in Excel or LibreOffice, remove any password, and save it again as an Excel Workbook (.xlsx) or CSV UTF-8"))
	d.Root = true
	l.Add(d)
}

// pickSheet returns the sheet opts names, or the first visible one.
func pickSheet(f *excelize.File, name string, opts Options, l *diag.List) (string, bool) {
	sheets := f.GetSheetList()
	if opts.Sheet == "" {
		for _, s := range sheets {
			if visible, err := f.GetSheetVisible(s); err == nil && visible {
				return s, true
			}
		}
		if len(sheets) > 0 {
			return sheets[0], true
		}
		openError(l, name, "no sheet")
		return "", false
	}
	want := vi.NFC(strings.TrimSpace(opts.Sheet))
	var folded []string
	for _, s := range sheets {
		if vi.NFC(s) == want {
			return s, true
		}
		if vi.FoldKey(s) == vi.FoldKey(want) {
			folded = append(folded, s)
		}
	}
	if len(folded) == 1 {
		return folded[0], true
	}
	pos := opts.SheetPos
	if pos.File == "" {
		pos = diag.Pos{File: name}
	}
	hint := diag.Tf("Các trang tính của %s: %s", "The sheets of %s: %s", name, quoteList(sheets))
	if c := vi.Closest(want, sheets, 1); len(c) > 0 {
		hint = diag.Tf("Có phải là \"%s\"? Các trang tính của %s: %s", "Did you mean \"%s\"? The sheets of %s: %s", c[0], name, quoteList(sheets))
	}
	l.Errorf(pos, diag.CodeXLSXSheet,
		diag.Tf("Tệp %s không có trang tính \"%s\"", "%s has no sheet \"%s\"", name, want), hint)
	return "", false
}

// cellName is a cell's name as a spreadsheet writes it in a formula:
// Sheet1!C12, with the sheet quoted when it has more than letters and
// digits ('Báo cáo'!C12).
func cellName(sheet string, row, col int) string {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		cell = fmt.Sprintf("R%dC%d", row, col)
	}
	plain := sheet != ""
	for _, r := range sheet {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.') {
			plain = false
			break
		}
	}
	if !plain {
		sheet = "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	}
	return sheet + "!" + cell
}

type xlsxReader struct {
	t        *Table
	l        *diag.List
	f        *excelize.File
	sheet    string
	date1904 bool
	styles   map[int]cellFormat
	n        int // diagnostics added
}

// xcell is one cell of the sheet before the table is laid out.
type xcell struct {
	text  string
	num   float64
	typed bool
}

func (x *xlsxReader) run() error {
	raw, err := x.f.GetRows(x.sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	grid := make([][]xcell, len(raw))
	for r, row := range raw {
		grid[r] = make([]xcell, len(row))
		for c, v := range row {
			grid[r][c] = x.cell(r+1, c+1, v)
		}
	}
	merges, err := x.f.GetMergeCells(x.sheet, true)
	if err != nil {
		return err
	}
	areas := make([]area, 0, len(merges))
	for _, m := range merges {
		if a, ok := parseArea(m.GetStartAxis(), m.GetEndAxis()); ok {
			areas = append(areas, a)
		}
	}
	h := headerRow(grid)
	if h < 0 {
		return nil // no header: the caller reports an empty table
	}
	depth := headerDepth(h, areas)
	x.setHeader(grid, areas, h, depth)
	fill(grid, areas, h+depth)
	for r := h + depth; r < len(grid); r++ {
		if x.n >= maxDiagnostics {
			x.l.Errorf(x.t.At(r+1, 0), diag.CodeCSVTooManyErrors,
				diag.T("Quá nhiều lỗi, ngừng đọc tệp ở đây", "Too many errors; stopped reading the file here"),
				diag.T("Sửa các lỗi phía trên rồi chạy lại", "Fix the errors above and run again"))
			return nil
		}
		x.row(r, grid[r])
	}
	return nil
}

// cell reads the cell at row, col (1-based) whose raw value is v.
func (x *xlsxReader) cell(row, col int, v string) xcell {
	axis, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return xcell{text: clean(v)}
	}
	if v == "" {
		if formula, _ := x.f.GetCellFormula(x.sheet, axis); formula != "" {
			x.warnf(x.t.At(row, col), diag.CodeXLSXFormula,
				diag.Tf("Ô có công thức =%s nhưng không lưu kết quả, nên được đọc là ô trống", "The cell has the formula =%s but no saved result, so it is read as empty", excerpt(formula)),
				diag.T("Mở tệp bằng Excel hoặc LibreOffice để bảng tính tính lại, rồi lưu lại; hoặc ghi số vào ô thay cho công thức",
					"Open the file in Excel or LibreOffice so that it calculates, and save it again; or type the figure instead of the formula"))
		}
		return xcell{}
	}
	typ, _ := x.f.GetCellType(x.sheet, axis)
	switch typ {
	case excelize.CellTypeBool:
		if v == "1" || strings.EqualFold(v, "true") {
			return xcell{text: "TRUE"}
		}
		return xcell{text: "FALSE"}
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeError:
		return xcell{text: clean(v)}
	case excelize.CellTypeDate:
		// An ISO 8601 date written as such (t="d"), rare outside Strict
		// OOXML.
		d, err := time.Parse("2006-01-02T15:04:05", strings.TrimSuffix(v, "Z"))
		if err != nil {
			return xcell{text: clean(v)}
		}
		return xcell{text: x.format(row, col).date(d)}
	}
	// A number (t="n" or no type), or a formula's string result (t="str"),
	// which does not parse as one.
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
		return xcell{text: clean(v)}
	}
	f := x.format(row, col)
	switch f.kind {
	case fmtDate:
		if d, err := excelize.ExcelDateToTime(n, x.date1904); err == nil {
			return xcell{text: f.date(d)}
		}
	case fmtPercent:
		p := round15(n * 100)
		return xcell{text: formatNumber(p) + "%", num: p, typed: true}
	}
	n = round15(n)
	return xcell{text: formatNumber(n), num: n, typed: true}
}

func (x *xlsxReader) format(row, col int) cellFormat {
	axis, _ := excelize.CoordinatesToCellName(col, row)
	id, err := x.f.GetCellStyle(x.sheet, axis)
	if err != nil {
		return cellFormat{}
	}
	if f, ok := x.styles[id]; ok {
		return f
	}
	var f cellFormat
	if s, err := x.f.GetStyle(id); err == nil && s != nil {
		if s.CustomNumFmt != nil {
			f = classifyFormat(*s.CustomNumFmt)
		} else {
			f = builtinFormat(s.NumFmt)
		}
	}
	x.styles[id] = f
	return f
}

func (x *xlsxReader) errorf(pos diag.Pos, code string, msg, hint diag.Text) {
	x.n++
	x.l.Errorf(pos, code, msg, hint)
}

func (x *xlsxReader) warnf(pos diag.Pos, code string, msg, hint diag.Text) {
	x.n++
	x.l.Warnf(pos, code, msg, hint)
}

// headerRow returns the index of the header's first row: the first row
// with a cell, past rows of a single cell (titles) when a later row has
// more; -1 for an empty sheet.
func headerRow(grid [][]xcell) int {
	first := -1
	for r, row := range grid {
		n := filled(row)
		switch {
		case n == 0:
		case n > 1:
			return r
		case first < 0:
			first = r
		}
	}
	return first
}

func filled(row []xcell) int {
	n := 0
	for _, c := range row {
		if c.text != "" {
			n++
		}
	}
	return n
}

// area is a merged range, 0-based and inclusive.
type area struct{ r1, c1, r2, c2 int }

func parseArea(start, end string) (area, bool) {
	c1, r1, err1 := excelize.CellNameToCoordinates(start)
	c2, r2, err2 := excelize.CellNameToCoordinates(end)
	if err1 != nil || err2 != nil || c2 < c1 || r2 < r1 || (c2-c1+1)*(r2-r1+1) > maxMergeArea {
		return area{}, false
	}
	return area{r1 - 1, c1 - 1, r2 - 1, c2 - 1}, true
}

// headerDepth is how many rows the header starting at row h takes: a cell
// merged down takes the rows it covers, one merged across has the
// columns' names in the row below.
func headerDepth(h int, areas []area) int {
	depth := 1
	for _, a := range areas {
		if a.r1 != h {
			continue
		}
		depth = max(depth, a.r2-a.r1+1)
		if a.c2 > a.c1 && a.r2 == a.r1 {
			depth = max(depth, 2)
		}
	}
	return min(depth, maxHeaderRows)
}

// valueAt is the text of the cell at r, c, or of the merged range covering it.
func valueAt(grid [][]xcell, areas []area, r, c int) string {
	for _, a := range areas {
		if r >= a.r1 && r <= a.r2 && c >= a.c1 && c <= a.c2 {
			r, c = a.r1, a.c1
			break
		}
	}
	if r < len(grid) && c < len(grid[r]) {
		return grid[r][c].text
	}
	return ""
}

func (x *xlsxReader) setHeader(grid [][]xcell, areas []area, h, depth int) {
	width := 0
	for r := h; r < min(h+depth, len(grid)); r++ {
		width = max(width, len(grid[r]))
	}
	for _, a := range areas {
		if a.r1 <= h+depth-1 && a.r2 >= h {
			width = max(width, a.c2+1)
		}
	}
	fields := make([]Field, width)
	for c := range width {
		var parts []string
		line := h + 1
		for r := h; r < h+depth; r++ {
			v := valueAt(grid, areas, r, c)
			if v == "" || len(parts) > 0 && parts[len(parts)-1] == v {
				continue
			}
			parts = append(parts, v)
			line = r + 1
		}
		fields[c] = Field{Text: clean(strings.Join(parts, " ")), Line: line, Col: c + 1}
	}
	for len(fields) > 0 && fields[len(fields)-1].Text == "" {
		fields = fields[:len(fields)-1]
	}
	x.t.header = fields
	x.t.Header = make([]string, len(fields))
	for i, f := range fields {
		x.t.Header[i] = f.Text
		if f.Text == "" {
			x.errorf(x.t.FieldPos(f), diag.CodeCSVHeaderEmpty,
				diag.Tf("Cột thứ %d của dòng tiêu đề không có tên", "Column %d of the header has no name", i+1),
				diag.T("Đặt tên cho cột, hoặc xoá cột nếu không dùng", "Name the column, or delete it if it is not used"))
		}
	}
}

// fill gives every cell of a range merged below the header the range's
// value, as the spreadsheet shows it.
func fill(grid [][]xcell, areas []area, from int) {
	for _, a := range areas {
		if a.r1 < from || a.r1 >= len(grid) || a.c1 >= len(grid[a.r1]) {
			continue
		}
		v := grid[a.r1][a.c1]
		for r := a.r1; r <= min(a.r2, len(grid)-1); r++ {
			for len(grid[r]) <= a.c2 {
				grid[r] = append(grid[r], xcell{})
			}
			for c := a.c1; c <= a.c2; c++ {
				grid[r][c] = v
			}
		}
	}
}

// row adds the data row r (0-based) unless it is empty.
func (x *xlsxReader) row(r int, cells []xcell) {
	if filled(cells) == 0 {
		return
	}
	h := len(x.t.header)
	fields := make([]Field, h)
	for c := range h {
		fields[c] = Field{Line: r + 1, Col: c + 1}
		if c < len(cells) {
			fields[c].Text, fields[c].num, fields[c].typed = cells[c].text, cells[c].num, cells[c].typed
		}
	}
	for c := h; c < len(cells); c++ {
		if cells[c].text != "" {
			x.errorf(x.t.At(r+1, c+1), diag.CodeCSVFieldCount,
				diag.Tf("Ô nằm ngoài bảng: tiêu đề chỉ có %d cột; ô thừa: \"%s\"", "The cell is outside the table: the header has only %d columns; extra cell: \"%s\"", h, excerpt(cells[c].text)),
				diag.T("Xoá ô thừa hoặc đặt tên cho cột của nó ở dòng tiêu đề",
					"Delete the extra cell or name its column in the header"))
			break
		}
	}
	x.t.Rows = append(x.t.Rows, Row{Line: r + 1, Fields: fields})
}

// round15 keeps the 15 significant digits a spreadsheet shows, so that a
// sum such as 0.1+0.2 reads 0.3 as it does on screen.
func round15(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return r
}

func formatNumber(v float64) string {
	if v == 0 {
		return "0" // not "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// A cellFormat is what a number format says about the value it shows.
type cellFormat struct {
	kind fmtKind
	// What a date format shows.
	day, month, year, clock, seconds bool
}

type fmtKind int

const (
	fmtNumber fmtKind = iota
	fmtPercent
	fmtDate
)

// date writes d in the detail the format shows.
func (f cellFormat) date(d time.Time) string {
	d = d.Round(time.Second)
	clock := "15:04"
	if f.seconds && d.Second() != 0 {
		clock = "15:04:05"
	}
	switch {
	case f.clock && !f.day && !f.month && !f.year:
		return d.Format(clock)
	case f.clock:
		return d.Format("2006-01-02 " + clock)
	case f.day || !f.year:
		return d.Format("2006-01-02")
	case f.month:
		return d.Format("2006-01")
	}
	return d.Format("2006")
}

// builtinFormat classifies Excel's built-in number formats, which a
// workbook names by number only.
func builtinFormat(id int) cellFormat {
	switch {
	case id == 9 || id == 10:
		return cellFormat{kind: fmtPercent}
	case id >= 14 && id <= 17, id >= 27 && id <= 31, id >= 34 && id <= 36, id >= 50 && id <= 58, id >= 71 && id <= 74, id >= 76 && id <= 81:
		return classifyFormat("dd/mm/yyyy")
	case id >= 18 && id <= 21, id >= 32 && id <= 33, id >= 45 && id <= 47, id == 75:
		return classifyFormat("hh:mm:ss")
	case id == 22:
		return classifyFormat("dd/mm/yyyy hh:mm")
	}
	return cellFormat{}
}

// classifyFormat reads a number format code ("0.0%", "mm/yyyy",
// "[$-42A]dd/mm/yyyy hh:mm", "#,##0") for what its first section shows.
func classifyFormat(numFmt string) cellFormat {
	code := numFmt
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"': // literal text
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				i = len(code)
			} else {
				i += j + 1
			}
		case '\\', '_', '*': // an escaped character, a space as wide as one, a fill
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
				break
			}
			inner := strings.ToLower(code[i+1 : i+j])
			if strings.Trim(inner, "hms") == "" { // elapsed time, [h]:mm
				b.WriteString(inner)
			}
			i += j
		case ';':
			i = len(code) // the first section is the one positive numbers use
		default:
			b.WriteByte(byte(strings.ToLower(string(c))[0]))
		}
	}
	s := b.String()
	if s == "general" || s == "@" {
		return cellFormat{}
	}
	if strings.Contains(s, "%") {
		return cellFormat{kind: fmtPercent}
	}
	s = strings.ReplaceAll(s, "am/pm", "")
	s = strings.ReplaceAll(s, "a/p", "")
	f := cellFormat{
		day:     strings.Contains(s, "d"),
		year:    strings.Contains(s, "y"),
		clock:   strings.Contains(s, "h"),
		seconds: strings.Contains(s, "s"),
	}
	// "m" is minutes next to h or s, else the month.
	months := strings.Count(s, "m")
	if f.clock || f.seconds {
		minutes := 0
		for i := 0; i < len(s); i++ {
			if s[i] != 'm' {
				continue
			}
			before := strings.TrimRight(s[:i], "m:. ")
			after := strings.TrimLeft(s[i:], "m:. ")
			if strings.HasSuffix(before, "h") || strings.HasPrefix(after, "s") {
				minutes++
			}
		}
		months -= minutes
	}
	f.month = months > 0
	f.clock = f.clock || f.seconds
	if f.day || f.year || f.clock || f.month && !strings.ContainsAny(s, "0#?") {
		f.kind = fmtDate
	}
	return f
}
