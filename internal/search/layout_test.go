package search_test

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/search"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/theme"
)

// i18nKeys reads i18n-keys.txt: key → [vi, en].
func i18nKeys(tb testing.TB) (map[string][2]string, []string) {
	tb.Helper()
	f, err := os.Open("i18n-keys.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	line := regexp.MustCompile(`^([A-Za-z][\w-]*) = ("[^"]*") \| ("[^"]*")$`)
	keys := map[string][2]string{}
	var order []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		m := line.FindStringSubmatch(l)
		if m == nil {
			tb.Fatalf("i18n-keys.txt:%d: not `key = \"vi\" | \"en\"`: %s", n, l)
		}
		if _, dup := keys[m[1]]; dup {
			tb.Fatalf("i18n-keys.txt:%d: %s twice", n, m[1])
		}
		keys[m[1]] = [2]string{m[2], m[3]}
		order = append(order, m[1])
	}
	return keys, order
}

// render renders a page of the default theme, with the search strings
// added as a site's i18n overrides (as the owner will add them to the
// theme).
func render(tb testing.TB, p *site.Page, relative bool) string {
	tb.Helper()
	keys, order := i18nKeys(tb)
	var vi, en strings.Builder
	for _, k := range order {
		fmt.Fprintf(&vi, "%s = %s\n", k, keys[k][0])
		fmt.Fprintf(&en, "%s = %s\n", k, keys[k][1])
	}
	strs := fstest.MapFS{"vi.toml": {Data: []byte(vi.String())}, "en.toml": {Data: []byte(en.String())}}
	var l diag.List
	th := theme.Load(theme.Source{FS: os.DirFS("../../themes/default"), Name: "themes/default"},
		nil, &theme.Source{FS: strs, Name: "i18n"}, theme.Funcs(), &l)
	if l.HasErrors() {
		tb.Fatalf("theme:\n%s", l.Format("en"))
	}
	home := &site.Page{Kind: site.KindHome, Path: "/", Title: "Trang chủ"}
	p.Parent = home
	s := &site.Site{URLs: site.URLs{BasePath: "/de-an-06/", Relative: relative}, Home: home, Pages: []*site.Page{home, p}}
	s.Config.Title = "Đề án 06"
	s.Config.LanguageCode = "vi"
	out, err := th.RenderBytes(p.Layout+".html", &theme.Ctx{Site: s, Page: p, Theme: th})
	if err != nil {
		tb.Fatal(err)
	}
	return string(out)
}

func searchPage() *site.Page {
	return &site.Page{
		Kind: site.KindGenerated, Layout: "search", Path: "/tim-kiem/", Title: "Tìm kiếm",
		Data: search.PageView{
			IndexURL: "/tim-kiem/index.json",
			Groups: []search.Group{
				{Pages: []search.Link{{Title: "Giới thiệu", Path: "/gioi-thieu/"}}},
				{Title: "Hướng dẫn", Pages: []search.Link{
					{Title: "Kích hoạt tài khoản định danh điện tử", Path: "/huong-dan/vneid/kich-hoat/"},
					{Title: "Đăng ký khai sinh", Path: "/huong-dan/khai-sinh/"},
				}},
			},
		},
	}
}

func TestLayout(t *testing.T) {
	html := render(t, searchPage(), false)
	for _, want := range []string{
		`<script src="/de-an-06/vendor/minisearch/minisearch.js" defer></script>`,
		`<script src="/de-an-06/js/search.js" defer></script>`,
		`<form role="search" class="search-form" action="/de-an-06/tim-kiem/" method="get"`,
		`data-index="/de-an-06/tim-kiem/index.json"`,
		`data-root="/de-an-06/index.html"`,
		`data-msg-count="Có {n} kết quả cho “{q}”."`,
		`data-kind-task="Nhiệm vụ"`,
		`<label for="q">Từ cần tìm</label>`,
		`<input id="q" name="q" type="search" autocomplete="off"`,
		`<button type="submit">Tìm</button>`,
		`role="status" aria-live="polite"`,
		`<noscript><p class="search-noscript">Trình duyệt đang tắt JavaScript`,
		`<h2 id="tat-ca-cac-trang">Tất cả các trang</h2>`,
		`<li><a class="page-link" href="/de-an-06/gioi-thieu/">Giới thiệu</a></li>`,
		`<h3>Hướng dẫn</h3>`,
		`<li><a class="page-link" href="/de-an-06/huong-dan/khai-sinh/">Đăng ký khai sinh</a></li>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(html, "data-relative") {
		t.Error("data-relative on a site without relativeURLs")
	}
	// CSP-strict: every script is a file, nothing is styled inline.
	if n, m := strings.Count(html, "<script"), strings.Count(html, "<script src="); n != m {
		t.Errorf("%d inline scripts", n-m)
	}
	for _, bad := range []string{"<style", " style=", " onclick=", " onsubmit=", "javascript:"} {
		if strings.Contains(html, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	// The groups' first, untitled, group has no heading.
	if strings.Count(html, "<h3>") != 1 {
		t.Errorf("want one group heading, got %d", strings.Count(html, "<h3>"))
	}
}

func TestLayoutRelative(t *testing.T) {
	html := render(t, searchPage(), true)
	for _, want := range []string{
		`<script src="../vendor/minisearch/minisearch.js" defer></script>`,
		`action="index.html"`,
		`data-index="index.json"`,
		`data-root="../index.html" data-relative`,
		`href="../huong-dan/vneid/kich-hoat/index.html"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestScriptsOnlyOnSearchPage: other pages do not load the search scripts.
func TestScriptsOnlyOnSearchPage(t *testing.T) {
	html := render(t, &site.Page{Kind: site.KindPage, Layout: "single", Path: "/gioi-thieu/", Title: "Giới thiệu"}, false)
	for _, s := range []string{"search.js", "minisearch"} {
		if strings.Contains(html, s) {
			t.Errorf("a content page loads %s", s)
		}
	}
}

func TestI18nKeys(t *testing.T) {
	keys, _ := i18nKeys(t)
	src, err := os.ReadFile("../../themes/default/layouts/search.html")
	if err != nil {
		t.Fatal(err)
	}
	var used []string
	for _, m := range regexp.MustCompile(`\.T "([^"]+)"`).FindAllStringSubmatch(string(src), -1) {
		used = append(used, m[1])
		if _, ok := keys[m[1]]; !ok {
			t.Errorf("search.html uses %q, which i18n-keys.txt lacks", m[1])
		}
	}
	for k := range keys {
		if !slices.Contains(used, k) && k != "searchTitle" && k != "searchDescription" {
			t.Errorf("i18n-keys.txt has %q, which search.html does not use", k)
		}
	}
	// search.js reads each message through data-msg-* and data-kind-*.
	js, err := os.ReadFile("../../themes/default/static/js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`data-(msg|kind)-([a-z-]+)=`).FindAllStringSubmatch(string(src), -1) {
		camel := m[1] + strings.ToUpper(m[2][:1]) + m[2][1:]
		if !strings.Contains(string(js), "'"+camel+"'") && !strings.Contains(string(js), "data."+camel) &&
			m[1] != "kind" {
			t.Errorf("search.js never reads data-%s-%s", m[1], m[2])
		}
	}
}
