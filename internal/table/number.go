package table

import (
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/vi"
)

// ParseNumber reads f as a number by the table's dialect (DecimalComma),
// using the rules of [vi.ParseNumber]: one decimal separator, the other
// separator only in groups of three before it, an optional sign and an
// optional trailing '%' (Excel writes a cell formatted as a percentage as
// "85%"; the number returned is 85, and the unit belongs elsewhere).
//
// An empty cell is an error here; callers that allow empty cells check
// f.Text first.
func (t *Table) ParseNumber(f Field) (float64, *diag.Diagnostic) {
	v, ok := vi.ParseNumber(f.Text, t.DecimalComma)
	if ok {
		return v, nil
	}
	pos := t.FieldPos(f)
	switch {
	case f.Text == "":
		return 0, diag.New(pos, "csv-number",
			diag.T("Ô trống, cần một số", "The cell is empty; a number is needed"),
			t.numberHint())
	case strings.HasPrefix(f.Text, "#"):
		// #DIV/0!, #N/A, #VALUE!, #REF!, #NAME?, #NUM!, #NULL! and "####"
		// for a column too narrow.
		return 0, diag.New(pos, "csv-number",
			diag.Tf("Ô \"%s\" là lỗi công thức hoặc hiển thị của Excel, không phải số", "Cell \"%s\" is an Excel formula or display error, not a number", excerpt(f.Text)),
			diag.T("Sửa công thức (hoặc nới rộng cột) trong bảng tính rồi lưu lại tệp CSV",
				"Fix the formula (or widen the column) in the spreadsheet and save the CSV file again"))
	}
	return 0, diag.New(pos, "csv-number",
		diag.Tf("Ô \"%s\" không phải là số", "Cell \"%s\" is not a number", excerpt(f.Text)),
		t.numberHint())
}

func (t *Table) numberHint() diag.Text {
	if t.DecimalComma {
		return diag.T("Tệp này dùng dấu phẩy ngăn phần thập phân và dấu chấm ngăn hàng nghìn; viết ví dụ 1234,5 hoặc 1.234,5 hoặc -12",
			"This file uses a decimal comma and a dot between thousands; write for example 1234,5 or 1.234,5 or -12")
	}
	return diag.T("Tệp này dùng dấu chấm ngăn phần thập phân và dấu phẩy ngăn hàng nghìn; viết ví dụ 1234.5 hoặc 1,234.5 hoặc -12",
		"This file uses a decimal point and a comma between thousands; write for example 1234.5 or 1,234.5 or -12")
}
