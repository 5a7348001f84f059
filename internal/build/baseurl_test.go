package build

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// Issue 13, item 13: the sitemap, the Atom feed, og:url and the embed
// snippet need absolute URLs. With a path-only baseURL none of them is
// written with a relative address; one warning says which outputs need an
// absolute baseURL.

// withConfig puts lines at the top of kpiSite's config.toml.
func withConfig(lines string) string {
	return strings.Replace(kpiSite, "-- config.toml --\n", "-- config.toml --\n"+lines, 1)
}

func TestPathOnlyBaseURLWritesNoRelativeSitemapOrFeed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, config, flag string }{
		{"default", "", ""},
		{"root", "baseURL = \"/\"\n", ""},
		{"subpath", "baseURL = \"/de-an-06/\"\n", ""},
		{"flag", "baseURL = \"https://example.gov.vn/\"\n", "/de-an-06/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := buildTxtar(t, withConfig(tc.config), Options{BaseURL: tc.flag}).ok()
			var warned []*diag.Diagnostic
			for _, d := range s.res.Diags.All() {
				if d.Code == "baseurl-not-absolute" {
					warned = append(warned, d)
				}
			}
			if len(warned) != 1 || warned[0].Severity != diag.Warning {
				t.Fatalf("want one warning baseurl-not-absolute, got:\n%s", s.res.Diags.Format(diag.EN))
			}
			msg := warned[0].Format(diag.EN)
			for _, want := range []string{"sitemap.xml", "atom.xml", "embed", "og:url", "baseURL"} {
				if !strings.Contains(msg, want) {
					t.Errorf("warning lacks %q: %s", want, msg)
				}
			}
			if tc.flag != "" && warned[0].File != "--baseURL" {
				t.Errorf("warning at %s, want --baseURL", warned[0].Pos)
			}
			s.noFile("sitemap.xml")
			s.noFile("atom.xml")
			s.notContains("robots.txt", "Sitemap:")
			for _, p := range []string{"index.html", "chi-tieu/ty-le/index.html", "huong-dan/index.html"} {
				s.notContains(p, "og:url", "atom.xml", `rel="canonical"`)
			}
			s.notContains("chi-tieu/ty-le/index.html", "&lt;iframe")
			// The embeddable page itself is still there.
			s.contains("chi-tieu/ty-le/nhung/index.html", "line-ty-le")
		})
	}
}

func TestAbsoluteBaseURLWritesSitemapAndFeedWithoutWarning(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, withConfig("baseURL = \"https://example.gov.vn/de-an-06/\"\n"), Options{}).ok()
	for _, d := range s.res.Diags.All() {
		if d.Code == "baseurl-not-absolute" {
			t.Errorf("unexpected warning: %s", d.Format(diag.EN))
		}
	}
	s.contains("sitemap.xml", "<loc>https://example.gov.vn/de-an-06/chi-tieu/ty-le/</loc>")
	s.contains("atom.xml", `<id>https://example.gov.vn/de-an-06/</id>`)
	s.contains("chi-tieu/ty-le/index.html", `<meta property="og:url" content="https://example.gov.vn/de-an-06/chi-tieu/ty-le/">`,
		`&lt;iframe src="https://example.gov.vn/de-an-06/chi-tieu/ty-le/nhung/"`, `href="/de-an-06/atom.xml"`)
}

// A sample site (sample = true: illustrative figures, not for publishing)
// is not warned: the sample site of the repository and a new site from
// `tiendo new site` build clean. The relative outputs are still left out.
func TestSampleSiteWithPathBaseURLIsNotWarned(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, withConfig("sample = true\nbaseURL = \"/\"\n"), Options{}).ok()
	for _, d := range s.res.Diags.All() {
		if d.Code == "baseurl-not-absolute" {
			t.Errorf("unexpected warning: %s", d.Format(diag.EN))
		}
	}
	s.noFile("sitemap.xml")
	s.noFile("atom.xml")
}

func TestBaseURLFlagWithoutSchemeIsRefused(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, kpiSite, Options{BaseURL: "//evil.example/"})
	s.failsWith(`--baseURL "//evil.example/" không hợp lệ`)
	if s.res.Output != nil && s.res.Output.Len() != 0 {
		t.Errorf("a refused build wrote %d files", s.res.Output.Len())
	}
}
