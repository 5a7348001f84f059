package screen

import (
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"
)

// TestSVG checks what a picture promises: well-formed SVG, the screen's
// title and the button's label drawn in it, the step as its text
// alternative, no style attribute or element (the pages' CSP forbids
// them), nothing between elements, and the same bytes for the same words.
func TestSVG(t *testing.T) {
	got := SVG("Nhập mã OTP", "Mã OTP", `Bước 4: Nhập mã "OTP" <ngay>`)
	if got != SVG("Nhập mã OTP", "Mã OTP", `Bước 4: Nhập mã "OTP" <ngay>`) {
		t.Error("two drawings of the same step differ")
	}
	var texts []string
	var label string
	d := xml.NewDecoder(strings.NewReader(got))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, got)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "style" || tok.Name.Local == "script" || tok.Name.Local == "image" {
				t.Errorf("<%s> in the picture", tok.Name.Local)
			}
			for _, a := range tok.Attr {
				if a.Name.Local == "style" || strings.HasPrefix(a.Name.Local, "on") || a.Name.Local == "href" {
					t.Errorf("attribute %s on <%s>", a.Name.Local, tok.Name.Local)
				}
				if tok.Name.Local == "svg" && a.Name.Local == "aria-label" {
					label = a.Value
				}
			}
		case xml.CharData:
			if s := strings.TrimSpace(string(tok)); s != "" {
				texts = append(texts, s)
			} else if len(tok) > 0 {
				t.Errorf("whitespace between elements: %q", string(tok))
			}
		}
	}
	if label != `Bước 4: Nhập mã "OTP" <ngay>` {
		t.Errorf("aria-label %q", label)
	}
	if !slices.Equal(texts, []string{"Nhập mã OTP", "Mã OTP"}) {
		t.Errorf("drawn text %q, want the title and the button", texts)
	}
	if !strings.Contains(got, `role="img"`) {
		t.Error("no role=img")
	}
	if len(got) > 2000 {
		t.Errorf("picture is %d bytes, want at most 2000", len(got))
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want []string
	}{
		{"Kích hoạt", 14, []string{"Kích hoạt"}},
		{"Số định danh, số điện thoại", 14, []string{"Số định danh,", "số điện thoại"}},
		{"Thêm người lưu trú vào danh sách hôm nay", 14, []string{"Thêm người lưu", "trú vào danh…"}},
		{"Quảnlýhồsơcủacánhânrấtdài", 10, []string{"Quảnlýhồsơ…"}},
		{"", 10, []string{""}},
	} {
		if got := wrap(c.in, c.n); !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}
