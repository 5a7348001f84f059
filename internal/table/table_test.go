package table

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func readFixture(tb testing.TB, name string) *Table {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	t, l := Read("data/"+name, data, Options{})
	if l.Len() > 0 {
		tb.Fatalf("Read(%s):\n%s", name, l.Format(diag.VI))
	}
	return t
}

// texts is a table's header and cells with their lines, without columns,
// which change with the delimiter and quoting.
func texts(t *Table) []string {
	out := []string{strings.Join(t.Header, "|")}
	for _, r := range t.Rows {
		var b strings.Builder
		fmt.Fprintf(&b, "%d:", r.Line)
		for _, f := range r.Fields {
			fmt.Fprintf(&b, " %d %q", f.Line, f.Text)
		}
		out = append(out, b.String())
	}
	return out
}

// TestEncodings reads one table saved the ways Excel saves it (made by
// testdata/make-fixtures.sh) and expects the same table every time.
func TestEncodings(t *testing.T) {
	want := readFixture(t, "chi-tieu.csv")
	if got := want.Header; !slices.Equal(got, []string{"Mã", "Tên chỉ tiêu", "Đơn vị", "Kỳ", "Giá trị", "Ghi chú"}) {
		t.Fatalf("Header = %q", got)
	}
	if len(want.Rows) != 4 {
		t.Fatalf("%d rows, want 4 (the blank Excel row skipped)", len(want.Rows))
	}
	// Columns count characters: "Mã,Tên chỉ tiêu,Đơn vị," is 23 of them.
	if got := want.HeaderPos(3).String(); got != "data/chi-tieu.csv:1:24" {
		t.Errorf("HeaderPos(3) = %s", got)
	}
	if got, wantText := want.Rows[1].Fields[5].Text, `Theo Quyết định "số 468"`; got != wantText {
		t.Errorf("quoted cell = %q, want %q", got, wantText)
	}
	// The multi-line cell keeps its line; the row after it is on line 7.
	if got := want.Pos(2, 5).String(); got != "data/chi-tieu.csv:5:70" {
		t.Errorf("Pos(2, 5) = %s", got)
	}
	if got := want.Pos(3, 4).String(); got != "data/chi-tieu.csv:7:80" {
		t.Errorf("Pos(3, 4) = %s", got)
	}

	tests := []struct {
		file         string
		enc          Encoding
		delim        rune
		decimalComma bool
		sameCols     bool // quoting unchanged, so columns must match too
	}{
		{"chi-tieu-bom.csv", UTF8BOM, ',', false, true},
		{"chi-tieu-utf16.txt", UTF16LE, '\t', false, false},
		{"chi-tieu-1258.csv", Windows1258, ',', false, true},
		{"chi-tieu-1258-semicolon.csv", Windows1258, ';', true, false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := readFixture(t, tt.file)
			if got.Encoding != tt.enc || got.Delimiter != tt.delim || got.DecimalComma != tt.decimalComma {
				t.Errorf("Encoding, Delimiter, DecimalComma = %s, %q, %v; want %s, %q, %v",
					got.Encoding, got.Delimiter, got.DecimalComma, tt.enc, tt.delim, tt.decimalComma)
			}
			// The numbers are written differently with ';' but must read the same.
			for i := range want.Rows {
				w, _ := want.ParseNumber(want.Rows[i].Fields[4])
				g, d := got.ParseNumber(got.Rows[i].Fields[4])
				if d != nil || g != w {
					t.Errorf("row %d: number %v, %v; want %v", i, g, d, w)
				}
				got.Rows[i].Fields[4].Text = want.Rows[i].Fields[4].Text
			}
			if g, w := texts(got), texts(want); !slices.Equal(g, w) {
				t.Errorf("text differs:\ngot  %q\nwant %q", g, w)
			}
			if tt.sameCols && !slices.EqualFunc(got.Rows, want.Rows, func(a, b Row) bool {
				return a.Line == b.Line && slices.Equal(a.Fields, b.Fields)
			}) {
				t.Errorf("rows differ:\ngot  %v\nwant %v", got.Rows, want.Rows)
			}
		})
	}
}

func TestUTF16BE(t *testing.T) {
	data := []byte{0xFE, 0xFF}
	for _, r := range "Mã\tGiá trị\r\nHà Nội\t1\r\n" {
		data = append(data, byte(r>>8), byte(r))
	}
	tab, l := Read("x.txt", data, Options{})
	if l.Len() > 0 {
		t.Fatal(l.Format(diag.VI))
	}
	if tab.Encoding != UTF16BE || tab.Delimiter != '\t' || tab.Rows[0].Fields[0].Text != "Hà Nội" || tab.Pos(0, 1).String() != "x.txt:2:8" {
		t.Errorf("got %s %q %v", tab.Encoding, tab.Delimiter, tab.Rows)
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		delim  rune
		header []string
		rows   []string // texts joined by |
	}{
		{"trailing empty columns", "a,b,,\r\n1,2,,\r\n3,4\r\n", ',', []string{"a", "b"}, []string{"1|2", "3|4"}},
		{"blank rows", "a;b\n\n;\n1,5;2\n  \n", ';', []string{"a", "b"}, []string{"1,5|2"}},
		{"trim and NFC", "a,b\n  Hoa\u0300 ,\u00a0x\u00a0\n", ',', []string{"a", "b"}, []string{"Hoà|x"}},
		{"old Mac line ends", "a,b\r1,2\r3,4\r", ',', []string{"a", "b"}, []string{"1|2", "3|4"}},
		{"tab beats comma in text", "tên\tghi chú\nA\tx, y, z\nB\tw\n", '\t', []string{"tên", "ghi chú"}, []string{"A|x, y, z", "B|w"}},
		{"semicolon with decimal commas", "ten;gia_tri\nA;1,5\nB;2,25\n", ';', []string{"ten", "gia_tri"}, []string{"A|1,5", "B|2,25"}},
		{"quoted delimiters ignored when sniffing", "\"a;b\",c\n\"x;y\",z\n", ',', []string{"a;b", "c"}, []string{"x;y|z"}},
		{"one column", "ten\nA\nB\n", ',', []string{"ten"}, []string{"A", "B"}},
		{"no final newline", "a,b\n1,2", ',', []string{"a", "b"}, []string{"1|2"}},
		{"empty", "", ',', nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, l := Read("x.csv", []byte(tt.in), Options{})
			if l.Len() > 0 {
				t.Fatalf("diagnostics:\n%s", l.Format(diag.VI))
			}
			var rows []string
			for _, r := range tab.Rows {
				var cells []string
				for _, f := range r.Fields {
					cells = append(cells, f.Text)
				}
				rows = append(rows, strings.Join(cells, "|"))
			}
			if tab.Delimiter != tt.delim || !slices.Equal(tab.Header, tt.header) || !slices.Equal(rows, tt.rows) {
				t.Errorf("got %q %q %q, want %q %q %q", tab.Delimiter, tab.Header, rows, tt.delim, tt.header, tt.rows)
			}
		})
	}
}

// utf16le encodes s with a byte order mark, writing U+E000 as a lone
// surrogate, which no string literal can hold.
func utf16le(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		if r == '\uE000' {
			r = 0xD800
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

var spec = []ColumnSpec{
	{Key: "ma", Aliases: []string{"Mã chỉ tiêu"}, Required: true},
	{Key: "ky", Aliases: []string{"Kỳ báo cáo", "period"}, Required: true},
	{Key: "gia_tri", Aliases: []string{"value"}, Required: true},
	{Key: "ghi_chu"},
}

type errorCase struct {
	name string
	in   string
	opts Options
	// columns checks the header against spec; number reads every cell of
	// the last column as a number, after settling the dialect by it.
	columns, number bool
	want            []string // the first line of each diagnostic in Vietnamese
}

var errorCases = []errorCase{
	{name: "bare quote", in: "Tên,Giá trị\nHà Nội,12\"5\n",
		want: []string{`data/x.csv:2:10: Dấu ngoặc kép (") nằm giữa một ô không bắt đầu bằng ngoặc kép`}},
	{name: "extra quote in quoted cell", in: "a,b\nx,\"Đề án \"Số\"\",1\n",
		want: []string{`data/x.csv:2:10: Thừa dấu ngoặc kép (") trong ô có ngoặc kép`}},
	{name: "quote never closed", in: "a,b\nxã,\"Hà Nội\ny,2\n",
		want: []string{`data/x.csv:2:4: Ô mở bằng dấu ngoặc kép (") nhưng không có dấu đóng cho đến hết tệp`}},
	{name: "quote never closed, CRLF", in: "a,b\r\nx,1\r\n\"y,2\r\n",
		want: []string{`data/x.csv:3:1: Ô mở bằng dấu ngoặc kép (") nhưng không có dấu đóng cho đến hết tệp`}},
	{name: "errors do not stop reading", in: "a,b\nx\"y,1\nz,2,3\n",
		want: []string{
			`data/x.csv:2:2: Dấu ngoặc kép (") nằm giữa một ô không bắt đầu bằng ngoặc kép`,
			`data/x.csv:3:5: Dòng có 3 ô nhưng tiêu đề chỉ có 2 cột; ô thừa: "3"`,
		}},
	{name: "too many cells", in: "Tỉnh,Số\nHà Nội,1,5\n",
		want: []string{`data/x.csv:2:10: Dòng có 3 ô nhưng tiêu đề chỉ có 2 cột; ô thừa: "5"`}},
	{name: "too few cells", in: "a,b,c\r\nHà,2\r\n",
		want: []string{`data/x.csv:2:5: Dòng chỉ có 2 ô nhưng tiêu đề có 3 cột; thiếu cột "c"`}},
	{name: "unnamed column", in: "a,,c\n1,2,3\n",
		want: []string{`data/x.csv:1:3: Cột thứ 2 của dòng tiêu đề không có tên`}},
	{name: "undefined Windows-1258 byte", in: "a,b\nT\xean\x81,1\n",
		want: []string{`data/x.csv:2:4: Tệp không phải CSV UTF-8 hợp lệ: có ký tự không đọc được (byte 0x81)`}},
	{name: "NUL byte", in: "a,b\n1,2\n3,\x00\n",
		want: []string{`data/x.csv:3:3: Tệp không phải CSV UTF-8 hợp lệ: có ký tự không đọc được (NUL)`}},
	{name: "UTF-8 with a stray Latin-1 byte", in: "Tên,Giá\nHà Nội,caf\xe9\n",
		want: []string{`data/x.csv:2:11: Tệp không phải CSV UTF-8 hợp lệ: có ký tự không đọc được (byte 0xE9)`}},
	{name: "UTF-8 BOM then invalid", in: "\xef\xbb\xbfa,b\n\xff,1\n",
		want: []string{`data/x.csv:2:1: Tệp không phải CSV UTF-8 hợp lệ: có ký tự không đọc được (byte 0xFF)`}},
	{name: "UTF-16 lone surrogate", in: utf16le("a\tb\r\nx\t\uE000\r\n"),
		want: []string{`data/x.csv:2:3: Tệp không phải CSV UTF-8 hợp lệ: có ký tự không đọc được (U+FFFD)`}},
	{name: "too large", in: "a,b\n1,2\n", opts: Options{MaxBytes: 5},
		want: []string{`data/x.csv: Tệp quá lớn: 8 byte, giới hạn là 5 byte`}},
	{name: "line too long", in: "a,b\n123456,1\n", opts: Options{MaxLineLength: 5},
		want: []string{`data/x.csv:2: Dòng dài quá giới hạn 5 byte`}},
	{name: "columns", in: "Mã,Giá trị,Gia tri x,GIÁ_TRỊ\n", columns: true,
		want: []string{
			`data/x.csv:1: Thiếu cột bắt buộc "ky"; các cột tìm thấy: "Mã", "Giá trị", "Gia tri x", "GIÁ_TRỊ"`,
			`data/x.csv:1:12: Cột "Gia tri x" không thuộc bảng này`,
			`data/x.csv:1:22: Cột "GIÁ_TRỊ" trùng với cột "Giá trị" (cột thứ 2): cả hai đều là "gia_tri"`,
		}},
	{name: "no header", in: "\n\n", columns: true,
		want: []string{
			`data/x.csv:1: Thiếu cột bắt buộc "gia_tri"; các cột tìm thấy: —`,
			`data/x.csv:1: Thiếu cột bắt buộc "ky"; các cột tìm thấy: —`,
			`data/x.csv:1: Thiếu cột bắt buộc "ma"; các cột tìm thấy: —`,
		}},
	{name: "numbers, decimal point", in: "ten,so\nA,1.5\nB,\"1,234.5\"\nC,1.234,5\nD,12%\nE,#DIV/0!\nF,\nG,1e5\n", number: true,
		want: []string{
			`data/x.csv:4:9: Dòng có 3 ô nhưng tiêu đề chỉ có 2 cột; ô thừa: "5"`,
			`data/x.csv:6:3: Ô "#DIV/0!" là lỗi công thức hoặc hiển thị của Excel, không phải số`,
			`data/x.csv:7:3: Ô trống, cần một số`,
			`data/x.csv:8:3: Ô "1e5" không phải là số`,
		}},
	{name: "numbers, decimal comma", in: "tên;số\nA;1,5\nB;1.234,5\nC;1.5\nD;−7\nE;12 tỷ\n", number: true,
		want: []string{
			`data/x.csv:4:3: Ô "1.5" không phải là số`,
			`data/x.csv:6:3: Ô "12 tỷ" không phải là số`,
		}},
	{name: "too many errors", in: "a\n" + strings.Repeat("x,y\n", 150),
		want: tooMany()},
}

func tooMany() []string {
	var out []string
	for line := 2; line < 102; line++ {
		out = append(out, fmt.Sprintf(`data/x.csv:%d:3: Dòng có 2 ô nhưng tiêu đề chỉ có 1 cột; ô thừa: "y"`, line))
	}
	return append(out, `data/x.csv:102: Quá nhiều lỗi, ngừng đọc tệp ở đây`)
}

func runErrorCase(tc errorCase) *diag.List {
	t, l := Read("data/x.csv", []byte(tc.in), tc.opts)
	if tc.columns {
		_, cl := t.Columns(spec)
		l.Merge(cl)
	}
	if tc.number {
		if len(t.Header) > 0 {
			t.SettleDialect(len(t.Header) - 1)
		}
		for _, r := range t.Rows {
			_, d := t.ParseNumber(r.Fields[len(r.Fields)-1])
			l.Add(d)
		}
	}
	return l
}

func TestErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range runErrorCase(tc).All() {
				got = append(got, strings.SplitN(d.Format(diag.VI), "\n", 2)[0])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestErrorsGolden keeps the whole messages, hints and English included,
// in testdata/errors.golden; go test -update rewrites it.
func TestErrorsGolden(t *testing.T) {
	var b bytes.Buffer
	for _, tc := range errorCases {
		if tc.name == "too many errors" {
			continue
		}
		l := runErrorCase(tc)
		fmt.Fprintf(&b, "### %s\n%s%s\n", tc.name, l.Format(diag.VI), l.Format(diag.EN))
	}
	golden := filepath.Join("testdata", "errors.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("diagnostics differ from %s (go test -update to accept):\n%s", golden, b.String())
	}
}

func TestColumns(t *testing.T) {
	tab, l := Read("x.csv", []byte("Mã chỉ tiêu,KỲ,Giá trị,ghi chú\nA,2023,1,\n"), Options{})
	cols, cl := tab.Columns(spec)
	l.Merge(cl)
	if l.Len() > 0 {
		t.Fatal(l.Format(diag.VI))
	}
	want := map[string]int{"ma": 0, "ky": 1, "gia_tri": 2, "ghi_chu": 3}
	if fmt.Sprint(cols) != fmt.Sprint(want) {
		t.Errorf("Columns = %v, want %v", cols, want)
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in           string
		decimalComma bool
		want         float64
		ok           bool
	}{
		{"1234.5", false, 1234.5, true},
		{"1,234.5", false, 1234.5, true},
		{"-12", false, -12, true},
		{"85%", false, 85, true},
		{"1,234", false, 1234, true},
		{"1.234,5", false, 0, false},
		{"1,5", false, 0, false},
		{"1.234,5", true, 1234.5, true},
		{"1234,5", true, 1234.5, true},
		{"1.234", true, 1234, true},
		{"1.234.567", true, 1234567, true},
		{"1.5", true, 0, false},
		{"12.34", true, 0, false},
		{"abc", true, 0, false},
		{"NaN", false, 0, false},
		{"Inf", false, 0, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%v", tt.in, tt.decimalComma), func(t *testing.T) {
			tab := &Table{Name: "x.csv", DecimalComma: tt.decimalComma}
			got, d := tab.ParseNumber(Field{Text: tt.in, Line: 2, Col: 3})
			if (d == nil) != tt.ok || got != tt.want {
				t.Errorf("ParseNumber(%q) = %v, %v; want %v, ok=%v", tt.in, got, d, tt.want, tt.ok)
			}
		})
	}
}

func TestOptionsDecimalComma(t *testing.T) {
	yes, no := true, false
	for _, tt := range []struct {
		in   string
		opt  *bool
		want bool
	}{
		{"a;b\n1;2\n", nil, true},
		{"a,b\n1,2\n", nil, false},
		{"a\tb\n1\t2\n", nil, false},
		{"a;b\n1;2\n", &no, false},
		{"a,b\n1,2\n", &yes, true},
	} {
		tab, _ := Read("x.csv", []byte(tt.in), Options{DecimalComma: tt.opt})
		if tab.DecimalComma != tt.want {
			t.Errorf("%q with %v: DecimalComma = %v, want %v", tt.in, tt.opt, tab.DecimalComma, tt.want)
		}
	}
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	err := WriteCSV(&b, []string{"Tên", "Giá trị", "Ghi chú"}, [][]string{
		{"=HYPERLINK(\"http://x\")", "-12", "+84 912 345 678"},
		{"@SUM(A1)", "1.5e3", "a, \"b\""},
		{"\tx", "-1,234.5", "- gạch đầu dòng"},
		{"", "+", "Dòng một\ndòng hai"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFTên,Giá trị,Ghi chú\r\n" +
		"\"'=HYPERLINK(\"\"http://x\"\")\",-12,'+84 912 345 678\r\n" +
		"'@SUM(A1),1.5e3,\"a, \"\"b\"\"\"\r\n" +
		"'\tx,\"-1,234.5\",'- gạch đầu dòng\r\n" +
		",'+,\"Dòng một\r\ndòng hai\"\r\n"
	if got := b.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// What we write, we read back.
	tab, l := Read("x.csv", b.Bytes(), Options{})
	if l.Len() > 0 || tab.Encoding != UTF8BOM || len(tab.Rows) != 4 || tab.Rows[0].Fields[1].Text != "-12" {
		t.Errorf("read back: %v %v\n%s", tab.Encoding, tab.Rows, l.Format(diag.VI))
	}
}

func TestPosOutOfRange(t *testing.T) {
	tab := readFixture(t, "chi-tieu.csv")
	for _, rc := range [][2]int{{-1, 0}, {99, 0}, {0, -1}, {0, 99}} {
		_ = tab.Pos(rc[0], rc[1])
	}
	if got := tab.Pos(0, 99).String(); got != "data/chi-tieu.csv:2" {
		t.Errorf("Pos(0, 99) = %s", got)
	}
}
