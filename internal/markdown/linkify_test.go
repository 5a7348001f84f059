package markdown

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// linkifyBodies are bodies where Linkify may or may not make links: bare
// URLs and addresses after each of its trigger characters, and the same
// strings where it must not act (code, link destinations and labels,
// autolinks, after other characters).
var linkifyBodies = []string{
	"Xem https://dichvucong.gov.vn/p/home.html để biết thêm.",
	"Xem [cổng](https://dichvucong.gov.vn) và ![ảnh](http://a.vn/x.png).",
	"Hỏi qua hotro@vneid.gov.vn hoặc (www.vneid.gov.vn).",
	"*www.a.vn* _http://a.vn_ ~ftp://a.vn~ ~~www.b.vn~~ (https://c.vn/a_(b)).",
	"`https://a.vn` <https://b.vn> <c@d.vn> [www.e.vn](f.md) [x@y.vn]",
	"ahttp://a.vn xwww.a.vn thư@ y@z x@y.z. a.b-c@d.e- a@b_c.vn",
	"Dòng một https://a.vn\ndòng hai www.b.vn  \ndòng ba.\\\nhttp://c.vn?q=1&amp;r=2;",
	"| a | https://a.vn |\n|---|---|\n| b@c.vn | www.d.vn |",
	"## Liên hệ https://a.vn {#lien-he}\n\n- [ ] www.a.vn\n- [x] a@b.vn\n\nVNeID\n: https://vneid.gov.vn",
	"Chú thích[^1] www.a.vn.\n\n[^1]: Nguồn: https://a.vn/x.",
	"\"https://a.vn\" 'www.a.vn' -- http://a.vn... www...vn www.a..vn",
	"&#104;ttps://a.vn h&#116;tp://b.vn \\http://c.vn \\ http://d.vn",
	"    https://code.block\n\n```\nwww.fenced.vn\n```\n\n<div>http://html.vn</div>",
	"[a https://b.vn](c.md) [d](https://e.vn \"www.f.vn\") [g]: https://h.vn\n\n[g]",
	"http www. ftp: @ https:// www.a ftp://a",
	"httpS://a.vn HTTP://b.vn Https://c.vn httpd://d.vn xhttp://e.vn http:f https:g ftps://h.vn ::http:: :https:",
	"0    \n0",
	"Dòng một  \ndòng hai   \ndòng ba    \ndòng bốn\t \ndòng năm \t\ndòng sáu  ",
	"Dòng một  \r\ndòng hai   \r\ndòng ba \r\ndòng bốn",
	"| a    | b\t |\n|---|---|\n| c  \t | d |",
	"# Tiêu đề    \n\nTiêu đề hai   \n===\n\n> trích  \n> dẫn    \n\n- mục   \n  tiếp  \n\nVNeID   \n: mô tả   \n\n[^1]: chú   \n    thích   ",
}

// samplePages reads the sample site's Markdown pages, when the tests run in
// the repository; none elsewhere.
func samplePages() [][]byte {
	var pages [][]byte
	_ = filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			if b, err := os.ReadFile(p); err == nil {
				pages = append(pages, b)
			}
		}
		return nil
	})
	return pages
}

// TestLinkifySkipped checks that parsing without Linkify where it cannot
// act changes nothing: the HTML and the text are those of a parse with it.
func TestLinkifySkipped(t *testing.T) {
	bodies := linkifyBodies
	// The sample site's pages too, when the test runs in the repository.
	for _, b := range samplePages() {
		bodies = append(bodies, string(b))
	}
	for _, o := range []Options{{}, {Typographer: true}, {Typographer: true, Unsafe: true}} {
		c := New(o)
		for _, src := range bodies {
			if got, want := dump(c, c.parse, src), dump(c, c.parseWithLinkify, src); got != want {
				t.Errorf("%+v, %q:\ngot  %s\nwant %s", o, src, got, want)
			}
		}
	}
}

// FuzzLinkifySkipped is TestLinkifySkipped for any body.
func FuzzLinkifySkipped(f *testing.F) {
	for _, s := range linkifyBodies {
		f.Add(s)
	}
	c := New(Options{Typographer: true})
	f.Fuzz(func(t *testing.T, src string) {
		if got, want := dump(c, c.parse, src), dump(c, c.parseWithLinkify, src); got != want {
			t.Errorf("%q:\ngot  %s\nwant %s", src, got, want)
		}
	})
}

// parseWithLinkify parses src as parse did before it skipped Linkify.
func (c *Converter) parseWithLinkify(src []byte) (ast.Node, *ids) { return parseWith(c.md, src) }

// dump is what a Doc takes from a tree: the HTML, the text of every text
// node and the IDs the headings took.
func dump(c *Converter, parse func([]byte) (ast.Node, *ids), src string) string {
	root, ids := parse([]byte(src))
	var b bytes.Buffer
	if err := c.md.Renderer().Render(&b, []byte(src), root); err != nil {
		return "error: " + err.Error()
	}
	b.WriteString("\n--- text: ")
	b.WriteString(plainText(root, []byte(src)))
	b.WriteString("\n--- ids: ")
	b.WriteString(strings.Join(slices.Sorted(maps.Keys(ids.used)), " "))
	return strings.TrimSpace(b.String())
}

func TestSpaceAtLineEnd(t *testing.T) {
	tests := []struct {
		name, src string
		want      bool
	}{
		{"none", "một\nhai", false},
		{"one space", "một \nhai ", false},
		{"one tab", "một\t\nhai", false},
		{"line break", "một  \nhai", false},
		{"three spaces", "một   \nhai", true},
		{"space and tab", "một \t\nhai", true},
		{"line break with CR", "một  \r\nhai", true},
		{"two spaces at the end", "một\nhai  ", true},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spaceAtLineEnd([]byte(tt.src)); got != tt.want {
				t.Errorf("spaceAtLineEnd(%q) = %v, want %v", tt.src, got, tt.want)
			}
		})
	}
}
