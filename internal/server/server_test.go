package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/output"
)

// waitFor bounds every wait for an event: long enough for a slow machine,
// short enough that a broken watcher fails fast.
const waitFor = 5 * time.Second

var testSite = map[string]string{
	"config.toml":       "title = \"Thử\"\nbaseURL = \"/\"\n",
	"content/_index.md": "+++\ntitle = \"Trang chủ\"\n+++\nXin chào.\n",
	"content/a.md":      "+++\ntitle = \"Trang A\"\n+++\nBản đầu tiên.\n",
}

func writeFiles(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// startServer serves dir on a free port of 127.0.0.1 until the test ends.
func startServer(tb testing.TB, dir string, o Options) *Server {
	tb.Helper()
	o.Source, o.Bind, o.Port = dir, "127.0.0.1", 0
	if o.Now == "" {
		o.Now = "2023-06-30"
	}
	if o.Quiet == 0 {
		o.Quiet, o.MaxWait = 20*time.Millisecond, 100*time.Millisecond
	}
	s, err := Start(o)
	if err != nil {
		tb.Fatalf("Start: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if err := s.Close(ctx); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

type sseEvent struct {
	name string
	data map[string]any
}

// subscribe opens the event stream and returns its events.
func subscribe(tb testing.TB, s *Server) <-chan sseEvent {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.host+"/__tiendo/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		tb.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		tb.Fatalf("events Content-Type: got %q", ct)
	}
	ch := make(chan sseEvent, 32)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev.data); err != nil {
					tb.Errorf("event data: %v", err)
				}
			case line == "" && ev.name != "":
				ch <- ev
				ev = sseEvent{}
			}
		}
	}()
	tb.Cleanup(func() {
		cancel()
		resp.Body.Close()
		<-done
	})
	return ch
}

// next waits for the next event called name, skipping no other event.
func next(tb testing.TB, ch <-chan sseEvent, name string) sseEvent {
	tb.Helper()
	select {
	case ev, ok := <-ch:
		if !ok {
			tb.Fatalf("event stream closed, want %q", name)
		}
		if ev.name != name {
			tb.Fatalf("event: got %q %v, want %q", ev.name, ev.data, name)
		}
		return ev
	case <-time.After(waitFor):
		tb.Fatalf("no %q event within %v", name, waitFor)
	}
	return sseEvent{}
}

type response struct {
	code   int
	header http.Header
	body   string
}

func request(tb testing.TB, method, url string, header ...string) response {
	tb.Helper()
	req, _ := http.NewRequest(method, url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header, string(b)}
}

func get(tb testing.TB, url string) response {
	tb.Helper()
	return request(tb, http.MethodGet, url)
}

func TestServeRebuildAndErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, testSite)
	s := startServer(t, dir, Options{})

	page := get(t, s.URL()+"a/")
	if page.code != 200 || !strings.Contains(page.body, "Bản đầu tiên") {
		t.Fatalf("GET /a/: got %d %q", page.code, page.body)
	}
	if !strings.Contains(page.body, reloadTag+"\n</body>") {
		t.Errorf("GET /a/: no %s before </body>", reloadTag)
	}
	if ct := page.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type: got %q", ct)
	}

	events := subscribe(t, s)
	hello := next(t, events, "hello")

	// A change on disk: a reload, and the new text is served.
	writeFiles(t, dir, map[string]string{"content/a.md": "+++\ntitle = \"Trang A\"\n+++\nBản thứ hai.\n"})
	ev := next(t, events, "reload")
	if ev.data["build"] == hello.data["build"] {
		t.Errorf("reload carries the old build id %v", ev.data["build"])
	}
	if got := get(t, s.URL()+"a/").body; !strings.Contains(got, "Bản thứ hai") {
		t.Errorf("after reload, GET /a/ serves %q", got)
	}

	// A broken config: the errors with their position, and the last good
	// site is still served.
	writeFiles(t, dir, map[string]string{"config.toml": "titel = \"Thử\"\n"})
	ev = next(t, events, "errors")
	errs, _ := ev.data["errors"].([]any)
	if len(errs) == 0 {
		t.Fatalf("errors event without errors: %v", ev.data)
	}
	first := errs[0].(map[string]any)
	if first["pos"] != "config.toml:1:1" || !strings.Contains(first["message"].(string), `"titel"`) ||
		!strings.Contains(first["hint"].(string), `"title"`) {
		t.Errorf("first error: got %v, want config.toml:1:1 about \"titel\" with a hint", first)
	}
	if got := get(t, s.URL()+"a/").body; !strings.Contains(got, "Bản thứ hai") {
		t.Errorf("after a failed build, GET /a/ serves %q", got)
	}

	// A page opened now gets the errors at once.
	late := subscribe(t, s)
	if ev := next(t, late, "errors"); ev.data["title"] != "Trang web có lỗi" {
		t.Errorf("state on connect: got %v", ev.data)
	}

	// Fixed: a reload for both pages.
	writeFiles(t, dir, map[string]string{"config.toml": "title = \"Đã sửa\"\n"})
	next(t, events, "reload")
	next(t, late, "reload")
	if got := get(t, s.URL()+"a/").body; !strings.Contains(got, "Đã sửa") {
		t.Errorf("after the fix, GET /a/ serves %q", got)
	}
}

func TestServeFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, testSite)
	writeFiles(t, dir, map[string]string{"static/tai-lieu/bang.csv": "a,b\n1,2\n"})
	s := startServer(t, dir, Options{})
	base := s.URL()

	tests := []struct {
		name, method, path string
		code               int
		ctype, contains    string
	}{
		{"home", "GET", "", 200, "text/html; charset=utf-8", reloadTag},
		{"folder without slash", "GET", "a", 301, "", ""},
		{"static csv", "GET", "tai-lieu/bang.csv", 200, "text/csv; charset=utf-8", "1,2"},
		{"missing page", "GET", "khong-co/", 404, "text/html; charset=utf-8", reloadTag},
		{"head", "HEAD", "a/", 200, "text/html; charset=utf-8", ""},
		{"post", "POST", "a/", 405, "", ""},
		{"reload.js", "GET", "__tiendo/reload.js", 200, "text/javascript; charset=utf-8", "EventSource"},
		{"overlay.css", "GET", "__tiendo/overlay.css", 200, "text/css; charset=utf-8", ".tiendo-overlay"},
		{"missing asset", "GET", "__tiendo/khong-co.js", 404, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := request(t, tc.method, base+tc.path)
			if r.code != tc.code {
				t.Fatalf("status: got %d, want %d", r.code, tc.code)
			}
			if tc.ctype != "" && r.header.Get("Content-Type") != tc.ctype {
				t.Errorf("Content-Type: got %q, want %q", r.header.Get("Content-Type"), tc.ctype)
			}
			if !strings.Contains(r.body, tc.contains) {
				t.Errorf("body: got %q, want it to contain %q", r.body, tc.contains)
			}
			if tc.method == "HEAD" && r.body != "" {
				t.Errorf("HEAD sent a body: %q", r.body)
			}
		})
	}
	if r := get(t, base+"a"); r.header.Get("Location") != "/a/" {
		t.Errorf("redirect: got %q, want /a/", r.header.Get("Location"))
	}

	// An unchanged page is not sent again.
	etag := get(t, base+"a/").header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	if r := request(t, "GET", base+"a/", "If-None-Match", etag); r.code != 304 {
		t.Errorf("If-None-Match: got %d, want 304", r.code)
	}
}

func TestServeSubpath(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, testSite)
	writeFiles(t, dir, map[string]string{"config.toml": "baseURL = \"https://example.gov.vn/de-an-06/\"\n"})
	s := startServer(t, dir, Options{})
	if !strings.HasSuffix(s.URL(), "/de-an-06/") {
		t.Fatalf("URL: got %q", s.URL())
	}
	if r := get(t, s.host+"/de-an-06/a/"); r.code != 200 || !strings.Contains(r.body, "Bản đầu tiên") {
		t.Errorf("GET /de-an-06/a/: got %d", r.code)
	}
	if r := get(t, s.host+"/"); r.code != 302 || r.header.Get("Location") != "/de-an-06/" {
		t.Errorf("GET /: got %d to %q, want 302 to /de-an-06/", r.code, r.header.Get("Location"))
	}
	if r := get(t, s.host+"/a/"); r.code != 404 {
		t.Errorf("GET /a/ outside the base path: got %d, want 404", r.code)
	}
}

// TestWatch checks which changes rebuild: a burst of saves is one rebuild,
// a new folder is watched, and editors' temporary files, public/ and
// .tiendo-cache/ are ignored.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, testSite)
	s := startServer(t, dir, Options{Quiet: 100 * time.Millisecond, MaxWait: 500 * time.Millisecond})
	events := subscribe(t, s)
	next(t, events, "hello")

	writeFiles(t, dir, map[string]string{
		"content/.a.md.swp":      "x",
		"content/a.md~":          "x",
		"content/4913":           "x",
		"content/.#a.md":         "x",
		"public/index.html":      "x",
		".tiendo-cache/x":        "x",
		"README.md":              "x",
		"content/moi/_index.md":  "+++\ntitle = \"Mới\"\n+++\n",
		"content/moi/b.md":       "+++\ntitle = \"B\"\n+++\nB một.\n",
		"content/huong-dan/c.md": "+++\ntitle = \"C\"\n+++\n",
	})
	ev := next(t, events, "reload")
	if got := strings.Join(toStrings(ev.data["changed"]), " "); got == "" || strings.Contains(got, "swp") ||
		strings.Contains(got, "~") || strings.Contains(got, "4913") || strings.Contains(got, "public") ||
		strings.Contains(got, "cache") || strings.Contains(got, "README") || strings.Contains(got, "#") {
		t.Errorf("changed: got %q, want only files under content/ that are not temporary", got)
	}

	// The folder created above is watched too.
	writeFiles(t, dir, map[string]string{"content/moi/b.md": "+++\ntitle = \"B\"\n+++\nB hai.\n"})
	for {
		ev := next(t, events, "reload")
		if got := toStrings(ev.data["changed"]); len(got) == 1 && got[0] == "content/moi/b.md" {
			break
		}
	}
	if got := get(t, s.URL()+"moi/b/").body; !strings.Contains(got, "B hai") {
		t.Errorf("GET /moi/b/ serves %q", got)
	}
}

func toStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

// TestServeBrokenAtStart checks the stand-in page shown before any good build.
func TestServeBrokenAtStart(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, testSite)
	writeFiles(t, dir, map[string]string{"config.toml": "title = \n"})
	s := startServer(t, dir, Options{Lang: diag.EN})
	r := get(t, s.URL())
	if r.code != 503 || !strings.Contains(r.body, reloadTag) || !strings.Contains(r.body, "could not be built") {
		t.Errorf("GET /: got %d %q", r.code, r.body)
	}
	events := subscribe(t, s)
	ev := next(t, events, "errors")
	if ev.data["title"] != "The site has errors" {
		t.Errorf("errors in English: got %v", ev.data["title"])
	}
	writeFiles(t, dir, testSite)
	next(t, events, "reload")
	if r := get(t, s.URL()); r.code != 200 {
		t.Errorf("after the fix: got %d", r.code)
	}
}

// TestCloseWithOpenStream checks that an open page does not hold up Ctrl-C.
func TestCloseWithOpenStream(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, testSite)
	s := startServer(t, dir, Options{})
	events := subscribe(t, s)
	next(t, events, "hello")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	if err := s.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Close took %v with a page open", d)
	}
}

func TestPortBusy(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, testSite)
	s := startServer(t, dir, Options{})
	port := s.ln.Addr().(*net.TCPAddr).Port
	_, err := Start(Options{Source: dir, Bind: "127.0.0.1", Port: port})
	var d *diag.Diagnostic
	if !errors.As(err, &d) || d.Code != "serve-port-busy" {
		t.Fatalf("second Start on port %d: got %v, want serve-port-busy", port, err)
	}
	if got := d.Format(diag.VI); !strings.Contains(got, "đang được chương trình khác dùng") {
		t.Errorf("message: got %q", got)
	}
}

// TestBuildHasNoReloadScript guards the rule that only the server adds it.
func TestBuildHasNoReloadScript(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, testSite)
	mem := output.NewMem()
	res := build.Run(build.Options{Source: dir, Sink: mem, Now: "2023-06-30"})
	if !res.OK() {
		t.Fatal(res.Diags.Format(diag.EN))
	}
	for name, data := range mem.Files {
		if strings.Contains(string(data), "__tiendo") {
			t.Errorf("%s of a build mentions __tiendo", name)
		}
	}
}

func TestInjectReload(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"body", "<p>x</p></body></html>", "<p>x</p>" + reloadTag + "\n</body></html>"},
		{"upper case", "<P>x</BODY>", "<P>x" + reloadTag + "\n</BODY>"},
		{"last body", "<pre></body></pre></body>", "<pre></body></pre>" + reloadTag + "\n</body>"},
		{"no body", "<p>x", "<p>x" + reloadTag + "\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(injectReload([]byte(tc.in))); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestIsInput(t *testing.T) {
	tests := []struct {
		rel  string
		want bool
	}{
		{"config.toml", true},
		{"content/a.md", true},
		{"data/chi-tieu/x.csv", true},
		{"themes/default/layouts/base.html", true},
		{"i18n/vi.toml", true},
		{"static/logo.png", true},
		{"layouts/single.html", true},
		{"public/index.html", false},
		{".tiendo-cache/charts/x.svg", false},
		{"README.md", false},
		{"config.toml~", false},
		{"content/.a.md.swp", false},
		{"content/a.md~", false},
		{"content/.#a.md", false},
		{"content/#a.md#", false},
		{"content/4913", false},
		{"content/.git/x", false},
		{"data/x.csv___jb_tmp___", false},
		{"data/chi-tieu/~$ho-so.xlsx", false}, // Excel's owner file while a workbook is open
	}
	for _, tc := range tests {
		if got := isInput(tc.rel); got != tc.want {
			t.Errorf("isInput(%q): got %v, want %v", tc.rel, got, tc.want)
		}
	}
}

func TestChangedPages(t *testing.T) {
	for _, c := range []struct {
		written []string
		want    []string // nil: every page
	}{
		{[]string{"huong-dan/vneid/kich-hoat/index.html", "tim-kiem/index.json"}, []string{"/de-an-06/huong-dan/vneid/kich-hoat/", "/de-an-06/tim-kiem/"}},
		{[]string{"index.html", "sitemap.xml", "chi-tieu/a/a.csv", "chi-tieu/a/index.html"}, []string{"/de-an-06/", "/de-an-06/chi-tieu/a/"}},
		{[]string{"index.html", "css/site.css"}, nil},
		{[]string{"404.html"}, nil},
		{[]string{"anh/so-do.png"}, nil},
		{[]string{}, []string{}},
	} {
		got := changedPages(c.written, "/de-an-06/")
		if (got == nil) != (c.want == nil) || !slices.Equal(got, c.want) {
			t.Errorf("changedPages(%q) = %q, want %q", c.written, got, c.want)
		}
	}
}
