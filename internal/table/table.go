// Package table reads the CSV files that office staff keep under data/ — the
// load stage of the pipeline for tabular data — and reports every problem at
// file:line:column in the words of the person who will fix it.
//
// # What staff really produce
//
// The files are saved from Excel or LibreOffice Calc, so [Read] accepts
// what those programs write, not only RFC 4180:
//
//   - Encodings, detected in this order: a UTF-8 byte order mark ("CSV
//     UTF-8"); a UTF-16 byte order mark, little or big endian ("Unicode
//     text", which is tab-separated); plain valid UTF-8; and otherwise
//     Windows-1258, which Excel's plain "CSV" uses on Vietnamese Windows.
//     Windows-1258 writes most tones as combining marks, so every text is
//     normalised to NFC after decoding. A file that none of these decode
//     cleanly — NUL bytes, bytes that Windows-1258 leaves undefined, or a
//     UTF-8 file with a few stray bytes, which would otherwise turn every
//     Vietnamese letter into mojibake — is refused at its first bad line.
//   - Delimiters: ',', ';' or tab, chosen from the header and the next few
//     records (see [Read]). Excel uses the list separator of the regional
//     settings, which is ';' wherever the decimal separator is ','.
//   - Line endings: CRLF (Excel), LF, or bare CR (old Mac Excel).
//   - Padding: rows made only of delimiters (",,,,", Excel's blank rows)
//     are skipped, and empty cells beyond the last named column are
//     dropped, because Excel writes them whenever a cell to the right of
//     the table was ever touched.
//
// Text is trimmed of surrounding white space and kept in NFC, so byte
// comparison of names works whatever the source.
//
// # Positions
//
// Every [Field] keeps the line and column where its cell starts. Columns
// count characters, not bytes, starting at 1, as an editor's status bar
// shows them: a letter written with combining marks is one character, so
// a Windows-1258 file and its UTF-8 copy give the same positions. A quoted
// cell starts at its opening quote, and a cell that spans lines keeps the
// line where it starts.
//
// # Numbers
//
// A number's decimal separator depends on who saved the file: "2.421" is
// two thousand four hundred twenty-one to a Vietnamese reader and a little
// over two to an English one. The table's dialect (Table.DecimalComma) is
// settled, strongest first, by:
//
//  1. Options.DecimalComma, which the caller takes from the registry
//     (an indicator's or a reporting unit's decimalComma);
//  2. the number cells themselves ([Table.SettleDialect]): a cell that only
//     one dialect reads, such as "1.234,5", "12,5" or "1.234.567" (decimal
//     comma) or "12.5" and "1,234.5" (decimal point), settles it, unless
//     cells of both kinds are found;
//  3. a ';' delimiter, which Excel writes exactly where the decimal
//     separator is a comma.
//
// Failing all three — a ',' or tab file whose numbers are all whole or
// ambiguous — the dialect is a guess (decimal point), and
// [Table.ParseNumber] refuses a cell whose value depends on it, quoting
// both readings, rather than publishing a figure off by a factor of a
// thousand.
//
// # Writing
//
// [WriteCSV] writes the CSV files the site offers for download, so that
// Excel opens them with Vietnamese intact and never runs a cell as a
// formula.
package table

import (
	"cmp"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/diag"
	"golang.org/x/text/unicode/norm"
)

// Limits used when Options leaves them zero.
const (
	DefaultMaxBytes      = 64 << 20
	DefaultMaxLineLength = 1 << 20
)

// maxDiagnostics stops a hopeless file (a wrong delimiter, a binary file)
// from burying the other files' problems.
const maxDiagnostics = 100

// Options tune [Read].
type Options struct {
	// MaxBytes is the largest file accepted; 0 means DefaultMaxBytes.
	MaxBytes int
	// MaxLineLength is the longest line accepted, in bytes after decoding;
	// 0 means DefaultMaxLineLength.
	MaxLineLength int
	// DecimalComma says how numbers are written, settling the dialect.
	// nil means: decimal comma with '.' grouping ("1.234,5") in
	// ';'-separated files, decimal point with ',' grouping ("1,234.5")
	// otherwise, until cells settle it (see [Table.SettleDialect]).
	DecimalComma *bool
	// DialectSetting names, for messages, where DecimalComma is declared:
	// "cho chỉ tiêu "x" trong data/indicators.toml (dòng 12)".
	DialectSetting diag.Text
	// Sheet is the sheet of a workbook to read ([ReadXLSX]); empty means
	// the first visible one. CSV files ignore it.
	Sheet string
	// SheetPos is where Sheet is written, for the error of a sheet the
	// workbook does not have; zero means the workbook itself.
	SheetPos diag.Pos
}

// Encoding names the character encoding a file was saved in.
type Encoding string

const (
	UTF8        Encoding = "UTF-8"
	UTF8BOM     Encoding = "UTF-8 BOM"
	UTF16LE     Encoding = "UTF-16LE"
	UTF16BE     Encoding = "UTF-16BE"
	Windows1258 Encoding = "Windows-1258"
	// XLSX is an Excel workbook, which has no text encoding of its own.
	XLSX Encoding = "XLSX"
)

// Table is a CSV file read by [Read].
type Table struct {
	// Name is the file's path relative to the site root, as in positions.
	Name string
	// Sheet is the sheet a workbook was read from; empty for a CSV file.
	// Positions in a workbook name their cell ("Sheet1!C12").
	Sheet     string
	Encoding  Encoding
	Delimiter rune
	// DecimalComma is the number dialect [Table.ParseNumber] uses.
	DecimalComma bool
	// DialectGuessed says that nothing settled DecimalComma: not
	// Options.DecimalComma, not a ';' delimiter, not the cells
	// ([Table.SettleDialect]). [Table.ParseNumber] then refuses a cell
	// whose value depends on the dialect, such as "2.421".
	DialectGuessed bool
	// Header holds the column names of the first non-empty record, without
	// trailing empty names.
	Header []string
	// Rows holds the records after the header. Every row has exactly
	// len(Header) fields; a row that had fewer is padded with empty fields
	// placed at its end (and reported), one that had more is cut.
	Rows []Row

	header []Field
	// dialectSet is true when Options.DecimalComma settled the dialect,
	// which the cells cannot change.
	dialectSet bool
	setting    diag.Text
}

// Row is one record after the header.
type Row struct {
	// Line is where the record starts.
	Line   int
	Fields []Field
}

// Field is one cell: its text, trimmed and in NFC, and where it starts.
//
// In a workbook Line and Col are the cell's row and column numbers, and a
// cell holding a number keeps it (see [ReadXLSX]): [Table.ParseNumber]
// returns it as it is, whatever the text or the dialect.
type Field struct {
	Text string
	Line int
	Col  int

	num   float64
	typed bool
}

// Number returns the number a workbook's cell holds; ok is false for text
// and for every cell of a CSV file.
func (f Field) Number() (v float64, ok bool) { return f.num, f.typed }

// Pos returns the position of field col of row row; out-of-range indexes
// give the nearest position known rather than a panic.
func (t *Table) Pos(row, col int) diag.Pos {
	if row < 0 || row >= len(t.Rows) {
		return diag.Pos{File: t.Name}
	}
	r := t.Rows[row]
	if col < 0 || col >= len(r.Fields) {
		return t.At(r.Line, 0)
	}
	return t.FieldPos(r.Fields[col])
}

// HeaderPos returns the position of the name of column col.
func (t *Table) HeaderPos(col int) diag.Pos {
	if col < 0 || col >= len(t.header) {
		return t.At(t.headerLine(), 0)
	}
	return t.FieldPos(t.header[col])
}

// FieldPos returns the position of f in this table's file.
func (t *Table) FieldPos(f Field) diag.Pos {
	return t.At(f.Line, f.Col)
}

// At returns the position of line and col (0: the whole line) of this
// table's file. In a workbook it names the cell, the first of the row for
// a whole line: "Sheet1!C12", "'Báo cáo'!A3".
func (t *Table) At(line, col int) diag.Pos {
	p := diag.Pos{File: t.Name, Line: line, Col: col}
	if t.Sheet != "" && line > 0 {
		p.Cell = cellName(t.Sheet, line, max(col, 1))
	}
	return p
}

func (t *Table) headerLine() int {
	if len(t.header) > 0 {
		return t.header[0].Line
	}
	return 1
}

var hintSaveUTF8 = diag.T(
	"Lưu lại tệp dưới dạng CSV UTF-8 (Excel: Tệp → Lưu thành → CSV UTF-8)",
	"Save the file again as CSV UTF-8 (Excel: File → Save As → CSV UTF-8)")

// Read parses a CSV file. name is its path relative to the site root.
//
// Read always returns a Table and a List, both non-nil. Records that cannot
// be read are left out of Rows and reported; the caller publishes nothing
// from a table whose list has errors.
//
// The delimiter is the one of ',', ';' and tab that splits the header into
// at least two columns and gives the most of the next records the same
// number of fields, respecting quotes; ties go to more columns, then to
// the order ',', ';', tab. A file with one column is read with ','.
func Read(name string, data []byte, opts Options) (*Table, *diag.List) {
	l := &diag.List{}
	t := &Table{Name: name, Delimiter: ','}
	maxBytes := cmp.Or(opts.MaxBytes, DefaultMaxBytes)
	if len(data) > maxBytes {
		l.Errorf(diag.Pos{File: name}, diag.CodeCSVTooLarge,
			diag.Tf("Tệp quá lớn: %d byte, giới hạn là %d byte", "The file is too large: %d bytes, the limit is %d bytes", len(data), maxBytes),
			diag.T("Chia bảng thành nhiều tệp nhỏ hơn", "Split the table into smaller files"))
		return t, l
	}
	text, enc, bad := decodeText(data)
	if bad != nil {
		l.Errorf(diag.Pos{File: name, Line: bad.line, Col: bad.col}, diag.CodeCSVEncoding,
			diag.Tf("Tệp không phải CSV UTF-8 hợp lệ: có ký tự không đọc được (%s)", "The file is not valid UTF-8 CSV: it has an unreadable character (%s)", bad.what),
			hintSaveUTF8)
		return t, l
	}
	t.Encoding = enc
	maxLine := cmp.Or(opts.MaxLineLength, DefaultMaxLineLength)
	if line, ok := longLine(text, maxLine); !ok {
		l.Errorf(diag.Pos{File: name, Line: line}, diag.CodeCSVLineTooLong,
			diag.Tf("Dòng dài quá giới hạn %d byte", "The line is longer than the limit of %d bytes", maxLine),
			diag.T("Tệp có thể bị hỏng hoặc thiếu dấu ngoặc kép đóng ô; mở lại bằng Excel và lưu thành CSV UTF-8",
				"The file may be damaged or miss a closing quote; open it in Excel and save it as CSV UTF-8"))
		return t, l
	}
	t.Delimiter = sniff(text)
	// Excel separates with ';' exactly where the regional settings write a
	// decimal comma, so such a file settles the dialect.
	t.DecimalComma = t.Delimiter == ';'
	t.DialectGuessed = !t.DecimalComma
	if opts.DecimalComma != nil {
		t.DecimalComma, t.DialectGuessed, t.dialectSet = *opts.DecimalComma, false, true
	}
	t.setting = opts.DialectSetting
	p := parser{t: t, l: l, text: text, lines: lineStarts(text)}
	p.run()
	return t, l
}

// parser turns csv records into Rows, keeping positions in characters.
type parser struct {
	t     *Table
	l     *diag.List
	text  string
	lines []int // byte offset where each line starts; lines[0] == 0
	n     int   // diagnostics added

	// The last byte→rune column conversion, so that converting the fields
	// of one line costs O(line length) rather than O(fields × length).
	curLine, curByte, curRune int
}

func (p *parser) errorf(pos diag.Pos, code string, msg, hint diag.Text) {
	p.n++
	p.l.Errorf(pos, code, msg, hint)
}

func (p *parser) run() {
	// Strict quotes and no field count: fit reports counts with the header
	// in view, tolerating Excel's trailing empty cells.
	r := csv.NewReader(strings.NewReader(p.text))
	r.Comma = p.t.Delimiter
	r.FieldsPerRecord = -1
	for {
		if p.n >= maxDiagnostics {
			// Point at the first line not read.
			line, _ := p.endOf(int(r.InputOffset()))
			line = min(line+1, len(p.lines))
			p.l.Errorf(diag.Pos{File: p.t.Name, Line: line}, diag.CodeCSVTooManyErrors,
				diag.T("Quá nhiều lỗi, ngừng đọc tệp ở đây", "Too many errors; stopped reading the file here"),
				diag.T("Sửa các lỗi phía trên rồi chạy lại", "Fix the errors above and run again"))
			return
		}
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				p.syntaxError(pe)
				continue
			}
			// strings.Reader never fails; keep the record if it somehow did.
		}
		fields := make([]Field, len(rec))
		empty := true
		for i, s := range rec {
			line, col := r.FieldPos(i)
			s = clean(s)
			empty = empty && s == ""
			fields[i] = Field{Text: s, Line: line, Col: p.runeCol(line, col)}
		}
		if empty {
			continue
		}
		if p.t.header == nil {
			p.setHeader(fields)
			continue
		}
		end := int(r.InputOffset())
		p.t.Rows = append(p.t.Rows, Row{Line: fields[0].Line, Fields: p.fit(fields, end)})
	}
}

func (p *parser) setHeader(fields []Field) {
	for len(fields) > 0 && fields[len(fields)-1].Text == "" {
		fields = fields[:len(fields)-1]
	}
	p.t.header = fields
	p.t.Header = make([]string, len(fields))
	for i, f := range fields {
		p.t.Header[i] = f.Text
		if f.Text == "" {
			p.errorf(p.t.FieldPos(f), diag.CodeCSVHeaderEmpty,
				diag.Tf("Cột thứ %d của dòng tiêu đề không có tên", "Column %d of the header has no name", i+1),
				diag.T("Đặt tên cho cột, hoặc xoá cột nếu không dùng", "Name the column, or delete it if it is not used"))
		}
	}
}

// fit makes a record exactly as wide as the header; end is the byte offset
// just past the record.
func (p *parser) fit(fields []Field, end int) []Field {
	h := len(p.t.header)
	if len(fields) > h {
		for _, f := range fields[h:] {
			if f.Text != "" {
				p.errorf(p.t.FieldPos(f), diag.CodeCSVFieldCount,
					diag.Tf("Dòng có %d ô nhưng tiêu đề chỉ có %d cột; ô thừa: \"%s\"", "The row has %d cells but the header has only %d columns; extra cell: \"%s\"", len(fields), h, excerpt(f.Text)),
					diag.T("Xoá ô thừa hoặc thêm tên cột vào dòng tiêu đề. Nếu trong ô có dấu phân cách (ví dụ dấu phẩy trong số 1,5), đặt cả ô trong ngoặc kép",
						"Delete the extra cell or name its column in the header. If a cell contains the delimiter (such as the comma in 1,5), put the whole cell in double quotes"))
				break
			}
		}
		return fields[:h:h]
	}
	if len(fields) < h {
		line, col := p.endOf(end)
		p.errorf(diag.Pos{File: p.t.Name, Line: line, Col: col}, diag.CodeCSVFieldCount,
			diag.Tf("Dòng chỉ có %d ô nhưng tiêu đề có %d cột; thiếu cột \"%s\"", "The row has only %d cells but the header has %d columns; column \"%s\" is missing", len(fields), h, p.t.Header[len(fields)]),
			diag.T("Thêm các ô còn thiếu (có thể để trống) để mỗi dòng có đủ số cột như dòng tiêu đề",
				"Add the missing cells (they may be empty) so that every row has as many cells as the header"))
		for len(fields) < h {
			fields = append(fields, Field{Line: line, Col: col})
		}
	}
	return fields
}

func (p *parser) syntaxError(pe *csv.ParseError) {
	pos := diag.Pos{File: p.t.Name, Line: pe.Line, Col: p.runeCol(pe.Line, pe.Column)}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		p.errorf(pos, diag.CodeCSVQuote,
			diag.T(`Dấu ngoặc kép (") nằm giữa một ô không bắt đầu bằng ngoặc kép`,
				`A double quote (") appears inside a cell that does not start with one`),
			diag.T(`Đặt cả ô trong ngoặc kép và viết mỗi dấu " bên trong thành "", ví dụ: "Đề án ""Số hoá"""`,
				`Put the whole cell in double quotes and write each " inside it as "", for example: "Project ""Digital"""`))
	case p.pastLineEnd(pe.Line, pe.Column):
		// The quoted cell ran to the end of the file; point at where it opened.
		if line, col, ok := p.openQuote(pe.StartLine); ok {
			pos.Line, pos.Col = line, col
		}
		p.errorf(pos, diag.CodeCSVQuote,
			diag.T(`Ô mở bằng dấu ngoặc kép (") nhưng không có dấu đóng cho đến hết tệp`,
				`The cell opens with a double quote (") that is never closed before the end of the file`),
			diag.T(`Thêm dấu " ở cuối ô; mỗi dấu " bên trong ô phải viết thành ""`,
				`Add a " at the end of the cell; each " inside the cell must be written as ""`))
	default:
		p.errorf(pos, diag.CodeCSVQuote,
			diag.T(`Thừa dấu ngoặc kép (") trong ô có ngoặc kép`,
				`Extra double quote (") in a quoted cell`),
			diag.T(`Trong ô đặt giữa ngoặc kép, mỗi dấu " phải viết thành "", và ngay sau dấu " đóng ô phải là dấu phân cách hoặc hết dòng`,
				`Inside a quoted cell each " must be written as "", and the closing " must be followed by the delimiter or the end of the line`))
	}
}

// runeCol converts csv's 1-based byte column on line into a 1-based
// character column (see chars), clamped to just past the end of the line.
func (p *parser) runeCol(line, byteCol int) int {
	if line < 1 || line > len(p.lines) || byteCol < 1 {
		return 1
	}
	start := p.lines[line-1]
	end := p.lineEnd(line)
	off := min(start+byteCol-1, end)
	if p.curLine != line || p.curByte > off {
		p.curLine, p.curByte, p.curRune = line, start, 1
	}
	p.curRune += chars(p.text[p.curByte:off])
	p.curByte = off
	return p.curRune
}

// lineEnd is the byte offset of the end of line's content, before "\r\n"
// or "\n".
func (p *parser) lineEnd(line int) int {
	end := len(p.text)
	if line < len(p.lines) {
		end = p.lines[line] - 1
	}
	if end > p.lines[line-1] && p.text[end-1] == '\r' {
		end--
	}
	return end
}

func (p *parser) pastLineEnd(line, byteCol int) bool {
	if line < 1 || line > len(p.lines) {
		return true
	}
	return p.lines[line-1]+byteCol-1 >= p.lineEnd(line)
}

// endOf returns the line and character column just past the content of the
// record that ends at byte offset end.
func (p *parser) endOf(end int) (line, col int) {
	end = min(end, len(p.text))
	for end > 0 && (p.text[end-1] == '\n' || p.text[end-1] == '\r') {
		end--
	}
	i, found := slices.BinarySearch(p.lines, end)
	if !found {
		i--
	}
	line = i + 1
	return line, p.runeCol(line, end-p.lines[i]+1)
}

// openQuote finds the opening quote of the cell left open in the record
// starting on line, scanning as encoding/csv does.
func (p *parser) openQuote(line int) (int, int, bool) {
	if line < 1 || line > len(p.lines) {
		return 0, 0, false
	}
	s := p.text
	delim := string(p.t.Delimiter)
	i := p.lines[line-1]
	for i < len(s) {
		if s[i] != '"' {
			// Unquoted cell: up to the next delimiter on this line.
			j := strings.IndexAny(s[i:], delim+"\n")
			if j < 0 || s[i+j] == '\n' {
				return 0, 0, false
			}
			i += j + len(delim)
			continue
		}
		q := i
		i++
		for {
			j := strings.IndexByte(s[i:], '"')
			if j < 0 {
				l, _ := slices.BinarySearch(p.lines, q+1)
				return l, p.runeCol(l, q-p.lines[l-1]+1), true
			}
			i += j + 1
			if strings.HasPrefix(s[i:], `"`) {
				i++
				continue
			}
			break
		}
		if !strings.HasPrefix(s[i:], delim) {
			return 0, 0, false
		}
		i += len(delim)
	}
	return 0, 0, false
}

// clean trims a cell and puts it in NFC.
func clean(s string) string {
	if s == "" {
		return s
	}
	if a, z := s[0], s[len(s)-1]; a > ' ' && a < utf8.RuneSelf && z > ' ' && z < utf8.RuneSelf {
		return norm.NFC.String(s)
	}
	return norm.NFC.String(strings.TrimFunc(s, isSpace))
}

// isSpace includes the no-break space of cells pasted from web pages and a
// byte order mark left inside a file by joining two files.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }

// lineStarts returns the byte offset where each line of text starts.
func lineStarts(text string) []int {
	starts := make([]int, 1, strings.Count(text, "\n")+1)
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// longLine returns the first line longer than limit bytes.
func longLine(text string, limit int) (int, bool) {
	line := 1
	for len(text) > 0 {
		j := strings.IndexByte(text, '\n')
		if j < 0 {
			j = len(text)
		}
		if j > limit {
			return line, false
		}
		text = text[min(j+1, len(text)):]
		line++
	}
	return 0, true
}

// excerpt shortens a cell for quoting in a message.
func excerpt(s string) string {
	const limit = 40
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)
	return string(r[:limit]) + "…"
}
