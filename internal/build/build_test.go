package build

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const basicSite = `
-- config.toml --
title = "Lộc Hà"
baseURL = "https://example.gov.vn/de-an-06/"
sample = true
[organisation]
name = "UBND huyện Lộc Hà"
phone = "0239 000 000"
[[menus.main]]
name = "Tin tức"
url = "/tin-tuc/"
weight = 30
-- content/_index.md --
+++
title = "Trang chủ"
+++
Xem [hướng dẫn](huong-dan/_index.md).
-- content/huong-dan/_index.md --
+++
title = "Hướng dẫn"
menu = "main"
weight = 10
+++
Các hướng dẫn.
-- content/huong-dan/Đăng ký khai sinh.md --
+++
title = "Đăng ký khai sinh"
weight = 20
+++
## Bước 1: Chuẩn bị
Xem [kích hoạt](vneid.md#buoc-2-nhap-ma-otp).

| Việc | Số |
|:-----|---:|
| A    | 1  |
-- content/huong-dan/vneid.md --
+++
title = "Kích hoạt VNeID"
weight = 10
toc = true
aliases = ["/vneid-cu/"]
+++
## Bước 1: Tải ứng dụng
## Bước 2: Nhập mã OTP
## Bước 2: Nhập mã OTP
-- content/tin-tuc/_index.md --
+++
title = "Tin tức"
+++
-- content/tin-tuc/a.md --
---
title: "Tin cũ"
date: 2023-03-10
---
Nội dung tin cũ.
-- content/tin-tuc/b.md --
+++
title = "Tin mới"
date = 2023-06-20
+++
Nội dung tin mới.
-- content/nhap.md --
+++
title = "Bản nháp"
draft = true
+++
`

func TestBuildBasicSite(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, basicSite, Options{}).ok()

	s.contains("index.html", `<html lang="vi"`, "<title>Lộc Hà</title>", `href="/de-an-06/huong-dan/"`,
		"Số liệu minh họa", `href="/de-an-06/css/site.css"`, `href="/de-an-06/atom.xml"`, `href="tel:0239000000"`)
	// Vietnamese file names become ASCII slugs.
	s.contains("huong-dan/dang-ky-khai-sinh/index.html",
		`<h2 id="buoc-1-chuan-bi">`, `href="/de-an-06/huong-dan/vneid/#buoc-2-nhap-ma-otp"`,
		`<th class="align-right" scope="col">`, `<div class="table-scroll" tabindex="0"><table>`)
	// Heading IDs are unique within the page; TOC lists them.
	s.contains("huong-dan/vneid/index.html", `id="buoc-2-nhap-ma-otp"`, `id="buoc-2-nhap-ma-otp-1"`,
		`<a href="#buoc-1-tai-ung-dung">`)
	// Section lists sorted by weight.
	sec := s.file("huong-dan/index.html")
	if strings.Index(sec, "Kích hoạt VNeID") > strings.Index(sec, "Đăng ký khai sinh") {
		t.Errorf("section list not sorted by weight")
	}
	// Dated pages: newest first in the section and in the feed.
	news := s.file("tin-tuc/index.html")
	if strings.Index(news, "Tin mới") > strings.Index(news, "Tin cũ") {
		t.Errorf("news not sorted newest first")
	}
	s.contains("tin-tuc/a/index.html", `<time datetime="2023-03-10">10/03/2023</time>`)
	s.contains("atom.xml", "<title>Tin mới</title>", "https://example.gov.vn/de-an-06/tin-tuc/b/", "2023-06-20T00:00:00+07:00")
	s.notContains("atom.xml", "Kích hoạt VNeID")
	s.contains("sitemap.xml", "<loc>https://example.gov.vn/de-an-06/huong-dan/vneid/</loc>")
	s.notContains("sitemap.xml", "404")
	s.contains("robots.txt", "Sitemap: https://example.gov.vn/de-an-06/sitemap.xml")
	s.contains("404.html", "Không tìm thấy trang")
	s.contains("vneid-cu/index.html", `content="0; url=/de-an-06/huong-dan/vneid/"`)
	s.contains("favicon.svg", "<svg")
	s.noFile("nhap/index.html")
	// Menus: from config and front matter, ordered by weight.
	home := s.file("index.html")
	if strings.Index(home, ">Hướng dẫn</a></li>") > strings.Index(home, ">Tin tức</a></li>") {
		t.Errorf("menu not ordered by weight")
	}
}

func TestDrafts(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, basicSite, Options{Drafts: true}).ok()
	s.contains("nhap/index.html", "Bản nháp")
}

func TestNoStyleOrInlineScript(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, basicSite, Options{}).ok()
	inline := regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]`)
	for _, p := range s.res.Output.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		html := s.file(p)
		if strings.Contains(html, " style=") || strings.Contains(html, "<style") {
			t.Errorf("%s has a style attribute or element", p)
		}
		for _, m := range inline.FindAllString(html, -1) {
			if !strings.Contains(m, "application/json") {
				t.Errorf("%s has an inline script: %s", p, m)
			}
		}
	}
}

func TestURLs(t *testing.T) {
	t.Parallel()
	page := `
-- content/a/b.md --
+++
title = "B"
+++
[c](../c.md) ![ảnh](/img/x.png)
-- content/c.md --
+++
title = "C"
+++
-- static/img/x.png --
png
`
	tests := []struct {
		name   string
		config string
		want   []string
	}{
		{"root", `baseURL = "/"`, []string{`href="/c/"`, `src="/img/x.png"`, `href="/css/site.css"`}},
		{"subpath", `baseURL = "https://example.gov.vn/de-an-06/"`,
			[]string{`href="/de-an-06/c/"`, `src="/de-an-06/img/x.png"`, `href="/de-an-06/css/site.css"`, `<link rel="canonical" href="https://example.gov.vn/de-an-06/a/b/">`}},
		{"relative", "baseURL = \"https://example.gov.vn/de-an-06/\"\nrelativeURLs = true",
			[]string{`href="../../c/index.html"`, `src="../../img/x.png"`, `href="../../css/site.css"`, `href="../../index.html"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := buildTxtar(t, "-- config.toml --\n"+tc.config+"\n"+page, Options{}).ok()
			s.contains("a/b/index.html", tc.want...)
		})
	}
}

func TestBaseURLFlagOverridesConfig(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, basicSite, Options{BaseURL: "http://127.0.0.1:8080/x/"}).ok()
	s.contains("index.html", `href="/x/huong-dan/"`)
}

func TestErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		archive string
		wants   []string
	}{
		{"unknown config key", "-- config.toml --\ntitle = \"x\"\ntitel = \"y\"\n",
			[]string{`config.toml:2:1: khóa "titel" không được hỗ trợ`, `Có phải là "title"?`}},
		{"unknown nested config key", "-- config.toml --\n[organisation]\nname = \"x\"\nphon = \"1\"\n",
			[]string{`config.toml:3:1: khóa "organisation.phon" không được hỗ trợ`, `"phone"`}},
		{"config syntax", "-- config.toml --\ntitle = \"x\n",
			[]string{`config.toml:1:`, "chuỗi hoặc dấu ngoặc chưa được đóng"}},
		{"broken front matter", "-- content/a.md --\n+++\ntitle = \"A\"\nweight = \"một\"\n+++\n",
			[]string{"content/a.md:3:", "sai kiểu"}},
		{"unclosed front matter", "-- content/a.md --\n+++\ntitle = \"A\"\n",
			[]string{"content/a.md:1:1: phần đầu trang mở bằng +++"}},
		{"unknown front matter key", "-- content/a.md --\n+++\ntitle = \"A\"\nseries = [\"x\"]\n+++\n",
			[]string{`content/a.md:3:1: khóa "series" không được hỗ trợ`}},
		{"unknown YAML key", "-- content/a.md --\n---\ntitle: A\ndat: 2023-01-01\n---\n",
			[]string{`content/a.md:3:1: khóa "dat" không được hỗ trợ`, `"date"`}},
		{"two pages one URL", "-- content/dang-ky.md --\n+++\ntitle = \"A\"\n+++\n-- content/Đăng ký.md --\n+++\ntitle = \"B\"\n+++\n",
			[]string{"hai trang cùng địa chỉ /dang-ky/", "content/dang-ky.md", "content/Đăng ký.md"}},
		{"link to missing page", "-- content/a.md --\n+++\ntitle = \"A\"\n+++\nDòng một.\n\nXem [trang](khong-co.md) nhé.\n",
			[]string{"content/a.md:6:5: liên kết tới trang không tồn tại: khong-co.md"}},
		{"link to missing anchor", "-- content/a.md --\n+++\ntitle = \"A\"\n+++\n[b](b.md#khong-co)\n-- content/b.md --\n+++\ntitle = \"B\"\n+++\n## Có\n",
			[]string{"content/a.md:4:1: trang content/b.md không có mục #khong-co", "#co"}},
		{"missing static file", "-- content/a.md --\n+++\ntitle = \"A\"\n+++\n![ảnh](/img/khong-co.png)\n",
			[]string{"content/a.md:4:1: liên kết tới tệp hoặc trang không tồn tại: /img/khong-co.png"}},
		{"javascript link", "-- content/a.md --\n+++\ntitle = \"A\"\n+++\n[x](javascript:alert(1))\n",
			[]string{`content/a.md:4:1: liên kết dạng "javascript:" không được phép`}},
		{"missing title", "-- content/a.md --\nchữ\n", []string{"content/a.md:1:1: trang thiếu title"}},
		{"invalid utf-8", "-- content/a.md --\n+++\ntitle = \"A\"\n+++\nab\xff\n", []string{"content/a.md:4:3: tệp không phải văn bản UTF-8 hợp lệ"}},
		{"template error", "-- layouts/single.html --\n{{ define \"main\" }}\n{{ .Nope }}\n{{ end }}\n-- content/a.md --\n+++\ntitle = \"A\"\n+++\n",
			[]string{"layouts/single.html:2:3:", "content/a.md"}},
		{"bad --now", "-- content/a.md --\n+++\ntitle = \"A\"\n+++\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := Options{}
			if tc.name == "bad --now" {
				o.Now = "30/06/2023"
				tc.wants = []string{`--now: --now "30/06/2023" không phải ngày hợp lệ`}
			}
			buildTxtar(t, tc.archive, o).failsWith(tc.wants...)
		})
	}
}

func TestAllErrorsAtOnce(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, "-- config.toml --\ntitel = \"x\"\n-- content/a.md --\n+++\ntitle = \"A\"\n+++\n[x](b.md) [y](c.md)\n", Options{})
	if e, _ := s.res.Diags.Counts(); e != 3 {
		t.Errorf("got %d errors, want 3:\n%s", e, s.res.Diags.Format("vi"))
	}
	if got := s.res.Diags.Format("en"); !strings.Contains(got, "link to a page that does not exist: b.md") {
		t.Errorf("English messages missing:\n%s", got)
	}
}

func TestEmbeddedThemeWithoutThemesFolder(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, "-- content/_index.md --\n+++\ntitle = \"X\"\n+++\n", Options{}).ok()
	s.contains("css/site.css", ":root")
}

func TestSiteLayoutOverridesTheme(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, "-- layouts/404.html --\n{{ define \"main\" }}<p>riêng</p>{{ end }}\n", Options{}).ok()
	s.contains("404.html", "<p>riêng</p>")
}

// writeSite copies a txtar site to a folder on disk.
func writeSite(t *testing.T, dir, archive string) {
	t.Helper()
	for name, data := range parseTxtar(archive) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeSite(t, dir, basicSite)
	if res := Run(Options{Source: dir, Now: "2023-06-30"}); !res.OK() {
		t.Fatalf("first build failed:\n%s", res.Diags.Format("vi"))
	}
	before := snapshot(t, filepath.Join(dir, "public"))

	// Break the site in two ways and add a page: nothing may change.
	writeSite(t, dir, "-- content/moi.md --\n+++\ntitle = \"Mới\"\n+++\n[x](khong-co.md)\n-- config.toml --\ntitel = \"x\"\n")
	if res := Run(Options{Source: dir, Now: "2023-06-30"}); res.OK() {
		t.Fatal("broken build succeeded")
	}
	after := snapshot(t, filepath.Join(dir, "public"))
	if len(before) != len(after) {
		t.Fatalf("output changed: %d files before, %d after", len(before), len(after))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed after a failed build", k)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

func TestRemovedPageDisappears(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeSite(t, dir, basicSite)
	if res := Run(Options{Source: dir, Now: "2023-06-30"}); !res.OK() {
		t.Fatal(res.Diags.Format("vi"))
	}
	if err := os.Remove(filepath.Join(dir, "content/tin-tuc/a.md")); err != nil {
		t.Fatal(err)
	}
	if res := Run(Options{Source: dir, Now: "2023-06-30"}); !res.OK() {
		t.Fatal(res.Diags.Format("vi"))
	}
	if _, err := os.Stat(filepath.Join(dir, "public/tin-tuc/a/index.html")); !os.IsNotExist(err) {
		t.Errorf("removed page still in public/: %v", err)
	}
}

func TestBuildsAreByteIdentical(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeSite(t, dir, basicSite)
	var snaps []map[string]string
	for i := range 2 {
		dest := filepath.Join(dir, "out", string(rune('a'+i)))
		if res := Run(Options{Source: dir, Destination: dest, Now: "2023-06-30"}); !res.OK() {
			t.Fatal(res.Diags.Format("vi"))
		}
		snaps = append(snaps, snapshot(t, dest))
	}
	if len(snaps[0]) != len(snaps[1]) {
		t.Fatalf("file counts differ: %d vs %d", len(snaps[0]), len(snaps[1]))
	}
	for k, v := range snaps[0] {
		if !bytes.Equal([]byte(v), []byte(snaps[1][k])) {
			t.Errorf("%s differs between two builds", k)
		}
	}
}

func parseTxtar(archive string) map[string][]byte {
	out := map[string][]byte{}
	for _, f := range txtarFiles(archive) {
		out[f.name] = f.data
	}
	return out
}

func TestCompress(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, basicSite, Options{Compress: true, Compressed: sharedCompressed(t)}).ok()
	for _, name := range []string{"index.html", "css/site.css", "sitemap.xml"} {
		for _, ext := range []string{".gz", ".br"} {
			if _, ok := s.res.Output.Files[name+ext]; !ok {
				t.Errorf("no %s%s", name, ext)
			}
		}
	}
	zr, err := gzip.NewReader(bytes.NewReader(s.res.Output.Files["index.html.gz"]))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(zr)
	if !bytes.Equal(got, s.res.Output.Files["index.html"]) {
		t.Error("index.html.gz does not hold index.html")
	}
	s.noFile("favicon.svg.gz") // too small to be worth it
}
