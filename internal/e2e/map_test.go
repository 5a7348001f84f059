package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/diag"
)

// mapPages are the pages of the map test site that carry a map: an
// indicator by commune, and a commune's scorecard with it outlined.
var mapPages = []string{"/chi-tieu/ty-le/", "/don-vi/xa-ben-gio/"}

// serveMapSite builds internal/build/testdata/mapsite (made-up communes
// with made-up boundaries) under the subpath and serves it on loopback
// with the strict CSP, as the sample site is.
func serveMapSite(t *testing.T) *servedSite {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &servedSite{Host: ln.Addr().String(), Dir: filepath.Join(t.TempDir(), "public")}
	s.Root = "http://" + s.Host + basePath
	src, err := filepath.Abs(filepath.Join("..", "build", "testdata", "mapsite"))
	if err != nil {
		t.Fatal(err)
	}
	res := build.Run(build.Options{Source: src, Destination: s.Dir, BaseURL: s.Root, Now: "2023-06-30"})
	if !res.OK() {
		ln.Close()
		t.Fatalf("map site: build failed:\n%s", res.Diags.Format(diag.EN))
	}
	srv := &http.Server{Handler: staticHost(s.Dir, basePath)}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return s
}

// TestMap checks the commune maps as a visitor meets them (checkPage: every
// axe rule, the CSP, 360 px and wider, JS off): valid HTML,
// no sideways scroll at 360 px, no CSP violation, axe-clean; live after
// load with the shapes registered in the browser; and, with JavaScript
// off, the static SVG on screen.
func TestMap(t *testing.T) {
	t.Parallel()
	s := serveMapSite(t)

	t.Run("nu", func(t *testing.T) {
		jar := toolFile(t, "TIENDO_VNU_JAR", "the Nu HTML Checker")
		java, err := exec.LookPath("java")
		if err != nil {
			missing(t, "java not found: cannot run the Nu HTML Checker")
		}
		args := []string{"-jar", jar, "--errors-only", "--format", "json"}
		for _, p := range mapPages {
			args = append(args, filepath.Join(s.Dir, filepath.FromSlash(p), "index.html"))
		}
		cmd := exec.CommandContext(t.Context(), java, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		runErr := cmd.Run()
		var report struct {
			Messages []nuMessage `json:"messages"`
		}
		if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
			t.Fatalf("vnu.jar: %v (%v)\n%s", runErr, err, stderr.Bytes())
		}
		for _, m := range report.Messages {
			t.Errorf("%s", m.format(s.Dir))
		}
	})

	exe := os.Getenv("TIENDO_CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(exe); err != nil {
		missing(t, "Chromium not found (%v): apt-get install chromium, or set TIENDO_CHROMIUM", err)
	}
	var axe string
	if os.Getenv("TIENDO_AXE_JS") != "" || inCI() {
		src, err := os.ReadFile(toolFile(t, "TIENDO_AXE_JS", "axe-core"))
		if err != nil {
			t.Fatal(err)
		}
		axe = string(src)
	}
	browser := startBrowser(t, exe)
	for _, p := range mapPages {
		t.Run(slug(p), func(t *testing.T) {
			checkPage(t, browser, s, pageCase{Path: p, Status: 200}, axe, "")
			liveMap(t, browser, s.URL(p))
			staticMap(t, browser, s.URL(p))
		})
	}
}

// liveMap scrolls to the map and waits (up to 30 s, on a loaded machine)
// until charts.js has drawn it with
// ECharts, the shapes registered from the option.
func liveMap(t *testing.T, browser context.Context, u string) {
	tab, closeTab := chromedp.NewContext(browser)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(u)); err != nil {
		t.Fatal(err)
	}
	js := `(async () => {
	  const f = document.querySelector('.commune-map figure.chart');
	  if (!f) return -1;
	  f.scrollIntoView();
	  for (let i = 0; i < 300 && f.dataset.chartReady !== 'true'; i++) {
	    await new Promise(r => setTimeout(r, 100));
	  }
	  if (f.dataset.chartReady !== 'true') return -2;
	  return f.querySelectorAll('.chart-live svg path').length;
	})()`
	paths, err := chromedp.Run(ctx, chromedp.Evaluate[int](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	// Four communes, each a filled path: fewer means the shapes were not
	// registered and ECharts drew an empty map.
	if paths < 4 {
		t.Errorf("the live map has %d paths, want the 4 communes at least", paths)
	}
}

// staticMap opens the page with JavaScript off: the map is the build's
// SVG, shown at the phone's width.
func staticMap(t *testing.T, browser context.Context, u string) {
	tab, closeTab := chromedp.NewContext(browser)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(u)); err != nil {
		t.Fatal(err)
	}
	type box struct {
		Width, Height float64
		Live          bool
		Paths         int
	}
	b, err := chromedp.Run(ctx, chromedp.Evaluate[box](`(() => {
	  const f = document.querySelector('.commune-map figure.chart');
	  const svg = f && f.querySelector('.chart-svg svg');
	  if (!svg) return {Width: 0, Height: 0, Live: false, Paths: 0};
	  const r = svg.getBoundingClientRect();
	  return {Width: r.width, Height: r.height, Live: f.classList.contains('is-live'), Paths: svg.querySelectorAll('path').length};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if b.Live || b.Width < 280 || b.Height < 100 || b.Paths < 4 {
		t.Errorf("without JavaScript the map is %+v, want the static SVG about 328 px wide with its 4 communes", b)
	}
}
