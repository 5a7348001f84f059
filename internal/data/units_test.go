package data

import (
	"slices"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
	"golang.org/x/text/unicode/norm"
)

// testUnits is a small units.toml in the shape of the real one.
const testUnits = `# units
[[unit]]
id = "cong-an-huyen"
name = "Công an huyện Lộc Hà"
short = "Công an huyện"
kind = "huyen"
reports = true

[[unit]]
id = "phong-tu-phap"
name = "Phòng Tư pháp huyện Lộc Hà"
short = "Phòng Tư pháp"
kind = "huyen"
reports = true

[[unit]]
id = "thi-tran-loc-ha"
name = "Thị trấn Lộc Hà"
short = "TT Lộc Hà"
kind = "thi-tran"

[[unit]]
id = "xa-thach-kim"
name = "Xã Thạch Kim"
short = "Thạch Kim"
kind = "xa"

[[unit]]
id = "xa-thach-chau"
name = "Xã Thạch Châu"
short = "Thạch Châu"
kind = "xa"

[[unit]]
id = "xa-ho-do"
name = "Xã Hộ Độ"
short = "Hộ Độ"
kind = "xa"
`

func mustUnits(tb testing.TB) *Units {
	tb.Helper()
	l := &diag.List{}
	us := ParseUnits("data/units.toml", []byte(testUnits), l)
	if l.Len() > 0 {
		tb.Fatalf("units: %s", l.Format(diag.VI))
	}
	return us
}

func formatted(l *diag.List, lang diag.Lang) []string {
	var out []string
	for _, d := range l.All() {
		out = append(out, d.Format(lang))
	}
	return out
}

func TestLookup(t *testing.T) {
	us := mustUnits(t)
	tests := []struct {
		text, want string
	}{
		{"Thạch Kim", "xa-thach-kim"},
		{"xã Thạch Kim", "xa-thach-kim"},
		{"Xã Thạch Kim", "xa-thach-kim"},
		{"xa-thach-kim", "xa-thach-kim"},
		{"THACH KIM", "xa-thach-kim"},
		{"  thach   kim ", "xa-thach-kim"},
		{norm.NFD.String("Thạch Kim"), "xa-thach-kim"},
		{"UBND xã Thạch Kim", "xa-thach-kim"},
		{"Lộc Hà", "thi-tran-loc-ha"},
		{"TT Lộc Hà", "thi-tran-loc-ha"},
		{"thị trấn Lộc Hà", "thi-tran-loc-ha"},
		{"Công an huyện", "cong-an-huyen"},
		{"Công an huyện Lộc Hà", "cong-an-huyen"},
		{"Thạch", ""},
		{"", ""},
	}
	for _, tt := range tests {
		u, ok := us.Lookup(tt.text)
		if got := u.ID; got != tt.want || ok != (tt.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
		}
	}
	if u, ok := us.ByID("phong-tu-phap"); !ok || u.Short != "Phòng Tư pháp" || !u.Reports || u.Pos.Line != 9 {
		t.Errorf("ByID(phong-tu-phap) = %+v, %v", u, ok)
	}
}

func TestSuggest(t *testing.T) {
	us := mustUnits(t)
	if got, want := us.Suggest("Thach Kym"), []string{"Xã Thạch Kim"}; !slices.Equal(got[:1], want) {
		t.Errorf("Suggest(Thach Kym) = %q, want first %q", got, want)
	}
	if got := us.Suggest("Thạch"); !slices.Contains(got, "Xã Thạch Kim") || !slices.Contains(got, "Xã Thạch Châu") {
		t.Errorf("Suggest(Thạch) = %q, want both Thạch communes", got)
	}
}

func TestParseUnitsErrors(t *testing.T) {
	src := `[[unit]]
id = "xa-thach-kim"
name = "Xã Thạch Kim"
short = "Thạch Kim"
kind = "xa"

[[unit]]
id = "xa-thach-kim"
name = "Xã Thạch Kim Mới"
short = "Thạch Kim Mới"
kind = "xa"

[[unit]]
id = "Xa Ho Do"
name = "Xã Hộ Độ"
kind = "commune"
colour = "red"

[[unit]]
id = "xa-mai-phu"
name = "xã thạch kim"
short = "Mai Phụ"
kind = "xa"
`
	l := &diag.List{}
	us := ParseUnits("data/units.toml", []byte(src), l)
	want := []string{
		"data/units.toml:8:1: mã đơn vị \"xa-thach-kim\" đã dùng ở dòng 1\n    gợi ý: Mỗi đơn vị cần một mã riêng.",
		"data/units.toml:13:1: đơn vị thứ 3 thiếu khóa bắt buộc \"short\"\n    gợi ý: Thêm dòng short = \"Thạch Kim\" (tên ngắn cho bảng, biểu đồ).",
		"data/units.toml:14:1: mã đơn vị \"Xa Ho Do\" không hợp lệ\n    gợi ý: Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ \"xa-ho-do\".",
		"data/units.toml:16:1: loại đơn vị \"commune\" không hợp lệ\n    gợi ý: Viết kind = \"huyen\" (cấp huyện), \"xa\" (xã) hoặc \"thi-tran\" (thị trấn).",
		"data/units.toml:17:1: khóa \"unit.colour\" không được hỗ trợ\n    gợi ý: Các khóa hợp lệ ở đây: id, name, short, kind, reports, decimalComma, address, hours, phone.",
		"data/units.toml:21:1: tên \"xã thạch kim\" trùng với tên đơn vị ở dòng 3\n    gợi ý: Tên đầy đủ và tên ngắn phải khác nhau giữa các đơn vị, để tìm được đúng đơn vị theo tên.",
	}
	got := formatted(l, diag.VI)
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(us.All) != 1 || us.All[0].ID != "xa-thach-kim" {
		t.Errorf("units kept: %+v", us.All)
	}
}
