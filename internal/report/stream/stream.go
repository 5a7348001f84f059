// Package stream sums a weekly report CSV file of any size into a
// report.Aggregator, one record at a time, keeping none: the national
// scale measurement (internal/report/scale.sh, cmd/aggregate) reads 13
// million rows through it in flat memory. The site itself reads each
// unit's small report file whole, through packages table and data.
package stream

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/tiendo/tiendo/internal/vi"
)

// Options tune [Aggregate].
type Options struct {
	// Name is the file's name in error positions.
	Name string
	// Unit is the unit of every row of a file without a don_vi column.
	Unit string
	// Rule reads a date in the tuan column as the report's deadline day;
	// the zero Rule means report.DefaultRule.
	Rule report.Rule
	// DecimalComma says how counts are written when they carry a
	// thousands separator: true "1.234", false "1,234". nil leaves it to
	// the delimiter: ';' means a decimal comma, and in a ',' or tab file a
	// count whose value depends on it ("1.234") is refused.
	DecimalComma *bool
}

// maxRecord bounds one record, so that a file with an unclosed quote
// cannot take all memory.
const maxRecord = 1 << 20

// Aggregate adds every row of a weekly report CSV read from r to a, one
// record at a time, without keeping any: the file may be far larger than
// memory. It returns the number of rows added, and stops at the first
// problem with a *diag.Diagnostic at its line and column.
//
// The file has the columns of [report.Columns], and [report.UnitColumn] unless o.Unit
// is set. It is UTF-8 (a byte order mark is skipped), separated by ',',
// ';' or tab as its header is. Each row must name a week (2023-W14, or
// the deadline day by o.Rule), a service known to a's catalogue when it
// has one, a unit, and counts that are whole numbers of at least 0; an
// empty count is 0. A count with a thousands separator is read by
// o.DecimalComma, else by the delimiter; in a ',' or tab file without
// o.DecimalComma one whose value depends on the dialect ("1.234") is an
// error. ngay_gui and ghi_chu are not read.
//
// Lines without a double quote — every line of the machine-written
// national files — are split by hand, and the counts read from the bytes,
// so a row costs no allocation; a line with a quote goes through
// encoding/csv, which handles quoted delimiters and line breaks. A
// record-reusing csv.Reader would still allocate a string per record and
// convert every count from a string, which is why the common case does
// not use it.
func Aggregate(r io.Reader, a *report.Aggregator, o Options) (int64, error) {
	if o.Rule == (report.Rule{}) {
		o.Rule = report.DefaultRule()
	}
	p := &csvParser{a: a, o: o, br: bufio.NewReaderSize(r, 256<<10)}
	for _, k := range report.CountColumns() {
		p.ptrs = append(p.ptrs, p.row.Counts.Field(k))
	}
	if err := p.header(); err != nil {
		return 0, err
	}
	var n int64
	for {
		ok, err := p.record()
		if err != nil {
			return n, err
		}
		if !ok {
			return n, nil
		}
		if p.blank() {
			continue
		}
		if err := p.add(); err != nil {
			return n, err
		}
		n++
	}
}

type csvParser struct {
	a  *report.Aggregator
	o  Options
	br *bufio.Reader

	delim byte
	ncol  int
	names []string // the header's column names

	// decimalComma is the dialect of counts; dialectSettled is false when
	// it is only a guess.
	decimalComma, dialectSettled bool

	// The record being read: its text, the line where it starts, and its
	// fields (slices of text, or of strs for a quoted record).
	line    int
	next    int // line number of the next line to read
	text    []byte
	long    []byte // backing store of a record longer than the buffer
	fields  [][]byte
	offsets []int // byte offset of each field in text, for columns

	// Column indexes; -1 when absent.
	week, unit, service int
	counts              []int // of report.CountColumns
	reasons             [3]int

	// catalogue holds the ids of the aggregator's services, if it has a
	// catalogue: a row naming another is an error.
	catalogue map[string]bool

	row  report.RawRow // the row being added
	ptrs []*int64      // row.Counts' fields, in the order of counts

	lastWeekRaw []byte
	lastWeek    period.Period
}

func (p *csvParser) errorf(field int, code string, msg, hint diag.Text) error {
	pos := diag.Pos{File: p.o.Name, Line: p.line}
	if field >= 0 && field < len(p.offsets) {
		off := min(p.offsets[field], len(p.text))
		before := p.text[:off]
		// Count lines and characters inside a record that spans lines.
		if nl := bytes.LastIndexByte(before, '\n'); nl >= 0 {
			pos.Line += bytes.Count(before, []byte{'\n'})
			before = before[nl+1:]
		}
		pos.Col = utf8.RuneCount(before) + 1
	}
	return diag.New(pos, code, msg, hint)
}

// readLine returns the next line without its line ending; ok is false at
// the end of the input.
func (p *csvParser) readLine() (line []byte, ok bool, err error) {
	p.next++
	b, err := p.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		p.long = append(p.long[:0], b...)
		for errors.Is(err, bufio.ErrBufferFull) {
			if len(p.long) > maxRecord {
				return nil, false, diag.New(diag.Pos{File: p.o.Name, Line: p.next}, diag.CodeCSVLineTooLong,
					diag.Tf("Dòng dài quá giới hạn %d byte", "The line is longer than the limit of %d bytes", maxRecord),
					diag.T("Tệp có thể bị hỏng hoặc thiếu dấu ngoặc kép đóng ô", "The file may be damaged or miss a closing quote"))
			}
			b, err = p.br.ReadSlice('\n')
			p.long = append(p.long, b...)
		}
		b = p.long
	}
	if err != nil && err != io.EOF {
		return nil, false, err
	}
	if len(b) == 0 && err == io.EOF {
		return nil, false, nil
	}
	b = bytes.TrimSuffix(b, []byte{'\n'})
	b = bytes.TrimSuffix(b, []byte{'\r'})
	return b, true, nil
}

// record reads the next record into p.fields.
func (p *csvParser) record() (bool, error) {
	p.line = p.next + 1
	b, ok, err := p.readLine()
	if !ok || err != nil {
		return false, err
	}
	if p.line == 1 {
		b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	}
	if bytes.IndexByte(b, '"') < 0 {
		p.text = b
		p.split()
		return true, nil
	}
	return true, p.quoted(b)
}

// split cuts p.text at the delimiter.
func (p *csvParser) split() {
	p.fields, p.offsets = p.fields[:0], p.offsets[:0]
	text, d := p.text, p.delim
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == d {
			p.fields = append(p.fields, trim(text[start:i]))
			p.offsets = append(p.offsets, start)
			start = i + 1
		}
	}
	p.fields = append(p.fields, trim(text[start:]))
	p.offsets = append(p.offsets, start)
}

// quoted reads a record with quotes, which may span lines, through
// encoding/csv.
func (p *csvParser) quoted(first []byte) error {
	rec := append([]byte(nil), first...)
	for bytes.Count(rec, []byte{'"'})%2 == 1 {
		b, ok, err := p.readLine()
		if err != nil {
			return err
		}
		if !ok || len(rec) > maxRecord {
			return diag.New(diag.Pos{File: p.o.Name, Line: p.line}, diag.CodeCSVQuote,
				diag.T(`Ô mở bằng dấu ngoặc kép (") nhưng không có dấu đóng`, `The cell opens with a double quote (") that is never closed`),
				diag.T(`Thêm dấu " ở cuối ô; mỗi dấu " bên trong ô phải viết thành ""`, `Add a " at the end of the cell; each " inside the cell must be written as ""`))
		}
		rec = append(append(rec, '\n'), b...)
	}
	p.text = rec
	cr := csv.NewReader(bytes.NewReader(rec))
	cr.Comma = rune(p.delim)
	cr.FieldsPerRecord = -1
	strs, err := cr.Read()
	if err != nil {
		var pe *csv.ParseError
		col := 0
		if errors.As(err, &pe) {
			col = pe.Column
		}
		d := diag.New(diag.Pos{File: p.o.Name, Line: p.line, Col: col}, diag.CodeCSVQuote,
			diag.T(`Dấu ngoặc kép (") đặt sai chỗ`, `A double quote (") is misplaced`),
			diag.T(`Đặt cả ô trong ngoặc kép và viết mỗi dấu " bên trong thành ""`, `Put the whole cell in double quotes and write each " inside it as ""`))
		return d
	}
	p.fields, p.offsets = p.fields[:0], p.offsets[:0]
	for i, s := range strs {
		_, col := cr.FieldPos(i)
		p.fields = append(p.fields, trim([]byte(s)))
		p.offsets = append(p.offsets, col-1)
	}
	return nil
}

// trim removes ASCII spaces and tabs around a field.
func trim(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

func (p *csvParser) blank() bool {
	for _, f := range p.fields {
		if len(f) > 0 {
			return false
		}
	}
	return true
}

// header reads the header, choosing the delimiter, and finds the columns.
func (p *csvParser) header() error {
	for {
		p.line = p.next + 1
		b, ok, err := p.readLine()
		if err != nil {
			return err
		}
		if !ok {
			return diag.New(diag.Pos{File: p.o.Name}, diag.CodeCSVEmpty,
				diag.T("Tệp trống, không có dòng tiêu đề", "The file is empty: it has no header line"),
				diag.Tf("Dòng đầu tiên cần là: %s", "The first line should be: %s", report.Header))
		}
		if p.line == 1 {
			b = bytes.TrimPrefix(b, []byte("\uFEFF"))
		}
		p.delim = ','
		best := bytes.Count(b, []byte{','})
		for _, d := range []byte{';', '\t'} {
			if n := bytes.Count(b, []byte{d}); n > best {
				p.delim, best = d, n
			}
		}
		if bytes.IndexByte(b, '"') >= 0 {
			err = p.quoted(b)
		} else {
			p.text = b
			p.split()
		}
		if err != nil {
			return err
		}
		if !p.blank() {
			break
		}
	}
	for len(p.fields) > 0 && len(p.fields[len(p.fields)-1]) == 0 {
		p.fields = p.fields[:len(p.fields)-1]
	}
	p.ncol = len(p.fields)
	p.decimalComma, p.dialectSettled = p.delim == ';', p.delim == ';'
	if p.o.DecimalComma != nil {
		p.decimalComma, p.dialectSettled = *p.o.DecimalComma, true
	}
	specs := report.Columns()
	if p.o.Unit == "" {
		specs = append(specs, report.UnitColumn())
	}
	byName := map[string]string{}
	var names []string
	for _, s := range specs {
		for _, n := range append([]string{s.Key}, s.Aliases...) {
			byName[vi.FoldKey(n)] = s.Key
			names = append(names, n)
		}
	}
	col := map[string]int{}
	for i, f := range p.fields {
		name := vi.NFC(string(f))
		p.names = append(p.names, name)
		key, ok := byName[vi.FoldKey(name)]
		if !ok {
			hint := diag.Tf("Các cột dùng được: %s", "Columns that can be used: %s", report.Header+","+report.ColUnit)
			if c := vi.Closest(name, names, 1); len(c) > 0 {
				hint = diag.Tf("Có phải ý bạn là \"%s\"?", "Did you mean \"%s\"?", c[0])
			}
			return p.errorf(i, diag.CodeCSVColumnUnknown, diag.Tf("Cột \"%s\" không thuộc bảng này", "Column \"%s\" does not belong in this table", name), hint)
		}
		if j, dup := col[key]; dup {
			return p.errorf(i, diag.CodeCSVColumnDuplicate,
				diag.Tf("Cột \"%s\" trùng với cột \"%s\" (cột thứ %d)", "Column \"%s\" repeats column \"%s\" (column %d)", name, p.names[j], j+1),
				diag.T("Xoá hoặc đổi tên một trong hai cột", "Delete or rename one of the two columns"))
		}
		col[key] = i
	}
	for _, s := range specs {
		if _, ok := col[s.Key]; s.Required && !ok {
			return diag.New(diag.Pos{File: p.o.Name, Line: p.line}, diag.CodeCSVColumnMissing,
				diag.Tf("Thiếu cột bắt buộc \"%s\"", "Required column \"%s\" is missing", s.Key),
				diag.Tf("Thêm cột vào dòng tiêu đề, với tên %s", "Add the column to the header, named %s", s.Key))
		}
	}
	at := func(key string) int {
		if i, ok := col[key]; ok {
			return i
		}
		return -1
	}
	p.week, p.service, p.unit = at(report.ColWeek), at(report.ColService), at(report.ColUnit)
	for _, k := range report.CountColumns() {
		p.counts = append(p.counts, at(k))
	}
	p.reasons = [3]int{at(report.ColLateReason), at(report.ColNotAcceptedReason), at(report.ColSupplementReason)}
	p.row.Unit = []byte(p.o.Unit)
	if ids := p.a.Catalogue(); len(ids) > 0 {
		p.catalogue = map[string]bool{}
		for _, id := range ids {
			p.catalogue[id] = true
		}
	}
	return nil
}

// add adds the record in p.fields to the aggregator.
func (p *csvParser) add() error {
	if len(p.fields) != p.ncol {
		extra := false
		for _, f := range p.fields[min(p.ncol, len(p.fields)):] {
			extra = extra || len(f) > 0
		}
		if len(p.fields) < p.ncol || extra {
			return p.errorf(-1, diag.CodeCSVFieldCount,
				diag.Tf("Dòng có %d ô nhưng tiêu đề có %d cột", "The row has %d cells but the header has %d columns", len(p.fields), p.ncol),
				diag.T("Mỗi dòng cần đủ số ô như dòng tiêu đề; ô có dấu phân cách phải đặt trong ngoặc kép",
					"Every row needs as many cells as the header; a cell containing the delimiter must be quoted"))
		}
	}
	r := &p.row
	var err error
	if r.Week, err = p.weekOf(); err != nil {
		return err
	}
	if p.unit >= 0 {
		r.Unit = p.fields[p.unit]
		if len(r.Unit) == 0 {
			return p.errorf(p.unit, diag.CodeCSVUnit, diag.T("Ô đơn vị trống", "The unit cell is empty"),
				diag.T("Ghi mã đơn vị", "Write the unit's id"))
		}
	}
	if err := p.checkService(); err != nil {
		return err
	}
	r.Service = p.fields[p.service]
	r.Counts = report.Counts{}
	for i, j := range p.counts {
		v, ok := count(p.fields[j], p.decimalComma)
		if ok && !p.dialectSettled && bytes.ContainsAny(p.fields[j], ".,") {
			if msg, hint, amb := table.Ambiguous(string(p.fields[j]), diag.Text{}); amb {
				return p.errorf(j, diag.CodeCSVNumberAmbiguous, msg, hint)
			}
		}
		if !ok {
			f := string(p.fields[j])
			return p.errorf(j, diag.CodeCSVNumber,
				diag.Tf("Ô %s = \"%s\" không phải số hồ sơ (số nguyên từ 0 trở lên)", "Cell %s = \"%s\" is not a number of dossiers (a whole number of 0 or more)", report.CountColumns()[i], f),
				diag.T("Ghi số nguyên không âm, ví dụ 12; để trống nghĩa là 0", "Write a whole number of at least 0, such as 12; an empty cell means 0"))
		}
		*p.ptrs[i] = v
	}
	reasons := [3]*[]byte{&r.LateReason, &r.NotAcceptedReason, &r.SupplementReason}
	for k, j := range p.reasons {
		*reasons[k] = nil
		if j >= 0 {
			*reasons[k] = p.fields[j]
		}
	}
	if err := p.a.AddRaw(r); err != nil {
		return p.errorf(p.unit, diag.CodeCSVUnit, diag.Tf("Quá %d đơn vị", "More than %d units", report.MaxUnits), diag.Text{})
	}
	return nil
}

// weekOf reads the row's week, remembering the last cell read: rows come
// week by week.
func (p *csvParser) weekOf() (period.Period, error) {
	f := p.fields[p.week]
	if p.lastWeekRaw != nil && bytes.Equal(f, p.lastWeekRaw) {
		return p.lastWeek, nil
	}
	w, ok := isoWeek(f)
	if !ok {
		q, parsed := period.Parse(string(f))
		switch {
		case parsed && q.Kind == period.Week:
			w, ok = q, true
		case parsed && q.Kind == period.Day:
			w, ok = p.o.Rule.Covers(q.First())
		}
	}
	if !ok {
		return w, p.errorf(p.week, diag.CodeReportWeek,
			diag.Tf("Ô tuần \"%s\" không phải tuần ISO hay ngày hạn báo cáo", "Week cell \"%s\" is neither an ISO week nor a report's deadline day", string(f)),
			diag.T("Viết tuần số liệu, ví dụ 2023-W13, hoặc ngày hạn báo cáo của tuần đó, ví dụ 04/04/2023",
				"Write the week of the figures, such as 2023-W13, or the day that week's report is due, such as 04/04/2023"))
	}
	p.lastWeekRaw = append(p.lastWeekRaw[:0], f...)
	p.lastWeek = w
	return w, nil
}

// checkService checks the row's service against the catalogue.
func (p *csvParser) checkService() error {
	f := p.fields[p.service]
	if p.catalogue[string(f)] {
		return nil
	}
	name := vi.NFC(string(f))
	if p.catalogue != nil {
		hint := diag.T("Ghi mã dịch vụ như trong data/services.toml", "Write the service's id as in data/services.toml")
		if c := vi.Closest(name, p.a.Catalogue(), 3); len(c) > 0 {
			hint = diag.Tf("Có phải là \"%s\"?", "Did you mean \"%s\"?", strings.Join(c, "\", \""))
		}
		return p.errorf(p.service, diag.CodeReportService,
			diag.Tf("Không có dịch vụ \"%s\"", "There is no service \"%s\"", name), hint)
	}
	if name == "" {
		return p.errorf(p.service, diag.CodeReportService, diag.T("Ô dịch vụ trống", "The service cell is empty"),
			diag.T("Ghi mã dịch vụ như trong data/services.toml", "Write the service's id as in data/services.toml"))
	}
	return nil
}

// isoWeek reads "2023-W14" (or "2023-w14") without allocating.
func isoWeek(b []byte) (period.Period, bool) {
	if len(b) != 8 || b[4] != '-' || (b[5] != 'W' && b[5] != 'w') {
		return period.Period{}, false
	}
	y, n := 0, 0
	for _, c := range b[:4] {
		if c < '0' || c > '9' {
			return period.Period{}, false
		}
		y = y*10 + int(c-'0')
	}
	for _, c := range b[6:] {
		if c < '0' || c > '9' {
			return period.Period{}, false
		}
		n = n*10 + int(c-'0')
	}
	return period.New(period.Week, y, n)
}

// count reads a count: digits, or failing that a number in the file's
// dialect that is whole and not negative. An empty cell is 0.
func count(b []byte, decimalComma bool) (int64, bool) {
	var v int64
	for _, c := range b {
		if c < '0' || c > '9' || v > (1<<62)/10 {
			return slowCount(b, decimalComma)
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

func slowCount(b []byte, decimalComma bool) (int64, bool) {
	f, ok := vi.ParseNumber(string(b), decimalComma)
	if !ok || f < 0 || f != float64(int64(f)) || bytes.HasSuffix(b, []byte{'%'}) {
		return 0, false
	}
	return int64(f), true
}
