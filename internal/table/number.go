package table

import (
	"fmt"
	"strconv"
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
// While the dialect is only a guess (Table.DialectGuessed), a cell whose
// value depends on it ("2.421", "1,234") is refused, with both readings.
//
// A workbook's number cell is returned as it is (see [Field.Number]).
//
// An empty cell is an error here; callers that allow empty cells check
// f.Text first.
func (t *Table) ParseNumber(f Field) (float64, *diag.Diagnostic) {
	if f.typed {
		return f.num, nil
	}
	v, ok := vi.ParseNumber(f.Text, t.DecimalComma)
	if ok {
		if t.DialectGuessed {
			if msg, hint, amb := Ambiguous(f.Text, t.setting); amb {
				return 0, diag.New(t.FieldPos(f), diag.CodeCSVNumberAmbiguous, msg, hint)
			}
		}
		return v, nil
	}
	pos := t.FieldPos(f)
	switch {
	case f.Text == "":
		return 0, diag.New(pos, diag.CodeCSVNumber,
			diag.T("Ô trống, cần một số", "The cell is empty; a number is needed"),
			t.numberHint())
	case strings.HasPrefix(f.Text, "#"):
		// #DIV/0!, #N/A, #VALUE!, #REF!, #NAME?, #NUM!, #NULL! and "####"
		// for a column too narrow.
		return 0, diag.New(pos, diag.CodeCSVNumber,
			diag.Tf("Ô \"%s\" là lỗi công thức hoặc hiển thị của Excel, không phải số", "Cell \"%s\" is an Excel formula or display error, not a number", excerpt(f.Text)),
			t.formulaHint())
	}
	return 0, diag.New(pos, diag.CodeCSVNumber,
		diag.Tf("Ô \"%s\" không phải là số", "Cell \"%s\" is not a number", excerpt(f.Text)),
		t.numberHint())
}

func (t *Table) numberHint() diag.Text {
	if t.Encoding == XLSX {
		return diag.T("Gõ một số vào ô, ví dụ 1234,5 (hoặc 1234.5 nếu máy tính dùng dấu chấm thập phân). Ô định dạng Văn bản (Text) hoặc bắt đầu bằng dấu ' chứa chữ, không phải số",
			"Type a number in the cell, such as 1234.5 (or 1234,5 on a computer set to a decimal comma). A cell formatted as Text, or starting with ', holds text, not a number")
	}
	if t.DecimalComma {
		return diag.T("Tệp này dùng dấu phẩy ngăn phần thập phân và dấu chấm ngăn hàng nghìn; viết ví dụ 1234,5 hoặc 1.234,5 hoặc -12",
			"This file uses a decimal comma and a dot between thousands; write for example 1234,5 or 1.234,5 or -12")
	}
	return diag.T("Tệp này dùng dấu chấm ngăn phần thập phân và dấu phẩy ngăn hàng nghìn; viết ví dụ 1234.5 hoặc 1,234.5 hoặc -12",
		"This file uses a decimal point and a comma between thousands; write for example 1234.5 or 1,234.5 or -12")
}

// SettleDialect looks at the cells of the number columns cols for one that
// only one dialect reads ("1.234,5", "12,5" or "1.234.567" against "12.5"
// or "1,234.5") and, when all such cells agree, settles the dialect by
// them. Cells of both kinds leave it a guess, so that no ambiguous cell is
// read by either. Options.DecimalComma, when given, is not overridden.
// Call it before reading those columns with [Table.ParseNumber].
func (t *Table) SettleDialect(cols ...int) {
	if t.dialectSet {
		return
	}
	comma, point := false, false
	for _, r := range t.Rows {
		for _, c := range cols {
			if c < 0 || c >= len(r.Fields) || r.Fields[c].Text == "" || r.Fields[c].typed {
				continue
			}
			_, cok := vi.ParseNumber(r.Fields[c].Text, true)
			_, pok := vi.ParseNumber(r.Fields[c].Text, false)
			comma = comma || cok && !pok
			point = point || pok && !cok
		}
	}
	switch {
	case comma && point:
		t.DialectGuessed = true
	case comma:
		t.DecimalComma, t.DialectGuessed = true, false
	case point:
		t.DecimalComma, t.DialectGuessed = false, false
	}
}

// Ambiguous returns the problem of a cell whose value depends on the
// dialect, quoting it with both readings; ok is false for a cell that
// reads one way. setting names where the dialect can be declared; empty,
// the hint speaks of decimalComma in general.
func Ambiguous(text string, setting diag.Text) (msg, hint diag.Text, ok bool) {
	asComma, asPoint, amb := vi.Ambiguous(text)
	if !amb {
		return msg, hint, false
	}
	// The reading that is a whole number comes first; the other is written
	// with the decimal separator of the message's language.
	// The decimal reading keeps the digits as written: "1.000" is 1,000
	// (one), not 1.
	core := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))
	whole, sepChar := asComma, "."
	sep := diag.T("dấu chấm", "dot")
	if strings.Contains(core, ",") {
		whole, sepChar = asPoint, ","
		sep = diag.T("dấu phẩy", "comma")
	}
	w := strconv.FormatFloat(whole, 'f', -1, 64)
	fEn := strings.Replace(core, sepChar, ".", 1)
	fVi := strings.Replace(core, sepChar, ",", 1)
	msg = diag.Text{
		Vi: fmt.Sprintf("Ô \"%s\" đọc được hai cách: %s nếu %s ngăn hàng nghìn, hoặc %s nếu %s là dấu thập phân; tệp không cho biết cách nào", excerpt(text), w, sep.Vi, fVi, sep.Vi),
		En: fmt.Sprintf("Cell \"%s\" reads two ways: %s if the %s separates thousands, or %s if the %s is the decimal point; the file does not say which", excerpt(text), w, sep.En, fEn, sep.En),
	}
	where := setting
	if where.IsZero() {
		where = diag.T("cho tệp này", "for this file")
	}
	digits := strings.Replace(core, sepChar, "", 1)
	hint = diag.Text{
		Vi: fmt.Sprintf("Nếu là %s, xoá dấu ngăn hàng nghìn (ghi %s); hoặc khai báo cách ghi số %s: decimalComma = true (dấu phẩy thập phân, 1.234,5) hoặc decimalComma = false (dấu chấm thập phân, 1,234.5)", w, digits, where.Vi),
		En: fmt.Sprintf("If it is %s, remove the thousands separator (write %s); or declare how numbers are written %s: decimalComma = true (decimal comma, 1.234,5) or decimalComma = false (decimal point, 1,234.5)", w, digits, where.En),
	}
	return msg, hint, true
}

func (t *Table) formulaHint() diag.Text {
	if t.Encoding == XLSX {
		return diag.T("Sửa công thức trong bảng tính rồi lưu lại tệp", "Fix the formula in the spreadsheet and save the file again")
	}
	return diag.T("Sửa công thức (hoặc nới rộng cột) trong bảng tính rồi lưu lại tệp CSV",
		"Fix the formula (or widen the column) in the spreadsheet and save the CSV file again")
}
