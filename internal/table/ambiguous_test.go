package table

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// readLast reads in with opts, settles the dialect by the last column and
// reads that column's cells.
func readLast(tb testing.TB, in string, opts Options) (*Table, []float64, []*diag.Diagnostic) {
	tb.Helper()
	t, l := Read("data/x.csv", []byte(in), opts)
	if l.Len() > 0 {
		tb.Fatalf("Read: %s", l.Format(diag.VI))
	}
	last := len(t.Header) - 1
	t.SettleDialect(last)
	var vals []float64
	var ds []*diag.Diagnostic
	for _, r := range t.Rows {
		v, d := t.ParseNumber(r.Fields[last])
		vals = append(vals, v)
		ds = append(ds, d)
	}
	return t, vals, ds
}

func TestThousandsWithoutSettledDialectAreAmbiguous(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		name string
		in   string
		opts Options
		// want is the value of the last row, or -1 when it is refused as
		// ambiguous.
		want    float64
		guessed bool
	}{
		{"comma file, nothing else", "ky,gia_tri\n2023-06,2.421\n", Options{}, -1, true},
		{"comma file, quoted comma thousands", "ky,gia_tri\n2023-06,\"1,234\"\n", Options{}, -1, true},
		{"tab file", "ky\tgia_tri\n2023-06\t2.421\n", Options{}, -1, true},
		{"whole numbers are not ambiguous", "ky,gia_tri\n2023-06,2421\n", Options{}, 2421, true},
		{"semicolon file", "ky;gia_tri\n2023-06;2.421\n", Options{}, 2421, false},
		{"settled by dot groups", "ky,gia_tri\n2023-05,1.000.000\n2023-06,2.421\n", Options{}, 2421, false},
		{"settled by a decimal comma", "ky,gia_tri\n2023-05,\"12,5\"\n2023-06,2.421\n", Options{}, 2421, false},
		{"settled by Vietnamese grouping and decimals", "ky,gia_tri\n2023-05,\"1.234,5\"\n2023-06,2.421\n", Options{}, 2421, false},
		{"settled by a decimal point", "ky,gia_tri\n2023-05,12.5\n2023-06,2.421\n", Options{}, 2.421, false},
		{"semicolon file with decimal points", "ky;gia_tri\n2023-05;12.5\n2023-06;2.421\n", Options{}, 2.421, false},
		{"cells of both dialects settle nothing", "ky,gia_tri\n2023-04,12.5\n2023-05,\"12,5\"\n2023-06,2.421\n", Options{}, -1, true},
		{"indicator says decimal comma", "ky,gia_tri\n2023-06,2.421\n", Options{DecimalComma: &yes}, 2421, false},
		{"indicator says decimal point", "ky;gia_tri\n2023-06;2.421\n", Options{DecimalComma: &no}, 2.421, false},
		{"the setting beats the cells", "ky,gia_tri\n2023-05,12.5\n2023-06,2.421\n", Options{DecimalComma: &yes}, 2421, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, vals, ds := readLast(t, tt.in, tt.opts)
			if tab.DialectGuessed != tt.guessed {
				t.Errorf("DialectGuessed = %v, want %v", tab.DialectGuessed, tt.guessed)
			}
			v, d := vals[len(vals)-1], ds[len(ds)-1]
			if tt.want == -1 {
				if d == nil || d.Code != "csv-number-ambiguous" {
					t.Fatalf("got %v, %v; want csv-number-ambiguous", v, d)
				}
				return
			}
			if d != nil || v != tt.want {
				t.Errorf("got %v, %v; want %v", v, d, tt.want)
			}
		})
	}
}

func TestAmbiguousMessageShowsBothReadings(t *testing.T) {
	tests := []struct {
		cell               string
		setting            diag.Text
		msgVi, msgEn, hint string
	}{
		{"2.421", diag.T(`cho chỉ tiêu "x" trong data/indicators.toml (dòng 12)`, `for indicator "x" in data/indicators.toml (line 12)`),
			`data/x.csv:2:9: Ô "2.421" đọc được hai cách: 2421 nếu dấu chấm ngăn hàng nghìn, hoặc 2,421 nếu dấu chấm là dấu thập phân; tệp không cho biết cách nào`,
			`data/x.csv:2:9: Cell "2.421" reads two ways: 2421 if the dot separates thousands, or 2.421 if the dot is the decimal point; the file does not say which`,
			`Nếu là 2421, xoá dấu ngăn hàng nghìn (ghi 2421); hoặc khai báo cách ghi số cho chỉ tiêu "x" trong data/indicators.toml (dòng 12): decimalComma = true (dấu phẩy thập phân, 1.234,5) hoặc decimalComma = false (dấu chấm thập phân, 1,234.5)`},
		{`"1,000"`, diag.Text{},
			`data/x.csv:2:9: Ô "1,000" đọc được hai cách: 1000 nếu dấu phẩy ngăn hàng nghìn, hoặc 1,000 nếu dấu phẩy là dấu thập phân; tệp không cho biết cách nào`,
			`data/x.csv:2:9: Cell "1,000" reads two ways: 1000 if the comma separates thousands, or 1.000 if the comma is the decimal point; the file does not say which`,
			`Nếu là 1000, xoá dấu ngăn hàng nghìn (ghi 1000); hoặc khai báo cách ghi số cho tệp này: decimalComma = true (dấu phẩy thập phân, 1.234,5) hoặc decimalComma = false (dấu chấm thập phân, 1,234.5)`},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			_, _, ds := readLast(t, "ky,gia_tri\n2023-06,"+tt.cell+"\n", Options{DialectSetting: tt.setting})
			d := ds[0]
			if d == nil {
				t.Fatal("no diagnostic")
			}
			vi, en := strings.SplitN(d.Format(diag.VI), "\n", 2)[0], strings.SplitN(d.Format(diag.EN), "\n", 2)[0]
			if vi != tt.msgVi || en != tt.msgEn || d.Hint.Vi != tt.hint {
				t.Errorf("got\n%s\n%s\n%s\nwant\n%s\n%s\n%s", vi, en, d.Hint.Vi, tt.msgVi, tt.msgEn, tt.hint)
			}
		})
	}
}

// TestUnicodeTextWithVietnameseThousands reads what Excel's "Unicode text"
// (UTF-16, tab) writes of figures typed with Vietnamese thousands: the tab
// settles nothing, so the figures are refused until the registry says.
func TestUnicodeTextWithVietnameseThousands(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "so-lieu-nghin-utf16.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tab, _ := Read("data/so-lieu.csv", data, Options{})
	tab.SettleDialect(2)
	for _, r := range tab.Rows {
		if _, d := tab.ParseNumber(r.Fields[2]); d == nil || d.Code != "csv-number-ambiguous" {
			t.Errorf("line %d: %q read without a setting: %v", r.Line, r.Fields[2].Text, d)
		}
	}
	yes := true
	tab, _ = Read("data/so-lieu.csv", data, Options{DecimalComma: &yes})
	tab.SettleDialect(2)
	var got []float64
	for _, r := range tab.Rows {
		v, d := tab.ParseNumber(r.Fields[2])
		if d != nil {
			t.Fatal(d)
		}
		got = append(got, v)
	}
	if want := []float64{2421, 1684, 3105}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("with decimalComma = true: got %v, want %v", got, want)
	}
}
