package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// viewport is a screen the pages are checked at.
type viewport struct {
	width, height int64
	mobile        bool
}

// The narrowest phone in common use in Vietnam, a tablet, and a desktop.
var (
	phone     = viewport{width: 360, height: 740, mobile: true}
	tablet    = viewport{width: 768, height: 1024, mobile: true}
	desktop   = viewport{width: 1280, height: 900}
	viewports = []viewport{phone, tablet, desktop}
)

// emulate resizes the tab to the viewport and waits for the new layout.
func (v viewport) emulate() chromedp.Action[chromedp.Void] {
	return chromedp.Steps(v.emulateOnly(), settle())
}

func (v viewport) emulateOnly() chromedp.Action[chromedp.Void] {
	opts := []chromedp.EmulateViewportOption{}
	if v.mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	return chromedp.EmulateViewport(v.width, v.height, opts...)
}

// TestBrowser opens every page of [pages] in one headless Chromium, each in
// a new tab, and checks what a visitor would meet.
func TestBrowser(t *testing.T) {
	t.Parallel()
	exe := os.Getenv("TIENDO_CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(exe); err != nil {
		missing(t, "Chromium not found (%v): apt-get install chromium chromium-driver, or set TIENDO_CHROMIUM", err)
	}
	var axe string
	if os.Getenv("TIENDO_AXE_JS") != "" || inCI() {
		src, err := os.ReadFile(toolFile(t, "TIENDO_AXE_JS", "axe-core"))
		if err != nil {
			t.Fatal(err)
		}
		axe = string(src)
	}
	shots := os.Getenv("TIENDO_SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	s := sampleSite(t)
	browser := startBrowser(t, exe)

	for _, pc := range pages {
		t.Run(slug(pc.Path), func(t *testing.T) {
			t.Parallel()
			checkPage(t, browser, s, pc, axe, shots)
		})
	}
}

// startBrowser starts Chromium and returns a context that holds it. The
// browser ends, and its profile is removed, when the test ends. extra
// adds to the options, an environment for instance.
func startBrowser(t *testing.T, exe string, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	profile := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		// No traffic of the browser's own: the test fails on any request
		// that leaves 127.0.0.1.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("lang", "vi-VN"),
	)
	opts = append(opts, extra...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	// Cleanups run last in, first out: the browser stops before its
	// profile folder is removed.
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	return ctx
}

// slug names a page in subtest names and screenshot files.
func slug(p string) string {
	if s := strings.Trim(p, "/"); s != "" {
		return strings.ReplaceAll(s, "/", "-")
	}
	return "home"
}

// cspRecorder runs before the page's own scripts and keeps every CSP
// violation where the test can read it.
const cspRecorder = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ': blocked ' + (e.blockedURI || '(inline)') +
    (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber : '') +
    (e.sample ? ' (' + e.sample + ')' : ''));
});`

func checkPage(t *testing.T, browser context.Context, s *servedSite, pc pageCase, axe, shots string) {
	u := s.URL(pc.Path)
	rec := &recorder{host: s.Host, page: u, pageStatus: pc.Status}
	tab, closeTab := chromedp.NewContext(browser, chromedp.WithListener(rec.listen))
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()

	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument,
				page.AddScriptToEvaluateOnNewDocumentParams{Source: cspRecorder})
			return err
		}),
		// Load the page as a phone does: some layouts differ from a
		// desktop's resized to the same width.
		chromedp.EmulateViewport(phone.width, phone.height, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait),
	)
	if err != nil {
		t.Fatalf("open tab: %v", err)
	}
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(u))
	if err != nil {
		t.Fatalf("open %s: %v", u, err)
	}
	if resp.Status != int64(pc.Status) {
		if pc.Optional && resp.Status == 404 {
			t.Skipf("%s: 404; optional page, not in the sample site yet", pc.Path)
		}
		t.Fatalf("%s: status %d, want %d", pc.Path, resp.Status, pc.Status)
	}

	charts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('figure.chart[data-chart-id]').length`))
	if err != nil {
		t.Fatal(err)
	}
	var jsLinks []string
	for _, vp := range viewports {
		if err := chromedp.Do(ctx, vp.emulate()); err != nil {
			t.Fatalf("%d px: %v", vp.width, err)
		}
		checkLayout(t, ctx, vp, pc)
		// The static drawings, before the live charts replace them.
		checkChartText(t, ctx, "static", vp)
	}
	if charts > 0 {
		if live := goLive(t, ctx); live != charts {
			t.Errorf("%d of %d charts went live", live, charts)
		}
	}
	for _, vp := range viewports {
		if err := chromedp.Do(ctx, vp.emulate(), afterResize()); err != nil {
			t.Fatalf("%d px: %v", vp.width, err)
		}
		if charts > 0 {
			checkChartText(t, ctx, "live", vp)
		}
		if vp == phone {
			if jsLinks, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](visibleLinksJS)); err != nil {
				t.Fatal(err)
			}
		}
		screenshot(t, ctx, shots, pc, vp, "js")
	}

	// Read the violations before axe-core runs: its work is not the page's.
	csp, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__cspViolations || []`))
	if err != nil {
		t.Fatalf("read CSP violations: %v", err)
	}
	for _, v := range csp {
		t.Errorf("CSP violation: %s", v)
	}
	rec.report(t)

	t.Run("axe", func(t *testing.T) {
		if axe == "" {
			missing(t, "TIENDO_AXE_JS not set: cannot run axe-core")
		}
		checkAxe(t, ctx, axe)
	})
	if pc.Status == 200 {
		t.Run("no-js", func(t *testing.T) {
			checkWithoutJS(t, browser, s, pc, jsLinks, shots)
		})
	}
}

// checkLayout checks, at the viewport the tab has now, that nothing needs
// sideways scrolling — the page, or any box inside main — and that on a
// phone the page's title is on the first screen.
func checkLayout(t *testing.T, ctx context.Context, vp viewport, pc pageCase) {
	t.Helper()
	ov, err := chromedp.Run(ctx, chromedp.Evaluate[overflow](fmt.Sprintf(overflowJS, vp.width)))
	if err != nil {
		t.Fatalf("%d px: overflow check: %v", vp.width, err)
	}
	if ov.ScrollWidth > int(vp.width) {
		t.Errorf("at %d px the page scrolls sideways: document is %d px wide; sticking out:\n\t%s",
			vp.width, ov.ScrollWidth, strings.Join(ov.Culprits, "\n\t"))
	}
	for _, c := range ov.Scrollers {
		t.Errorf("at %d px a box in main scrolls sideways: %s", vp.width, c)
	}
	if vp == phone && pc.Status == 200 {
		// The page's title above 250 px on a 360×740 phone: the header,
		// banner and breadcrumbs leave the first screen to the page.
		top, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => { const h = document.querySelector('main h1'); return h ? h.getBoundingClientRect().top + scrollY : 0; })()`))
		if err != nil {
			t.Fatalf("title position: %v", err)
		}
		if top > 250 {
			t.Errorf("at 360×740 the page title starts at %.0f px, want above 250", top)
		}
	}
}

// screenshot writes the whole page into shots (when set) as
// <page>-<width>-<mode>.png.
func screenshot(t *testing.T, ctx context.Context, shots string, pc pageCase, vp viewport, mode string) {
	t.Helper()
	if shots == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("%d px: screenshot: %v", vp.width, err)
	}
	name := filepath.Join(shots, fmt.Sprintf("%s-%d-%s.png", slug(pc.Path), vp.width, mode))
	if err := os.WriteFile(name, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkWithoutJS opens the page again with JavaScript off, as some readers
// and every feed reader have it: every chart shows its static drawing, the
// layout holds, and every link a reader sees with JavaScript (lists, filter
// links) is there too.
func checkWithoutJS(t *testing.T, browser context.Context, s *servedSite, pc pageCase, jsLinks []string, shots string) {
	tab, closeTab := chromedp.NewContext(browser)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled,
				emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		chromedp.EmulateViewport(phone.width, phone.height, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)); err != nil {
		t.Fatalf("turn JavaScript off: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(s.URL(pc.Path))); err != nil {
		t.Fatalf("open without JavaScript: %v", err)
	}
	for _, vp := range viewports {
		// No settle(): with scripts off, no animation frame comes.
		if err := chromedp.Do(ctx, vp.emulateOnly(), chromedp.Sleep(300*time.Millisecond)); err != nil {
			t.Fatalf("%d px: %v", vp.width, err)
		}
		checkLayout(t, ctx, vp, pc)
		checkChartText(t, ctx, "static", vp)
		n, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](staticChartsJS))
		if err != nil {
			t.Fatal(err)
		}
		if n[0] != n[1] {
			t.Errorf("%d px without JavaScript: %d of %d charts show", vp.width, n[1], n[0])
		}
		if vp == phone {
			links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](visibleLinksJS))
			if err != nil {
				t.Fatal(err)
			}
			if miss := missingLinks(jsLinks, links); len(miss) > 0 {
				t.Errorf("at 360 px without JavaScript these links of main do not show: %s", join(miss))
			}
		}
		screenshot(t, ctx, shots, pc, vp, "nojs")
	}
}

// settle waits until web fonts are in and two frames are painted, so that
// the layout the checks measure is the one a visitor sees.
func settle() chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`document.fonts.ready.then(() => new Promise(r =>
		requestAnimationFrame(() => requestAnimationFrame(() => r()))))`, chromedp.EvalAwaitPromise)
}

type overflow struct {
	ScrollWidth int      `json:"scrollWidth"`
	Culprits    []string `json:"culprits"`
	Scrollers   []string `json:"scrollers"`
}

// overflowJS measures the document's width at a viewport width of %d and,
// when it is too wide, names the elements that stick out of a parent that
// does not: the place to fix. Content inside a scrolling box (a wide table
// in an overflow-x: auto wrapper) is fine and not listed.
const overflowJS = `(() => {
  const width = %d;
  const doc = document.documentElement;
  const res = {scrollWidth: doc.scrollWidth, culprits: [], scrollers: []};
  const name0 = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    [...el.classList].slice(0, 3).map(c => '.' + c).join('');
  for (const el of document.querySelectorAll('main *')) {
    const o = getComputedStyle(el).overflowX;
    if ((o === 'auto' || o === 'scroll') && el.scrollWidth > el.clientWidth + 1 && res.scrollers.length < 8) {
      const cap = el.querySelector('caption, h2, h3');
      res.scrollers.push(name0(el) + (cap ? ' "' + cap.textContent.trim().slice(0, 50) + '"' : '') +
        ' (' + el.scrollWidth + ' px of content in ' + el.clientWidth + ' px)');
    }
  }
  if (res.scrollWidth <= width) return res;
  const scrolls = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o !== 'visible') return p !== doc && p !== document.body;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    [...el.classList].slice(0, 3).map(c => '.' + c).join('');
  const path = el => { const n = []; for (; el && el !== doc; el = el.parentElement) n.unshift(name(el)); return n.join(' > '); };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 0.5 || scrolls(el)) continue;
    const p = el.parentElement && el.parentElement.getBoundingClientRect();
    if (p && p.right > width + 0.5) continue;
    res.culprits.push(path(el) + ' (right edge at ' + Math.round(r.right + scrollX) + ' px)');
    if (res.culprits.length === 8) break;
  }
  return res;
})()`

// axeRunJS runs axe-core over the document and keeps what a report needs.
// It runs every rule axe-core enables by default: WCAG 2.0–2.2 A and AA
// and the best practices (landmarks such as region, heading order…).
var axeRunJS = `axe.run(document, {
  resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
  nodes: v.nodes.map(n => ({
    target: n.target.map(s => Array.isArray(s) ? s.join(' >>> ') : String(s)).join(' '),
    html: n.html,
    summary: n.failureSummary || '',
  })),
})))`

type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  string `json:"target"`
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

// checkAxe runs axe-core at the three widths, desktop first because the
// page is at that width now; a violation found at several is reported once.
func checkAxe(t *testing.T, ctx context.Context, axe string) {
	// Evaluated through the DevTools protocol, the script is not subject
	// to the page's CSP.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	seen := map[string]bool{}
	for _, vp := range []viewport{desktop, tablet, phone} {
		if err := chromedp.Do(ctx, vp.emulate()); err != nil {
			t.Fatalf("%d px: %v", vp.width, err)
		}
		vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](axeRunJS, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%d px: axe.run: %v", vp.width, err)
		}
		for _, v := range vs {
			var nodes []string
			for _, n := range v.Nodes {
				if key := v.ID + "\x00" + n.Target; !seen[key] {
					seen[key] = true
					nodes = append(nodes, n.Target+"  "+shorten(n.HTML, 160))
				}
			}
			if len(nodes) == 0 {
				continue
			}
			more := ""
			if len(nodes) > 4 {
				more = fmt.Sprintf("\n\t… and %d more", len(nodes)-4)
				nodes = nodes[:4]
			}
			t.Errorf("axe at %d px: %s (%s): %s — %s\n\t%s%s",
				vp.width, v.ID, v.Impact, v.Help, v.HelpURL, strings.Join(nodes, "\n\t"), more)
		}
	}
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// recorder collects, from the events of one tab, what the page must not
// do: log errors, throw, or ask another host for anything.
type recorder struct {
	host       string // "127.0.0.1:port"
	page       string // the URL opened
	pageStatus int

	mu      sync.Mutex
	errors  []string
	foreign []string
}

// listen runs in the tab's event loop: it must return fast and send no
// command.
func (r *recorder) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			r.add(&r.errors, "console.%s: %s%s", ev.Type, argsText(ev.Args), place(ev.StackTrace))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			// The description is the message and then the stack.
			text, _, _ = strings.Cut(d.Exception.Description, "\n")
		}
		r.add(&r.errors, "uncaught exception: %s (%s:%d:%d)", text, d.URL, d.LineNumber+1, d.ColumnNumber+1)
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level != log.EntryLevelError {
			return
		}
		// A 404 page is loaded with status 404, and Chromium logs that.
		if r.pageStatus != 200 && e.Source == log.EntrySourceNetwork && e.URL == r.page {
			return
		}
		r.add(&r.errors, "%s error: %s (%s)", e.Source, e.Text, e.URL)
	case *network.EventRequestWillBeSent:
		u, err := url.Parse(ev.Request.URL)
		switch {
		case err != nil:
			r.add(&r.foreign, "%s (%v)", ev.Request.URL, err)
		case u.Scheme == "data" || u.Scheme == "blob" || u.Scheme == "about":
		case u.Host != r.host:
			r.add(&r.foreign, "%s (requested by %s)", ev.Request.URL, ev.DocumentURL)
		}
	}
}

func (r *recorder) add(list *[]string, format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if msg := fmt.Sprintf(format, args...); !slices.Contains(*list, msg) {
		*list = append(*list, msg)
	}
}

func (r *recorder) report(t *testing.T) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, e := range r.errors {
		t.Errorf("console: %s", e)
	}
	for _, f := range r.foreign {
		t.Errorf("request to another host: %s", f)
	}
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case a.Type == runtime.RemoteObjectTypeString:
			var s string
			if err := json.Unmarshal(a.Value, &s); err != nil {
				s = string(a.Value)
			}
			parts = append(parts, s)
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		default:
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

func place(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return fmt.Sprintf(" (%s:%d:%d)", f.URL, f.LineNumber+1, f.ColumnNumber+1)
}
