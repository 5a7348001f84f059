package opendata

import (
	"bytes"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Sheet names of a workbook download.
const (
	DataSheet  = "Dữ liệu"
	NotesSheet = "Ghi chú"
)

// Notes is what the "Ghi chú" sheet of a workbook download says.
type Notes struct {
	// Title names the table; Source says where its figures come from.
	Title, Source string
	Licence       Licence
	// Illustrative, when set, is the note that the figures are made up,
	// as the table's page says it.
	Illustrative string
	// AsOf is the moment the data stands at; it is also the workbook's
	// creation and modification date, so that the same data gives the
	// same bytes.
	AsOf time.Time
}

// typeWords are the column types in words, for the notes sheet.
var typeWords = map[string]string{
	TypeString: "chữ", TypeInteger: "số nguyên", TypeNumber: "số", TypeBoolean: "có / không", TypeDate: "ngày",
}

// Workbook is the Excel twin of a CSV download: the same header and rows
// on a first sheet, each cell typed by its column — integers and numbers
// as numbers, dates as dates shown dd/mm/yyyy, the rest as text, so a
// cell such as "=1+1" or "@x" is text and never a formula — with the
// header bold and frozen, a filter on it, and column widths fitted to the
// cells; and a second sheet, "Ghi chú", with the source, the licence, the
// illustrative-data note when there is one, and what each column holds.
// The same arguments give the same bytes.
func Workbook(fields []Field, rows [][]string, n Notes) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	when := n.AsOf.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "tiendo", LastModifiedBy: "tiendo", Title: n.Title,
		Created: when, Modified: when, Language: "vi-VN"}); err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", DataSheet); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	dateFmt := "dd/mm/yyyy"
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return nil, err
	}
	integer, err := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
	if err != nil {
		return nil, err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}

	width := make([]int, len(fields))
	for i, c := range fields {
		width[i] = utf8.RuneCountInString(c.Name)
		if err := f.SetCellStr(DataSheet, cellName(i, 1), c.Name); err != nil {
			return nil, err
		}
	}
	for r, row := range rows {
		for i, text := range row {
			if i >= len(fields) || text == "" {
				continue
			}
			name := cellName(i, r+2)
			switch fields[i].Type {
			case TypeInteger, TypeNumber:
				if v, ok := number(text); ok {
					if err := f.SetCellFloat(DataSheet, name, v, -1, 64); err != nil {
						return nil, err
					}
					if fields[i].Type == TypeInteger && v == math.Trunc(v) {
						f.SetCellStyle(DataSheet, name, name, integer)
					}
					width[i] = max(width[i], len(text)+len(text)/3)
					continue
				}
			case TypeDate:
				if d, err := time.Parse(time.DateOnly, text); err == nil {
					if err := f.SetCellValue(DataSheet, name, d); err != nil {
						return nil, err
					}
					f.SetCellStyle(DataSheet, name, name, date)
					width[i] = max(width[i], 10)
					continue
				}
			}
			if err := f.SetCellStr(DataSheet, name, text); err != nil {
				return nil, err
			}
			width[i] = max(width[i], utf8.RuneCountInString(text))
		}
	}
	if len(fields) > 0 {
		last := cellName(len(fields)-1, 1)
		if err := f.SetCellStyle(DataSheet, "A1", last, bold); err != nil {
			return nil, err
		}
		if err := f.SetPanes(DataSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
			return nil, err
		}
		if err := f.AutoFilter(DataSheet, "A1:"+cellName(len(fields)-1, max(len(rows), 1)+1), nil); err != nil {
			return nil, err
		}
	}
	for i, w := range width {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(DataSheet, col, col, float64(min(max(w+2, 8), 60))); err != nil {
			return nil, err
		}
	}

	// The notes: what the table is, then its columns.
	if _, err := f.NewSheet(NotesSheet); err != nil {
		return nil, err
	}
	line := 1
	put := func(label, value string) {
		if value == "" {
			return
		}
		f.SetCellStr(NotesSheet, cellName(0, line), label)
		f.SetCellStr(NotesSheet, cellName(1, line), value)
		f.SetCellStyle(NotesSheet, cellName(0, line), cellName(0, line), bold)
		f.SetCellStyle(NotesSheet, cellName(1, line), cellName(1, line), wrap)
		line++
	}
	put("Bảng", n.Title)
	put("Nguồn", n.Source)
	if n.Illustrative != "" {
		put("Số liệu minh họa", n.Illustrative)
	}
	if !n.AsOf.IsZero() {
		put("Số liệu tính đến", n.AsOf.Format("02/01/2006"))
	}
	if n.Licence.Title != "" {
		lic := n.Licence.Title
		if n.Licence.URL != "" {
			lic += " — " + n.Licence.URL
		}
		put("Giấy phép", lic)
		put("Được phép", n.Licence.Vi)
	}
	put("Định dạng mở", "Cùng số liệu có ở tệp CSV cùng tên (UTF-8); tệp này là bản để mở bằng Excel.")
	line++
	for i, h := range []string{"Cột", "Tên", "Kiểu", "Đơn vị tính", "Mô tả"} {
		f.SetCellStr(NotesSheet, cellName(i, line), h)
	}
	f.SetCellStyle(NotesSheet, cellName(0, line), cellName(4, line), bold)
	for _, c := range fields {
		line++
		for i, v := range []string{c.Name, c.Title, typeWords[c.Type], c.Unit, c.Description} {
			if v != "" {
				f.SetCellStr(NotesSheet, cellName(i, line), v)
			}
		}
		f.SetCellStyle(NotesSheet, cellName(4, line), cellName(4, line), wrap)
	}
	for col, w := range map[string]float64{"A": 22, "B": 60, "C": 12, "D": 14, "E": 70} {
		f.SetColWidth(NotesSheet, col, col, w)
	}
	f.SetActiveSheet(0)
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// cellName is the A1 name of column i (from 0) in row (from 1).
func cellName(i, row int) string {
	name, _ := excelize.CoordinatesToCellName(i+1, row)
	return name
}

// number reads a number cell of a CSV download, written by
// strconv.FormatFloat: digits, an optional sign, point and exponent, and
// nothing a spreadsheet would read differently (no NaN, no Inf).
func number(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E' {
			return 0, false // "0x1p3", "1_000": Go reads them, a reader would not
		}
	}
	return v, true
}
