package build

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// Figures from the future (issue 13, item 5): a row for a period that
// starts after the moment the site is judged at cannot have been known
// then. It is warned about, left out of every figure, chart, table and
// summary, and kept only in the CSV download, marked.

// futureSite is judged at 30/06/2023 and holds a July figure for the
// indicator (line 6) and a report for week 27, which starts on 03/07/2023
// (line 4).
const futureSite = `
-- config.toml --
title = "Tương lai"
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
[[unit]]
id = "xa-an"
name = "Xã An"
short = "An"
kind = "xa"
[[unit]]
id = "xa-binh"
name = "Xã Bình"
short = "Bình"
kind = "xa"
-- data/indicators.toml --
[[group]]
code = "3.4"
title = "Công dân số"
[[indicator]]
id = "tai-khoan"
title = "Tài khoản định danh"
unit = "tài khoản"
measure = "cumulative"
baseline = { period = "2022-12", value = 0 }
lead = "cong-an-huyen"
source = "Minh họa"
frequency = "monthly"
file = "chi-tieu/tai-khoan.csv"
dimension = "commune"
group = "3.4"
illustrative = true
[[indicator.target]]
value = 5000
deadline = "2023-12-31"
-- data/chi-tieu/tai-khoan.csv --
ky,xa,gia_tri,ghi_chu
2023-05,xa-an,1200,
2023-05,xa-binh,900,
2023-06,xa-an,1500,
2023-07,xa-an,987654,gõ nhầm kỳ
2023-06,xa-binh,1100,
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
2023-W24,cccd,8,2,0,6,4,0,0,0,10,0,0,,,,2023-06-20 08:00
2023-W25,cccd,9,1,0,5,5,0,0,0,10,0,0,,,,2023-06-27 08:10
2023-W27,cccd,864213,0,0,864213,0,0,0,0,864213,0,0,,,,2023-06-28 08:00
-- content/_index.md --
+++
title = "Trang chủ"
+++
{{< kpi "tai-khoan" >}}

{{< chart "tai-khoan" >}}
`

// futureValue matches the future figures however a page writes them:
// 987654, 987.654 or 987,654; 864213 likewise.
var futureValue = regexp.MustCompile(`(^|[^0-9])(987[.,]?654|864[.,]?213)([^0-9]|$)`)

func TestFutureFiguresAreLeftOutExceptMarkedInDownload(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, futureSite, Options{Now: "2023-06-30"}).ok()

	for _, w := range []struct{ code, pos, words string }{
		{"csv-future", "data/chi-tieu/tai-khoan.csv:5:1", "2023-07"},
		{"report-future", "data/reports/cong-an-huyen.csv:4:1", "2023-W27"},
	} {
		d := diagAt(t, s.res, w.code, w.pos)
		if d.Severity != diag.Warning {
			t.Errorf("%s at %s is not a warning", w.code, w.pos)
		}
		if msg := d.Msg.In(diag.VI); !strings.Contains(msg, w.words) || !strings.Contains(msg, "30/06/2023") {
			t.Errorf("%s does not name the period and the as-of date: %s", w.code, msg)
		}
	}

	downloads := map[string]string{
		"chi-tieu/tai-khoan/tai-khoan.csv": "2023-07,Xã An,xa-an,987654,gõ nhầm kỳ,",
		"bao-cao/bao-cao-tuan.csv":         "2023-W27,Công an huyện,cong-an-huyen,Cấp đổi thẻ CCCD,cccd,864213,",
	}
	// /du-lieu/ offers the same files again, described by datapackage.json.
	downloads["du-lieu/chi-tieu/tai-khoan.csv"] = downloads["chi-tieu/tai-khoan/tai-khoan.csv"]
	downloads["du-lieu/bao-cao-tuan.csv"] = downloads["bao-cao/bao-cao-tuan.csv"]
	for _, name := range s.res.Output.Paths() {
		body := string(s.res.Output.Files[name])
		if row, ok := downloads[name]; ok {
			line := lineWith(body, row)
			if line == "" {
				t.Errorf("%s does not keep the future row %q:\n%s", name, row, body)
			} else if !strings.Contains(line, "sau ngày đánh giá 30/06/2023") || !strings.Contains(line, "after the as-of date") {
				t.Errorf("%s: the future row is not marked: %s", name, line)
			}
			continue
		}
		if m := futureValue.FindStringIndex(body); m != nil {
			from, to := max(0, m[0]-80), min(len(body), m[1]+80)
			t.Errorf("%s shows a future figure: …%s…", name, body[from:to])
		}
	}

	// No chart axis, table row or page for the future periods.
	s.notContains("chi-tieu/tai-khoan/index.html", "T7/2023", "Tháng 7/2023")
	s.notContains("bao-cao/index.html", "Tuần 27/2023")
	s.noFile("bao-cao/2023-w27/index.html")
	// The June figures still count: 1500 + 1100.
	s.contains("chi-tieu/tai-khoan/index.html", "2.600 tài khoản")
	s.contains("index.html", "2.600 tài khoản")
}

// lineWith returns the line of text holding s, or "".
func lineWith(text, s string) string {
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}
