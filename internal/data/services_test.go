package data

import (
	"slices"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/report"
	"golang.org/x/text/unicode/norm"
)

// testServices is a small services.toml in the shape of the real one, for
// the units of testUnits.
const testServices = `# services
[[sector]]
id = "tu-phap"
name = "Tư pháp – hộ tịch"

[[sector]]
id = "cong-an"
name = "Công an"

[[service]]
id = "dang-ky-khai-sinh"
name = "Đăng ký khai sinh"
short = "Khai sinh"
sector = "tu-phap"
lead = "phong-tu-phap"
online = "toan-trinh"
de_an_06 = true

[[service]]
id = "dang-ky-ket-hon"
name = "Đăng ký kết hôn"
sector = "tu-phap"
lead = "phong-tu-phap"
online = "mot-phan"
de_an_06 = true

[[service]]
id = "dang-ky-thuong-tru"
name = "Đăng ký thường trú"
short = "Thường trú"
sector = "cong-an"
lead = "cong-an-huyen"
online = "toan-trinh"
de_an_06 = false
`

func mustServices(tb testing.TB) *Services {
	tb.Helper()
	l := &diag.List{}
	s := ParseServices(ServicesFile, []byte(testServices), mustUnits(tb), l)
	if l.Len() > 0 {
		tb.Fatalf("services: %s", l.Format(diag.VI))
	}
	return s
}

func TestServicesLookup(t *testing.T) {
	s := mustServices(t)
	tests := []struct{ text, want string }{
		{"dang-ky-khai-sinh", "dang-ky-khai-sinh"},
		{"Đăng ký khai sinh", "dang-ky-khai-sinh"},
		{"ĐĂNG KÝ KHAI SINH", "dang-ky-khai-sinh"},
		{"dang ky khai sinh", "dang-ky-khai-sinh"},
		{norm.NFD.String("Đăng ký khai sinh"), "dang-ky-khai-sinh"},
		{"Khai sinh", "dang-ky-khai-sinh"},
		{"Đăng ký kết hôn.", "dang-ky-ket-hon"},
		{"thuong tru", "dang-ky-thuong-tru"},
		{"khai tu", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := s.Lookup(tt.text)
		if got.ID != tt.want || ok != (tt.want != "") {
			t.Errorf("Lookup(%q) = %q %v, want %q", tt.text, got.ID, ok, tt.want)
		}
	}
	if got, ok := s.ByID("dang-ky-ket-hon"); !ok || got.Short != "Đăng ký kết hôn" || got.Online != OnlinePartial || got.Pos.Line != 19 {
		t.Errorf("ByID(dang-ky-ket-hon) = %+v", got)
	}
	if got := s.Suggest("Dang ky khai sihn"); len(got) == 0 || got[0] != "Đăng ký khai sinh" {
		t.Errorf("Suggest = %q", got)
	}
	if got := s.LedBy("phong-tu-phap"); len(got) != 2 {
		t.Errorf("LedBy(phong-tu-phap) = %d services, want 2", len(got))
	}
	if sec, ok := s.Sector("cong-an"); !ok || sec.Name != "Công an" {
		t.Errorf("Sector(cong-an) = %+v", sec)
	}
	want := []report.Service{
		{ID: "dang-ky-khai-sinh", Sector: "tu-phap", Essential: true},
		{ID: "dang-ky-ket-hon", Sector: "tu-phap", Essential: true},
		{ID: "dang-ky-thuong-tru", Sector: "cong-an", Essential: false},
	}
	if got := s.Catalogue(); !slices.Equal(got, want) {
		t.Errorf("Catalogue() = %+v", got)
	}
}

func TestParseServicesErrors(t *testing.T) {
	src := `[[sector]]
id = "tu-phap"
name = "Tư pháp"

[[sector]]
id = "Cong An"
name = "Công an"

[[service]]
id = "dang-ky-khai-sinh"
name = "Đăng ký khai sinh"
sector = "tu-phap"
lead = "phong-tu-phap"
online = "toan-trinh"
de_an_06 = true

[[service]]
id = "dang-ky-khai-sinh"
name = "Khai sinh lần hai"
sector = "tu-phap"
lead = "phong-tu-phap"
online = "toan-trinh"
de_an_06 = true

[[service]]
id = "dang-ky-khai-tu"
name = "đăng ký khai sinh"
sector = "tu-phap"
lead = "phong-tu-phap"
online = "toan trinh"
de_an_06 = true

[[service]]
id = "dang-ky-tam-tru"
name = "Đăng ký tạm trú"
sector = "cong-an"
lead = "cong-an"
online = "toan-trinh"

[[service]]
id = "dang-ky-ket-hon"
name = "Đăng ký kết hôn"
sector = "tu-phap"
lead = "xa-thach-kim"
online = "mot-phan"
de_an_06 = true
`
	l := &diag.List{}
	s := ParseServices(ServicesFile, []byte(src), mustUnits(t), l)
	want := []string{
		`data/services.toml:6:1: mã ngành "Cong An" không hợp lệ` + "\n    gợi ý: Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ \"cong-an\".",
		`data/services.toml:18:1: mã dịch vụ "dang-ky-khai-sinh" đã dùng ở dòng 9` + "\n    gợi ý: Mỗi dịch vụ cần một mã riêng.",
		`data/services.toml:27:1: tên "đăng ký khai sinh" trùng với tên dịch vụ ở dòng 9` + "\n    gợi ý: Tên và tên ngắn phải khác nhau giữa các dịch vụ, để tìm được đúng dịch vụ theo tên trong báo cáo.",
		`data/services.toml:30:1: online = "toan trinh" không hợp lệ` + "\n    gợi ý: Có phải là \"toan-trinh\"? Các giá trị dùng được: \"toan-trinh\", \"mot-phan\".",
		`data/services.toml:33:1: dịch vụ thứ 4 thiếu khóa bắt buộc "de_an_06"` + "\n    gợi ý: Thêm dòng de_an_06 = true nếu là dịch vụ công thiết yếu của Đề án 06 (chỉ tiêu trực tuyến 80%), false nếu không (60%).",
		`data/services.toml:36:1: không có ngành "cong-an" trong các bảng [[sector]]` + "\n    gợi ý: Các giá trị dùng được: \"tu-phap\".",
		`data/services.toml:37:1: không có đơn vị "cong-an" trong data/units.toml` + "\n    gợi ý: Có phải là \"cong-an-huyen\"? Dùng mã của một đơn vị báo cáo tuần trong data/units.toml.",
		`data/services.toml:44:1: Xã Thạch Kim không gửi báo cáo tuần (thiếu reports = true trong data/units.toml, dòng 22)` + "\n    gợi ý: Chọn một đơn vị báo cáo tuần (\"cong-an-huyen\", \"phong-tu-phap\"), hoặc thêm reports = true cho đơn vị này.",
	}
	got := formatted(l, diag.VI)
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(s.All) != 1 || s.All[0].ID != "dang-ky-khai-sinh" || len(s.Sectors) != 1 {
		t.Errorf("kept %d services, %d sectors", len(s.All), len(s.Sectors))
	}
	for _, d := range l.All() {
		if d.Msg.En == "" || d.Hint.En == "" {
			t.Errorf("%s: no English", d.Pos)
		}
	}
}

func TestParseServicesLeadByName(t *testing.T) {
	src := strings.Replace(testServices, `lead = "cong-an-huyen"`, `lead = "Công an huyện"`, 1)
	l := &diag.List{}
	ParseServices(ServicesFile, []byte(src), mustUnits(t), l)
	got := formatted(l, diag.VI)
	want := `data/services.toml:32:1: không có đơn vị "Công an huyện" trong data/units.toml` + "\n    gợi ý: Đó là Công an huyện Lộc Hà; viết mã của đơn vị: lead = \"cong-an-huyen\"."
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// FuzzParseServices: no file makes the checks panic.
func FuzzParseServices(f *testing.F) {
	f.Add(testServices)
	f.Add("[[service]]\nid = \"x\"\n[[sector]]\nid = 3\n")
	units := mustUnits(f)
	f.Fuzz(func(t *testing.T, src string) {
		l := &diag.List{}
		s := ParseServices(ServicesFile, []byte(src), units, l)
		for _, sv := range s.All {
			if got, ok := s.ByID(sv.ID); !ok || got.ID != sv.ID {
				t.Errorf("ByID(%q) lost", sv.ID)
			}
		}
	})
}
