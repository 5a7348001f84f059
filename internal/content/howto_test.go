package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/site"
)

func loadOne(t *testing.T, src string) (*site.Page, string) {
	t.Helper()
	var l diag.List
	fsys := fstest.MapFS{"content/huong-dan/x.md": &fstest.MapFile{Data: []byte(src + "Nội dung.\n")}}
	p := LoadFile(fsys, "content/huong-dan/x.md", Options{DefaultLang: "vi"}, &l)
	return p, l.Format(diag.VI)
}

func TestHowToRead(t *testing.T) {
	for _, c := range []struct{ name, src string }{
		{"TOML", `+++
title = "Kích hoạt"
[howto]
who = "Người đã đăng ký."
needs = ["Điện thoại", "  "]
place = "Trên ứng dụng."
unit = "cong-an-huyen"
[[howto.step]]
title = "Chờ tin nhắn"
text = "Chờ tin nhắn   báo duyệt."
[[howto.step]]
title = "Bấm Kích hoạt"
text = "Bấm “Kích hoạt”."
screen = "VNeID"
button = "Kích hoạt"
+++
`},
		{"YAML", `---
title: Kích hoạt
howto:
  who: Người đã đăng ký.
  needs: [Điện thoại]
  place: Trên ứng dụng.
  unit: cong-an-huyen
  step:
    - title: Chờ tin nhắn
      text: Chờ tin nhắn báo duyệt.
    - title: Bấm Kích hoạt
      text: Bấm “Kích hoạt”.
      screen: VNeID
      button: Kích hoạt
---
`},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, msgs := loadOne(t, c.src)
			if p == nil || msgs != "" {
				t.Fatalf("not loaded:\n%s", msgs)
			}
			h := p.HowTo
			if h == nil {
				t.Fatal("no HowTo")
			}
			if h.Who != "Người đã đăng ký." || len(h.Needs) != 1 || h.Place != "Trên ứng dụng." || h.Unit != "cong-an-huyen" {
				t.Errorf("facts: %+v", h)
			}
			if len(h.Steps) != 2 {
				t.Fatalf("steps: %+v", h.Steps)
			}
			s0, s1 := h.Steps[0], h.Steps[1]
			if s0.Text != "Chờ tin nhắn báo duyệt." || s0.OnPhone() || s0.ID != "buoc-1-cho-tin-nhan" {
				t.Errorf("step 1: %+v", s0)
			}
			if !s1.OnPhone() || s1.Screen != "VNeID" || s1.Button != "Kích hoạt" || s1.ID != "buoc-2-bam-kich-hoat" {
				t.Errorf("step 2: %+v", s1)
			}
			if h.UnitPos.Line == 0 {
				t.Errorf("unit position not set")
			}
			if !strings.Contains(p.HowTo.Plain(), "Bấm “Kích hoạt”.") {
				t.Errorf("Plain lacks the steps: %q", p.HowTo.Plain())
			}
		})
	}
}

// TestHowToErrors: every problem of a [howto] or journey table is an error
// at its file, line and column, all of them at once.
func TestHowToErrors(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"missing keys", `+++
title = "X"
[howto]
needs = []
[[howto.step]]
title = "Một"
+++
`, `content/huong-dan/x.md:3:1: bảng howto thiếu khóa bắt buộc "place"
content/huong-dan/x.md:3:1: bảng howto thiếu khóa bắt buộc "who"
content/huong-dan/x.md:4:1: bảng howto thiếu khóa bắt buộc "needs"
content/huong-dan/x.md:5:1: bước 1 thiếu khóa bắt buộc "text"`},
		{"no steps", `+++
title = "X"
[howto]
who = "A"
needs = ["B"]
place = "C"
+++
`, `content/huong-dan/x.md:3:1: bảng howto thiếu khóa bắt buộc "step"`},
		{"unknown keys", `+++
title = "X"
[howto]
who = "A"
needs = ["B"]
place = "C"
phi = "0"
[[howto.step]]
title = "Một"
text = "Hai"
nut = "Ba"
+++
`, `content/huong-dan/x.md:7:1: khóa "howto.phi" không được hỗ trợ
content/huong-dan/x.md:11:1: khóa "howto.step.nut" không được hỗ trợ`},
		{"screen without button", `+++
title = "X"
[howto]
who = "A"
needs = ["B"]
place = "C"
[[howto.step]]
title = "Một"
text = "Hai"
  screen = "VNeID"
+++
`, `content/huong-dan/x.md:10:3: bước 1 làm trên điện thoại nhưng thiếu "button"`},
		{"YAML unknown and missing", `---
title: X
howto:
  who: A
  needs: [B]
  step:
    - title: Một
      text: Hai
      nut: Ba
---
`, `content/huong-dan/x.md:9:7: khóa "nut" không được hỗ trợ`},
		{"YAML missing place", `---
title: X
howto:
  who: A
  needs: [B]
  step:
    - title: Một
      text: Hai
      button: Ba
---
`, `content/huong-dan/x.md:3:1: bảng howto thiếu khóa bắt buộc "place"
content/huong-dan/x.md:9:7: bước 1 làm trên điện thoại nhưng thiếu "screen"`},
		{"url not http", `+++
title = "X"
[howto]
who = "A"
needs = ["B"]
place = "C"
url = "javascript:alert(1)"
[[howto.step]]
title = "Một"
text = "Hai"
+++
`, `content/huong-dan/x.md:7:1: url "javascript:alert(1)" không phải địa chỉ http hoặc https`},
		{"journey", `+++
title = "X"
[journey]
pages = [
  "huong-dan/a.md",
  "huong-dan/a.md",
]
+++
`, `content/huong-dan/x.md:3:1: hành trình thiếu title
content/huong-dan/x.md:6:3: trang huong-dan/a.md có hai lần trong hành trình`},
		{"journey of one page", `+++
title = "X"
[journey]
title = "Y"
pages = ["huong-dan/a.md"]
+++
`, `content/huong-dan/x.md:5:1: hành trình cần ít nhất hai trang`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, msgs := loadOne(t, c.src)
			var got []string
			for _, line := range strings.Split(msgs, "\n") {
				if strings.HasPrefix(line, "content/") {
					got = append(got, line)
				}
			}
			if g := strings.Join(got, "\n"); g != c.want {
				t.Errorf("got:\n%s\nwant:\n%s\nall:\n%s", g, c.want, msgs)
			}
		})
	}
}
