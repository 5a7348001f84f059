package markdown

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
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
		if int(d.Links[i].Line) != want.line || int(d.Links[i].Col) != want.col {
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
// is Stray (Hugo would run it); one written for documentation
// ({{</* … */>}}) renders as the shortcode, as in Hugo, quotes as written.
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
	want := "<p>Đạt <a href=\"/chi-tieu/vneid/\">47.024</a> tài khoản, <code>{{&lt; value &quot;x&quot; &gt;}}</code> và {{&lt; value &quot;y&quot; &gt;}}.</p>\n"
	if len(d.Stray) != 1 || d.Stray[0].Line != 1 || d.Stray[0].Col != 49 {
		t.Errorf("stray: got %+v, want the code span's at 1:49", d.Stray)
	}
	if string(out) != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
}

// TestShortcodeArguments: Hugo's argument forms — quoted with escapes,
// raw, bare, named — and {{% … %}} read like {{< … >}}.
func TestShortcodeArguments(t *testing.T) {
	cases := []struct {
		name, src string
		args      []string
		params    map[string]string
	}{
		{"quoted", `{{< kpi "a b" >}}`, []string{"a b"}, nil},
		{"escaped quote", `{{< kpi "a \"b\" \\ c" >}}`, []string{`a "b" \ c`}, nil},
		{"raw", "{{< kpi `a \"b\"` >}}", []string{`a "b"`}, nil},
		{"bare", `{{< youtube w7Ft2ymGmfc>}}`, []string{"w7Ft2ymGmfc"}, nil},
		{"named", `{{< figure src="/anh/a.png" alt="Ảnh" width=300 >}}`, nil, map[string]string{"src": "/anh/a.png", "alt": "Ảnh", "width": "300"}},
		{"percent", `{{% value "x" "2023-06" %}}`, []string{"x", "2023-06"}, nil},
		{"no space", `{{<kpi "a">}}`, []string{"a"}, nil},
	}
	c := New(Options{Typographer: true})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := c.Parse([]byte(tc.src + "\n"))
			if len(d.Shortcodes) != 1 || len(d.Stray) != 0 {
				t.Fatalf("got %d shortcodes, strays %+v; want 1 and none", len(d.Shortcodes), d.Stray)
			}
			s := d.Shortcodes[0]
			if !slices.Equal(s.Args, tc.args) || !maps.Equal(s.Params, tc.params) {
				t.Errorf("got %q %v, want %q %v", s.Args, s.Params, tc.args, tc.params)
			}
		})
	}
}

// TestStrayShortcodes: whatever starts like a shortcode and is not one
// tiendo read is Stray, at its place; escaped ones are not, and render
// as Hugo renders them, in code too.
func TestStrayShortcodes(t *testing.T) {
	src := "{{< highlight go >}}\nx\n{{< /highlight >}}\n\n```\n{{</* kpi \"a\" */>}}\n{{< kpi \"b\" >}}\n```\n\nA {{< kpi \"c\n\n{{< kpi a=\"1\" >}}\n"
	c := New(Options{})
	d := c.Parse([]byte(src))
	var got []string
	for _, s := range d.Stray {
		got = append(got, fmt.Sprintf("%d:%d", s.Line, s.Col))
	}
	if want := []string{"3:1", "7:1", "10:3"}; !slices.Equal(got, want) {
		t.Errorf("strays at %v, want %v", got, want)
	}
	for _, s := range d.Shortcodes {
		s.SetHTML("")
	}
	out, _ := c.Render(d)
	if !strings.Contains(string(out), "{{&lt; kpi &quot;a&quot; &gt;}}\n") {
		t.Errorf("escaped shortcode in code: got %s", out)
	}
}

// TestRefLinks: [text]({{< ref "page.md" >}}) is a link whose destination
// is the ref's argument, at the shortcode's place; a ref elsewhere is a
// shortcode.
func TestRefLinks(t *testing.T) {
	src := "Xem [kích hoạt]({{< ref \"/huong-dan/kích-hoạt.md#b\" >}} \"tiêu đề\") và [x]({{% relref \"y.md\" %}}), {{< ref \"z.md\" >}}.\n"
	c := New(Options{Typographer: true})
	d := c.Parse([]byte(src))
	if len(d.Links) != 2 || len(d.Shortcodes) != 1 || len(d.Stray) != 0 {
		t.Fatalf("got links %+v, shortcodes %d, strays %+v", d.Links, len(d.Shortcodes), d.Stray)
	}
	l := &d.Links[0]
	if l.Dest != "/huong-dan/kích-hoạt.md#b" || l.Ref != "ref" || l.Line != 1 || l.Col != 17 {
		t.Errorf("got %+v", l)
	}
	if l := d.Links[1]; l.Dest != "y.md" || l.Ref != "relref" {
		t.Errorf("got %+v", l)
	}
	l.SetDest("/huong-dan/kich-hoat/#b")
	d.Shortcodes[0].SetHTML(`<a href="/z/">Z</a>`)
	out, _ := c.Render(d)
	if !strings.Contains(string(out), `<a href="/huong-dan/kich-hoat/#b" title="tiêu đề">kích hoạt</a>`) || strings.Contains(string(out), "tdref") {
		t.Errorf("got %s", out)
	}
}

// TestSetDestKeptAST: a body whose placeholders cannot all be found after
// pre-rendering (a link inside an image's text, which the alt attribute
// flattens) keeps its syntax tree, and SetDest still reaches the HTML.
func TestSetDestKeptAST(t *testing.T) {
	c := New(Options{})
	d := c.Parse([]byte("![xem [bước](/b.md) tiếp](/anh.png) và [trang](/c.md)\n"))
	if d.root == nil {
		t.Fatal("the body was pre-rendered; this test needs one that keeps its tree")
	}
	if len(d.Links) != 3 {
		t.Fatalf("got %d links", len(d.Links))
	}
	for i := range d.Links {
		l := &d.Links[i]
		l.SetDest(strings.TrimSuffix(l.Dest, ".md") + "/")
	}
	d.Resolved()
	out, err := c.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`src="/anh.png/"`, `href="/c/"`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("%s not in %s", want, out)
		}
	}
}

// TestParseLent: a Doc from ParseLent renders the same after its source's
// buffer is overwritten, both pre-rendered and keeping its tree, and so
// do its headings, links and text.
func TestParseLent(t *testing.T) {
	c := New(Options{})
	for _, src := range []string{
		"## Bước 1 {#buoc-1}\n\nXem [trang](/a.md \"tiêu đề\") và {{< chart id=\"x\" >}} ![ảnh](/b.png)\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n",
		"![xem [bước](/b.md) tiếp](/anh.png) và [trang](/c.md)\n\nĐoạn *hai*.\n", // keeps its tree
	} {
		want := c.Parse([]byte(src))
		buf := []byte(src)
		got := c.ParseLent(buf)
		for i := range buf {
			buf[i] = 'x'
		}
		if got.src != nil && &got.src[0] == &buf[0] {
			t.Fatalf("%q: the Doc keeps the lent buffer", src)
		}
		if !reflect.DeepEqual(got.Headings, want.Headings) || got.PlainText() != want.PlainText() || got.FirstParagraph() != want.FirstParagraph() {
			t.Errorf("%q: headings %v, text %q; want %v, %q", src, got.Headings, got.PlainText(), want.Headings, want.PlainText())
		}
		if len(got.Links) != len(want.Links) || len(got.Shortcodes) != len(want.Shortcodes) {
			t.Fatalf("%q: %d links, %d shortcodes; want %d, %d", src, len(got.Links), len(got.Shortcodes), len(want.Links), len(want.Shortcodes))
		}
		for i, l := range got.Links {
			if l.Dest != want.Links[i].Dest || l.Alt != want.Links[i].Alt {
				t.Errorf("%q: link %d is %q %q, want %q %q", src, i, l.Dest, l.Alt, want.Links[i].Dest, want.Links[i].Alt)
			}
		}
		for _, d := range []*Doc{got, want} {
			for _, s := range d.Shortcodes {
				s.SetHTML("<figure></figure>")
			}
			d.Resolved()
		}
		g, err1 := c.Render(got)
		w, err2 := c.Render(want)
		if err1 != nil || err2 != nil || g != w {
			t.Errorf("%q: rendered\n%s (%v)\nwant\n%s (%v)", src, g, err1, w, err2)
		}
	}
}
