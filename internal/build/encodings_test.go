package build

import (
	"os"
	"strings"
	"testing"
)

const encodingsSite = `
-- config.toml --
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
measure = "count"
baseline = { period = "2022-12", value = 0 }
lead = "cong-an-huyen"
source = "Minh họa"
frequency = "monthly"
file = "chi-tieu/tai-khoan.csv"
dimension = "commune"
group = "3.4"
illustrative = true
[[indicator.target]]
value = 10000
deadline = "2023-06-30"
`

// TestEncodingsBuildIdenticalPages builds the same data saved as UTF-8,
// UTF-8 with BOM, UTF-16 with tabs and Windows-1258 (fixtures made with
// iconv by testdata/encodings/make.sh) and expects identical pages.
func TestEncodingsBuildIdenticalPages(t *testing.T) {
	t.Parallel()
	var want map[string]string
	for _, f := range []string{"source.csv", "utf8-bom.csv", "utf16.txt", "cp1258.csv"} {
		t.Run(f, func(t *testing.T) {
			data, err := os.ReadFile("testdata/encodings/" + f)
			if err != nil {
				t.Fatal(err)
			}
			s := buildTxtarFiles(t, encodingsSite, map[string][]byte{"data/chi-tieu/tai-khoan.csv": data}, Options{Now: "2023-06-30"}).ok()
			got := map[string]string{}
			for _, p := range []string{"chi-tieu/tai-khoan/index.html", "chi-tieu/tai-khoan/tai-khoan.csv", "chi-tieu/tai-khoan/tai-khoan.json"} {
				got[p] = s.file(p)
			}
			if !strings.Contains(got["chi-tieu/tai-khoan/index.html"], "Đã rà soát, bổ sung") {
				t.Errorf("the note with Vietnamese text is not on the page")
			}
			if want == nil {
				want = got
				return
			}
			for p, w := range want {
				if got[p] != w {
					t.Errorf("%s differs from the UTF-8 build", p)
				}
			}
		})
	}
}
