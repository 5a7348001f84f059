// Package workbook writes the weekly report workbook a reporting unit
// fills in and sends (mau-bao-cao-tuan.xlsx), part of the render stage's
// downloads; `tiendo nhap` (package entry) reads it back.
//
// The layout is tiendo's own, not an official form (the plan's "Phụ lục
// thống kê" does not give its headings): a title, two lines of
// instructions and a blank row, then one heading row with the columns'
// Vietnamese labels from the one vocabulary of report columns
// (report.Label), then one row per service the unit reports on, numbered
// in an STT column. Reading it back needs nothing special: package table
// skips the title rows, and matches the headings as it matches a CSV
// header.
//
// The bytes depend only on the arguments: excelize writes fixed document
// dates and zip times, and every cell is set as a string or a number, so
// a name beginning with = + - @ is text, never a formula.
package workbook

import (
	"bytes"
	"fmt"

	"github.com/tiendo/tiendo/internal/report"
	"github.com/xuri/excelize/v2"
)

// TemplateName is the file name of the weekly template.
const TemplateName = "mau-bao-cao-tuan.xlsx"

// Sheet is the template's one sheet.
const Sheet = "Báo cáo tuần"

// Serial is the heading of the numbering column; `nhap` ignores the
// column.
const Serial = "STT"

// HeaderRow is the row of the headings; services start below it.
const HeaderRow = 5

// columns are the report columns of the template, in the order of a new
// report file, without the week (given when importing) and the unit (the
// template is one unit's).
func columns() []string {
	out := []string{report.ColService}
	out = append(out, report.CountColumns()...)
	return append(out, report.ColLateReason, report.ColNotAcceptedReason, report.ColSupplementReason, report.ColSubmitted)
}

// Template is the weekly report workbook of the unit named unitName (id
// unitID), with one row for each service name in services.
func Template(unitID, unitName string, services []string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", Sheet); err != nil {
		return nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "tiendo", Title: "Báo cáo tuần — " + unitName, Language: "vi-VN"}); err != nil {
		return nil, err
	}
	cols := columns()
	last := len(cols) + 1 // with STT
	lastCol, _ := excelize.ColumnNumberToName(last)
	end := HeaderRow + max(len(services), 1)

	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return nil, err
	}
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF4"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return nil, err
	}
	text, err := f.NewStyle(&excelize.Style{Border: border, NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return nil, err
	}
	count, err := f.NewStyle(&excelize.Style{Border: border, NumFmt: 1})
	if err != nil {
		return nil, err
	}
	sent, err := f.NewStyle(&excelize.Style{Border: border, CustomNumFmt: ptr("dd/mm/yyyy hh:mm")})
	if err != nil {
		return nil, err
	}

	notes := []string{
		"Báo cáo tuần về dịch vụ công thiết yếu — " + unitName,
		"Mẫu của tiendo để nhập số liệu vào trang (không phải biểu mẫu chính thức). Mỗi dòng là một dịch vụ; ghi số hồ sơ của một tuần, ô để trống là 0.",
		"Nhập vào trang: tiendo nhap " + TemplateName + " --don-vi " + unitID + " --tuan 2023-W25 (thay bằng tuần của số liệu).",
	}
	for i, n := range notes {
		if err := f.SetCellStr(Sheet, fmt.Sprintf("A%d", i+1), n); err != nil {
			return nil, err
		}
	}
	if err := f.SetCellStyle(Sheet, "A1", "A1", bold); err != nil {
		return nil, err
	}

	heads := append([]string{Serial}, make([]string, len(cols))...)
	for i, key := range cols {
		heads[i+1] = report.Label(key, false)
	}
	for i, h := range heads {
		cell, _ := excelize.CoordinatesToCellName(i+1, HeaderRow)
		if err := f.SetCellStr(Sheet, cell, h); err != nil {
			return nil, err
		}
	}
	if err := f.SetCellStyle(Sheet, fmt.Sprintf("A%d", HeaderRow), fmt.Sprintf("%s%d", lastCol, HeaderRow), head); err != nil {
		return nil, err
	}
	if err := f.SetRowHeight(Sheet, HeaderRow, 48); err != nil {
		return nil, err
	}
	for i, name := range services {
		row := HeaderRow + 1 + i
		if err := f.SetCellInt(Sheet, fmt.Sprintf("A%d", row), int64(i+1)); err != nil {
			return nil, err
		}
		if err := f.SetCellStr(Sheet, fmt.Sprintf("B%d", row), name); err != nil {
			return nil, err
		}
	}
	// Styles and widths by column: STT, service, counts, reasons, sent.
	nCounts := len(report.CountColumns())
	firstCount, _ := excelize.ColumnNumberToName(3)
	lastCount, _ := excelize.ColumnNumberToName(2 + nCounts)
	firstReason, _ := excelize.ColumnNumberToName(3 + nCounts)
	lastReason, _ := excelize.ColumnNumberToName(last - 1)
	for _, s := range []struct {
		from, to string
		width    float64
		style    int
	}{
		{"A", "A", 5, count}, {"B", "B", 48, text},
		{firstCount, lastCount, 12, count}, {firstReason, lastReason, 28, text}, {lastCol, lastCol, 17, sent},
	} {
		if err := f.SetColWidth(Sheet, s.from, s.to, s.width); err != nil {
			return nil, err
		}
		if err := f.SetCellStyle(Sheet, fmt.Sprintf("%s%d", s.from, HeaderRow+1), fmt.Sprintf("%s%d", s.to, end), s.style); err != nil {
			return nil, err
		}
	}
	for r := HeaderRow + 1; r <= end; r++ { // two lines of a long name
		if err := f.SetRowHeight(Sheet, r, 30); err != nil {
			return nil, err
		}
	}
	// Printed on one page's width, landscape.
	if err := f.SetSheetProps(Sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return nil, err
	}
	if err := f.SetPageLayout(Sheet, &excelize.PageLayoutOptions{Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return nil, err
	}
	// Counts are whole numbers from 0: Excel refuses anything else as it
	// is typed, as the form does in a browser.
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s%d:%s%d", firstCount, HeaderRow+1, lastCount, end+200))
	if err := dv.SetRange(0, 1000000000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
		return nil, err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "Số hồ sơ", "Ghi số hồ sơ là số nguyên từ 0 trở lên, ví dụ 12.")
	if err := f.AddDataValidation(Sheet, dv); err != nil {
		return nil, err
	}
	if err := f.SetPanes(Sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: HeaderRow,
		TopLeftCell: fmt.Sprintf("C%d", HeaderRow+1), ActivePane: "bottomRight"}); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func ptr[T any](v T) *T { return &v }
