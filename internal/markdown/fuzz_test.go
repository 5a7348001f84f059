package markdown

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// FuzzMarkdown parses and renders any body. Parse and Render must not panic
// or fail; every link, image and shortcode must be found at a line and a
// character column of the body; and without
// Unsafe the HTML must carry no script: no script-like element, no event
// handler attribute, no javascript:, vbscript:, file: or non-image data: URL.
// A Converter that keeps only the start of the plain text keeps what
// keepStart keeps of the whole. Seeds are in testdata/fuzz/FuzzMarkdown.
func FuzzMarkdown(f *testing.F) {
	f.Add([]byte("## Bước 2: Nhập mã OTP {#otp}\n\nXem [kích hoạt](../vneid/kich-hoat.md#buoc-2) và ![ảnh](/img/a.png).\n\n{{< kpi \"tai-khoan\" >}}\n"), false)
	f.Add([]byte("[a]({{< ref \"/b.md#c\" >}}) {{% figure src=\"/x.png\" alt=`\"y\"` w=3 %}} `{{</* kpi \"a\" */>}}` {{< /x >}}\n"), false)
	f.Add([]byte("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <javascript:alert(1)>\n"), false)
	safe, unsafe := New(Options{Typographer: true}), New(Options{Typographer: true, Unsafe: true})
	const short = 7 // bytes: one to three letters of Vietnamese
	safeShort, unsafeShort := New(Options{Typographer: true, PlainTextMax: short}), New(Options{Typographer: true, Unsafe: true, PlainTextMax: short})
	f.Fuzz(func(t *testing.T, src []byte, allowHTML bool) {
		c := safe
		if allowHTML {
			c = unsafe
		}
		d := c.Parse(src)
		lines := strings.Split(string(src), "\n")
		inside := func(what string, line, col int) {
			t.Helper()
			if line < 1 || line > len(lines) {
				t.Fatalf("%s at %d:%d: outside the body's %d lines", what, line, col, len(lines))
			}
			if n := utf8.RuneCountInString(lines[line-1]); col < 1 || col > n+1 {
				t.Fatalf("%s at %d:%d: outside line %d (%d characters)", what, line, col, line, n)
			}
		}
		for _, l := range d.Links {
			inside("link "+l.Dest, int(l.Line), int(l.Col))
		}
		for _, s := range d.Shortcodes {
			inside("shortcode "+s.Name, s.Line, s.Col)
			s.SetHTML("<div>x</div>")
		}
		cs := safeShort
		if allowHTML {
			cs = unsafeShort
		}
		if got, want := cs.Parse(src).PlainText(), string(keepStart([]byte(d.PlainText()), short)); got != want {
			t.Fatalf("PlainTextMax %d: %q, want %q, the start of %q", short, got, want, d.PlainText())
		}
		_ = d.FirstParagraph()
		out, err := c.Render(d)
		if err != nil {
			t.Fatalf("render: %v", err)
		}
		if !allowHTML {
			if bad := scriptIn([]byte(out)); bad != "" {
				t.Fatalf("%s in the HTML of %q:\n%s", bad, src, out)
			}
		}
	})
}

// scriptIn returns what in doc could run script, or "".
func scriptIn(doc []byte) string {
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "object", "embed", "style", "base", "form", "meta", "link", "svg", "math":
				return "element <" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") || key == "srcdoc" || key == "formaction" {
					return "attribute " + a.Key
				}
				if key != "href" && key != "src" {
					continue
				}
				// As a browser reads a URL: no tabs or newlines, no
				// leading or trailing controls or spaces.
				u := strings.Map(func(r rune) rune {
					if r == '\t' || r == '\n' || r == '\r' {
						return -1
					}
					return r
				}, a.Val)
				u = strings.ToLower(strings.TrimFunc(u, func(r rune) bool { return r <= ' ' }))
				for _, s := range []string{"javascript:", "vbscript:", "file:"} {
					if strings.HasPrefix(u, s) {
						return "URL " + a.Val
					}
				}
				if strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "data:image/") {
					return "URL " + a.Val
				}
			}
		}
	}
}
