package e2e

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// TestLinks crawls the served site from its root and from [pages],
// following every address a page, a style sheet, the sitemap or the feed
// refers to. It fails on an address that does not answer with the
// status expected, on a fragment with no matching id, and on a link that
// leaves the subpath the site is served under. Links to other hosts are
// listed, not fetched.
func TestLinks(t *testing.T) {
	t.Parallel()
	s := sampleSite(t)
	c := newCrawler(s)
	c.visit(s.Root, http.StatusOK, ref{from: "(start)", raw: s.Root})
	// The pages of the browser test are checked even when nothing links
	// them; that is how the 404 page is reached at all.
	for _, p := range pages {
		if !p.Optional {
			c.visit(s.URL(p.Path), p.Status, ref{from: "(pages table)", raw: p.Path})
		}
	}
	c.run()

	t.Logf("crawled %d addresses under %s", len(c.fetched), s.Root)
	if len(c.external) > 0 {
		var ext []string
		for u, refs := range c.external {
			ext = append(ext, fmt.Sprintf("%s (%d links, first on %s)", u, len(refs), c.path(refs[0].from)))
		}
		slices.Sort(ext)
		t.Logf("%d external links, not fetched:\n\t%s", len(ext), strings.Join(ext, "\n\t"))
	}
	slices.Sort(c.problems)
	for _, p := range c.problems {
		t.Error(p)
	}
}

// ref is one reference to an address: on which page, written how, where.
type ref struct {
	from string // absolute URL of the referring page or file
	raw  string // the attribute value as written
	at   string // "a href", "img srcset", "css url()", …
}

func (r ref) String() string {
	if r.at == "" {
		return r.raw
	}
	return fmt.Sprintf("<%s=%q>", r.at, r.raw)
}

type anchorRef struct {
	target   string // absolute URL without fragment
	fragment string // decoded
	ref      ref
}

type crawler struct {
	s      *servedSite
	client *http.Client
	want   map[string]int // expected status by URL; 200 unless listed
	queue  []string
	refs   map[string][]ref // who refers to each URL, in order
	// fetched is every URL fetched, with the ids of the elements of those
	// that are HTML pages (nil for other files).
	fetched  map[string]map[string]bool
	scanned  map[string]bool // final URLs, after redirects
	anchors  []anchorRef
	external map[string][]ref
	problems []string
}

func newCrawler(s *servedSite) *crawler {
	c := &crawler{
		s:        s,
		want:     map[string]int{},
		refs:     map[string][]ref{},
		fetched:  map[string]map[string]bool{},
		scanned:  map[string]bool{},
		external: map[string][]ref{},
	}
	c.client = &http.Client{
		Timeout: 20 * time.Second,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if !c.inSite(req.URL) {
				return fmt.Errorf("redirect leaves %s: %s", c.s.Root, req.URL)
			}
			if len(via) >= 5 {
				return fmt.Errorf("more than 5 redirects")
			}
			return nil
		},
	}
	return c
}

// path shortens an absolute URL of the site to its path, for messages.
func (c *crawler) path(u string) string {
	return strings.TrimPrefix(u, "http://"+c.s.Host)
}

func (c *crawler) inSite(u *url.URL) bool {
	return u.Host == c.s.Host && strings.HasPrefix(u.Path, basePath)
}

// visit queues u (absolute, without fragment) once, noting who refers to it.
func (c *crawler) visit(u string, status int, r ref) {
	if _, queued := c.refs[u]; !queued {
		c.queue = append(c.queue, u)
		c.want[u] = status
	}
	if !slices.Contains(c.refs[u], r) {
		c.refs[u] = append(c.refs[u], r)
	}
}

func (c *crawler) problem(target, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	refs := c.refs[target]
	for i, r := range refs {
		if i == 5 {
			msg += fmt.Sprintf("\n\t… and %d more", len(refs)-i)
			break
		}
		msg += fmt.Sprintf("\n\tlinked from %s as %s", c.path(r.from), r)
	}
	c.problems = append(c.problems, msg)
}

func (c *crawler) run() {
	for len(c.queue) > 0 {
		u := c.queue[0]
		c.queue = c.queue[1:]
		c.fetch(u)
	}
	for _, a := range c.anchors {
		ids, ok := c.fetched[a.target]
		if !ok || ids == nil {
			continue // failed already, or not an HTML page
		}
		// "#top" scrolls to the top without an element (HTML § 7.4.6.4).
		if !ids[a.fragment] && !strings.EqualFold(a.fragment, "top") {
			c.problems = append(c.problems, fmt.Sprintf("%s: no element with id %q\n\tlinked from %s as %s",
				c.path(a.target), a.fragment, c.path(a.ref.from), a.ref))
		}
	}
}

func (c *crawler) fetch(u string) {
	resp, err := c.client.Get(u)
	if err != nil {
		c.problem(u, "GET %s: %v", c.path(u), err)
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		c.problem(u, "GET %s: %v", c.path(u), err)
		return
	}
	c.fetched[u] = nil
	if want := c.want[u]; resp.StatusCode != want {
		c.problem(u, "GET %s: %s, want %d", c.path(u), resp.Status, want)
		return
	}
	// x/index.html redirects to x/: read the page once.
	final := resp.Request.URL
	if c.scanned[final.String()] {
		c.fetched[u] = c.fetched[final.String()]
		return
	}
	c.scanned[final.String()] = true
	ctype, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch {
	case ctype == "text/html":
		c.fetched[u] = c.scanHTML(final, body)
		c.fetched[final.String()] = c.fetched[u]
	case ctype == "text/css":
		c.scanCSS(final, body)
	case strings.HasSuffix(ctype, "xml"):
		c.scanXML(final, body)
	}
}

// follow classifies one reference found in the file at base.
func (c *crawler) follow(base *url.URL, raw, at string) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return
	}
	r := ref{from: base.String(), raw: raw, at: at}
	u, err := base.Parse(raw)
	if err != nil {
		c.problems = append(c.problems, fmt.Sprintf("%s: bad URL %s: %v", c.path(r.from), r, err))
		return
	}
	switch u.Scheme {
	case "http", "https":
	case "mailto", "tel", "data":
		return
	default:
		c.problems = append(c.problems, fmt.Sprintf("%s: link with scheme %q: %s", c.path(r.from), u.Scheme, r))
		return
	}
	if u.Host != c.s.Host {
		if isLoopback(u.Hostname()) {
			c.problems = append(c.problems, fmt.Sprintf("%s: link to a local server %s: %s", c.path(r.from), u.Host, r))
			return
		}
		target := *u
		target.Fragment = ""
		c.external[target.String()] = append(c.external[target.String()], r)
		return
	}
	if !c.inSite(u) {
		c.problems = append(c.problems, fmt.Sprintf("%s: link leaves the subpath %s: %s resolves to %s",
			c.path(r.from), basePath, r, u.Path))
		return
	}
	frag := u.Fragment
	u.Fragment, u.RawFragment = "", ""
	target := u.String()
	c.visit(target, http.StatusOK, r)
	if frag != "" {
		c.anchors = append(c.anchors, anchorRef{target: target, fragment: frag, ref: r})
	}
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// linkAttrs are the attributes that hold an address, by element.
var linkAttrs = map[string][]string{
	"a":      {"href"},
	"area":   {"href"},
	"link":   {"href", "imagesrcset"},
	"script": {"src"},
	"img":    {"src", "srcset"},
	"source": {"src", "srcset"},
	"iframe": {"src"},
	"embed":  {"src"},
	"video":  {"src", "poster"},
	"audio":  {"src"},
	"track":  {"src"},
	"object": {"data"},
}

// scanHTML follows the addresses of one page and returns its ids.
func (c *crawler) scanHTML(page *url.URL, body []byte) map[string]bool {
	ids := map[string]bool{}
	base := page
	type found struct{ raw, at string }
	var links []found
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			if a.Namespace != "" {
				continue
			}
			switch {
			case a.Key == "id" || (a.Key == "name" && tok.Data == "a"):
				ids[a.Val] = true
			case tok.Data == "base" && a.Key == "href":
				if b, err := page.Parse(a.Val); err == nil {
					base = b
				}
			case slices.Contains(linkAttrs[tok.Data], a.Key):
				at := tok.Data + " " + a.Key
				if strings.HasSuffix(a.Key, "srcset") {
					for _, cand := range strings.Split(a.Val, ",") {
						if f := strings.Fields(cand); len(f) > 0 {
							links = append(links, found{f[0], at})
						}
					}
				} else {
					links = append(links, found{a.Val, at})
				}
			}
		}
	}
	for _, l := range links {
		c.follow(base, l.raw, l.at)
	}
	return ids
}

// cssRefs find the addresses in a style sheet; the first non-empty group
// is the address.
var cssRefs = []struct {
	at string
	re *regexp.Regexp
}{
	{"css url()", regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)`)},
	{"css @import", regexp.MustCompile(`@import\s+(?:"([^"]*)"|'([^']*)')`)},
}

// scanCSS follows url() and @import of a style sheet.
func (c *crawler) scanCSS(sheet *url.URL, body []byte) {
	for _, cr := range cssRefs {
		for _, m := range cr.re.FindAllSubmatch(body, -1) {
			for _, g := range m[1:] {
				if len(g) > 0 {
					c.follow(sheet, string(g), cr.at)
					break
				}
			}
		}
	}
}

// scanXML follows the addresses of the sitemap (<loc>) and of the feed
// (<link href>).
func (c *crawler) scanXML(file *url.URL, body []byte) {
	d := xml.NewDecoder(bytes.NewReader(body))
	inLoc := false
	for {
		tok, err := d.Token()
		if err != nil {
			if err != io.EOF {
				c.problems = append(c.problems, fmt.Sprintf("%s: bad XML: %v", c.path(file.String()), err))
			}
			return
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inLoc = tok.Name.Local == "loc"
			if tok.Name.Local == "link" {
				for _, a := range tok.Attr {
					if a.Name.Local == "href" {
						c.follow(file, a.Value, "link href")
					}
				}
			}
		case xml.CharData:
			if inLoc {
				c.follow(file, string(tok), "loc")
			}
		case xml.EndElement:
			inLoc = false
		}
	}
}
