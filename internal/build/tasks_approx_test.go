package build

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestTaskApproximateDueIsMarked: a due date read from vague words (“Đầu
// tháng 7/2023”) says “khoảng” on the task page and han_gan_dung in the
// JSON; an exact one, or an explicit han_cu_the, does not.
func TestTaskApproximateDueIsMarked(t *testing.T) {
	t.Parallel()
	site := `
-- config.toml --
[tasks]
planDate = "2023-03-10"
-- data/units.toml --
[[unit]]
id = "cong-an-huyen"
name = "Công an huyện"
short = "Công an"
kind = "huyen"
-- data/tasks.csv --
ma,nhiem_vu,don_vi_chu_tri,don_vi_phoi_hop,thoi_han,han_cu_the,trang_thai,ngay_hoan_thanh,ket_qua,lien_ket,ghi_chu
1,Đầu tháng,cong-an-huyen,,Đầu tháng 7/2023,,đang thực hiện,,,,
2,Tuần đầu,cong-an-huyen,,Tuần đầu tháng 7/2023,,đang thực hiện,,,,
3,Có hạn cụ thể,cong-an-huyen,,Đầu tháng 7/2023,2023-07-05,đang thực hiện,,,,
4,Quý và ngày,cong-an-huyen,,"Quý IV/2023, chậm nhất ngày 15/12/2023",,đang thực hiện,,,,
`
	s := buildTxtar(t, site, Options{Now: "2023-06-01"}).ok()

	var js struct {
		Tasks []struct {
			Code   string `json:"ma"`
			Due    string `json:"han"`
			Approx bool   `json:"han_gan_dung"`
		} `json:"tasks"`
	}
	if err := json.Unmarshal([]byte(s.file("nhiem-vu/nhiem-vu.json")), &js); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		due    string
		approx bool
	}{"1": {"2023-07-10", true}, "2": {"2023-07-07", false}, "3": {"2023-07-05", false}, "4": {"2023-12-15", false}}
	for _, tk := range js.Tasks {
		if w := want[tk.Code]; tk.Due != w.due || tk.Approx != w.approx {
			t.Errorf("task %s: han %q han_gan_dung %v, want %q %v", tk.Code, tk.Due, tk.Approx, w.due, w.approx)
		}
	}

	page := s.file("nhiem-vu/index.html")
	row := func(code string) string {
		i := strings.Index(page, `id="nv-`+code+`"`)
		if i < 0 {
			t.Fatalf("no row for %s", code)
		}
		return page[i : i+strings.Index(page[i:], "</tr>")]
	}
	if r := row("1"); !strings.Contains(r, "khoảng 10/07/2023") {
		t.Errorf("task 1 row does not say khoảng 10/07/2023:\n%s", r)
	}
	for _, code := range []string{"2", "3", "4"} {
		if r := row(code); strings.Contains(r, "khoảng") {
			t.Errorf("task %s row says khoảng:\n%s", code, r)
		}
	}
}
