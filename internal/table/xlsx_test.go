package table

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/xuri/excelize/v2"
)

// cells lists a table's rows as "A2=text" strings, a number cell marked
// with its value: "B2=1234.5#1234.5".
func cells(t *Table) []string {
	var out []string
	for _, r := range t.Rows {
		var row []string
		for _, f := range r.Fields {
			s := f.Text
			if v, ok := f.Number(); ok {
				s += "#" + formatNumber(v)
			}
			row = append(row, s)
		}
		out = append(out, strings.Join(row, "|"))
	}
	return out
}

func equal(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func messages(l *diag.List) string {
	var b strings.Builder
	for _, d := range l.All() {
		b.WriteString(d.Code + " " + d.Format(diag.EN) + "\n")
	}
	return b.String()
}

// TestXLSXFromLibreOffice reads a workbook LibreOffice Calc wrote from
// testdata/libreoffice.csv, opened with Vietnamese regional settings: each
// cell is read from its value and type, not from what the screen shows.
func TestXLSXFromLibreOffice(t *testing.T) {
	src, err := os.ReadFile("testdata/libreoffice.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	tab, l := ReadXLSX("data/x.xlsx", src, Options{})
	if l.Len() != 0 {
		t.Fatalf("unexpected problems:\n%s", messages(l))
	}
	equal(t, tab.Header, []string{"ky", "gia_tri", "ty_le", "ngay", "cong_thuc"})
	equal(t, cells(tab), []string{
		// 31/03/2023 is a date cell; 1.234 typed in Vietnamese is 1234;
		// 12,5% is 0.125 formatted as a percentage; =B2*2 keeps its result.
		"2023-03-31|1234#1234|12.5%#12.5|2023-03-31 08:30|2468#2468",
		"2023-04-30|1234.5#1234.5|7%#7||#VALUE!",
	})
	// A number cell needs no dialect: "1234.5" is not read as 12345 in a
	// table declared to write a decimal comma.
	comma := true
	tab, _ = ReadXLSX("data/x.xlsx", src, Options{DecimalComma: &comma})
	if v, d := tab.ParseNumber(tab.Rows[1].Fields[1]); d != nil || v != 1234.5 {
		t.Errorf("ParseNumber = %v, %v; want 1234.5", v, d)
	}
	if _, d := tab.ParseNumber(tab.Rows[1].Fields[4]); d == nil || d.Code != diag.CodeCSVNumber || d.Pos.String() != "data/x.xlsx: libreoffice!E3" {
		t.Errorf("ParseNumber(#VALUE!) = %v; want csv-number at data/x.xlsx: libreoffice!E3", d)
	}
}

// workbook writes a workbook with excelize; build fills its first sheet.
func workbook(t *testing.T, build func(f *excelize.File, sheet string)) []byte {
	t.Helper()
	f := excelize.NewFile()
	build(f, "Sheet1")
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func style(t *testing.T, f *excelize.File, s *excelize.Style) int {
	t.Helper()
	id, err := f.NewStyle(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestXLSXValuesNotDisplay(t *testing.T) {
	src := workbook(t, func(f *excelize.File, sh string) {
		_ = f.SetSheetRow(sh, "A1", &[]any{"Kỳ", "Giá trị", "Tỷ lệ", "Ghi chú"})
		// Shown "1.234" and "12,5%" by a Vietnamese custom format.
		grouped := "#.##0"
		pct := "0,0%"
		month := "mm/yyyy"
		_ = f.SetCellValue(sh, "A2", 45000.0)
		_ = f.SetCellStyle(sh, "A2", "A2", style(t, f, &excelize.Style{CustomNumFmt: &month}))
		_ = f.SetCellValue(sh, "B2", 1234)
		_ = f.SetCellStyle(sh, "B2", "B2", style(t, f, &excelize.Style{CustomNumFmt: &grouped}))
		_ = f.SetCellValue(sh, "C2", 0.125)
		_ = f.SetCellStyle(sh, "C2", "C2", style(t, f, &excelize.Style{CustomNumFmt: &pct}))
		_ = f.SetCellValue(sh, "D2", " Thạch Kim ")
		// Built-in formats: 10 is 0.00%, 14 a date.
		_ = f.SetCellValue(sh, "A3", 45016)
		_ = f.SetCellStyle(sh, "A3", "A3", style(t, f, &excelize.Style{NumFmt: 14}))
		_ = f.SetCellValue(sh, "B3", 0.1+0.2)
		_ = f.SetCellValue(sh, "C3", 0.5)
		_ = f.SetCellStyle(sh, "C3", "C3", style(t, f, &excelize.Style{NumFmt: 10}))
		_ = f.SetCellValue(sh, "D3", true)
		// Trailing rows: formatted but empty, and empty.
		_ = f.SetCellStyle(sh, "A6", "D9", style(t, f, &excelize.Style{NumFmt: 10}))
	})
	tab, l := ReadXLSX("data/x.xlsx", src, Options{})
	if l.Len() != 0 {
		t.Fatalf("unexpected problems:\n%s", messages(l))
	}
	equal(t, tab.Header, []string{"Kỳ", "Giá trị", "Tỷ lệ", "Ghi chú"})
	equal(t, cells(tab), []string{
		"2023-03|1234#1234|12.5%#12.5|Thạch Kim",
		"2023-03-31|0.3#0.3|50%#50|TRUE",
	})
}

func TestXLSXLayout(t *testing.T) {
	src := workbook(t, func(f *excelize.File, sh string) {
		// A title, a blank row, then a two-row header: "Tuần" merged
		// down, "Tiếp nhận" merged across its two columns.
		_ = f.SetCellValue(sh, "A1", "BÁO CÁO TUẦN")
		_ = f.MergeCell(sh, "A1", "D1")
		_ = f.SetCellValue(sh, "A3", "Tuần")
		_ = f.MergeCell(sh, "A3", "A4")
		_ = f.SetCellValue(sh, "B3", "Dịch vụ")
		_ = f.MergeCell(sh, "B3", "B4")
		_ = f.SetCellValue(sh, "C3", "Tiếp nhận")
		_ = f.MergeCell(sh, "C3", "D3")
		_ = f.SetCellValue(sh, "C4", "Trực tuyến")
		_ = f.SetCellValue(sh, "D4", "Trực tiếp")
		// A week merged down over two services' rows.
		_ = f.SetCellValue(sh, "A5", "2023-W25")
		_ = f.MergeCell(sh, "A5", "A6")
		_ = f.SetSheetRow(sh, "B5", &[]any{"cap-lai-doi-the-cccd", 9, 1})
		_ = f.SetSheetRow(sh, "B6", &[]any{"xac-nhan-so-cmnd", 2, 0})
		// A formula saved without its result, and a cell outside the table.
		_ = f.SetCellFormula(sh, "C7", "C5+C6")
		_ = f.SetCellValue(sh, "A7", "2023-W26")
		_ = f.SetCellValue(sh, "B7", "cap-lai-doi-the-cccd")
		_ = f.SetCellValue(sh, "F7", "ghi chú lạc")
	})
	tab, l := ReadXLSX("data/reports/x.xlsx", src, Options{})
	equal(t, tab.Header, []string{"Tuần", "Dịch vụ", "Tiếp nhận Trực tuyến", "Tiếp nhận Trực tiếp"})
	cols, cl := tab.Columns([]ColumnSpec{{Key: "tuan"}, {Key: "dich_vu"}, {Key: "tiep_nhan_truc_tuyen"}, {Key: "tiep_nhan_truc_tiep"}})
	if cl.Len() != 0 || len(cols) != 4 {
		t.Errorf("Columns = %v:\n%s", cols, messages(cl))
	}
	equal(t, cells(tab), []string{
		"2023-W25|cap-lai-doi-the-cccd|9#9|1#1",
		"2023-W25|xac-nhan-so-cmnd|2#2|0#0",
		"2023-W26|cap-lai-doi-the-cccd||",
	})
	if got := tab.Rows[1].Line; got != 6 {
		t.Errorf("second row's line = %d, want 6", got)
	}
	want := "xlsx-formula data/reports/x.xlsx: Sheet1!C7: warning: The cell has the formula =C5+C6 but no saved result, so it is read as empty\n" +
		"    hint: Open the file in Excel or LibreOffice so that it calculates, and save it again; or type the figure instead of the formula\n" +
		"csv-field-count data/reports/x.xlsx: Sheet1!F7: The cell is outside the table: the header has only 4 columns; extra cell: \"ghi chú lạc\"\n" +
		"    hint: Delete the extra cell or name its column in the header\n"
	if got := messages(l); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	d := l.All()[0]
	if d.Line != 7 || d.Col != 3 || d.Cell != "Sheet1!C7" {
		t.Errorf("position = %d:%d %q; want 7:3 Sheet1!C7", d.Line, d.Col, d.Cell)
	}
}

func TestXLSXSheets(t *testing.T) {
	src := workbook(t, func(f *excelize.File, sh string) {
		_ = f.SetSheetRow(sh, "A1", &[]any{"ky", "gia_tri"})
		_ = f.SetSheetRow(sh, "A2", &[]any{"2023-01", 1})
		_, _ = f.NewSheet("Báo cáo")
		_ = f.SetSheetRow("Báo cáo", "A1", &[]any{"ky", "gia_tri"})
		_ = f.SetSheetRow("Báo cáo", "A2", &[]any{"2023-02", "x"})
	})
	tab, l := ReadXLSX("data/x.xlsx", src, Options{Sheet: "bao cao"})
	if l.Len() != 0 || tab.Sheet != "Báo cáo" {
		t.Fatalf("sheet %q:\n%s", tab.Sheet, messages(l))
	}
	if _, d := tab.ParseNumber(tab.Rows[0].Fields[1]); d == nil || d.Pos.String() != "data/x.xlsx: 'Báo cáo'!B2" {
		t.Errorf("ParseNumber = %v; want an error at 'Báo cáo'!B2", d)
	}
	at := diag.Pos{File: "data/indicators.toml", Line: 9, Col: 1}
	_, l = ReadXLSX("data/x.xlsx", src, Options{Sheet: "Bao cao 2023", SheetPos: at})
	all := l.All()
	if len(all) != 1 || all[0].Code != diag.CodeXLSXSheet || all[0].Pos != at || !strings.Contains(all[0].Hint.En, `"Báo cáo"`) {
		t.Errorf("missing sheet:\n%s", messages(l))
	}
}

func TestXLSXDamaged(t *testing.T) {
	for name, src := range map[string][]byte{
		"csv renamed": []byte("ky,gia_tri\n2023-01,1\n"),
		"truncated":   workbook(t, func(*excelize.File, string) {})[:200],
	} {
		t.Run(name, func(t *testing.T) {
			_, l := ReadXLSX("data/x.xlsx", src, Options{})
			all := l.All()
			if len(all) != 1 || all[0].Code != diag.CodeXLSXOpen || all[0].Pos.String() != "data/x.xlsx" {
				t.Errorf("got:\n%s", messages(l))
			}
		})
	}
}

func TestClassifyFormat(t *testing.T) {
	for code, want := range map[string]string{
		"General":                "number",
		"#,##0.00":               "number",
		"0.0%":                   "percent",
		`0.0"%"`:                 "number",
		"mm/yyyy":                "2023-03",
		"[$-42A]dd/mm/yyyy":      "2023-03-31",
		"dd/mm/yyyy hh:mm":       "2023-03-31 08:30",
		"h:mm AM/PM":             "08:30",
		"yyyy":                   "2023",
		`[Red]#,##0;"âm "#,##0`:  "number",
		`yyyy\-mm\-dd\ hh:mm:ss`: "2023-03-31 08:30",
		`"Tháng "mm" năm "yyyy`:  "2023-03",
	} {
		f := classifyFormat(code)
		got := map[fmtKind]string{fmtNumber: "number", fmtPercent: "percent"}[f.kind]
		if f.kind == fmtDate {
			got = f.date(mustDate(t))
		}
		if got != want {
			t.Errorf("classifyFormat(%q) = %s, want %s", code, got, want)
		}
	}
}

func mustDate(t *testing.T) time.Time {
	t.Helper()
	d, err := excelize.ExcelDateToTime(45016+8.5/24, false)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// BenchmarkReadXLSX reads a year of weekly reports of one unit with ten
// services (520 rows of 17 columns), written by excelize.
func BenchmarkReadXLSX(b *testing.B) {
	f := excelize.NewFile()
	header := []any{"tuan", "dich_vu"}
	for i := range 14 {
		header = append(header, "so_"+strconv.Itoa(i))
	}
	header = append(header, "ngay_gui")
	_ = f.SetSheetRow("Sheet1", "A1", &header)
	for r := range 520 {
		row := []any{"2023-W" + strconv.Itoa(r/10%52+1), "dich-vu-" + strconv.Itoa(r%10)}
		for i := range 14 {
			row = append(row, r*i%37)
		}
		row = append(row, "2023-06-27 08:10")
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		_ = f.SetSheetRow("Sheet1", cell, &row)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if tab, l := ReadXLSX("data/reports/x.xlsx", buf.Bytes(), Options{}); l.Len() != 0 || len(tab.Rows) != 520 {
			b.Fatalf("%d rows:\n%s", len(tab.Rows), messages(l))
		}
	}
}
