package view

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/site"
)

func TestGuidance(t *testing.T) {
	env := testEnv(t, "vi")
	env.T = func(key string) string {
		switch key {
		case "howtoAskAt":
			return "hỏi tại xã"
		case "howtoStep":
			return "Bước"
		case "howtoPictureCaption":
			return "Hình minh họa: màn hình “%s”, nút “%s”."
		}
		return "[" + key + "]"
	}
	pos := func(line int) diag.Pos { return diag.Pos{File: "content/huong-dan/_index.md", Line: line, Col: 3} }
	owner := &site.Page{File: "content/huong-dan/_index.md", Path: "/huong-dan/", Title: "Hướng dẫn",
		Journey: &site.Journey{Title: "Dùng VNeID",
			Files:   []string{"huong-dan/a.md", "huong-dan/b.md", "huong-dan/khong-co.md"},
			FilePos: []diag.Pos{pos(4), pos(5), pos(6)}}}
	a := &site.Page{File: "content/huong-dan/a.md", Path: "/huong-dan/a/", Title: "Trang A", LinkTitle: "A",
		HowTo: &site.HowTo{Who: "Ai", Needs: []string{"Thẻ"}, Place: "Ứng dụng", Unit: "cong-an-huyen",
			Steps: []site.Step{{Title: "Chờ", Text: "Chờ tin nhắn."}, {Title: "Bấm", Text: "Bấm nút.", Screen: "VNeID", Button: "Kích hoạt"}}}}
	b := &site.Page{File: "content/huong-dan/b.md", Path: "/huong-dan/b/", Title: "Trang B",
		HowTo: &site.HowTo{Who: "Ai", Needs: []string{"Thẻ"}, Place: "Xã", Unit: "khong-co", UnitPos: diag.Pos{File: "content/huong-dan/b.md", Line: 7, Col: 1},
			Duration: "3 ngày", Fee: "Không mất phí", Steps: []site.Step{{Title: "Đến", Text: "Đến xã."}}}}
	other := &site.Page{File: "content/tin.md", Path: "/tin/", Title: "Tin"}
	s := &site.Site{URLs: site.URLs{BasePath: "/", Origin: "https://example.gov.vn"}, Pages: []*site.Page{owner, a, b, other},
		ByFile: map[string]*site.Page{owner.File: owner, a.File: a, b.File: b, other.File: other}}
	w := &data.Weekly{Services: &data.Services{All: []data.Service{{ID: "thong-bao-luu-tru", Name: "Thông báo lưu trú"}, {ID: "khac", Name: "Khác"}}}}
	var l diag.List
	Guidance(env, s, w, map[string]Guide{"thong-bao-luu-tru": {Path: "/huong-dan/a/"}}, &l)

	msgs := l.Format(diag.VI)
	for _, want := range []string{
		"content/huong-dan/_index.md:6:3: liên kết tới trang không tồn tại",
		`content/huong-dan/b.md:7:1: đơn vị "khong-co" không có trong data/units.toml`,
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, msgs)
		}
	}
	if other.Data != nil {
		t.Errorf("a page outside guidance got %T", other.Data)
	}
	va, ok := a.Data.(*GuideView)
	if !ok {
		t.Fatalf("page A: Data is %T", a.Data)
	}
	j := va.Journey
	if j == nil || j.Title != "Dùng VNeID" || j.Current != 1 || len(j.Steps) != 2 || !j.Steps[0].Current || j.Steps[1].Current ||
		j.Steps[0].Title != "A" || j.Steps[1].Path != "/huong-dan/b/" {
		t.Errorf("journey on A: %+v", j)
	}
	if vb := b.Data.(*GuideView); vb.Journey.Current != 2 || !vb.Journey.Steps[1].Current {
		t.Errorf("journey on B: %+v", vb.Journey)
	}
	if vo := owner.Data.(*GuideView); vo.Journey.Current != 0 || vo.HowTo != nil {
		t.Errorf("journey on its owner: %+v", vo)
	}
	h := va.HowTo
	if h.Duration != "hỏi tại xã" || h.Fee != "hỏi tại xã" || h.Unit == nil || h.Unit.Name != "Công an huyện" ||
		h.Address != "hỏi tại xã" || h.Hours != "hỏi tại xã" || h.Phone != "hỏi tại xã" {
		t.Errorf("what the page does not know must say where to ask: %+v", h)
	}
	if h.Steps[0].Picture != "" || h.Steps[1].Picture == "" {
		t.Errorf("pictures: only the step on a phone has one")
	}
	if !strings.Contains(string(h.Steps[1].Picture), `aria-label="Bước 2: Bấm. Bấm nút."`) {
		t.Errorf("picture's text alternative is not the step: %s", h.Steps[1].Picture)
	}
	if h.Steps[1].Caption != "Hình minh họa: màn hình “VNeID”, nút “Kích hoạt”." {
		t.Errorf("caption %q", h.Steps[1].Caption)
	}
	if hb := b.Data.(*GuideView).HowTo; hb.Duration != "3 ngày" || hb.Fee != "Không mất phí" || hb.Unit != nil {
		t.Errorf("page B: %+v", hb)
	}
	if len(va.Services) != 1 || va.Services[0].Path != "/dich-vu/thong-bao-luu-tru/" {
		t.Errorf("services of A: %+v", va.Services)
	}
	if va.PageURL != "https://example.gov.vn/huong-dan/a/" {
		t.Errorf("PageURL %q", va.PageURL)
	}
}
