package e2e

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserFor starts Chromium for a behaviour test, or skips (fails in CI)
// when it is missing. extra adds to startBrowser's options.
func browserFor(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	exe := os.Getenv("TIENDO_CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(exe); err != nil {
		missing(t, "Chromium not found (%v): apt-get install chromium chromium-driver, or set TIENDO_CHROMIUM", err)
	}
	return startBrowser(t, exe, extra...)
}

// TestChartsBecomeInteractive scrolls to each chart of a KPI page and waits
// until charts.js has swapped in the live ECharts chart.
func TestChartsBecomeInteractive(t *testing.T) {
	t.Parallel()
	s := sampleSite(t)
	browser := browserFor(t)
	rec := &recorder{host: s.Host, page: s.URL("/chi-tieu/tai-khoan-dinh-danh-dien-tu/"), pageStatus: 200}
	tab, closeTab := chromedp.NewContext(browser, chromedp.WithListener(rec.listen))
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(rec.page)); err != nil {
		t.Fatal(err)
	}
	before, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('figure.chart[data-chart-ready="true"]').length`))
	if err != nil {
		t.Fatal(err)
	}
	if before != 0 {
		// ECharts must load lazily: nothing is live before a chart is seen.
		// (The first chart may already be in view; allow it only after load.)
		t.Logf("%d charts live on load", before)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('figure.chart[data-chart-id]').length`))
	if err != nil || n < 2 {
		t.Fatalf("want at least 2 charts, got %d (%v)", n, err)
	}
	// Scroll each chart into view, then wait for all to be live.
	js := `(async () => {
	  window.scrollBy(0, 1);
	  for (const f of document.querySelectorAll('figure.chart[data-chart-id]')) {
	    f.scrollIntoView();
	    await new Promise(r => setTimeout(r, 150));
	  }
	  for (let i = 0; i < 100; i++) {
	    const ready = document.querySelectorAll('figure.chart[data-chart-ready="true"]').length;
	    if (ready === document.querySelectorAll('figure.chart[data-chart-id]').length) return ready;
	    await new Promise(r => setTimeout(r, 100));
	  }
	  return document.querySelectorAll('figure.chart[data-chart-ready="true"]').length;
	})()`
	ready, err := chromedp.Run(ctx, chromedp.Evaluate[int](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if ready != n {
		t.Errorf("%d of %d charts became interactive", ready, n)
	}
	live, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.echarts === 'object' && !!document.querySelector('figure.chart.is-live .chart-live')`))
	if err != nil || !live {
		t.Errorf("no live ECharts chart in the page (%v)", err)
	}
	rec.report(t)
}

// TestSearchWithoutDiacritics types "dinh danh" and expects the VNeID pages.
func TestSearchWithoutDiacritics(t *testing.T) {
	t.Parallel()
	s := sampleSite(t)
	browser := browserFor(t)
	u := s.URL("/tim-kiem/") + "?q=dinh+danh"
	rec := &recorder{host: s.Host, page: u, pageStatus: 200}
	tab, closeTab := chromedp.NewContext(browser, chromedp.WithListener(rec.listen))
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(u)); err != nil {
		t.Fatal(err)
	}
	js := `(async () => {
	  for (let i = 0; i < 100; i++) {
	    const links = [...document.querySelectorAll('main a')].map(a => a.textContent + ' ' + a.getAttribute('href'));
	    const marks = document.querySelectorAll('main mark').length;
	    if (marks > 0) return links.join('\n');
	    await new Promise(r => setTimeout(r, 100));
	  }
	  return '';
	})()`
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Kích hoạt tài khoản định danh điện tử", "vneid/kich-hoat/"} {
		if !strings.Contains(got, want) {
			t.Errorf("search for %q: results lack %q; got:\n%s", "dinh danh", want, got)
		}
	}
	rec.report(t)
}
