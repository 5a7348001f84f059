package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/xuri/excelize/v2"
)

var services = []string{"Cấp lại, đổi thẻ Căn cước công dân", "=HYPERLINK(\"http://x\")", "+84 dịch vụ", "@dịch vụ", "-dịch vụ"}

func TestTemplateSameBytes(t *testing.T) {
	a, err := Template("cong-an-huyen", "Công an huyện", services)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // a zip time or a document date would differ now
	b, err := Template("cong-an-huyen", "Công an huyện", services)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two templates of the same unit differ")
	}
	z, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	year := time.Now().Format("2006")
	for _, f := range z.File {
		if !f.Modified.IsZero() && f.Modified.Year() > 1980 {
			t.Errorf("%s is dated %s", f.Name, f.Modified)
		}
		r, _ := f.Open()
		text, _ := io.ReadAll(r)
		if f.Name == "docProps/core.xml" && strings.Contains(string(text), year+"-") {
			t.Errorf("docProps/core.xml holds this year: %s", text)
		}
	}
}

// TestTemplateFormulaSafe: a name starting with = + - @ is text, not a
// formula Excel would run.
func TestTemplateFormulaSafe(t *testing.T) {
	b, err := Template("x", "X", services)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range services {
		cell, _ := excelize.CoordinatesToCellName(2, HeaderRow+1+i)
		if formula, _ := f.GetCellFormula(Sheet, cell); formula != "" {
			t.Errorf("%s holds the formula %q", cell, formula)
		}
		if typ, _ := f.GetCellType(Sheet, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("%s is of type %v, not text", cell, typ)
		}
		if v, _ := f.GetCellValue(Sheet, cell); v != name {
			t.Errorf("%s = %q, want %q", cell, v, name)
		}
	}
}

// TestTemplateReadsBack: the reader of data tables finds the headings
// below the title rows, and they are the report's columns.
func TestTemplateReadsBack(t *testing.T) {
	b, err := Template("x", "X", services[:1])
	if err != nil {
		t.Fatal(err)
	}
	tb, l := table.ReadXLSX("mau.xlsx", b, table.Options{})
	if l.HasErrors() {
		t.Fatal(l.Format("vi"))
	}
	if tb.Sheet != Sheet || len(tb.Rows) != 1 || tb.Rows[0].Line != HeaderRow+1 || tb.Rows[0].Fields[1].Text != services[0] {
		t.Fatalf("sheet %q, rows %+v", tb.Sheet, tb.Rows)
	}
	specs := []table.ColumnSpec{{Key: "stt", Aliases: []string{Serial}}}
	for _, c := range report.Columns() {
		specs = append(specs, table.ColumnSpec{Key: c.Key, Aliases: c.Aliases})
	}
	found, cl := tb.Columns(specs)
	if cl.HasErrors() {
		t.Fatal(cl.Format("vi"))
	}
	for _, key := range columns() {
		if _, ok := found[key]; !ok {
			t.Errorf("column %s not found in %q", key, tb.Header)
		}
	}
}

// BenchmarkTemplate is one unit's template, as every build writes one per
// reporting unit.
func BenchmarkTemplate(b *testing.B) {
	names := make([]string, 13)
	for i := range names {
		names[i] = services[0]
	}
	for b.Loop() {
		if _, err := Template("cong-an-huyen", "Công an huyện Lộc Hà", names); err != nil {
			b.Fatal(err)
		}
	}
}
