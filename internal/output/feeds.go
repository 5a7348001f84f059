package output

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"html"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/site"
)

// FeedFiles are the files Feeds makes: robots.txt, and when the site's URLs
// are absolute, sitemap.xml and atom.xml. A sitemap's <loc> and a feed's ids
// must be absolute URLs (sitemaps.org, RFC 4287); without a host in baseURL
// neither is written.
func FeedFiles(absolute bool) []string {
	if !absolute {
		return []string{"robots.txt"}
	}
	return []string{"robots.txt", "sitemap.xml", "atom.xml"}
}

// Feeds makes the FeedFiles of s, by name: the sitemap lists every page
// but the 404 page, the Atom feed the 30 latest dated content pages in lang.
func Feeds(s *site.Site, absolute bool, lang, title, author string) map[string][]byte {
	var sm []SitemapURL
	var entries []FeedEntry
	for _, p := range s.Pages {
		if p.Path == "/404/" {
			continue
		}
		u := SitemapURL{Loc: s.URLs.Abs(p.Path)}
		if t := p.Updated(); !t.IsZero() {
			u.Lastmod = t.Format("2006-01-02")
		}
		sm = append(sm, u)
		if p.Kind == site.KindPage && !p.Date.IsZero() && p.File != "" && p.Lang == lang {
			entries = append(entries, FeedEntry{Title: p.Title, URL: s.URLs.Abs(p.Path), Summary: p.Summary, Updated: p.Updated()})
		}
	}
	slices.SortStableFunc(entries, func(a, c FeedEntry) int {
		if d := c.Updated.Compare(a.Updated); d != 0 {
			return d
		}
		return strings.Compare(a.URL, c.URL)
	})
	out := map[string][]byte{"robots.txt": Robots(s.URLs.Abs("/sitemap.xml"))}
	if absolute {
		out["sitemap.xml"] = Sitemap(sm)
		out["atom.xml"] = Atom(lang, title, author, s.URLs.Abs("/"), s.URLs.Abs("/atom.xml"), entries[:min(len(entries), 30)])
	}
	return out
}

// SitemapURL is one entry of sitemap.xml.
type SitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// Sitemap renders sitemap.xml for absolute URLs in the given order.
func Sitemap(urls []SitemapURL) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString("  <url><loc>")
		xml.EscapeText(&b, []byte(u.Loc))
		b.WriteString("</loc>")
		if u.Lastmod != "" {
			b.WriteString("<lastmod>" + u.Lastmod + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// Robots renders robots.txt pointing at the sitemap. The Sitemap line needs
// an absolute URL, so it is left out when sitemapURL has no host.
func Robots(sitemapURL string) []byte {
	s := "User-agent: *\nAllow: /\n"
	if strings.HasPrefix(sitemapURL, "http://") || strings.HasPrefix(sitemapURL, "https://") {
		s += "Sitemap: " + sitemapURL + "\n"
	}
	return []byte(s)
}

// FeedEntry is one entry of an Atom feed.
type FeedEntry struct {
	Title string
	URL   string // absolute
	// ID is the entry's id, an absolute URL that stays the same for the
	// same event; the URL when empty.
	ID      string
	Summary string
	Updated time.Time
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	Link    atomLink `xml:"link"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary,omitempty"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

// Atom renders an Atom feed. updated is the newest entry's time (never the
// wall clock, so builds stay byte-identical).
func Atom(lang, title, author, siteURL, feedURL string, entries []FeedEntry) []byte {
	f := atomFeed{
		Lang: lang, Title: title, ID: siteURL, Author: author,
		Links: []atomLink{{Href: feedURL, Rel: "self", Type: "application/atom+xml"}, {Href: siteURL}},
	}
	var newest time.Time
	for _, e := range entries {
		if e.Updated.After(newest) {
			newest = e.Updated
		}
		f.Entries = append(f.Entries, atomEntry{
			Title: e.Title, Link: atomLink{Href: e.URL}, ID: cmp.Or(e.ID, e.URL),
			Updated: e.Updated.Format(time.RFC3339), Summary: e.Summary,
		})
	}
	if newest.IsZero() {
		newest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.Updated = newest.Format(time.RFC3339)
	out, _ := xml.MarshalIndent(f, "", "  ")
	return append([]byte(xml.Header), append(out, '\n')...)
}

// Alias is the redirect page written at an alias, an old address of a page:
// target is the link to the page from the alias, canonical its absolute
// URL.
func Alias(lang, title, canonical, target string) []byte {
	return []byte(fmt.Sprintf(`<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<title>%s</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="%s">
<meta http-equiv="refresh" content="0; url=%s">
</head>
<body>
<p><a href="%s">%s</a></p>
</body>
</html>
`, lang, html.EscapeString(title), html.EscapeString(canonical), html.EscapeString(target),
		html.EscapeString(target), html.EscapeString(title)))
}
