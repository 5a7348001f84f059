package build

import (
	"bytes"
	"path"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tiendo/tiendo/internal/opendata"
)

// TestExcelTwins: every table download of the sample (indicators, tasks,
// weekly reports, each unit's figures, the registries of /du-lieu/) has an
// Excel twin beside it, linked next to the CSV, typed, with its notes; the
// copies under /du-lieu/ that datapackage.json describes stay CSV only,
// and no .xlsx is a resource of the package.
func TestExcelTwins(t *testing.T) {
	t.Parallel()
	files := sampleSite(t).Output.Files
	var html strings.Builder
	for p, b := range files {
		if strings.HasSuffix(p, ".html") {
			html.Write(b)
		}
	}
	pages := html.String()
	twins, size := 0, 0
	for p := range files {
		if !strings.HasSuffix(p, ".csv") {
			continue
		}
		twin := strings.TrimSuffix(p, ".csv") + ".xlsx"
		copyOnly := strings.HasPrefix(p, "du-lieu/") && p != "du-lieu/don-vi.csv" && p != "du-lieu/dich-vu.csv"
		b, ok := files[twin]
		switch {
		case copyOnly && ok:
			t.Errorf("%s: the package's copy got a twin", p)
		case copyOnly:
		case !ok:
			t.Errorf("%s has no Excel twin", p)
		case !strings.Contains(pages, path.Base(p)+`" download>`) || !strings.Contains(pages, path.Base(twin)+`" download>Excel</a>`):
			t.Errorf("%s: twin not linked beside the CSV", twin)
		default:
			twins++
			size += len(b)
		}
	}
	if twins < 40 {
		t.Errorf("only %d twins", twins)
	}
	t.Logf("%d Excel twins, %d bytes in all", twins, size)
	if bytes.Contains(files["du-lieu/datapackage.json"], []byte(".xlsx")) {
		t.Error("datapackage.json names an .xlsx file")
	}

	// The accounts by commune: numbers are numbers, periods text, and the
	// notes say the figures are illustrative, as the page does.
	f, err := excelize.OpenReader(bytes.NewReader(files["chi-tieu/tai-khoan-dinh-danh-dien-tu/tai-khoan-dinh-danh-dien-tu.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(opendata.DataSheet)
	if len(rows) < 2 || strings.Join(rows[0], ",") != "ky,don_vi,don_vi_ma,gia_tri,ghi_chu" {
		t.Fatalf("header %v", rows[0])
	}
	if typ, _ := f.GetCellType(opendata.DataSheet, "A2"); typ != excelize.CellTypeSharedString {
		t.Errorf("the period is not text: %v", typ)
	}
	if typ, _ := f.GetCellType(opendata.DataSheet, "D2"); typ != excelize.CellTypeUnset {
		t.Errorf("the figure is not a number: %v", typ)
	}
	notes, _ := f.GetRows(opendata.NotesSheet)
	var text strings.Builder
	for _, r := range notes {
		text.WriteString(strings.Join(r, "|") + "\n")
	}
	for _, want := range []string{"Nguồn|Số liệu minh họa do tiendo tạo", "Số liệu minh họa|Số liệu trong tệp này là số liệu minh họa", "Giấy phép|CC BY 4.0", "Số liệu tính đến|30/06/2023"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("notes lack %q:\n%s", want, text.String())
		}
	}
	// The task list: a deadline is a date shown as staff write it.
	f2, err := excelize.OpenReader(bytes.NewReader(files["nhiem-vu/nhiem-vu.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f2.Close()
	if v, _ := f2.GetCellValue(opendata.DataSheet, "O2"); v != "31/03/2023" {
		t.Errorf("task 1.1's deadline shows %q, want 31/03/2023", v)
	}
}
