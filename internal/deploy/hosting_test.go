package deploy

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/server"
)

// subpath is where the recipes put the site, as a government portal does.
const subpath = "/de-an-06/"

// placeholder is the folder the recipes name for public/'s contents; the
// tests put the built site's folder in its place, and change nothing else.
const placeholder = "/var/www/de-an-06"

// hosts say what each way of serving gives. The recipes give everything
// the site needs, but brotli on nginx: Debian's nginx-light has no brotli
// module. The others give up what the README lists under Hosting.
var hosts = map[string]want{
	"nginx": {
		headers: true, encodings: []string{"gzip"}, vary: true, charset: true,
		cache: "fit", notFound: "file", sameBytes: true,
	},
	"apache": {
		headers: true, encodings: []string{"gzip", "br"}, vary: true, charset: true,
		cache: "fit", notFound: "file", sameBytes: true,
	},
	// A preview: the CSP and nosniff everywhere, nothing compressed,
	// everything revalidated; its own build, with the reload script.
	"tiendo serve": {headers: true, charset: true, cache: "no-cache", notFound: "page"},
	// Files as they are: no CSP or nosniff, no compression, no charset, no
	// Cache-Control (browsers guess from Last-Modified), its own 404 page.
	"python3 -m http.server": {notFound: "status", sameBytes: true},
}

// shared is the sample site, built once for all the tests of the package.
var shared struct {
	once   sync.Once
	tmp    string // removed by TestMain
	site   string // tmp/www/de-an-06: the built site
	probes []probe
	err    error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.tmp != "" {
		_ = os.RemoveAll(shared.tmp)
	}
	os.Exit(code)
}

// builtSite returns the folder of the sample site built with --compress for
// subpath, and what to request from it.
func builtSite(tb testing.TB) (string, []probe) {
	tb.Helper()
	shared.once.Do(func() { shared.err = buildSite() })
	if shared.err != nil {
		tb.Fatalf("sample site: %v", shared.err)
	}
	return shared.site, shared.probes
}

func buildSite() error {
	root, err := repoRoot()
	if err != nil {
		return err
	}
	if shared.tmp, err = os.MkdirTemp("", "tiendo-deploy-"); err != nil {
		return err
	}
	// Apache's children run as www-data and must reach the files.
	if err := os.Chmod(shared.tmp, 0o755); err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(shared.tmp, "www"), 0o755); err != nil {
		return err
	}
	shared.site = filepath.Join(shared.tmp, "www", "de-an-06")
	// A baseURL with a host, as a real site has: with a path alone the build
	// writes no sitemap.xml. The pages' links are relative (relativeURLs),
	// so any host and port can serve them.
	res := build.Run(build.Options{Source: root, Destination: shared.site, BaseURL: "https://example.gov.vn" + subpath,
		Now: "2023-06-30", Compress: true})
	if !res.OK() {
		return fmt.Errorf("build failed:\n%s", res.Diags.Format(diag.EN))
	}
	shared.probes, err = probes(shared.site)
	return err
}

func repoRoot() (string, error) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(root, "config.toml")); err != nil {
		return "", fmt.Errorf("no sample site at %s: %w", root, err)
	}
	return root, nil
}

// recipe returns a recipe file with the built site's folder in place of
// /var/www/de-an-06, wherever it names it.
func recipe(tb testing.TB, name, site string) string {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return strings.ReplaceAll(string(b), placeholder, site)
}

func report(t *testing.T, problems []string) {
	t.Helper()
	const most = 40
	for i, p := range problems {
		if i == most {
			t.Errorf("… and %d more", len(problems)-most)
			break
		}
		t.Error(p)
	}
}

func TestNginx(t *testing.T) {
	bin := nginx(t)
	site, prs := builtSite(t)
	root := startNginx(t, bin, recipe(t, "nginx.conf", site))
	var urls []string
	for _, pr := range prs {
		urls = append(urls, pr.name+": "+pr.url)
	}
	t.Logf("requests, each without Accept-Encoding, with gzip and with br:\n%s", strings.Join(urls, "\n"))
	report(t, check(root, site, prs, hosts["nginx"]))
}

// TestNginxOldREADME proves the checks bite: the nginx block the README
// gave before (testdata/nginx-old-readme.conf) has a nested location with an
// add_header of its own, so nginx drops the CSP and nosniff from every .css,
// .js and .svg response. The checks must say so, and only there.
func TestNginxOldREADME(t *testing.T) {
	bin := nginx(t)
	site, prs := builtSite(t)
	root := startNginx(t, bin, recipe(t, filepath.Join("testdata", "nginx-old-readme.conf"), site))
	problems := check(root, site, prs, hosts["nginx"])
	for _, name := range []string{"css", "js", "svg", "html", "home"} {
		dropped := name == "css" || name == "js" || name == "svg"
		for _, header := range []string{"Content-Security-Policy", "X-Content-Type-Options"} {
			found := false
			for _, p := range problems {
				if strings.HasPrefix(p, name+" (") && strings.Contains(p, header+": got") {
					found = true
				}
			}
			if found != dropped {
				t.Errorf("%s responses, %s missing: reported %v, want %v", name, header, found, dropped)
			}
		}
	}
	t.Logf("the checks found %d problems, as they should", len(problems))
}

func TestApache(t *testing.T) {
	bin := apache(t)
	site, prs := builtSite(t)
	if err := os.WriteFile(filepath.Join(site, ".htaccess"), []byte(recipe(t, "htaccess", site)), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(filepath.Join(site, ".htaccess")) })
	root := startApache(t, bin, recipe(t, "apache.conf", site))
	report(t, check(root, site, prs, hosts["apache"]))
}

func TestServe(t *testing.T) {
	site, prs := builtSite(t)
	src, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.Start(server.Options{Source: src, Port: 0, Now: "2023-06-30"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Close(ctx)
	})
	report(t, check(srv.URL(), site, prs, hosts["tiendo serve"]))
}

func TestPythonHTTPServer(t *testing.T) {
	bin := python(t)
	site, prs := builtSite(t)
	root := startPython(t, bin, filepath.Dir(site))
	report(t, check(root, site, prs, hosts["python3 -m http.server"]))
}
