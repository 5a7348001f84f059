package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestWideFont opens every page of [pages], the pages of the map site
// ([mapPages]) and every commune's poster in a
// Chromium that has only DejaVu Sans, the widest of the common sans-serif
// fonts (Debian's desktop default, and what a Linux machine without Noto
// draws the theme's system-ui in). No page may scroll sideways at 360, 768
// or 1280 px, no table box may scroll sideways, and a poster must still
// print on one A4 page. The other browser tests measure in the machine's
// own fonts (Noto Sans where .ci/run installed it), so a layout that fits
// only in narrow letters passes them; this test does not let it.
//
// The pages are checked without JavaScript: the layout every visitor gets.
func TestWideFont(t *testing.T) {
	t.Parallel()
	conf := dejaVuOnly(t)
	s := sampleSite(t)
	browser := browserFor(t, chromedp.Env("FONTCONFIG_FILE="+conf))

	for _, pc := range pages {
		if pc.Status != 200 {
			continue
		}
		t.Run(slug(pc.Path), func(t *testing.T) {
			t.Parallel()
			checkWide(t, browser, s, pc)
		})
	}
	maps := serveMapSite(t)
	for _, p := range mapPages {
		t.Run("mapsite-"+slug(p), func(t *testing.T) {
			t.Parallel()
			checkWide(t, browser, maps, pageCase{Path: p, Status: 200})
		})
	}

	posters, err := filepath.Glob(filepath.Join(s.Dir, "don-vi", "*", "ap-phich", "index.html"))
	if err != nil || len(posters) == 0 {
		t.Fatalf("no posters under %s/don-vi/ (%v)", s.Dir, err)
	}
	for _, f := range posters {
		id := filepath.Base(filepath.Dir(filepath.Dir(f)))
		t.Run("poster-"+id, func(t *testing.T) {
			t.Parallel()
			ctx := wideTab(t, browser)
			if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(s.URL("/don-vi/"+id+"/ap-phich/"))); err != nil {
				t.Fatal(err)
			}
			checkDejaVu(t, ctx)
			yes := true
			pdf, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: &yes})
			if err != nil {
				t.Fatalf("print to PDF: %v", err)
			}
			if n := len(pdfPage.FindAll(pdf.Data, -1)); n != 1 || !bytes.HasPrefix(pdf.Data, []byte("%PDF")) {
				t.Errorf("in DejaVu Sans the poster prints on %d A4 pages, want 1", n)
			}
		})
	}
}

// checkWide opens pc without JavaScript and checks its layout at every
// viewport.
func checkWide(t *testing.T, browser context.Context, s *servedSite, pc pageCase) {
	ctx := wideTab(t, browser)
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(s.URL(pc.Path))); err != nil {
		t.Fatalf("open %s: %v", pc.Path, err)
	}
	checkDejaVu(t, ctx)
	for _, vp := range viewports {
		// No settle(): with scripts off, no animation frame comes.
		if err := chromedp.Do(ctx, vp.emulateOnly(), chromedp.Sleep(300*time.Millisecond)); err != nil {
			t.Fatalf("%d px: %v", vp.width, err)
		}
		checkLayout(t, ctx, vp, pc)
	}
}

// dejaVuOnly writes a fontconfig configuration that shows Chromium the
// folders of DejaVu Sans and no other font, with the system's usual rules
// (which make DejaVu Sans the sans-serif), and returns its path.
func dejaVuOnly(t *testing.T) string {
	t.Helper()
	fcList, err := exec.LookPath("fc-list")
	if err != nil {
		missing(t, "fc-list not found (%v): apt-get install fontconfig", err)
	}
	out, err := exec.Command(fcList, "-f", "%{file}\n", ":family=DejaVu Sans").Output()
	if err != nil {
		t.Fatalf("fc-list: %v", err)
	}
	var dirs []string
	for f := range strings.Lines(string(out)) {
		if d := filepath.Dir(strings.TrimSpace(f)); strings.TrimSpace(f) != "" && !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	if len(dirs) == 0 {
		missing(t, "DejaVu Sans is not installed: apt-get install fonts-dejavu-core")
	}
	tmp := t.TempDir()
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n")
	for _, d := range dirs {
		fmt.Fprintf(&b, "  <dir>%s</dir>\n", d)
	}
	fmt.Fprintf(&b, "  <cachedir>%s</cachedir>\n", filepath.Join(tmp, "cache"))
	b.WriteString("  <include ignore_missing=\"yes\">/etc/fonts/conf.d</include>\n</fontconfig>\n")
	conf := filepath.Join(tmp, "fonts.conf")
	if err := os.WriteFile(conf, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return conf
}

// wideTab opens a tab with JavaScript off, the size of a phone.
func wideTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	tab, closeTab := chromedp.NewContext(browser)
	t.Cleanup(closeTab)
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled,
				emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		phone.emulateOnly()); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	return ctx
}

// checkDejaVu fails the test unless the page's system-ui, sans-serif and
// Noto Sans all draw as DejaVu Sans: a test that measured in another font
// would pass without proving anything.
func checkDejaVu(t *testing.T, ctx context.Context) {
	t.Helper()
	const js = `(() => {
	const c = document.createElement('canvas').getContext('2d');
	return ['"DejaVu Sans"', 'system-ui', 'sans-serif', '"Noto Sans"', 'Roboto'].map(f => {
		c.font = '16px ' + f;
		return c.measureText('Nhiệm vụ chủ trì, Thạch Kim 0123').width;
	});
})()`
	w, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](js))
	if err != nil {
		t.Fatalf("measure fonts: %v", err)
	}
	for i, f := range []string{"system-ui", "sans-serif", "Noto Sans", "Roboto"} {
		if w[i+1] != w[0] {
			t.Fatalf("%s is drawn %.1f px wide, DejaVu Sans %.1f px: the browser sees another font than DejaVu Sans", f, w[i+1], w[0])
		}
	}
}
