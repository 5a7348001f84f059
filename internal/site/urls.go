package site

import (
	"strings"
)

// URLs turns site paths ("/huong-dan/vneid/", "/css/site.css#x") into the
// links a page carries: under the base path of baseURL, or relative to the
// page when the site must work opened from disk.
type URLs struct {
	// BasePath begins and ends with "/": "/" or "/de-an-06/".
	BasePath string
	// Origin is "https://host" of baseURL, or "".
	Origin   string
	Relative bool
}

// Link returns the href for target as seen from the page at from (a site
// path). External URLs and bare fragments pass through unchanged.
func (u URLs) Link(from, target string) string {
	if target == "" || IsExternal(target) || strings.HasPrefix(target, "#") {
		return target
	}
	p, frag, _ := strings.Cut(target, "#")
	if frag != "" {
		frag = "#" + frag
	}
	if !strings.HasPrefix(p, "/") {
		return target
	}
	if !u.Relative {
		if u.BasePath == "/" {
			// The link is the target itself: no new string for each of a
			// site's links (a million at 100,000 pages).
			return target
		}
		return u.BasePath + strings.TrimPrefix(p, "/") + frag
	}
	return relative(dirOf(from), p) + frag
}

// Abs returns the absolute URL of target (for feeds, sitemaps, canonical
// links); without an origin it is the base-path link.
func (u URLs) Abs(target string) string {
	if IsExternal(target) {
		return target
	}
	return u.Origin + u.BasePath + strings.TrimPrefix(target, "/")
}

// IsExternal reports whether s carries a scheme (https:, mailto:, tel:) or is
// protocol-relative.
func IsExternal(s string) bool {
	if strings.HasPrefix(s, "//") {
		return true
	}
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return false
	}
	for _, c := range s[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// dirOf is the folder a page's file sits in: pages are written as
// path/index.html, other files (404.html, feeds) at their own path.
func dirOf(from string) string {
	if strings.HasSuffix(from, "/") {
		return from
	}
	return from[:strings.LastIndexByte(from, '/')+1]
}

// relative computes the path from folder dir to target, both site paths.
// A folder target gets index.html, so links work from disk.
func relative(dir, target string) string {
	file := target
	if strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	ds := strings.Split(strings.Trim(dir, "/"), "/")
	if dir == "/" {
		ds = nil
	}
	ts := strings.Split(strings.TrimPrefix(file, "/"), "/")
	i := 0
	for i < len(ds) && i < len(ts)-1 && ds[i] == ts[i] {
		i++
	}
	var b strings.Builder
	for range len(ds) - i {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(ts[i:], "/"))
	return b.String()
}
