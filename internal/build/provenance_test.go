package build

import (
	"strings"
	"testing"
)

// provenanceSite has an inferred lead, a lead the plan names, a lead the
// plan gives to a group of units, and an indicator that takes its lead
// from its plan task.
const provenanceSite = `
-- config.toml --
[tasks]
planDate = "2023-03-10"
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
id = "phong-noi-vu"
name = "Phòng Nội vụ"
short = "Nội vụ"
kind = "huyen"
[[unit]]
id = "xa-an"
name = "Xã An"
short = "An"
kind = "xa"
[[group]]
id = "cac-don-vi"
name = "Các phòng, ban, ngành và UBND các xã, thị trấn"
units = ["cong-an-huyen", "phong-noi-vu", "xa-an"]
-- data/tasks.csv --
ma,nhiem_vu,don_vi_chu_tri,don_vi_phoi_hop,thoi_han,han_cu_the,trang_thai,ngay_hoan_thanh,ket_qua,lien_ket,ghi_chu,Nguồn chủ trì,Căn cứ chủ trì,nguon_tien_do
1.3,Tập huấn,cong-an-huyen,,Hoàn thành trong Quý II/2023,,đang thực hiện,,,,,suy-luan,Kế hoạch không nêu đơn vị chủ trì.,minh-hoa
III.1,Xây dựng kế hoạch,cac-don-vi,,trước ngày 13/03/2023,,hoàn thành,2023-03-12,,,,Kế hoạch,"các phòng, ban, ngành, UBND các xã, thị trấn khẩn trương xây dựng Kế hoạch",bao-cao
III.4,Tiêu chí thi đua,phong-noi-vu,,,,đang thực hiện,,,,,ke-hoach,Giao Phòng Nội vụ chủ trì,
-- data/indicators.toml --
[[indicator]]
id = "tai-khoan"
title = "Tài khoản"
unit = "tài khoản"
measure = "count"
baseline = { period = "2022-12", value = 0 }
task = "1.3"
source = "Minh họa"
frequency = "monthly"
file = "chi-tieu/tai-khoan.csv"
illustrative = true
[[indicator.target]]
value = 100
deadline = "2023-06-30"
-- data/chi-tieu/tai-khoan.csv --
ky,gia_tri
2023-05,40
`

func TestLeadProvenanceIsShown(t *testing.T) {
	s := buildTxtar(t, provenanceSite, Options{Now: "2023-06-30"}).ok()
	row := func(page, anchor string) string {
		t.Helper()
		p := s.file(page)
		i := strings.Index(p, `id="`+anchor+`"`)
		if i < 0 {
			t.Fatalf("%s: no row %s", page, anchor)
		}
		return p[i : i+strings.Index(p[i:], "</tr>")]
	}
	// An inferred lead reads "Công an huyện (suy luận)", the reason a tap
	// away in a <details>.
	r := row("nhiem-vu/index.html", "nv-1-3")
	for _, want := range []string{`>Công an huyện</a>`, `<summary>(suy luận)`, "Lý do: Kế hoạch không nêu đơn vị chủ trì.", "(minh họa)"} {
		if !strings.Contains(r, want) {
			t.Errorf("row 1.3: want %q in\n%s", want, r)
		}
	}
	// A group lead names the group and lists its units.
	r = row("nhiem-vu/index.html", "nv-iii-1")
	for _, want := range []string{"Các phòng, ban, ngành và UBND các xã, thị trấn", "(theo kế hoạch)", "Kế hoạch ghi: “các phòng, ban, ngành", `href="/don-vi/xa-an/"`, "(theo báo cáo)"} {
		if !strings.Contains(r, want) {
			t.Errorf("row III.1: want %q in\n%s", want, r)
		}
	}
	// Each unit of the group leads III.1 on its own page; the inferred
	// lead is marked there too.
	s.contains("don-vi/xa-an/index.html", `href="/nhiem-vu/#nv-iii-1"`)
	s.contains("don-vi/cong-an-huyen/index.html", `href="/nhiem-vu/#nv-iii-1"`, `href="/nhiem-vu/#nv-1-3"`, "(suy luận)", "Kế hoạch không nêu đơn vị chủ trì.")
	// The indicator takes task 1.3's lead and its provenance.
	s.contains("chi-tieu/tai-khoan/index.html", `href="/don-vi/cong-an-huyen/"`, "(suy luận)", "Kế hoạch không nêu đơn vị chủ trì.", `href="/nhiem-vu/#nv-1-3"`)
	s.contains("don-vi/cong-an-huyen/index.html", `href="/chi-tieu/tai-khoan/"`)
	s.contains("chi-tieu/tai-khoan/tai-khoan.json", `"lead": "cong-an-huyen"`, `"lead_source": "suy-luan"`, `"task": "1.3"`)
	// Downloads carry the provenance per task.
	s.contains("nhiem-vu/nhiem-vu.json",
		`"nguon_don_vi_chu_tri": "suy-luan"`, `"can_cu_don_vi_chu_tri": "Kế hoạch không nêu đơn vị chủ trì."`,
		`"don_vi_chu_tri": "cac-don-vi"`, `"don_vi_chu_tri_gom": [`, `"nguon_don_vi_chu_tri": "ke-hoach"`,
		`"nguon_tien_do": "minh-hoa"`, `"nguon_tien_do": "bao-cao"`)
	s.contains("nhiem-vu/nhiem-vu.csv", "nguon_don_vi_chu_tri", "can_cu_don_vi_chu_tri", "suy-luan,Kế hoạch không nêu đơn vị chủ trì.")
}

func TestIndicatorLeadMustMatchItsTask(t *testing.T) {
	archive := strings.Replace(provenanceSite, `task = "1.3"`, "task = \"1.3\"\nlead = \"phong-noi-vu\"", 1)
	buildTxtar(t, archive, Options{Now: "2023-06-30"}).failsWith(
		`data/indicators.toml:8:1: chỉ tiêu "tai-khoan" ghi đơn vị chủ trì Phòng Nội vụ, nhưng nhiệm vụ 1.3 của nó (data/tasks.csv, dòng 2) do Công an huyện chủ trì`)

	archive = strings.Replace(provenanceSite, `task = "1.3"`, `task = "1.4"`, 1)
	buildTxtar(t, archive, Options{Now: "2023-06-30"}).failsWith(
		`data/indicators.toml:7:1: chỉ tiêu "tai-khoan": không có nhiệm vụ "1.4" trong data/tasks.csv`, "1.3")

	// The lead agreeing with the task is fine.
	archive = strings.Replace(provenanceSite, `task = "1.3"`, "task = \"1.3\"\nlead = \"cong-an-huyen\"", 1)
	buildTxtar(t, archive, Options{Now: "2023-06-30"}).ok()
}
