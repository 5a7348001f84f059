package data

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/xuri/excelize/v2"
)

const xlsxIndicators = `[[group]]
code = "3.2"
title = "Về thực hiện dịch vụ công"

[[indicator]]
id = "dich-vu"
title = "Dịch vụ công thiết yếu"
unit = "dịch vụ"
measure = "count"
baseline = { period = "2022-12", value = 25 }
lead = "cong-an-huyen"
leadSource = "minh-hoa"
source = "Số liệu minh họa"
frequency = "monthly"
file = "chi-tieu/dich-vu.xlsx"
sheet = "Số liệu"
group = "3.2"
illustrative = true

[[indicator.target]]
value = 53
deadline = "2023-12-31"
origin = "site"
`

// book writes a workbook whose sheet (after a first "Ghi chú" sheet when
// sheet is not "Sheet1") holds rows.
func book(t *testing.T, sheet string, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	if sheet != "Sheet1" {
		_ = f.SetSheetName("Sheet1", "Ghi chú")
		_ = f.SetCellValue("Ghi chú", "A1", "Bảng số liệu ở trang tính sau")
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func xlsxSite(t *testing.T) fstest.MapFS {
	t.Helper()
	units, err := os.ReadFile(filepath.Join("..", "..", "data", "units.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return fstest.MapFS{
		"data/units.toml":      {Data: units},
		"data/indicators.toml": {Data: []byte(xlsxIndicators)},
		"data/chi-tieu/dich-vu.xlsx": {Data: book(t, "Số liệu",
			[]any{"Kỳ", "Giá trị"}, []any{"2022-12", 25}, []any{"2023-01", 27.0})},
		"data/tasks.xlsx": {Data: book(t, "Sheet1",
			[]any{"ma", "nhiem_vu", "don_vi_chu_tri", "thoi_han", "trang_thai", "nguon_chu_tri", "nguon_tien_do"},
			[]any{"1.1", "Ban hành kế hoạch", "cong-an-huyen", "Trong tháng 3/2023", "đang thực hiện", "minh-hoa", "minh-hoa"})},
	}
}

func loadXLSX(fsys fstest.MapFS) (*Set, *diag.List) {
	l := &diag.List{}
	set := Load(fsys, LoadOptions{Location: ict, Now: time.Date(2023, 6, 30, 23, 59, 0, 0, ict),
		From: "2022-01", To: "2023-12", WeeklyRule: "trước 09h ngày Thứ 3 hàng tuần"}, l)
	ExplainFailures(fsys, l)
	return set, l
}

// Workbooks stand wherever a CSV file does: an indicator's file (here on
// its second sheet, named in the registry) and data/tasks.xlsx.
func TestLoadWorkbooks(t *testing.T) {
	set, l := loadXLSX(xlsxSite(t))
	if l.Len() > 0 {
		t.Fatalf("problems:\n%s", l.Format(diag.EN))
	}
	if len(set.Indicators) != 1 || len(set.Indicators[0].Obs) != 2 || set.Indicators[0].Obs[1].Value != 27 || set.Indicators[0].Obs[1].Line != 3 {
		t.Errorf("indicator figures = %+v", set.Indicators)
	}
	if len(set.Tasks) != 1 || set.Tasks[0].Code != "1.1" {
		t.Errorf("tasks = %+v", set.Tasks)
	}
}

func TestLoadWorkbookProblems(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, fsys fstest.MapFS)
		want   string
	}{{
		name: "a cell that is not a number, named as the spreadsheet names it",
		change: func(t *testing.T, fsys fstest.MapFS) {
			fsys["data/chi-tieu/dich-vu.xlsx"] = &fstest.MapFile{Data: book(t, "Số liệu",
				[]any{"ky", "gia_tri"}, []any{"2022-12", 25}, []any{"2023-01", "hai mươi"})}
		},
		want: `data/chi-tieu/dich-vu.xlsx: 'Số liệu'!B3: Cell "hai mươi" is not a number`,
	}, {
		name: "a count that is not whole: nothing to say of separators, the cell holds a number",
		change: func(t *testing.T, fsys fstest.MapFS) {
			fsys["data/chi-tieu/dich-vu.xlsx"] = &fstest.MapFile{Data: book(t, "Số liệu",
				[]any{"ky", "gia_tri"}, []any{"2022-12", 25}, []any{"2023-01", 1.81})}
		},
		want: `data/chi-tieu/dich-vu.xlsx: 'Số liệu'!B3: Cell "1.81" is 1.81, but a count must be a whole number
    hint: Type a whole number in the cell, such as 1234, or make its formula give one`,
	}, {
		name: "a sheet the workbook does not have, at the registry's line",
		change: func(t *testing.T, fsys fstest.MapFS) {
			fsys["data/indicators.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(xlsxIndicators, `sheet = "Số liệu"`, `sheet = "So lieu 2023"`, 1))}
		},
		want: `data/indicators.toml:16:1: data/chi-tieu/dich-vu.xlsx has no sheet "So lieu 2023"`,
	}, {
		name: "sheet with a CSV file",
		change: func(t *testing.T, fsys fstest.MapFS) {
			fsys["data/indicators.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(xlsxIndicators, `dich-vu.xlsx`, `dich-vu.csv`, 1))}
			fsys["data/chi-tieu/dich-vu.csv"] = &fstest.MapFile{Data: []byte("ky,gia_tri\n2022-12,25\n")}
			delete(fsys, "data/chi-tieu/dich-vu.xlsx")
		},
		want: `data/indicators.toml:16:1: sheet = "Số liệu" applies only when file is an Excel workbook (.xlsx)`,
	}, {
		name: "tasks kept twice",
		change: func(t *testing.T, fsys fstest.MapFS) {
			fsys["data/tasks.csv"] = &fstest.MapFile{Data: []byte("ma,nhiem_vu,don_vi_chu_tri,thoi_han,trang_thai\n")}
		},
		want: `data/tasks.xlsx: this table has two files, tasks.csv and tasks.xlsx: which one is current cannot be told`,
	}, {
		name: "a weekly report kept twice",
		change: func(t *testing.T, fsys fstest.MapFS) {
			fsys["data/services.toml"] = &fstest.MapFile{Data: []byte("")}
			fsys["data/reports/cong-an-huyen.csv"] = &fstest.MapFile{Data: []byte("tuan\n")}
			fsys["data/reports/cong-an-huyen.xlsx"] = &fstest.MapFile{Data: book(t, "Sheet1", []any{"tuan"})}
		},
		want: `data/reports/cong-an-huyen.xlsx: this table has two files, cong-an-huyen.csv and cong-an-huyen.xlsx`,
	}, {
		name: "a workbook nothing names",
		change: func(t *testing.T, fsys fstest.MapFS) {
			fsys["data/chi-tieu/cu.xlsx"] = &fstest.MapFile{Data: book(t, "Sheet1", []any{"ky"})}
		},
		want: `data/chi-tieu/cu.xlsx: warning: this file is not used: nothing in the site reads it
    hint: An indicator's figures are read only when data/indicators.toml names the file, e.g. file = "chi-tieu/file-name.xlsx"`,
	}, {
		name: "a damaged workbook",
		change: func(t *testing.T, fsys fstest.MapFS) {
			fsys["data/tasks.xlsx"] = &fstest.MapFile{Data: []byte("PK\x03\x04 not really")}
		},
		want: `data/tasks.xlsx: Cannot open the Excel file`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := xlsxSite(t)
			tc.change(t, fsys)
			_, l := loadXLSX(fsys)
			if got := l.Format(diag.EN); !strings.Contains(got, tc.want) {
				t.Errorf("got:\n%s\nwant it to contain:\n%s", got, tc.want)
			}
		})
	}
}
