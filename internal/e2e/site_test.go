package e2e

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/diag"
)

// basePath is the subpath the site is built and served under.
const basePath = "/de-an-06/"

// csp is the policy every response carries: nothing inline, nothing from
// another host. A page that needs more than this is a defect of the theme.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'self'; frame-ancestors 'self'"

// servedSite is the sample site, built once and served on loopback.
type servedSite struct {
	// Dir holds the build output.
	Dir string
	// Host is "127.0.0.1:port".
	Host string
	// Root is the absolute URL of the site: "http://127.0.0.1:port/de-an-06/".
	Root string
}

// URL returns the absolute URL of p, a path relative to the base path.
func (s *servedSite) URL(p string) string {
	return s.Root + strings.TrimPrefix(p, "/")
}

// shared holds what TestMain cleans up; the site itself is made on first
// use, so that `go test -run X` for one test does no more than it needs.
var shared struct {
	once sync.Once
	site *servedSite
	err  error
	tmp  string
	srv  *http.Server
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.srv != nil {
		_ = shared.srv.Close()
	}
	if shared.tmp != "" {
		_ = os.RemoveAll(shared.tmp)
	}
	os.Exit(code)
}

// sampleSite returns the served sample site, building it on first use.
func sampleSite(tb testing.TB) *servedSite {
	tb.Helper()
	shared.once.Do(func() { shared.site, shared.err = buildAndServe() })
	if shared.err != nil {
		tb.Fatalf("sample site: %v", shared.err)
	}
	return shared.site
}

func buildAndServe() (*servedSite, error) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(root, "config.toml")); err != nil {
		return nil, fmt.Errorf("no sample site at %s: %w", root, err)
	}
	// The port must be known before the build, because sitemap.xml, the
	// feed and canonical links carry absolute URLs.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	host := ln.Addr().String()
	s := &servedSite{Host: host, Root: "http://" + host + basePath}

	shared.tmp, err = os.MkdirTemp("", "tiendo-e2e-")
	if err != nil {
		ln.Close()
		return nil, err
	}
	s.Dir = filepath.Join(shared.tmp, "public")
	// History: the sample is judged at 2023-06-30, before every commit of
	// the repository, so its /cap-nhat/ is empty in any clone, and checked.
	res := build.Run(build.Options{Source: root, Destination: s.Dir, BaseURL: s.Root, History: true})
	if !res.OK() {
		ln.Close()
		return nil, fmt.Errorf("build failed:\n%s", res.Diags.Format(diag.EN))
	}

	shared.srv = &http.Server{Handler: staticHost(s.Dir, basePath)}
	go func() { _ = shared.srv.Serve(ln) }()
	return s, nil
}

// staticHost serves dir under base the way a static host does: a file as
// it is, a folder by its index.html, and 404.html with status 404 for any
// other address under base. Every response carries the CSP.
func staticHost(dir, base string) http.Handler {
	fsys := os.DirFS(dir)
	files := http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServerFS(fsys))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		rest, ok := strings.CutPrefix(r.URL.Path, base)
		if !ok {
			if r.URL.Path+"/" == base {
				http.Redirect(w, r, base, http.StatusMovedPermanently)
				return
			}
			// Outside the subpath is outside the site: another
			// application of the portal, not ours.
			http.Error(w, "outside "+base, http.StatusNotFound)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+rest), "/")
		if name == "" {
			name = "."
		}
		fi, err := fs.Stat(fsys, name)
		if err == nil && fi.IsDir() {
			_, err = fs.Stat(fsys, path.Join(name, "index.html"))
		}
		if err != nil {
			notFound(w, fsys)
			return
		}
		files.ServeHTTP(w, r)
	})
}

func notFound(w http.ResponseWriter, fsys fs.FS) {
	page, err := fs.ReadFile(fsys, "404.html")
	if err != nil {
		http.Error(w, "404 page not found (and no 404.html)", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write(page)
}

// inCI reports whether the tests run in CI, where a missing tool is an
// error rather than a reason to skip.
func inCI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "false" && v != "0"
}

// missing skips the test because a tool is not installed, or fails it in
// CI, where .ci/run should have installed the tool.
func missing(tb testing.TB, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if inCI() {
		tb.Fatalf("%s\n(CI is set, so this fails instead of skipping; .ci/run should have installed it)", msg)
	}
	tb.Skipf("%s\n(run `bash .ci/run` once to install the tools, then export the variables it prints)", msg)
}

// toolFile returns the file named by the environment variable env, or calls
// missing when it is unset. A set variable naming no file is always an
// error: someone meant to run the check.
func toolFile(tb testing.TB, env, what string) string {
	tb.Helper()
	p := os.Getenv(env)
	if p == "" {
		missing(tb, "%s not set: cannot run %s", env, what)
	}
	if _, err := os.Stat(p); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			tb.Fatalf("%s=%s: no such file", env, p)
		}
		tb.Fatalf("%s: %v", env, err)
	}
	return p
}
