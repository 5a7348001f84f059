package build

import (
	"strings"
	"testing"
)

// Content people bring from Hugo (issue 24): a typical Hugo news post and
// guide, as staff paste them, build — front matter, shortcodes and all —
// or fail at the line and column of what tiendo cannot publish; nothing
// that looks like a shortcode reaches a page as text.

// hugoSite is a site of Hugo-style pages, judged on --now. A post is
// scheduled for the first week of July 2023; the site's address is
// absolute, so topics have feeds.
const hugoSite = `
-- config.toml --
title = "Huyện Mẫu"
baseURL = "https://huyen.example/"
-- data/units.toml --
[[unit]]
id = "cong-an-huyen"
name = "Công an huyện"
short = "Công an"
kind = "huyen"
-- static/anh/otp.png --
PNG
-- static/anh/chia-se.png --
PNG
-- content/huong-dan/vneid/kich-hoat.md --
---
title: "Kích hoạt tài khoản định danh điện tử"
linkTitle: "Kích hoạt VNeID"
tags: ["Định danh điện tử", "VNeID"]
categories: ["Hướng dẫn"]
keywords: ["VNeID", "định danh"]
weight: 10
menu: main
---
## Bước 2: Nhập mã OTP

{{< figure src="/anh/otp.png" alt="Màn hình nhập mã OTP" caption="Nhập mã gửi tới điện thoại" >}}

-- content/tin-tuc/ra-quan.md --
+++
title = "Ra quân chiến dịch làm căn cước"
date = 2023-06-20
author = "cong-an-huyen"
images = ["/anh/chia-se.png"]
tags = ["định danh điện tử", "Chiến dịch"]
publishDate = 2023-06-20
+++
Xem [hướng dẫn kích hoạt]({{< ref "/huong-dan/vneid/kich-hoat.md#buoc-2-nhap-ma-otp" >}}) và {{< relref "kich-hoat" >}}.
-- content/tin-tuc/tuan-le.md --
+++
title = "Tuần lễ cao điểm cấp căn cước"
date = 2023-07-01
publishDate = 2023-07-01T07:00
expiryDate = 2023-07-08
author = "Nguyễn Văn A"
tags = ["Chiến dịch"]
+++
Từ ngày 01/7 đến 07/7 các điểm cấp căn cước làm việc cả thứ Bảy và Chủ nhật.
`

func TestHugoContent(t *testing.T) {
	before := buildTxtar(t, hugoSite, Options{Now: "2023-06-30"}).ok()
	before.contains("tin-tuc/ra-quan/index.html",
		`<a href="/huong-dan/vneid/kich-hoat/#buoc-2-nhap-ma-otp">hướng dẫn kích hoạt</a>`,
		`<a href="/huong-dan/vneid/kich-hoat/">Kích hoạt VNeID</a>`,
		`Tác giả: <a href="/don-vi/cong-an-huyen/">Công an huyện</a>`,
		`<a href="/chu-de/dinh-danh-dien-tu/" rel="tag">Định danh điện tử</a>, <a href="/chu-de/chien-dich/" rel="tag">Chiến dịch</a>`,
		`<meta property="og:image" content="https://huyen.example/anh/chia-se.png">`)
	before.contains("huong-dan/vneid/kich-hoat/index.html",
		`<figure><img src="/anh/otp.png" alt="Màn hình nhập mã OTP"><figcaption>Nhập mã gửi tới điện thoại</figcaption></figure>`,
		`<meta name="keywords" content="VNeID, định danh">`,
		`<a href="/chu-de/huong-dan/" rel="tag">Hướng dẫn</a>`)
	before.contains("index.html", `Kích hoạt VNeID`) // the menu's short title
	before.contains("chu-de/index.html", `href="/chu-de/chien-dich/"`, `href="/chu-de/dinh-danh-dien-tu/"`, `href="/chu-de/huong-dan/"`, `href="/chu-de/vneid/"`)
	before.contains("chu-de/dinh-danh-dien-tu/index.html", "Ra quân chiến dịch làm căn cước", "Kích hoạt tài khoản định danh điện tử",
		`<link rel="alternate" type="application/atom+xml" title="Định danh điện tử – Tin mới (Atom)" href="/chu-de/dinh-danh-dien-tu/atom.xml">`)
	before.contains("chu-de/chien-dich/atom.xml", "<title>Huyện Mẫu – Chiến dịch</title>", "https://huyen.example/tin-tuc/ra-quan/")
	before.contains("sitemap.xml", "https://huyen.example/chu-de/", "https://huyen.example/chu-de/chien-dich/")
	before.contains("tim-kiem/index.json", "/chu-de/chien-dich/")

	// Scheduled: the campaign week is absent before its publishDate, present
	// during the week, and gone after its expiryDate — from its section,
	// its topic, its feed and the sitemap.
	before.noFile("tin-tuc/tuan-le/index.html")
	before.notContains("chu-de/chien-dich/index.html", "Tuần lễ cao điểm")
	during := buildTxtar(t, hugoSite, Options{Now: "2023-07-03"}).ok()
	during.contains("tin-tuc/tuan-le/index.html", "Tác giả: Nguyễn Văn A")
	during.contains("chu-de/chien-dich/index.html", "Tuần lễ cao điểm")
	during.contains("chu-de/chien-dich/atom.xml", "https://huyen.example/tin-tuc/tuan-le/")
	during.contains("tin-tuc/index.html", "Tuần lễ cao điểm")
	after := buildTxtar(t, hugoSite, Options{Now: "2023-07-09"}).ok()
	after.noFile("tin-tuc/tuan-le/index.html")
	after.notContains("sitemap.xml", "tuan-le")
	after.notContains("tin-tuc/index.html", "Tuần lễ cao điểm")

	for _, s := range []*siteTest{before, during, after} {
		noShortcodeText(t, s)
	}
}

// noShortcodeText fails on any {{< or {{% in the output of s, escaped
// for HTML or not.
func noShortcodeText(t *testing.T, s *siteTest) {
	t.Helper()
	for name, b := range s.res.Output.Files {
		text := string(b)
		for _, bad := range []string{"{{<", "{{&lt;", "{{%", "tdref"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s holds %q", name, bad)
			}
		}
	}
}

// TestHugoContentRefused: what tiendo cannot publish is an error at its
// line and column, saying what to do.
func TestHugoContentRefused(t *testing.T) {
	page := func(body string) string {
		return hugoSite + "-- content/tin-tuc/moi.md --\n+++\ntitle = \"Mới\"\n+++\n" + body + "\n"
	}
	for _, tc := range []struct{ name, body, want string }{
		{"youtube", `{{< youtube w7Ft2ymGmfc >}}`, `content/tin-tuc/moi.md:4:1: shortcode youtube nhúng nội dung của trang web khác`},
		{"tweet", `{{< tweet user="x" id="1" >}}`, `content/tin-tuc/moi.md:4:1: shortcode tweet nhúng`},
		{"unknown, with the closest", `{{< figur src="/anh/otp.png" >}}`, `content/tin-tuc/moi.md:4:1: không có shortcode "figur"`},
		{"a paired shortcode", "{{< notice >}}\nChú ý\n{{< /notice >}}", `content/tin-tuc/moi.md:6:1: không đọc được shortcode: {{< /notice >}}`},
		{"percent form, unknown", `{{% notice %}}`, `content/tin-tuc/moi.md:4:1: không có shortcode "notice"`},
		{"a shortcode in code", "```\n{{< kpi \"x\" >}}\n```", `content/tin-tuc/moi.md:5:1: không đọc được shortcode`},
		{"figure without alt", `{{< figure src="/anh/otp.png" >}}`, `content/tin-tuc/moi.md:4:1: ảnh /anh/otp.png không có lời mô tả (alt)`},
		{"figure with a missing file", `{{< figure src="/anh/khong-co.png" alt="x" >}}`, `content/tin-tuc/moi.md:4:1: liên kết tới tệp hoặc trang không tồn tại: /anh/khong-co.png`},
		{"figure with a positional argument", `{{< figure "/anh/otp.png" >}}`, `content/tin-tuc/moi.md:4:1: shortcode figure không nhận /anh/otp.png`},
		{"a Markdown image without alt", `Ảnh ![](/anh/otp.png)`, `content/tin-tuc/moi.md:4:6: ảnh /anh/otp.png không có lời mô tả (alt)`},
		{"ref to a missing page", `[x]({{< ref "/huong-dan/vneid/kich-hoat-lai.md" >}})`, `content/tin-tuc/moi.md:4:5: ref tới trang không tồn tại: /huong-dan/vneid/kich-hoat-lai.md`},
		{"ref to a missing heading", `{{< ref "ra-quan.md#khong-co" >}}`, `content/tin-tuc/moi.md:4:1: trang content/tin-tuc/ra-quan.md không có mục #khong-co`},
		{"kpi with named arguments", `{{< kpi id="x" >}}`, `content/tin-tuc/moi.md:4:1: shortcode kpi không nhận đối số có tên`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			buildTxtar(t, page(tc.body), Options{Now: "2023-06-30"}).failsWith(tc.want)
		})
	}
	for _, tc := range []struct{ name, fm, want string }{
		{"an unknown key, with the closest", `publishdat = 2023-06-01`, `khóa "publishdat" không được hỗ trợ`},
		{"a share image that is not there", `images = ["/anh/khong-co.png"]`, `content/tin-tuc/moi.md:3:1: liên kết tới tệp hoặc trang không tồn tại: /anh/khong-co.png`},
		{"a share image elsewhere", `images = ["https://cdn.example/a.png"]`, `content/tin-tuc/moi.md:3:1: images: "https://cdn.example/a.png" không phải tệp ảnh của trang web`},
		{"expiry before publish", "publishDate = 2023-06-10\nexpiryDate = 2023-06-01", `expiryDate trước publishDate`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			buildTxtar(t, hugoSite+"-- content/tin-tuc/moi.md --\n+++\ntitle = \"Mới\"\n"+tc.fm+"\n+++\nChữ.\n", Options{Now: "2023-06-30"}).failsWith(tc.want)
		})
	}
}
