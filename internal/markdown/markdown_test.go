package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"vietnamese", "## Hướng dẫn", []string{"huong-dan"}},
		{"d with stroke", "## Đăng ký định danh", []string{"dang-ky-dinh-danh"}},
		{"numbers and punctuation", "## Bước 2: Nhập mã OTP!", []string{"buoc-2-nhap-ma-otp"}},
		{"duplicates", "## Lưu ý\n## Lưu ý\n## Lưu ý", []string{"luu-y", "luu-y-1", "luu-y-2"}},
		{"explicit id", "## Lưu ý {#rieng}\n## Rieng", []string{"rieng", "rieng-1"}},
		{"only symbols", "## ***", []string{"muc"}},
		{"decomposed input", "## Ho\u0300a", []string{"hoa"}},
	}
	c := New(Options{Typographer: true})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := c.Parse([]byte(tc.src))
			var got []string
			for _, h := range d.Headings {
				got = append(got, h.ID)
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestLinkPositions(t *testing.T) {
	d := New(Options{}).Parse([]byte("Một dòng.\n\nĐọc [kích hoạt](a.md) và ![ảnh](b.png).\n"))
	if len(d.Links) != 2 {
		t.Fatalf("got %d links, want 2", len(d.Links))
	}
	for i, want := range []struct{ line, col int }{{3, 5}, {3, 26}} {
		if d.Links[i].Line != want.line || d.Links[i].Col != want.col {
			t.Errorf("link %d at %d:%d, want %d:%d", i, d.Links[i].Line, d.Links[i].Col, want.line, want.col)
		}
	}
}

func TestRender(t *testing.T) {
	c := New(Options{Typographer: true})
	tests := []struct {
		name, src, want string
	}{
		{"table alignment as class", "| a | b |\n|:-:|--:|\n| 1 | 2 |", `<td class="align-center">1</td>`},
		{"header scope", "| a |\n|---|\n| 1 |", `<th scope="col">a</th>`},
		{"table wrapped", "| a |\n|---|\n| 1 |", `<div class="table-scroll" tabindex="0"><table>`},
		{"raw html dropped", "<script>alert(1)</script>", "<!-- raw HTML omitted -->"},
		{"task list", "- [x] xong", `<input checked="" disabled="" type="checkbox"`},
		{"footnote", "Chú thích[^1].\n\n[^1]: Nguồn.", `id="fn:1"`},
		{"definition list", "VNeID\n: Ứng dụng định danh.", "<dt>VNeID</dt>"},
		{"strikethrough", "~~cũ~~", "<del>cũ</del>"},
		{"typographer", `"trích"`, "&ldquo;trích&rdquo;"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := c.Render(c.Parse([]byte(tc.src)))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), tc.want) {
				t.Errorf("got %s, want it to contain %s", out, tc.want)
			}
			if strings.Contains(string(out), "style=") {
				t.Errorf("output has a style attribute: %s", out)
			}
		})
	}
}

func TestShortcodes(t *testing.T) {
	c := New(Options{})
	d := c.Parse([]byte("Đoạn văn.\n{{< kpi \"tai-khoan-vneid\" >}}\n\n  {{<chart \"a\" \"b\">}}\n\n`{{< kpi \"x\" >}}` trong dòng.\n"))
	if len(d.Shortcodes) != 2 {
		t.Fatalf("got %d shortcodes, want 2", len(d.Shortcodes))
	}
	s0, s1 := d.Shortcodes[0], d.Shortcodes[1]
	if s0.Name != "kpi" || strings.Join(s0.Args, ",") != "tai-khoan-vneid" || s0.Line != 2 || s0.Col != 1 {
		t.Errorf("first shortcode: got %+v", s0)
	}
	if s1.Name != "chart" || strings.Join(s1.Args, ",") != "a,b" || s1.Line != 4 || s1.Col != 3 {
		t.Errorf("second shortcode: got %+v", s1)
	}
	s0.SetHTML(`<div class="kpi">K</div>`)
	out, err := c.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `<div class="kpi">K</div>`) || strings.Contains(string(out), "tai-khoan-vneid") {
		t.Errorf("got %s", out)
	}
}

func TestPlainTextMax(t *testing.T) {
	src := []byte("# Tiêu đề\n\nĐăng ký **tài khoản** định danh điện tử\ntại Công an xã.\n\n- Mức 1\n- Mức 2\n")
	whole := New(Options{}).Parse(src).PlainText()
	if whole != "Tiêu đề Đăng ký tài khoản định danh điện tử tại Công an xã. Mức 1 Mức 2" {
		t.Fatalf("PlainText() = %q", whole)
	}
	for max := 1; max <= len(whole)+1; max++ {
		d := New(Options{PlainTextMax: max}).Parse(src)
		got := d.PlainText()
		// The longest start of at most max bytes that ends where a
		// character starts.
		want := whole
		for len(want) > max || !utf8.ValidString(want) {
			want = want[:len(want)-1]
		}
		if got != want {
			t.Fatalf("PlainTextMax %d: %q, want %q", max, got, want)
		}
		if len(d.Headings) != 1 || d.FirstParagraph() != "Đăng ký tài khoản định danh điện tử tại Công an xã." {
			t.Fatalf("PlainTextMax %d changed the headings or the first paragraph: %v %q", max, d.Headings, d.FirstParagraph())
		}
	}
}

// TestInlineShortcodes: a shortcode inside a line is Inline, keeps its
// line and column, and renders as a piece of that line; one in a code span
// or written for documentation ({{</* … */>}}) stays text.
func TestInlineShortcodes(t *testing.T) {
	c := New(Options{Typographer: true})
	d := c.Parse([]byte("Đạt {{< value \"vneid\" \"2023-06\" >}} tài khoản, `{{< value \"x\" >}}` và {{</* value \"y\" */>}}.\n"))
	if len(d.Shortcodes) != 1 {
		t.Fatalf("got %d shortcodes, want 1", len(d.Shortcodes))
	}
	s := d.Shortcodes[0]
	if s.Name != "value" || strings.Join(s.Args, ",") != "vneid,2023-06" || !s.Inline || s.Line != 1 || s.Col != 5 {
		t.Errorf("got %+v", s)
	}
	s.SetHTML(`<a href="/chi-tieu/vneid/">47.024</a>`)
	out, err := c.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	want := "<p>Đạt <a href=\"/chi-tieu/vneid/\">47.024</a> tài khoản, <code>{{&lt; value &quot;x&quot; &gt;}}</code> và {{&lt;/* value &ldquo;y&rdquo; */&gt;}}.</p>\n"
	if string(out) != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
}
