package build

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// Numbers that would be published wrong (issue 13, item 3): a figure whose
// value depends on the number dialect, a count that is not whole, a count
// with a % sign. Each is refused at its cell unless the file or the
// registry says how numbers are written.

// numbersSite has a count indicator without a dimension and one unit's
// weekly report, both comma-separated.
const numbersSite = `
-- config.toml --
title = "Số liệu"
[indicators]
from = "2022-01"
to = "2023-12"
-- data/units.toml --
[[unit]]
id = "cong-an-huyen"
name = "Công an huyện"
short = "Công an"
kind = "huyen"
reports = true
-- data/indicators.toml --
[[group]]
code = "3.4"
title = "Công dân số"
[[indicator]]
id = "tai-khoan"
title = "Tài khoản định danh"
unit = "tài khoản"
measure = "count"
baseline = { period = "2022-12", value = 0 }
lead = "cong-an-huyen"
source = "Minh họa"
frequency = "monthly"
file = "chi-tieu/tai-khoan.csv"
decimals = 0
group = "3.4"
illustrative = true
[[indicator.target]]
value = 5000
deadline = "2023-12-31"
-- data/chi-tieu/tai-khoan.csv --
ky,gia_tri
2023-05,400
2023-06,2421
-- data/services.toml --
[[sector]]
id = "cong-an"
name = "Công an"
[[service]]
id = "cccd"
name = "Cấp đổi thẻ CCCD"
sector = "cong-an"
lead = "cong-an-huyen"
online = "toan-trinh"
de_an_06 = true
-- data/reports/cong-an-huyen.csv --
tuan,dich_vu,tiep_nhan_truc_tuyen,tiep_nhan_truc_tiep,ky_truoc_chuyen_sang,giai_quyet_truoc_han,giai_quyet_dung_han,giai_quyet_qua_han,dang_giai_quyet_trong_han,dang_giai_quyet_qua_han,da_tra_ket_qua,khong_tiep_nhan,tra_lai_bo_sung,ly_do_qua_han,ly_do_khong_tiep_nhan,ly_do_tra_lai,ngay_gui
2023-W25,cccd,1234,0,0,1000,234,0,0,0,1234,0,0,,,,2023-06-27 08:10
`

// numbersVariant returns numbersSite with each old replaced by its new,
// failing when an old is not there.
func numbersVariant(tb testing.TB, pairs ...string) string {
	tb.Helper()
	s := numbersSite
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			tb.Fatalf("numbersSite has no %q", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// diagAt returns the diagnostic with code at pos ("file:line:col"), failing
// when there is none.
func diagAt(tb testing.TB, res *Result, code, pos string) *diag.Diagnostic {
	tb.Helper()
	for _, d := range res.Diags.All() {
		if d.Code == code && d.Pos.String() == pos {
			return d
		}
	}
	tb.Fatalf("no %s at %s; got:\n%s", code, pos, res.Diags.Format("vi"))
	return nil
}

func TestNumberWithDialectDependentValueIsRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		site      string
		pos, cell string
		readings  []string // both readings, in the Vietnamese message
	}{
		{"dot thousands in a comma file", numbersVariant(t, "2023-06,2421", "2023-06,2.421"),
			"data/chi-tieu/tai-khoan.csv:3:9", `"2.421"`, []string{"2421", "2,421"}},
		{"quoted comma thousands in a comma file", numbersVariant(t, "2023-06,2421", `2023-06,"1,234"`),
			"data/chi-tieu/tai-khoan.csv:3:9", `"1,234"`, []string{"1234", "1,234"}},
		{"dot thousands in a tab file", numbersVariant(t, "ky,gia_tri\n2023-05,400\n2023-06,2421", "ky\tgia_tri\n2023-05\t400\n2023-06\t2.421"),
			"data/chi-tieu/tai-khoan.csv:3:9", `"2.421"`, []string{"2421", "2,421"}},
		{"weekly report count", numbersVariant(t, "cccd,1234,0,0,1000,234,0,0,0,1234,", "cccd,1234,0,0,1.000,234,0,0,0,1234,"),
			"data/reports/cong-an-huyen.csv:2:24", `"1.000"`, []string{"1000", "1,000"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := buildTxtar(t, tc.site, Options{})
			if s.res.OK() {
				t.Fatalf("the site built; want an error at %s", tc.pos)
			}
			d := diagAt(t, s.res, "csv-number-ambiguous", tc.pos)
			msg, hint := d.Msg.In(diag.VI), d.Hint.In(diag.VI)
			for _, w := range append([]string{tc.cell}, tc.readings...) {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks %s: %s", w, msg)
				}
			}
			if !strings.Contains(hint, "decimalComma") {
				t.Errorf("hint does not say how to fix it: %s", hint)
			}
			if en := d.Msg.In(diag.EN); !strings.Contains(en, "2.4") && !strings.Contains(en, "1.234") && !strings.Contains(en, "1.000") {
				t.Errorf("English message does not show the decimal reading: %s", en)
			}
		})
	}
}

func TestDialectSettledByRegistryOrFile(t *testing.T) {
	t.Parallel()
	t.Run("indicator says decimalComma", func(t *testing.T) {
		site := numbersVariant(t, "2023-06,2421", "2023-06,2.421", `decimals = 0`, "decimals = 0\ndecimalComma = true")
		s := buildTxtar(t, site, Options{}).ok()
		s.contains("chi-tieu/tai-khoan/index.html", "2.421 tài khoản")
	})
	t.Run("another cell only the decimal comma reads", func(t *testing.T) {
		site := numbersVariant(t, "2023-05,400\n2023-06,2421", "2023-05,1.000.000\n2023-06,2.421")
		s := buildTxtar(t, site, Options{}).ok()
		s.contains("chi-tieu/tai-khoan/index.html", "2.421 tài khoản")
	})
	t.Run("semicolon file", func(t *testing.T) {
		site := numbersVariant(t, "ky,gia_tri\n2023-05,400\n2023-06,2421", "ky;gia_tri\n2023-05;400\n2023-06;2.421")
		s := buildTxtar(t, site, Options{}).ok()
		s.contains("chi-tieu/tai-khoan/index.html", "2.421 tài khoản")
	})
	t.Run("unit says decimalComma for its report", func(t *testing.T) {
		site := numbersVariant(t, "cccd,1234,0,0,1000,234,0,0,0,1234,", "cccd,1.234,0,0,1.000,234,0,0,0,1.234,",
			"reports = true", "reports = true\ndecimalComma = true")
		s := buildTxtar(t, site, Options{}).ok()
		s.contains("bao-cao/2023-w25/index.html", "1.234")
	})
}

func TestCountMustBeWhole(t *testing.T) {
	t.Parallel()
	site := numbersVariant(t, "2023-06,2421", "2023-06,1.234", `decimals = 0`, "decimals = 0\ndecimalComma = false")
	s := buildTxtar(t, site, Options{})
	if s.res.OK() {
		t.Fatal("a count of 1.234 built")
	}
	d := diagAt(t, s.res, "csv-count-whole", "data/chi-tieu/tai-khoan.csv:3:9")
	if msg := d.Msg.In(diag.VI); !strings.Contains(msg, `"1.234"`) {
		t.Errorf("message does not quote the cell: %s", msg)
	}
}

func TestPercentInCountIsRefused(t *testing.T) {
	t.Parallel()
	t.Run("indicator", func(t *testing.T) {
		s := buildTxtar(t, numbersVariant(t, "2023-06,2421", "2023-06,12%"), Options{})
		if s.res.OK() {
			t.Fatal("a count of 12% built")
		}
		diagAt(t, s.res, "csv-count-percent", "data/chi-tieu/tai-khoan.csv:3:9")
	})
	t.Run("weekly report", func(t *testing.T) {
		s := buildTxtar(t, numbersVariant(t, "cccd,1234,0,0,1000,234,0,0,0,1234,0,0,", "cccd,1234,0,0,1000,234,0,0,0,1234,12%,0,"), Options{})
		if s.res.OK() {
			t.Fatal("a count of 12% built")
		}
		diagAt(t, s.res, "report-percent", "data/reports/cong-an-huyen.csv:2:44")
	})
}
