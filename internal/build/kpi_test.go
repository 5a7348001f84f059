package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// kpiSite has two communes, a rate summed across them, and a count.
const kpiSite = `
-- config.toml --
title = "KPI"
[indicators]
from = "2022-01"
to = "2023-12"
-- data/units.toml --
[[unit]]
id = "cong-an-huyen"
name = "Công an huyện"
short = "Công an"
kind = "huyen"
[[unit]]
id = "xa-a"
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
id = "ty-le"
title = "Tỷ lệ hồ sơ trực tuyến"
measure = "rate"
baseline = { period = "2022-12", value = 0 }
lead = "cong-an-huyen"
source = "Minh họa"
frequency = "monthly"
file = "chi-tieu/ty-le.csv"
dimension = "commune"
decimals = 1
group = "3.4"
illustrative = true
[[indicator.target]]
value = 80
deadline = "2023-06-30"
[[indicator]]
id = "tai-khoan"
title = "Tài khoản"
unit = "tài khoản"
measure = "count"
baseline = { period = "2022-12", value = 0 }
lead = "cong-an-huyen"
source = "Minh họa"
frequency = "monthly"
file = "chi-tieu/tai-khoan.csv"
group = "3.4"
illustrative = true
[[indicator.target]]
value = 1000
deadline = "2023-12-31"
-- data/chi-tieu/ty-le.csv --
ky,xa,tu_so,mau_so
2023-05,xa-a,10,100
2023-05,xa-binh,90,100
2023-06,An,1,10
2023-06,Xã Bình,89,90
-- data/chi-tieu/tai-khoan.csv --
ky;gia_tri
2023-05;400
2023-06;1.250
-- content/huong-dan.md --
+++
title = "Hướng dẫn"
+++
Tình hình:

{{< kpi "ty-le" >}}

{{< chart "tai-khoan" >}}
`

func TestIndicatorPages(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, kpiSite, Options{Now: "2023-06-30"}).ok()
	// June: Σnum/Σden = (1+89)/(10+90) = 90/100 = 90,0% — not the mean of
	// 10% and 98,9%. 90 ≥ 80 by the deadline: achieved.
	s.contains("chi-tieu/ty-le/index.html", "90,0%", "đã đạt", `<figure class="chart" data-chart-id="line-ty-le">`,
		`<figure class="chart" data-chart-id="bar-ty-le">`, "<svg", `role="img"`, "Xã An", "Xã Bình")
	// 1.250 of 1.000 by 31/12: achieved early; decimal comma file read as 1250.
	s.contains("chi-tieu/tai-khoan/index.html", "1.250 tài khoản", "125,0%")
	s.contains("chi-tieu/index.html", "Tỷ lệ hồ sơ trực tuyến", "3.4. Công dân số")
	s.contains("chi-tieu/phuong-phap/index.html", "<h1>Phương pháp đánh giá tiến độ</h1>")
	s.contains("chi-tieu/ty-le/nhung/index.html", "line-ty-le")
	s.contains("du-lieu/index.html", "ty-le.csv", "tai-khoan.json")
	// Shortcodes: a card and a chart inside a guidance page.
	s.contains("huong-dan/index.html", `class="kpi-card"`, "90,0%", `data-chart-id="line-tai-khoan"`, "/js/charts.js")
	s.notContains("index.html", "/js/charts.js")

	// Downloads hold exactly the source numbers.
	csv := s.file("chi-tieu/ty-le/ty-le.csv")
	for _, want := range []string{"ky,don_vi,don_vi_ma,tu_so,mau_so,ghi_chu", "2023-06,Xã An,xa-a,1,10,", "2023-06,Xã Bình,xa-binh,89,90,"} {
		if !strings.Contains(csv, want) {
			t.Errorf("CSV download lacks %q:\n%s", want, csv)
		}
	}
	var js struct {
		Observations []struct {
			Period string   `json:"ky"`
			Value  *float64 `json:"gia_tri"`
		} `json:"observations"`
	}
	if err := json.Unmarshal([]byte(s.file("chi-tieu/tai-khoan/tai-khoan.json")), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Observations) != 2 || *js.Observations[1].Value != 1250 {
		t.Errorf("JSON download: got %+v", js.Observations)
	}
}

func TestIndicatorStatusByDate(t *testing.T) {
	t.Parallel()
	tests := []struct{ now, want string }{
		// Before any period has ended: no data.
		{"2023-05-15", "chưa có số liệu"},
		// After May: 100/200 = 50% against 80% expected by 30/06 on the way
		// from 0 at 31/12/2022: expected(31/05) = 80 × 151/181 = 66,7; 50/66,7 = 0,75 < 0,8.
		{"2023-06-01", "có nguy cơ không đạt"},
	}
	for _, tc := range tests {
		t.Run(tc.now, func(t *testing.T) {
			s := buildTxtar(t, kpiSite, Options{Now: tc.now}).ok()
			s.contains("chi-tieu/ty-le/index.html", tc.want)
		})
	}
}

func TestBadCSV(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, csv string
		wants     []string
	}{
		{"unknown commune", "ky,xa,tu_so,mau_so\n2023-05,Xã Anh,1,2\n",
			[]string{"data/chi-tieu/ty-le.csv:2:9:", "Xã An"}},
		{"bad number", "ky,xa,tu_so,mau_so\n2023-05,xa-a,mười,20\n",
			[]string{"data/chi-tieu/ty-le.csv:2:14:"}},
		{"bad period", "ky,xa,tu_so,mau_so\n2023-13,xa-a,1,2\n",
			[]string{"data/chi-tieu/ty-le.csv:2:1:"}},
		{"outside the plan", "ky,xa,tu_so,mau_so\n2021-05,xa-a,1,2\n",
			[]string{"data/chi-tieu/ty-le.csv:2:1:", "ngoài"}},
		{"duplicate", "ky,xa,tu_so,mau_so\n2023-05,xa-a,1,2\n2023-05,An,1,2\n",
			[]string{"data/chi-tieu/ty-le.csv:3:", "dòng 2"}},
		{"numerator above denominator", "ky,xa,tu_so,mau_so\n2023-05,xa-a,5,2\n",
			[]string{"data/chi-tieu/ty-le.csv:2:14:"}},
		{"missing column", "ky,xa,tu_so\n2023-05,xa-a,5\n",
			[]string{"data/chi-tieu/ty-le.csv:1:", "mau_so"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			archive := strings.Replace(kpiSite, "ky,xa,tu_so,mau_so\n2023-05,xa-a,10,100\n2023-05,xa-binh,90,100\n2023-06,An,1,10\n2023-06,Xã Bình,89,90\n", tc.csv, 1)
			buildTxtar(t, archive, Options{}).failsWith(tc.wants...)
		})
	}
	t.Run("negative count and missing file", func(t *testing.T) {
		archive := strings.Replace(kpiSite, "2023-06;1.250", "2023-06;-5", 1)
		archive = strings.Replace(archive, `file = "chi-tieu/ty-le.csv"`, `file = "chi-tieu/khong-co.csv"`, 1)
		buildTxtar(t, archive, Options{}).failsWith("data/chi-tieu/tai-khoan.csv:3:", "data/indicators.toml:")
	})
	t.Run("path traversal", func(t *testing.T) {
		archive := strings.Replace(kpiSite, `file = "chi-tieu/ty-le.csv"`, `file = "../../etc/passwd"`, 1)
		buildTxtar(t, archive, Options{}).failsWith("data/indicators.toml:")
	})
	t.Run("unknown shortcode id", func(t *testing.T) {
		archive := strings.Replace(kpiSite, `{{< kpi "ty-le" >}}`, `{{< kpi "ty-lee" >}}`, 1)
		buildTxtar(t, archive, Options{}).failsWith(`content/huong-dan.md:6:1: không có chỉ tiêu "ty-lee"`, "ty-le")
	})
}

func TestBadCSVLeavesPublicUntouched(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeSite(t, dir, kpiSite)
	if res := Run(Options{Source: dir, Now: "2023-06-30"}); !res.OK() {
		t.Fatal(res.Diags.Format("vi"))
	}
	before := snapshot(t, filepath.Join(dir, "public"))
	if err := os.WriteFile(filepath.Join(dir, "data/chi-tieu/tai-khoan.csv"), []byte("ky;gia_tri\n2023-05;4x0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := Run(Options{Source: dir, Now: "2023-06-30"}); res.OK() {
		t.Fatal("a bad CSV built")
	}
	after := snapshot(t, filepath.Join(dir, "public"))
	if len(before) != len(after) {
		t.Fatalf("public/ changed")
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed", k)
		}
	}
}
