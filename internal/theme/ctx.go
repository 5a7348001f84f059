package theme

import (
	"html/template"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/vi"
	"github.com/tiendo/tiendo/internal/view"
)

// Ctx is the data every layout executes with: the site, the page, and
// helpers that depend on which page is rendered (relative links, language).
// Layouts call them as {{ .URL "/css/site.css" }} or, inside range, with $.
type Ctx struct {
	Site  *site.Site
	Page  *site.Page
	Theme *Theme
	// Extra carries data of a generated page's own kind.
	Extra any
	// Figures are the build's drawn charts, which Figure and FigureSVG
	// place.
	Figures view.Figures
}

// Figure is the markup of a figure of the page's view: the drawn chart,
// its live option and its caption (see package view).
func (c *Ctx) Figure(f *view.Figure) template.HTML { return c.Figures.HTML(f) }

// FigureSVG is a figure's static SVG alone (sparklines on cards).
func (c *Ctx) FigureSVG(f *view.Figure) template.HTML { return c.Figures.SVG(f) }

// Lang is the page's language.
func (c *Ctx) Lang() string {
	if c.Page != nil && c.Page.Lang != "" {
		return c.Page.Lang
	}
	return c.Site.Config.LanguageCode
}

// URL returns the link to a site path as seen from this page.
// The 404 page is served at any missing path, so its links are never
// relative.
func (c *Ctx) URL(target string) string {
	u := c.Site.URLs
	if c.Page.Path == "/404/" {
		u.Relative = false
	}
	return u.Link(c.Page.Path, target)
}

// Abs returns the absolute URL of a site path.
func (c *Ctx) Abs(target string) string { return c.Site.URLs.Abs(target) }

// LangPath prefixes a site path with the page's language folder (for the
// English interface of a bilingual site: "/en/…").
func (c *Ctx) LangPath(p string) string {
	if c.Lang() == c.Site.Config.LanguageCode {
		return p
	}
	return "/" + c.Lang() + p
}

// T returns the interface string key in the page's language.
func (c *Ctx) T(key string) string { return c.Theme.T(c.Lang(), key) }

// Date formats a date the page's way: 30/06/2023 in Vietnamese.
func (c *Ctx) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return vi.LocaleFor(c.Lang()).Date(t)
}

// ISODate formats a date for datetime attributes.
func (c *Ctx) ISODate(t time.Time) string { return t.Format("2006-01-02") }

// Int formats a whole number: 50.000.
func (c *Ctx) Int(n int64) string { return vi.LocaleFor(c.Lang()).Int(n) }

// Num formats a number with the given decimals: 94,0.
func (c *Ctx) Num(x float64, decimals int) string { return vi.LocaleFor(c.Lang()).Float(x, decimals) }

// Pct formats a percentage: 94,0%.
func (c *Ctx) Pct(x float64, decimals int) string { return vi.LocaleFor(c.Lang()).Percent(x, decimals) }

// Size formats a byte count: "12,3 KB".
func (c *Ctx) Size(n int) string {
	l := vi.LocaleFor(c.Lang())
	switch {
	case n >= 1<<20:
		return l.Float(float64(n)/(1<<20), 1) + " MB"
	case n >= 1<<10:
		return l.Float(float64(n)/(1<<10), 1) + " KB"
	}
	return l.Int(int64(n)) + " B"
}

// Menu returns the named menu in the page's language.
func (c *Ctx) Menu(name string) []site.MenuItem { return c.Site.Menus[name] }

// Active reports whether a menu item is the page or one of its sections.
func (c *Ctx) Active(item site.MenuItem) bool {
	if item.External || c.Page == nil {
		return false
	}
	if item.Path == "/" {
		return c.Page.Path == "/"
	}
	return strings.HasPrefix(c.Page.Path, item.Path)
}

// Current reports whether a menu item is exactly this page.
func (c *Ctx) Current(item site.MenuItem) bool {
	return !item.External && c.Page != nil && c.Page.Path == item.Path
}

// Embed reports whether the page is a chart-only page for iframes.
func (c *Ctx) Embed() bool { return c.Page != nil && c.Page.Layout == "embed" }

// Guide is the view of a guidance page (a [howto] table, a journey), nil
// on other pages.
func (c *Ctx) Guide() *view.GuideView {
	if c.Page == nil {
		return nil
	}
	g, _ := c.Page.Data.(*view.GuideView)
	return g
}

// IsHome reports whether the page is the home page.
func (c *Ctx) IsHome() bool { return c.Page != nil && c.Page.Kind == site.KindHome }

// Title is the page title for <title>: "Page – Site", or the site's on the home page.
func (c *Ctx) Title() string {
	if c.Page == nil || c.Page.Title == "" || c.IsHome() {
		return c.Site.Config.Title
	}
	return c.Page.Title + " – " + c.Site.Config.Title
}

// Description is the page's description, else its summary, else the site's.
func (c *Ctx) Description() string {
	for _, s := range []string{c.Page.Description, c.Page.Summary, c.Site.Config.Description} {
		if s != "" {
			return s
		}
	}
	return ""
}

// SafeHTML marks trusted, already-escaped HTML made by the generator.
func SafeHTML(s string) template.HTML { return template.HTML(s) }

// Truncate shortens s to at most n characters, at a space where one is
// near, ending in "…": what a link preview shows of a long title.
func Truncate(n int, s string) string {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		s = string([]rune(s)) // each invalid byte becomes U+FFFD, as it is shown
	}
	if n < 1 || utf8.RuneCountInString(s) <= n {
		return s
	}
	// The first n-1 characters, cut back to a space when one is in their
	// last third.
	end, k := 0, 0
	for k < n-1 {
		_, w := utf8.DecodeRuneInString(s[end:])
		end += w
		k++
	}
	cut := s[:end]
	if i := strings.LastIndexByte(cut, ' '); i > 0 && utf8.RuneCountInString(cut[:i]) > (n-1)*2/3 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.:;–-") + "…"
}

// Funcs are the functions every layout may call.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"safeHTML": SafeHTML,
		"list":     func(v ...any) []any { return v },
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				if k, ok := kv[i].(string); ok {
					m[k] = kv[i+1]
				}
			}
			return m
		},
		"add":  func(a, b int) int { return a + b },
		"slug": vi.Slug,
		"tel": func(s string) string {
			return strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' || r == '+' {
					return r
				}
				return -1
			}, s)
		},
		"truncate":  Truncate,
		"join":      strings.Join,
		"hasPrefix": strings.HasPrefix,
		"seq": func(n int) []int {
			out := make([]int, n)
			for i := range out {
				out[i] = i
			}
			return out
		},
	}
}
