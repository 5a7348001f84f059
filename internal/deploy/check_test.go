package deploy

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/tiendo/tiendo/internal/server"
)

// csp is the policy the site is built for: nothing inline, nothing from
// another host. The recipes must send exactly this.
const csp = server.ContentSecurityPolicy

// maxAssetAge bounds the max-age of styles, scripts and images. Their names
// do not change with their content (no fingerprints), so a long life would
// pair new pages with old styles; "immutable" would be a lie.
const maxAssetAge = 24 * 60 * 60

// kind is what a server should say about the files of one extension.
type kind struct {
	// types are the acceptable media types; servers' tables differ.
	types []string
	// charset: the type must carry charset=utf-8 (text and XML). Otherwise
	// a charset, if sent, must be utf-8 (JSON and SVG are UTF-8 by their
	// own definition).
	charset bool
	// asset: cached for a while (at most maxAssetAge); otherwise revalidated
	// on every visit (Cache-Control: no-cache), as pages and data must be.
	asset bool
}

// kinds are the extensions the tests know. A build that writes a file of
// any other extension fails the test until it is added here, and the
// recipes checked for it.
var kinds = map[string]kind{
	".html":        {types: []string{"text/html"}, charset: true},
	".css":         {types: []string{"text/css"}, charset: true, asset: true},
	".js":          {types: []string{"text/javascript", "application/javascript"}, charset: true, asset: true},
	".svg":         {types: []string{"image/svg+xml"}, asset: true},
	".png":         {types: []string{"image/png"}, asset: true},
	".ico":         {types: []string{"image/x-icon", "image/vnd.microsoft.icon"}, asset: true},
	".json":        {types: []string{"application/json"}},
	".webmanifest": {types: []string{"application/manifest+json"}},
	".xml":         {types: []string{"application/xml", "text/xml", "application/atom+xml"}, charset: true},
	".csv":         {types: []string{"text/csv"}, charset: true},
	".txt":         {types: []string{"text/plain"}, charset: true},
	".ics":         {types: []string{"text/calendar"}, charset: true},
	".zip":         {types: []string{"application/zip"}},
	// The units' weekly report templates (mau-bao-cao-tuan.xlsx).
	".xlsx": {types: []string{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}},
	// LICENSE and NOTICE of vendored scripts: legal text that no page links
	// to. A server may send it as a download, or with no type (Apache).
	"": {types: []string{"text/plain", "application/octet-stream", ""}},
}

// marker is the file a build leaves in its output folder to recognise it;
// not a page, so not checked.
const marker = ".tiendo-output"

// want is what one way of serving the site gives. The recipes give all of
// it; tiendo serve and a plain static server give less, and the README
// says what.
type want struct {
	// headers: the CSP and nosniff on every response, 404 included.
	headers bool
	// nosniffFiles: nosniff on files found, not on the 404 (tiendo serve).
	nosniffFiles bool
	// encodings are the Content-Encodings sent from the build's .gz and .br
	// copies when the client accepts them; otherwise the file as it is.
	encodings []string
	// vary: Vary: Accept-Encoding on files that have compressed copies.
	vary bool
	// charset: charset=utf-8 on text and XML types.
	charset bool
	// cache: "fit" (pages and data no-cache, assets max-age at most a day),
	// "no-cache" (everything revalidated), "" (no Cache-Control at all).
	cache string
	// notFound: "file" (the site's 404.html byte for byte, status 404),
	// "page" (the site's 404 page, same <title>, status 404), "status"
	// (status 404, any body).
	notFound string
	// sameBytes: bodies are the built files byte for byte. tiendo serve
	// builds its own copy, with its own address and the reload script.
	sameBytes bool
}

// probe is one address to request and the built file it should return.
type probe struct {
	name string // for messages: "css", "home", "missing page"
	url  string // relative to the site's root
	// file is the built file, relative to the output folder; "" for the
	// missing page.
	file string
	// compressed: the build wrote .gz and .br copies of file.
	compressed bool
}

// probes returns one file of every extension in dir (one with compressed
// copies where there is one), the home page, a folder and a missing page.
// An extension not in kinds is an error.
func probes(dir string) ([]probe, error) {
	byExt := map[string]probe{}
	var unknown []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := filepath.ToSlash(must(filepath.Rel(dir, p)))
		ext := path.Ext(rel)
		if rel == marker || ext == ".gz" || ext == ".br" {
			return nil
		}
		if _, ok := kinds[ext]; !ok {
			unknown = append(unknown, rel)
			return nil
		}
		name := strings.TrimPrefix(ext, ".")
		if name == "" {
			name = "no extension"
		}
		pr := probe{name: name, url: rel, file: rel, compressed: exists(p+".gz") && exists(p+".br")}
		if old, ok := byExt[ext]; !ok || (pr.compressed && !old.compressed) {
			byExt[ext] = pr
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("the build wrote files of extensions the test does not know (add them to kinds, and check the recipes serve them well): %s",
			strings.Join(unknown, ", "))
	}
	var out []probe
	for _, ext := range slices.Sorted(maps.Keys(byExt)) {
		out = append(out, byExt[ext])
	}
	home := probe{name: "home", url: "", file: "index.html", compressed: exists(filepath.Join(dir, "index.html.gz"))}
	folder := probe{name: "folder", url: "gioi-thieu/", file: "gioi-thieu/index.html", compressed: exists(filepath.Join(dir, "gioi-thieu", "index.html.gz"))}
	// The 404 page may come compressed like any page.
	missing := probe{name: "missing page", url: "khong-co-trang-nay/", compressed: exists(filepath.Join(dir, "404.html.gz"))}
	return append(out, home, folder, missing), nil
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// client asks for exactly what a test says: no compression of its own, no
// redirects followed, loopback only.
var client = &http.Client{
	Transport: &http.Transport{DisableCompression: true, Proxy: nil},
	CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	},
	Timeout: 10 * time.Second,
}

// acceptEncodings are the requests made for each probe: none, gzip only,
// brotli only.
var acceptEncodings = []string{"", "gzip", "br"}

// check requests every probe from root ("http://127.0.0.1:port/de-an-06/")
// and returns every way the answers fall short of w. dir is the built site
// the bodies are compared with.
func check(root, dir string, prs []probe, w want) []string {
	var problems []string
	for _, pr := range prs {
		for _, ae := range acceptEncodings {
			label := pr.name + " (" + root + pr.url + ", Accept-Encoding " + strconv.Quote(ae) + ")"
			for _, p := range checkOne(root, dir, pr, ae, w) {
				problems = append(problems, label+": "+p)
			}
		}
	}
	problems = append(problems, checkRedirect(root, "gioi-thieu")...)
	if portal, ok := strings.CutSuffix(root, strings.TrimPrefix(subpath, "/")); ok {
		problems = append(problems, checkRedirect(portal, strings.Trim(subpath, "/"))...)
	}
	return problems
}

func checkOne(root, dir string, pr probe, ae string, w want) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	req, err := http.NewRequest(http.MethodGet, root+pr.url, nil)
	if err != nil {
		return []string{err.Error()}
	}
	if ae != "" {
		req.Header.Set("Accept-Encoding", ae)
	}
	resp, err := client.Do(req)
	if err != nil {
		return []string{err.Error()}
	}
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return []string{"reading the body: " + err.Error()}
	}
	h := resp.Header
	missing := pr.file == ""

	wantStatus := http.StatusOK
	if missing {
		wantStatus = http.StatusNotFound
	}
	if resp.StatusCode != wantStatus {
		bad("status: got %d, want %d", resp.StatusCode, wantStatus)
		return problems // the rest would only repeat it
	}

	// Security headers.
	if w.headers || (w.nosniffFiles && !missing) {
		if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
			bad("X-Content-Type-Options: got %q, want nosniff", got)
		}
	}
	if w.headers {
		if got := h.Values("Content-Security-Policy"); len(got) != 1 || got[0] != csp {
			bad("Content-Security-Policy: got %q, want exactly %q", got, csp)
		}
	}
	if got := h.Get("Content-Language"); got != "" {
		bad("Content-Language: got %q, want none (each page says its language)", got)
	}

	// Type and charset.
	ext := path.Ext(pr.file)
	if missing {
		ext = ".html"
	}
	k := kinds[ext]
	media, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	switch {
	case h.Get("Content-Type") == "" && slices.Contains(k.types, ""):
	case err != nil:
		bad("Content-Type %q: %v", h.Get("Content-Type"), err)
	case !slices.Contains(k.types, media):
		bad("Content-Type: got %q, want one of %q", media, k.types)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		bad("Content-Type: charset %q, want utf-8", cs)
	} else if !ok && k.charset && w.charset {
		bad("Content-Type: got %q, want charset=utf-8", h.Get("Content-Type"))
	}

	// Encoding and body.
	enc := h.Get("Content-Encoding")
	wantEnc := ""
	if pr.compressed && ae != "" && slices.Contains(w.encodings, ae) {
		wantEnc = ae
	}
	if enc != wantEnc && !(enc == "identity" && wantEnc == "") {
		bad("Content-Encoding: got %q, want %q", enc, wantEnc)
	}
	body, err := decode(enc, raw)
	if err != nil {
		bad("body in Content-Encoding %q: %v", enc, err)
	}
	if pr.compressed && w.vary && !varies(h) {
		bad("Vary: got %q, want Accept-Encoding (the file has compressed copies)", h.Values("Vary"))
	}
	switch {
	case err != nil:
	case missing:
		page := must(os.ReadFile(filepath.Join(dir, "404.html")))
		switch w.notFound {
		case "file":
			if !bytes.Equal(body, page) {
				bad("body: not the site's 404.html (%d bytes, want %d)", len(body), len(page))
			}
		case "page":
			if t := title(page); t == "" || title(body) != t {
				bad("body: <title> %q, want the 404 page's %q", title(body), t)
			}
		}
	case w.sameBytes:
		file := must(os.ReadFile(filepath.Join(dir, filepath.FromSlash(pr.file))))
		if !bytes.Equal(body, file) {
			bad("body: %d bytes that differ from %s (%d bytes)", len(body), pr.file, len(file))
		}
	case len(body) == 0:
		bad("body: empty")
	}

	// Caching.
	cc := h.Get("Cache-Control")
	switch {
	case missing:
		if age, ok := maxAge(cc); ok && age > 0 {
			bad("Cache-Control: got %q, want a 404 not kept", cc)
		}
	case w.cache == "fit" && k.asset:
		age, ok := maxAge(cc)
		if !ok || age <= 0 || age > maxAssetAge || strings.Contains(cc, "immutable") || strings.Contains(cc, "no-cache") {
			bad("Cache-Control: got %q, want max-age of at most %d s, not immutable (names are not fingerprinted)", cc, maxAssetAge)
		}
	case w.cache == "fit" || w.cache == "no-cache":
		if !directive(cc, "no-cache") {
			bad("Cache-Control: got %q, want no-cache (revalidated on every visit)", cc)
		}
	}
	return problems
}

// checkRedirect asks for a folder without its final slash: the answer must
// send the browser to the address with it, or the page's relative links
// would point one level too high.
func checkRedirect(root, folder string) []string {
	resp, err := client.Get(root + folder)
	if err != nil {
		return []string{err.Error()}
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusMovedPermanently && resp.StatusCode != http.StatusFound ||
		!strings.HasSuffix(loc, "/"+folder+"/") {
		return []string{fmt.Sprintf("%s%s: got %d to %q, want a redirect to %s/", root, folder, resp.StatusCode, loc, folder)}
	}
	return nil
}

func decode(enc string, b []byte) ([]byte, error) {
	switch enc {
	case "", "identity":
		return b, nil
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(zr)
	case "br":
		return io.ReadAll(brotli.NewReader(bytes.NewReader(b)))
	}
	return nil, fmt.Errorf("unknown encoding")
}

func varies(h http.Header) bool {
	for _, v := range h.Values("Vary") {
		for f := range strings.SplitSeq(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), "Accept-Encoding") {
				return true
			}
		}
	}
	return false
}

// directive reports whether the Cache-Control value cc has directive d.
func directive(cc, d string) bool {
	for f := range strings.SplitSeq(cc, ",") {
		name, _, _ := strings.Cut(strings.TrimSpace(f), "=")
		if strings.EqualFold(name, d) {
			return true
		}
	}
	return false
}

func maxAge(cc string) (int, bool) {
	for f := range strings.SplitSeq(cc, ",") {
		name, v, ok := strings.Cut(strings.TrimSpace(f), "=")
		if ok && strings.EqualFold(name, "max-age") {
			n, err := strconv.Atoi(v)
			return n, err == nil
		}
	}
	return 0, false
}

var titleRE = regexp.MustCompile(`<title>([^<]*)</title>`)

func title(page []byte) string {
	if m := titleRE.FindSubmatch(page); m != nil {
		return string(m[1])
	}
	return ""
}
