package build

import (
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// encodedSite has files whose names need percent-encoding in a URL: a
// space, Vietnamese letters, and a page file named in Vietnamese.
func encodedSite(body string) map[string][]byte {
	return map[string][]byte{
		"static/bao cao.pdf":                 []byte("%PDF-1.4\n"),
		"static/tài-liệu.pdf":                []byte("%PDF-1.4\n"),
		"content/Đăng ký khai sinh.md":       []byte("+++\ntitle = \"Đăng ký khai sinh\"\n+++\n## Bước 1\n\nNộp hồ sơ.\n"),
		"content/a.md":                       []byte("+++\ntitle = \"A\"\n+++\n" + body),
		"content/huong-dan/_index.md":        []byte("+++\ntitle = \"Hướng dẫn\"\n+++\nXem [báo cáo](../bao%20cao.pdf).\n"),
		"content/huong-dan/tai lieu goc.md":  []byte("+++\ntitle = \"Tài liệu gốc\"\n+++\nGốc.\n"),
		"content/huong-dan/dung-tai-lieu.md": []byte("+++\ntitle = \"Dùng\"\n+++\n[Gốc](tai%20lieu%20goc.md)\n"),
	}
}

// TestLinksToFilesWithEncodedNames: a link may percent-encode the name of
// a static file or a page file (/bao%20cao.pdf, /t%C3%A0i-li%E1%BB%87u.pdf,
// %C4%90%C4%83ng%20k%C3%BD%20khai%20sinh.md) and its fragment; the build
// decodes it before looking for the file, and the page keeps the link as
// written.
func TestLinksToFilesWithEncodedNames(t *testing.T) {
	t.Parallel()
	s := buildFiles(t, encodedSite(
		"## Giới thiệu\n\n"+
			"[1](/bao%20cao.pdf) [2](/t%C3%A0i-li%E1%BB%87u.pdf) [3](</bao cao.pdf>) [4](/tài-liệu.pdf)\n\n"+
			"[5](%C4%90%C4%83ng%20k%C3%BD%20khai%20sinh.md#buoc%2D1) [6](#gioi%2Dthieu)\n")).ok()
	s.contains("a/index.html",
		`<a href="/bao%20cao.pdf">1</a>`, `<a href="/t%C3%A0i-li%E1%BB%87u.pdf">2</a>`,
		`<a href="/bao%20cao.pdf">3</a>`, `<a href="/t%C3%A0i-li%E1%BB%87u.pdf">4</a>`,
		`<a href="/dang-ky-khai-sinh/#buoc%2D1">5</a>`, `<a href="#gioi%2Dthieu">6</a>`)
	s.contains("huong-dan/index.html", `<a href="/bao%20cao.pdf">báo cáo</a>`)
	s.contains("huong-dan/dung-tai-lieu/index.html", `<a href="/huong-dan/tai-lieu-goc/">Gốc</a>`)
}

// TestLinkMalformedEscapeIsAnError: “%” not followed by two hexadecimal
// digits is an error at the link, whatever the link leads to.
func TestLinkMalformedEscapeIsAnError(t *testing.T) {
	t.Parallel()
	for _, link := range []string{"/bao%zzcao.pdf", "/50%.pdf", "Đăng%2 ký.md", "/bao%20cao.pdf#m%zz", "#m%"} {
		t.Run(link, func(t *testing.T) {
			s := buildFiles(t, encodedSite("Xem [x](<"+link+">).\n"))
			s.failsWith("content/a.md:4:5: ", "%25")
			for _, d := range s.res.Diags.All() {
				if d.Severity == diag.Error && d.Code != "link-escape" {
					t.Errorf("%s: code %q, want link-escape", d.Pos, d.Code)
				}
			}
		})
	}
}

// TestLinkEncodedDotsStayInside: “%2e%2e” is “..” once decoded, and is
// refused as leaving the site.
func TestLinkEncodedDotsStayInside(t *testing.T) {
	t.Parallel()
	buildFiles(t, encodedSite("[x](/%2e%2e/%2e%2e/etc/passwd)\n")).failsWith("content/a.md:4:1: ", "ra ngoài trang web")
}

// TestMenuLinkWithEncodedName: a menu's url is decoded the same way.
func TestMenuLinkWithEncodedName(t *testing.T) {
	t.Parallel()
	files := encodedSite("A.\n")
	files["config.toml"] = []byte("[[menus.main]]\nname = \"Báo cáo\"\nurl = \"/bao%20cao.pdf\"\n")
	buildFiles(t, files).ok()
	files["config.toml"] = []byte("[[menus.main]]\nname = \"Báo cáo\"\nurl = \"/bao%2gcao.pdf\"\n")
	buildFiles(t, files).failsWith("config.toml:3:1: ", "%25")
}
