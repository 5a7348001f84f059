package opendata

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var wbFields = []Field{
	{Name: "ky", Title: "Kỳ", Type: TypeString},
	{Name: "don_vi", Title: "Đơn vị", Type: TypeString},
	{Name: "gia_tri", Title: "Giá trị", Type: TypeInteger, Unit: "tài khoản"},
	{Name: "ty_le", Title: "Tỷ lệ", Type: TypeNumber, Unit: "%"},
	{Name: "han", Title: "Hạn", Type: TypeDate},
	{Name: "ghi_chu", Title: "Ghi chú", Type: TypeString},
}

var wbRows = [][]string{
	{"2023-06", "Xã Hộ Độ", "4643", "85.5", "2023-06-30", "=HYPERLINK(\"http://x\")"},
	{"2023-05", "+84 912", "-12", "0.25", "đầu tháng 7", "@SUM(A1)"},
	{"2023-04", "-Xã", "", "1e3", "", "-2+3"},
}

func open(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWorkbookCells(t *testing.T) {
	asOf := time.Date(2023, 6, 30, 17, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	lic, _ := LicenceByID(DefaultLicence)
	b, err := Workbook(wbFields, wbRows, Notes{Title: "Tài khoản", Source: "Công an huyện", Licence: lic,
		Illustrative: "Số liệu minh họa, không phải số liệu thật.", AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, b)
	if got := f.GetSheetList(); len(got) != 2 || got[0] != DataSheet || got[1] != NotesSheet {
		t.Fatalf("sheets %q", got)
	}
	for _, c := range []struct {
		cell, value string
		typ         excelize.CellType
	}{
		{"A1", "ky", excelize.CellTypeSharedString},
		{"C2", "4643", excelize.CellTypeUnset}, // a number: no t= attribute
		{"D2", "85.5", excelize.CellTypeUnset},
		{"C3", "-12", excelize.CellTypeUnset},
		{"D4", "1000", excelize.CellTypeUnset},
		{"E3", "đầu tháng 7", excelize.CellTypeSharedString}, // not a date: kept as written
		{"A2", "2023-06", excelize.CellTypeSharedString},     // a period stays text
		{"F2", `=HYPERLINK("http://x")`, excelize.CellTypeSharedString},
		{"F3", "@SUM(A1)", excelize.CellTypeSharedString},
		{"F4", "-2+3", excelize.CellTypeSharedString},
		{"B3", "+84 912", excelize.CellTypeSharedString},
		{"B4", "-Xã", excelize.CellTypeSharedString},
	} {
		typ, _ := f.GetCellType(DataSheet, c.cell)
		v, _ := f.GetCellValue(DataSheet, c.cell, excelize.Options{RawCellValue: true})
		if typ != c.typ || v != c.value {
			t.Errorf("%s: %q of type %v, want %q of type %v", c.cell, v, typ, c.value, c.typ)
		}
		// Formula-safe: no cell holds a formula.
		if fm, _ := f.GetCellFormula(DataSheet, c.cell); fm != "" {
			t.Errorf("%s holds the formula %q", c.cell, fm)
		}
	}
	// A date is a date, shown dd/mm/yyyy.
	if v, _ := f.GetCellValue(DataSheet, "E2"); v != "30/06/2023" {
		t.Errorf("E2 shows %q, want 30/06/2023", v)
	}
	if raw, _ := f.GetCellValue(DataSheet, "E2", excelize.Options{RawCellValue: true}); raw != "45107" {
		t.Errorf("E2 holds %q, want the serial day 45107", raw)
	}
	// The header is bold and frozen.
	style, _ := f.GetCellStyle(DataSheet, "B1")
	if s, err := f.GetStyle(style); err != nil || s.Font == nil || !s.Font.Bold {
		t.Error("header not bold")
	}
	if p, err := f.GetPanes(DataSheet); err != nil || !p.Freeze || p.YSplit != 1 {
		t.Errorf("panes %+v: want the first row frozen", p)
	}
	if w, _ := f.GetColWidth(DataSheet, "B"); w < 10 || w > 60 {
		t.Errorf("column B width %v", w)
	}
	notes, _ := f.GetRows(NotesSheet)
	var text strings.Builder
	for _, r := range notes {
		text.WriteString(strings.Join(r, "|") + "\n")
	}
	for _, want := range []string{"Nguồn|Công an huyện", "Số liệu minh họa|Số liệu minh họa, không phải số liệu thật.",
		"Giấy phép|" + lic.Title, "Số liệu tính đến|30/06/2023", "gia_tri|Giá trị|số nguyên|tài khoản"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("notes lack %q:\n%s", want, text.String())
		}
	}
	// Without an illustrative note, none is written.
	b, _ = Workbook(wbFields, wbRows, Notes{Title: "x", AsOf: asOf})
	if rows, _ := open(t, b).GetRows(NotesSheet); strings.Contains(strings.Join(rows[0], ""), "minh họa") {
		t.Error("illustrative note without one given")
	}
}

// The same table gives the same bytes, whenever it is written.
func TestWorkbookStable(t *testing.T) {
	n := Notes{Title: "Tài khoản", AsOf: time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC)}
	a, err := Workbook(wbFields, wbRows, n)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // across a second, as zip and core.xml times count
	b, _ := Workbook(wbFields, wbRows, n)
	if !bytes.Equal(a, b) {
		t.Error("two workbooks of the same table differ")
	}
	if !bytes.Contains(a, []byte("docProps/core.xml")) {
		t.Error("no core properties")
	}
	f := open(t, a)
	if p, _ := f.GetDocProps(); p.Created != "2023-06-30T00:00:00Z" || p.Creator != "tiendo" {
		t.Errorf("doc props %+v", p)
	}
}

func BenchmarkWorkbook(b *testing.B) {
	rows := make([][]string, 0, 300)
	for len(rows) < 300 {
		rows = append(rows, wbRows...)
	}
	n := Notes{Title: "Tài khoản", AsOf: time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC)}
	for b.Loop() {
		if _, err := Workbook(wbFields, rows, n); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWorkbookSmall(b *testing.B) {
	n := Notes{Title: "Tài khoản", AsOf: time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC)}
	for b.Loop() {
		if _, err := Workbook(wbFields, wbRows, n); err != nil {
			b.Fatal(err)
		}
	}
}
