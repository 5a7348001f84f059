package server

import (
	"bytes"
	"embed"
	"hash/maphash"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/site"
)

// reloadTag is what every served HTML page gets before </body>.
const reloadTag = `<script src="/__tiendo/reload.js" defer></script>`

// prefix is where the server's own files live, outside any site's paths.
const prefix = "/__tiendo/"

//go:embed assets
var assets embed.FS

// snapshot is one good build, ready to serve. Its files are the build's
// own output, which nothing changes once built; the reload tag is added to
// HTML pages as they are served.
type snapshot struct {
	files    map[string][]byte
	basePath string
	id       string
	site     *site.Site // the build's config and moment, for the form
}

var etagSeed = maphash.MakeSeed()

// etag names one version of a file's bytes.
func etag(data []byte) string {
	return `"` + strconv.FormatUint(maphash.Bytes(etagSeed, data), 36) + `"`
}

// injectReload puts reloadTag before the last </body>, or at the end of a
// page without one.
func injectReload(page []byte) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(reloadTag)+1)
	out = append(out, page[:i]...)
	out = append(out, reloadTag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// ServeHTTP serves the last good build, and the server's own files under
// /__tiendo/.
// ContentSecurityPolicy is the policy tiendo's pages are built for:
// nothing inline, nothing from another host. The preview sends it, as the
// hosting recipes (internal/deploy) do, so that a page that would break
// under it breaks in the preview first.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'self'; frame-ancestors 'self'"

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	if s.loopback && !loopbackHost(r.Host) {
		http.Error(w, diag.Tf("421: máy chủ xem thử chỉ trả lời địa chỉ %s hoặc localhost, không trả lời %q.",
			"421: the preview answers only at %s or localhost, not at %q.", s.host, r.Host).In(s.o.Lang),
			http.StatusMisdirectedRequest)
		return
	}
	if rel, ok := s.formPath(r.URL.Path); ok {
		s.form.ServeHTTP(w, r, rel)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch p := r.URL.Path; {
	case p == prefix+"events":
		s.serveEvents(w, r)
	case strings.HasPrefix(p, prefix):
		serveAsset(w, r, strings.TrimPrefix(p, prefix))
	default:
		s.servePage(w, r)
	}
}

func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	snap := s.site.Load()
	if snap == nil {
		servePlaceholder(w, r, s.o.Lang)
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, snap.basePath) {
		if p == "/" || p+"/" == snap.basePath {
			http.Redirect(w, r, snap.basePath, http.StatusFound)
			return
		}
		snap.notFound(w, r)
		return
	}
	name := strings.TrimPrefix(p, snap.basePath)
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if data, ok := snap.files[name]; ok {
		h := w.Header()
		h.Set("Content-Type", contentType(name, data))
		h.Set("Cache-Control", "no-cache")
		h.Set("ETag", etag(data))
		if path.Ext(name) == ".html" {
			data = injectReload(data)
		}
		h.Set("X-Content-Type-Options", "nosniff")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
		return
	}
	if _, ok := snap.files[name+"/index.html"]; ok {
		target := p + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	snap.notFound(w, r)
}

// notFound answers with the site's 404.html and status 404.
func (snap *snapshot) notFound(w http.ResponseWriter, r *http.Request) {
	data, ok := snap.files["404.html"]
	if !ok {
		http.Error(w, "404 không tìm thấy trang — page not found", http.StatusNotFound)
		return
	}
	data = injectReload(data)
	writeStatus(w, r, http.StatusNotFound, "text/html; charset=utf-8", data)
}

func writeStatus(w http.ResponseWriter, r *http.Request, code int, ctype string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// serveAsset serves reload.js and overlay.css.
func serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	if strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	data, err := assets.ReadFile("assets/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	writeStatus(w, r, http.StatusOK, contentType(name, data), data)
}

// servePlaceholder stands in for the site until a first build succeeds. Its
// meta tag tells reload.js to reload on the first good build.
func servePlaceholder(w http.ResponseWriter, r *http.Request, lang diag.Lang) {
	title := diag.T("Trang web chưa dựng được", "The site could not be built yet").In(lang)
	note := diag.T("Các lỗi được liệt kê trên màn hình và trong cửa sổ dòng lệnh. Sửa rồi lưu tệp; trang sẽ tự tải lại.",
		"The errors are listed on screen and in the terminal. Fix them and save; the page reloads by itself.").In(lang)
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + string(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"tiendo-placeholder\" content=\"1\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>" + htmlEscape(title) + "</title>\n")
	b.WriteString("<link rel=\"stylesheet\" href=\"" + prefix + "overlay.css\">\n</head>\n<body class=\"tiendo-placeholder\">\n")
	b.WriteString("<h1>" + htmlEscape(title) + "</h1>\n<p>" + htmlEscape(note) + "</p>\n")
	b.WriteString(reloadTag + "\n</body>\n</html>\n")
	writeStatus(w, r, http.StatusServiceUnavailable, "text/html; charset=utf-8", b.Bytes())
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func htmlEscape(s string) string { return htmlEscaper.Replace(s) }

// contentTypes are fixed here rather than taken from the system's MIME
// table, which differs between machines.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".otf":         "font/otf",
	".pdf":         "application/pdf",
	".zip":         "application/zip",
	".xlsx":        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".docx":        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

func contentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(data)
}
