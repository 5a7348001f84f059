package entry

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/config"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/workbook"
	"github.com/xuri/excelize/v2"
)

// judged is the site at dir as the tests' builds judge it.
func judged(t *testing.T, dir string) *site.Site {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Parse("config.toml", src, &diag.List{})
	now, _ := config.ParseMoment(cfg.AsOf, cfg.Location)
	return &site.Site{Config: cfg, Now: now}
}

// filled is the unit's template with figures typed in: cells by name.
func filled(t *testing.T, cells map[string]any) []byte {
	t.Helper()
	tpl, err := workbook.Template("don-vi-a", "Đơn vị A", []string{"Dịch vụ một", "Dịch vụ hai"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(tpl))
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range cells {
		if err := f.SetCellValue(workbook.Sheet, name, v); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// row is a balanced week of service one in the template's row r: online,
// in person, carried over, early, on time, late, pending ×2, returned,
// not accepted, supplement.
func row(r string, online int) map[string]any {
	m := map[string]any{}
	for i, v := range []int{online, 5, 0, online, 5, 0, 0, 0, online + 5, 0, 0} {
		col, _ := excelize.ColumnNumberToName(3 + i)
		m[col+r] = v
	}
	return m
}

func merge(ms ...map[string]any) map[string]any {
	out := map[string]any{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

func TestImportTemplateRoundTrip(t *testing.T) {
	dir, _ := newSite(t, reportCSV, "")
	s := judged(t, dir)
	// Week 10: service one's online count 4 → 7; service two as it is.
	book := filled(t, merge(row("6", 7), map[string]any{"C7": 3, "D7": 1, "F7": 2, "G7": 2, "K7": 4}))
	im, problem, l := ReadImport(dir, s, "bao-cao.xlsx", book, "don-vi-a", "2023-W10")
	if !problem.IsZero() || l.HasErrors() {
		t.Fatalf("problem %q:\n%s", problem.Vi, l.Format(diag.VI))
	}
	if len(im.Rows) != 2 || im.Rows[0].Kind != Changed || im.Rows[1].Kind != Unchanged {
		t.Fatalf("rows: %+v", im.Rows)
	}
	sum := im.Summary(diag.VI)
	for _, want := range []string{"~ Dịch vụ một ('Báo cáo tuần'!B6): thay đổi", "Tiếp nhận trực tuyến: 4 → 7", "= Dịch vụ hai ('Báo cáo tuần'!B7): không đổi", "0 dòng mới, 1 dòng thay đổi, 1 dòng không đổi"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary lacks %q:\n%s", want, sum)
		}
	}
	before := read(t, dir)
	if _, err := im.Write(); err != nil {
		t.Fatal(err)
	}
	after := read(t, dir)
	want := strings.Replace(reportCSV, "2023-W10;dich-vu-mot;4;5;0;4;5;0;0;0;9;", "2023-W10;dich-vu-mot;7;5;0;7;5;0;0;0;12;", 1)
	if string(after) != want {
		t.Errorf("file after the import:\n%q\nwant\n%q", after, want)
	}
	if b := backups(t, dir); len(b) != 1 || !bytes.Equal(b[0], before) {
		t.Errorf("backups: %d, want the previous file", len(b))
	}

	// Week 11 is new: two rows appended, sent at the moment judged at.
	book = filled(t, merge(row("6", 2), row("7", 1)))
	im, _, l = ReadImport(dir, s, "bao-cao.xlsx", book, "don-vi-a", "14/03/2023")
	if l.HasErrors() {
		t.Fatal(l.Format(diag.VI))
	}
	if im.Rows[0].Kind != Added || im.Rows[1].Kind != Added || !im.Changes() {
		t.Fatalf("rows: %+v", im.Rows)
	}
	if _, err := im.Write(); err != nil {
		t.Fatal(err)
	}
	after = read(t, dir)
	for _, line := range []string{"2023-W11;dich-vu-mot;2;5;0;2;5;0;0;0;7;0;0;;2023-06-30 23:59\r\n", "2023-W11;dich-vu-hai;1;5;0;1;5;0;0;0;6;0;0;;2023-06-30 23:59\r\n"} {
		if !bytes.Contains(after, []byte(line)) {
			t.Errorf("file lacks %q:\n%s", line, after)
		}
	}

	// The same workbook again changes nothing.
	im, _, _ = ReadImport(dir, s, "bao-cao.xlsx", book, "don-vi-a", "2023-W11")
	if im.Changes() {
		t.Errorf("a second import changes: %+v", im.Rows)
	}
}

func TestImportBadCellKeepsFile(t *testing.T) {
	dir, _ := newSite(t, reportCSV, "")
	before := read(t, dir)
	// A figure typed as words, and a negative one: the build's own
	// messages, at the workbook's cells.
	book := filled(t, merge(row("6", 7), row("7", 1), map[string]any{"D7": "năm", "K6": -3}))
	im, _, l := ReadImport(dir, judged(t, dir), "bao-cao.xlsx", book, "don-vi-a", "2023-W12")
	if !l.HasErrors() {
		t.Fatalf("no error; summary:\n%s", im.Summary(diag.VI))
	}
	got := l.Format(diag.VI)
	for _, want := range []string{"bao-cao.xlsx: 'Báo cáo tuần'!D7: ", "\"năm\"", "bao-cao.xlsx: 'Báo cáo tuần'!K6: Số âm \"-3\""} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	if _, err := im.Write(); err == nil {
		t.Error("a workbook with errors was written")
	}
	if !bytes.Equal(read(t, dir), before) {
		t.Error("the report file changed")
	}
}

// TestImportLayouts reads a workbook laid out as a district's own form:
// a title, a blank row, two heading rows merged, an STT column, services
// by short or unmarked upper-case names, a total row.
func TestImportLayouts(t *testing.T) {
	dir, _ := newSite(t, reportCSV, "")
	f := excelize.NewFile()
	sh := "Sheet1"
	set := func(cell string, v any) {
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	mergeCells := func(a, b string) {
		if err := f.MergeCell(sh, a, b); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "BÁO CÁO SỐ LIỆU TUẦN")
	heads := []string{"STT", "Tên dịch vụ công", "Tiếp nhận", "", "Kỳ trước chuyển sang", "Giải quyết", "", "", "Đang giải quyết", "", "Đã trả kết quả", "Không tiếp nhận", "Trả lại bổ sung"}
	subs := []string{"", "", "Trực tuyến", "Trực tiếp", "", "Trước hạn", "Đúng hạn", "Quá hạn", "Trong hạn", "Quá hạn"}
	for i, h := range heads {
		c, _ := excelize.CoordinatesToCellName(i+1, 3)
		if h != "" {
			set(c, h)
		}
	}
	for i, h := range subs {
		c, _ := excelize.CoordinatesToCellName(i+1, 4)
		if h != "" {
			set(c, h)
		}
	}
	for _, m := range [][2]string{{"A3", "A4"}, {"B3", "B4"}, {"C3", "D3"}, {"E3", "E4"}, {"F3", "H3"}, {"I3", "J3"}, {"K3", "K4"}, {"L3", "L4"}, {"M3", "M4"}} {
		mergeCells(m[0], m[1])
	}
	data := [][]any{
		{1, "DICH VU MOT", 7, 5, 0, 7, 5, 0, 0, 0, 12, 0, 0},
		{2, "Dịch vụ hai", 3, 1, 0, 2, 2, 0, 0, 0, 4, 0, 0},
		{nil, "Tổng cộng", 10, 6, 0, 9, 7, 0, 0, 0, 16, 0, 0},
	}
	for i, r := range data {
		c, _ := excelize.CoordinatesToCellName(1, 5+i)
		if err := f.SetSheetRow(sh, c, &r); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	f.WriteTo(&b)
	// "Tên dịch vụ công" is no report column: one error, at its heading.
	_, _, l := ReadImport(dir, judged(t, dir), "so.xlsx", b.Bytes(), "don-vi-a", "2023-W10")
	if got := l.Format(diag.VI); !strings.Contains(got, "so.xlsx: Sheet1!B3: Cột \"Tên dịch vụ công\" không thuộc bảng này") {
		t.Fatalf("errors:\n%s", got)
	}
	set("B3", "Dịch vụ công")
	b.Reset()
	f.WriteTo(&b)
	im, _, l := ReadImport(dir, judged(t, dir), "so.xlsx", b.Bytes(), "don-vi-a", "2023-W10")
	if l.HasErrors() {
		t.Fatal(l.Format(diag.VI))
	}
	if len(im.Rows) != 2 || im.Rows[0].Kind != Changed || im.Rows[1].Kind != Unchanged {
		t.Fatalf("rows: %+v", im.Rows)
	}
	// The total row is skipped, and checked: 10 received online is 7 + 3.
	for _, w := range im.Warnings {
		if w.Code == diag.CodeImportTotal {
			t.Errorf("total warned: %s", w.Format(diag.VI))
		}
	}
	// A service that matches nothing still counts in the total.
	set("B5", "Dịch vụ ba")
	b.Reset()
	f.WriteTo(&b)
	im, _, l = ReadImport(dir, judged(t, dir), "so.xlsx", b.Bytes(), "don-vi-a", "2023-W10")
	if !l.HasErrors() {
		t.Error("an unknown service is no error")
	}
	for _, w := range im.Warnings {
		if w.Code == diag.CodeImportTotal {
			t.Errorf("total warned beside an unknown service: %s", w.Format(diag.VI))
		}
	}
	set("B5", "DICH VU MOT")
	set("C7", 11)
	b.Reset()
	f.WriteTo(&b)
	im, _, _ = ReadImport(dir, judged(t, dir), "so.xlsx", b.Bytes(), "don-vi-a", "2023-W10")
	found := false
	for _, w := range im.Warnings {
		found = found || w.Code == diag.CodeImportTotal && w.Cell == "Sheet1!C7"
	}
	if !found {
		t.Errorf("a wrong total is not warned at Sheet1!C7: %v", im.Warnings)
	}
}

// TestImportMismatches reports every cell that matches nothing, at once.
func TestImportMismatches(t *testing.T) {
	dir, _ := newSite(t, reportCSV, "")
	before := read(t, dir)
	book := filled(t, merge(row("6", 7), row("7", 1), map[string]any{
		"B6": "Dịch vụ ba", "A8": 3, "B8": "Dịch vụ hai", "C8": 1, "R5": "Cột lạ", "R6": "x",
	}))
	_, _, l := ReadImport(dir, judged(t, dir), "bao-cao.xlsx", book, "don-vi-a", "2023-W10")
	got := l.Format(diag.VI)
	for _, want := range []string{
		"bao-cao.xlsx: 'Báo cáo tuần'!R5: Cột \"Cột lạ\" không thuộc bảng này",
		"bao-cao.xlsx: 'Báo cáo tuần'!B6: Không có dịch vụ \"Dịch vụ ba\" trong data/services.toml",
		"bao-cao.xlsx: 'Báo cáo tuần'!B8: Dịch vụ \"Dịch vụ hai\" đã có ở 'Báo cáo tuần'!B7",
		"3 lỗi, 0 cảnh báo",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	// Without a service column, no row can be read: the headings' errors
	// alone.
	book = filled(t, merge(row("6", 7), map[string]any{"B5": "Tên"}))
	_, _, l = ReadImport(dir, judged(t, dir), "bao-cao.xlsx", book, "don-vi-a", "2023-W10")
	got = l.Format(diag.VI)
	if !strings.Contains(got, "'Báo cáo tuần'!B5: Cột \"Tên\" không thuộc bảng này") || !strings.Contains(got, "Thiếu cột bắt buộc \"dich_vu\"") {
		t.Errorf("errors:\n%s", got)
	}
	if !bytes.Equal(read(t, dir), before) {
		t.Error("the report file changed")
	}
}

// TestImportChangedOnDisk: a file edited while the answer is awaited is
// not replaced.
func TestImportChangedOnDisk(t *testing.T) {
	dir, _ := newSite(t, reportCSV, "")
	im, _, l := ReadImport(dir, judged(t, dir), "bao-cao.xlsx", filled(t, row("6", 7)), "don-vi-a", "2023-W10")
	if l.HasErrors() {
		t.Fatal(l.Format(diag.VI))
	}
	edited := append(read(t, dir), "2023-W11;dich-vu-mot;1;0;0;1;0;0;0;0;1;0;0;;2023-03-20 08:00\r\n"...)
	os.WriteFile(filepath.Join(dir, file), edited, 0o644)
	if _, err := im.Write(); err != ErrChanged {
		t.Fatalf("Write: %v, want ErrChanged", err)
	}
	if !bytes.Equal(read(t, dir), edited) {
		t.Error("the edited file was replaced")
	}
}

// TestImportCSV reads a unit's week saved as CSV (a Vietnamese Excel's
// "CSV UTF-8": semicolons), with its own week column: a row of another
// week is an error at its cell.
func TestImportCSV(t *testing.T) {
	dir, _ := newSite(t, reportCSV, "")
	csv := "\uFEFFSTT;Tuần;Dịch vụ;Tiếp nhận trực tuyến;Tiếp nhận trực tiếp;Kỳ trước chuyển sang;Giải quyết trước hạn;Giải quyết đúng hạn;Giải quyết quá hạn;Đang giải quyết trong hạn;Đang giải quyết quá hạn;Đã trả kết quả;Không tiếp nhận;Trả lại bổ sung\r\n" +
		"1;2023-W11;dich-vu-mot;2;5;0;2;5;0;0;0;7;0;0\r\n" +
		"2;21/03/2023;DỊCH VỤ HAI;1;0;0;1;0;0;0;0;1;0;0\r\n"
	im, _, l := ReadImport(dir, judged(t, dir), "tuan-11.csv", []byte(csv), "don-vi-a", "2023-W11")
	if l.HasErrors() {
		t.Fatal(l.Format(diag.VI))
	}
	if len(im.Rows) != 2 || im.Rows[0].Kind != Added || im.Rows[1].Kind != Added {
		t.Fatalf("rows: %+v", im.Rows)
	}
	_, _, l = ReadImport(dir, judged(t, dir), "tuan-11.csv", []byte(csv), "don-vi-a", "2023-W12")
	if got := l.Format(diag.VI); !strings.Contains(got, "tuan-11.csv:2:3: Ô tuần \"2023-W11\" không phải Tuần 12/2023 (--tuan 2023-W12)") ||
		!strings.Contains(got, "tuan-11.csv:3:3: Ô tuần \"21/03/2023\"") {
		t.Errorf("errors:\n%s", got)
	}
}
