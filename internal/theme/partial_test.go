package theme

import (
	"bytes"
	"html/template"
	"io/fs"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"text/template/parse"
	"time"

	"github.com/tiendo/tiendo/internal/config"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/themes"
)

// defaultTheme loads the built-in theme, with the site's own layouts if
// any.
func defaultTheme(tb testing.TB, layouts fstest.MapFS) *Theme {
	tb.Helper()
	sub, err := fs.Sub(themes.FS, "default")
	if err != nil {
		tb.Fatal(err)
	}
	var own *Source
	if layouts != nil {
		own = &Source{FS: layouts, Name: "layouts"}
	}
	var l diag.List
	th := Load(Source{FS: sub, Name: "themes/default"}, own, nil, Funcs(), &l)
	if l.HasErrors() {
		tb.Fatal(l.Format(diag.EN))
	}
	return th
}

// testSite is a small bilingual site with menus, and its pages at several
// depths, the home page, the 404 page and an English page among them.
func testSite(relative bool) *site.Site {
	s := &site.Site{
		Config: config.Config{Title: "Tiến độ", LanguageCode: "vi", Sample: true,
			Organisation: config.Organisation{Name: "UBND", Address: "1 Phố", Phone: "024 1234", Email: "a@b.vn"}},
		Now:  time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC),
		URLs: site.URLs{BasePath: "/", Relative: relative},
		Menus: map[string][]site.MenuItem{
			"main": {{Name: "Trang chủ", Path: "/"}, {Name: "Hướng dẫn", Path: "/huong-dan/"},
				{Name: "Tin tức", Path: "/tin-tuc/"}, {Name: "Cổng", Path: "https://dichvucong.gov.vn", External: true}},
			"footer": {{Name: "Giới thiệu", Path: "/gioi-thieu/"}},
		},
	}
	home := &site.Page{Kind: site.KindHome, Path: "/", Title: "Trang chủ"}
	add := func(kind site.Kind, path, lang string, parent *site.Page) *site.Page {
		p := &site.Page{Kind: kind, Path: path, Lang: lang, Title: "Trang " + path, Parent: parent}
		s.Pages = append(s.Pages, p)
		return p
	}
	s.Pages, s.Home = []*site.Page{home}, home
	hd := add(site.KindSection, "/huong-dan/", "", home)
	v := add(site.KindPage, "/huong-dan/vneid/", "", hd)
	add(site.KindPage, "/huong-dan/vneid/kich-hoat/", "", v)
	add(site.KindPage, "/huong-dan/dvc/", "", hd)
	tt := add(site.KindSection, "/tin-tuc/", "", home)
	add(site.KindPage, "/tin-tuc/a/", "", tt)
	add(site.KindPage, "/gioi-thieu/", "", home)
	add(site.KindPage, "/en/huong-dan/vneid/", "en", home)
	add(site.KindGenerated, "/404/", "", nil)
	return s
}

func render(tb testing.TB, th *Theme, s *site.Site, p *site.Page) string {
	tb.Helper()
	var b bytes.Buffer
	if err := th.Render(&b, "single.html", &Ctx{Site: s, Page: p, Theme: th}); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

// TestPartialOutput renders every page of a site with the default theme,
// whose base.html calls the header and footer with partial, and with a
// base.html that calls them with template: the pages must be the same.
func TestPartialOutput(t *testing.T) {
	base, err := fs.ReadFile(themes.FS, "default/layouts/base.html")
	if err != nil {
		t.Fatal(err)
	}
	plain := strings.ReplaceAll(string(base), "{{ partial ", "{{ template ")
	if plain == string(base) {
		t.Fatal("base.html calls no partial")
	}
	for _, relative := range []bool{false, true} {
		cached := defaultTheme(t, nil)
		uncached := defaultTheme(t, fstest.MapFS{"base.html": {Data: []byte(plain)}})
		s := testSite(relative)
		for range 2 { // the second time from the cache
			for _, p := range s.Pages {
				if got, want := render(t, cached, s, p), render(t, uncached, s, p); got != want {
					t.Errorf("relative %v, %s: got\n%s\nwant\n%s", relative, p.Path, got, want)
				}
			}
		}
	}
}

// TestPartialConcurrent renders pages on several goroutines at once, as the
// render stage does, from a fresh cache.
func TestPartialConcurrent(t *testing.T) {
	s := testSite(true)
	want := map[*site.Page]string{}
	uncached := defaultTheme(t, fstest.MapFS{"base.html": {Data: []byte(`{{ template "partials/header.html" . }}{{ template "partials/footer.html" . }}`)}})
	cached := defaultTheme(t, fstest.MapFS{"base.html": {Data: []byte(`{{ partial "partials/header.html" . }}{{ partial "partials/footer.html" . }}`)}})
	for _, p := range s.Pages {
		want[p] = render(t, uncached, s, p)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, p := range s.Pages {
				var b bytes.Buffer
				if err := cached.Render(&b, "single.html", &Ctx{Site: s, Page: p, Theme: cached}); err != nil {
					t.Error(err)
				} else if b.String() != want[p] {
					t.Errorf("%s: got\n%s\nwant\n%s", p.Path, b.String(), want[p])
				}
			}
		})
	}
	wg.Wait()
}

// TestPartialMenusChange checks that a partial kept from one render shows
// the menus as they are at the next.
func TestPartialMenusChange(t *testing.T) {
	th := defaultTheme(t, nil)
	s := testSite(true)
	p := s.Pages[2]
	render(t, th, s, p)
	s.Menus = map[string][]site.MenuItem{"main": {{Name: "Mục mới", Path: "/moi/"}}}
	if got := render(t, th, s, p); !strings.Contains(got, "Mục mới") || strings.Contains(got, "Tin tức") {
		t.Errorf("the header shows the old menu:\n%s", got)
	}
}

// TestDefaultPartialsCached checks that the default theme's header, notice
// and footer are cached: without, they are half the time of a page.
func TestDefaultPartialsCached(t *testing.T) {
	th := defaultTheme(t, nil)
	for layout, tpl := range th.layouts {
		memos := partialMemos(tpl)
		for _, name := range []string{"partials/head.html", "partials/header.html", "partials/notice.html", "partials/footer.html"} {
			if memos[name] == nil {
				t.Errorf("%s: %s is not cached", layout, name)
			}
		}
	}
}

func TestFixedReads(t *testing.T) {
	tests := []struct {
		name, src string
		want      bool
	}{
		{"text", `<p>x</p>`, true},
		{"allowed methods", `{{ .T "home" }} {{ .URL "/a/" }} {{ .LangPath "/" }} {{ .Date .Site.Now }} {{ if .IsHome }}h{{ end }}`, true},
		{"site config", `{{ .Site.Config.Title }}{{ with .Site.Config.Organisation }}{{ .Name }}{{ $.T "x" }}{{ end }}`, true},
		{"menu loop", `{{ range .Menu "main" }}{{ $.URL .Path }}{{ if $.Current . }}c{{ else if $.Active . }}a{{ end }}{{ .Name }}{{ end }}`, true},
		{"variables of fixed values", `{{ $m := .Menu "main" }}{{ range $i, $e := $m }}{{ $e.Name }}{{ end }}`, true},
		{"functions", `{{ tel .Site.Config.Organisation.Phone }}{{ printf "%s-%d" (.T "a") (len (.Menu "x")) }}{{ .T "a" | printf "%q" }}`, true},
		{"template call", `{{ template "partials/fixed.html" . }}`, true},
		{"partial call", `{{ partial "partials/fixed.html" . }}`, false},
		{"page", `{{ .Page.Title }}`, false},
		{"page in range", `{{ range .Menu "main" }}{{ $.Page.Title }}{{ end }}`, false},
		{"page through with", `{{ with $ }}{{ .Page.Path }}{{ end }}`, false},
		{"title", `{{ .Title }}`, false},
		{"extra", `{{ .Extra }}`, false},
		{"site pages", `{{ range .Site.Pages }}{{ .Title }}{{ end }}`, false},
		{"site itself", `{{ with .Site }}{{ .Home.Title }}{{ end }}`, false},
		{"ctx in a variable", `{{ $c := . }}{{ $c.Page.Title }}`, false},
		{"ctx to a function", `{{ dict "c" . }}`, false},
		{"ctx piped", `{{ . | printf "%v" }}`, false},
		{"call", `{{ call .Site.Config.Title }}`, false},
		{"template reading the page", `{{ template "partials/page.html" . }}`, false},
		{"partial reading the page", `{{ partial "partials/page.html" . }}`, false},
		{"template given a fixed value", `{{ template "partials/page.html" .Site.Config }}`, true},
		{"undefined template", `{{ template "partials/none.html" . }}`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := template.New("x").Funcs(Funcs()).Funcs(template.FuncMap{"partial": partialFunc(nil, nil)})
			for name, src := range map[string]string{
				"partials/test.html":  tc.src,
				"partials/fixed.html": `{{ .T "home" }}`,
				"partials/page.html":  `{{ .Page.Title }}`,
			} {
				if _, err := root.New(name).Parse(src); err != nil {
					t.Fatal(err)
				}
			}
			lookup := func(name string) *parse.Tree {
				if x := root.Lookup(name); x != nil {
					return x.Tree
				}
				return nil
			}
			if got := fixedReads("partials/test.html", lookup); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestCtxReads checks that the reads a cached partial may make are methods
// of Ctx.
func TestCtxReads(t *testing.T) {
	ctx := reflect.TypeFor[*Ctx]()
	for name := range ctxReads {
		if _, ok := ctx.MethodByName(name); !ok {
			t.Errorf("Ctx has no method %s", name)
		}
	}
}

// TestPartialErrorPosition checks that an error inside a partial is placed
// in the partial, not at the layout line that calls it.
func TestPartialErrorPosition(t *testing.T) {
	for _, name := range []string{"header.html", "footer.html"} {
		th := defaultTheme(t, fstest.MapFS{"partials/" + name: {Data: []byte("<header>\n{{ range seq -1 }}{{ end }}\n</header>\n")}})
		s := testSite(false)
		err := th.Render(&bytes.Buffer{}, "single.html", &Ctx{Site: s, Page: s.Pages[1], Theme: th})
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
		d := th.RenderError(err, "content/a.md")
		if want := "layouts/partials/" + name; d.File != want || d.Line != 2 || !strings.Contains(d.Msg.En, "seq") {
			t.Errorf("%s: got %s:%d: %s, want %s:2 and the message about seq", name, d.File, d.Line, d.Msg.En, want)
		}
	}
}

func TestCheckPartials(t *testing.T) {
	tests := []struct {
		name, layout, partial string
		want                  string // in the error; "" for none
	}{
		{"partial in a layout", `{{ partial "partials/p.html" . }}{{ partial "partials/p.html" . }}`, `p`, ""},
		{"template in a partial", `{{ partial "partials/p.html" . }}`, `{{ template "partials/q.html" . }}`, ""},
		{"partial in a partial", `{{ partial "partials/p.html" . }}`, `{{ partial "partials/q.html" . }}`,
			`partials/p.html:1:3: partial inside the partial "partials/p.html"`},
		{"partial through template", `{{ partial "partials/p.html" . }}`, `x {{ template "partials/r.html" . }}`,
			`partials/r.html:2:3: partial inside the partial "partials/p.html"`},
		{"partial calling itself", `{{ partial "partials/p.html" . }}`, "p\n{{ partial \"partials/p.html\" . }}",
			`partials/p.html:2:3: partial inside the partial "partials/p.html"`},
		{"name not quoted", `{{ partial .Lang . }}`, `p`, `layout.html:1:3: partial needs the name of a template in quotes`},
		{"no name", `{{ partial }}`, `p`, `layout.html:1:3: partial needs the name of a template in quotes`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := template.New("test").Funcs(template.FuncMap{"partial": partialFunc(nil, nil)})
			for name, src := range map[string]string{
				"layout.html":     tc.layout,
				"partials/p.html": tc.partial,
				"partials/q.html": `q`,
				"partials/r.html": "r\n{{ partial \"partials/q.html\" . }}",
			} {
				if _, err := root.New(name).Parse(src); err != nil {
					t.Fatal(err)
				}
			}
			err := checkPartials(root)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("got %v, want no error", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
		})
	}
}

// TestLoadNestedPartial checks that Load reports a partial inside a partial
// at its place in the site's file.
func TestLoadNestedPartial(t *testing.T) {
	sub, err := fs.Sub(themes.FS, "default")
	if err != nil {
		t.Fatal(err)
	}
	var l diag.List
	own := fstest.MapFS{"partials/header.html": {Data: []byte("<header>\n{{ partial \"partials/footer.html\" . }}\n</header>\n")}}
	Load(Source{FS: sub, Name: "themes/default"}, &Source{FS: own, Name: "layouts"}, nil, Funcs(), &l)
	if got := l.Format(diag.EN); !strings.Contains(got, "layouts/partials/header.html:2:") || !strings.Contains(got, "partial inside the partial") {
		t.Errorf("got %s", got)
	}
}
