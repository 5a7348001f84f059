package build

import (
	"strings"
	"testing"
)

const tasksSite = `
-- config.toml --
[tasks]
soonDays = 14
planDate = "2023-03-10"
-- data/units.toml --
[[unit]]
id = "cong-an-huyen"
name = "Công an huyện"
short = "Công an"
kind = "huyen"
[[unit]]
id = "phong-tu-phap"
name = "Phòng Tư pháp"
short = "Tư pháp"
kind = "huyen"
-- data/tasks.csv --
ma,nhiem_vu,don_vi_chu_tri,don_vi_phoi_hop,thoi_han,han_cu_the,trang_thai,ngay_hoan_thanh,ket_qua,lien_ket,ghi_chu
1.2,Ban hành kế hoạch kiểm tra,cong-an-huyen,phong-tu-phap,trước ngày 30/04/2023,,hoàn thành,2023-04-20,,,
1.3,Tập huấn,Công an huyện,,Hoàn thành trong Quý II/2023,,đang thực hiện,,,,
3.1,Rà soát văn bản,phong-tu-phap,,Hoàn thành trong tháng 3/2023,,đang thực hiện,,,,
3.2.2,Số hóa hồ sơ,phong-tu-phap,,Thực hiện thường xuyên,,đang thực hiện,,,,
3.5.2,Số hóa dữ liệu,phong-tu-phap,,Hoàn thành trong Quý III/2023,,chưa thực hiện,,,,
`

// Hand check of each task's status:
//
//	code   due          2023-05-15                   2023-12-31
//	1.2    30/04        done 20/04 → đúng hạn        đúng hạn
//	1.3    30/06        in progress, 46 days → đang  past due → quá hạn
//	3.1    31/03        past due → quá hạn           quá hạn
//	3.2.2  —            thường xuyên                 thường xuyên
//	3.5.2  30/09        (not checked)                not done, past due → quá hạn
//	and on 2023-06-20, 1.3 is due within 14 days → sắp đến hạn.
func TestTaskStatusByDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		now  string
		want map[string]string
	}{
		{"2023-05-15", map[string]string{"1.2": "hoàn thành đúng hạn", "1.3": "đang thực hiện", "3.1": "quá hạn", "3.2.2": "thường xuyên"}},
		{"2023-06-20", map[string]string{"1.3": "sắp đến hạn"}},
		{"2023-12-31", map[string]string{"1.2": "hoàn thành đúng hạn", "1.3": "quá hạn", "3.1": "quá hạn", "3.5.2": "quá hạn"}},
	}
	for _, tc := range tests {
		t.Run(tc.now, func(t *testing.T) {
			s := buildTxtar(t, tasksSite, Options{Now: tc.now}).ok()
			page := s.file("nhiem-vu/index.html")
			for code, want := range tc.want {
				i := strings.Index(page, `id="nv-`+strings.ReplaceAll(code, ".", "-")+`"`)
				if i < 0 {
					t.Fatalf("no row for %s", code)
				}
				row := page[i:]
				row = row[:strings.Index(row, "</tr>")]
				if !strings.Contains(row, want) {
					t.Errorf("%s as of %s: want %q in %s", code, tc.now, want, row)
				}
			}
		})
	}
}

func TestUnitAndTaskPagesLinkEachOther(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, tasksSite, Options{Now: "2023-05-15"}).ok()
	s.contains("nhiem-vu/index.html", `href="/don-vi/phong-tu-phap/"`, `href="/nhiem-vu/nhiem-vu.csv"`)
	s.contains("don-vi/phong-tu-phap/index.html", `href="/nhiem-vu/#nv-3-1"`, "Phòng Tư pháp", "Nhiệm vụ phối hợp")
	s.contains("don-vi/index.html", `href="/don-vi/cong-an-huyen/"`)
	// Overdue first on the unit page: 3.1 (overdue) before 3.2.2.
	p := s.file("don-vi/phong-tu-phap/index.html")
	if strings.Index(p, "nv-3-1\"") > strings.Index(p, "nv-3-2-2\"") {
		t.Errorf("overdue task not first")
	}
	s.contains("nhiem-vu/nhiem-vu.json", `"ma": "3.1"`, `"han": "2023-03-31"`, `"trang_thai": "qua-han"`)
}

func TestTaskErrors(t *testing.T) {
	t.Parallel()
	bad := strings.Replace(tasksSite, "1.3,Tập huấn,Công an huyện,,Hoàn thành trong Quý II/2023", "1.3,Tập huấn,Công an huyen X,,Hoàn thành trong Quí II/2023", 1)
	buildTxtar(t, bad, Options{}).failsWith("data/tasks.csv:3:14: không có đơn vị “Công an huyen X”", "Công an huyện", "data/tasks.csv:3:")
	// An explicit due date makes unreadable words acceptable.
	ok := strings.Replace(tasksSite, "Hoàn thành trong Quý II/2023,,", "khi có chỉ đạo mới của tỉnh,2023-07-15,", 1)
	buildTxtar(t, ok, Options{}).ok()
}
