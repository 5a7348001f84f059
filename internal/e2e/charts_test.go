package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// minTextPx is the smallest text a chart may show, in CSS pixels as
// rendered: its font size times the scale of the SVG it is drawn in.
const minTextPx = 11

// chartText is what chartTextJS found in the charts of a page.
type chartText struct {
	Texts    int      `json:"texts"`
	Problems []string `json:"problems"`
}

// chartTextJS measures, in every chart drawing that shows (the static SVG
// the CSS picks, or the live chart), the text as the browser laid it out:
// each text's size is its computed font size times the scale of its screen
// transform, and two texts overlap when their boxes share more than a
// sliver (the lines of one wrapped name touch, as lines do). %q picks the
// drawings: "static" (.chart-svg) or "live" (.chart-live).
const chartTextJS = `((which, minPx) => {
  const out = {texts: 0, problems: []};
  const shown = el => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') return false;
    }
    return true;
  };
  for (const fig of document.querySelectorAll('figure.chart')) {
    const id = fig.dataset.chartId || 'chart';
    const sel = which === 'live' ? '.chart-live svg' : '.chart-svg > svg';
    for (const svg of fig.querySelectorAll(sel)) {
      if (!shown(svg)) continue;
      const boxes = [];
      for (const t of svg.querySelectorAll('text')) {
        const s = t.textContent.trim();
        if (!s || !shown(t)) continue;
        const m = t.getScreenCTM();
        const scale = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        out.texts++;
        if (px < minPx - 0.05) out.problems.push(id + ': "' + s + '" is ' + px.toFixed(1) + ' px');
        boxes.push({s, r: t.getBoundingClientRect()});
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r, b = boxes[j].r;
          const ix = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const iy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (ix > 2 && iy > 0.3 * Math.min(a.height, b.height)) {
            out.problems.push(id + ': "' + boxes[i].s + '" and "' + boxes[j].s + '" overlap (' +
              ix.toFixed(0) + '×' + iy.toFixed(0) + ' px)');
          }
        }
      }
    }
  }
  return out;
})(%q, %d)`

// checkChartText fails on chart text under minTextPx or overlapping, in
// the drawings of kind which, at the viewport the tab has now.
func checkChartText(t *testing.T, ctx context.Context, which string, vp viewport) int {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[chartText](fmt.Sprintf(chartTextJS, which, minTextPx)))
	if err != nil {
		t.Fatalf("%d px: measure %s chart text: %v", vp.width, which, err)
	}
	for _, p := range got.Problems {
		t.Errorf("%d×%d, %s chart: %s", vp.width, vp.height, which, p)
	}
	return got.Texts
}

// goLive starts the live charts as a reader does (charts.js waits for a
// first interaction), brings every chart into view, and waits until each
// is live. It returns how many are.
func goLive(t *testing.T, ctx context.Context) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(async () => {
  const figs = [...document.querySelectorAll('figure.chart[data-chart-id]')];
  if (figs.length === 0) return 0;
  window.dispatchEvent(new Event('scroll'));
  for (const f of figs) {
    f.scrollIntoView();
    window.dispatchEvent(new Event('scroll'));
    await new Promise(r => setTimeout(r, 50));
  }
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (figs.every(f => f.dataset.chartState === 'live' || f.dataset.chartState === 'static')) break;
    await new Promise(r => setTimeout(r, 100));
  }
  // Each live chart shows its first tooltip once, and hides it: an error
  // in the tooltip's formatter reaches the console, which the test reads.
  for (const f of figs) {
    const box = f.querySelector('.chart-live');
    const chart = box && window.echarts && echarts.getInstanceByDom(box);
    if (!chart) continue;
    chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});
    await new Promise(r => setTimeout(r, 50));
    chart.dispatchAction({type: 'hideTip'});
  }
  // A chart redrawn meanwhile (charts.js fits a chart to its box after a
  // resize) may show its tooltip again: hide them all once more, after
  // the redraws, so no tooltip is left over the chart's text.
  await new Promise(r => setTimeout(r, 300));
  for (const f of figs) {
    const box = f.querySelector('.chart-live');
    const chart = box && window.echarts && echarts.getInstanceByDom(box);
    if (chart) chart.dispatchAction({type: 'hideTip'});
  }
  window.scrollTo(0, 0);
  return figs.filter(f => f.dataset.chartReady === 'true').length;
})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("start the live charts: %v", err)
	}
	return n
}

// afterResize waits for charts.js to fit the live charts to a new width: it
// waits 150 ms after the last resize.
func afterResize() chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Sleep(400*time.Millisecond), settle())
}

// visibleLinksJS lists the addresses of the links a reader sees in main.
// A link inside a closed <details> is not seen (Chromium may still give it
// a box once scripts have laid the page out again), unless it is in the
// summary itself.
const visibleLinksJS = `[...document.querySelectorAll('main a[href]')].filter(a => {
  const closed = a.closest('details:not([open])');
  if (closed && !a.closest('summary')) return false;
  const r = a.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(a).visibility !== 'hidden';
}).map(a => a.getAttribute('href'))`

// staticChartsJS counts the charts whose static drawing shows.
const staticChartsJS = `(() => {
  const figs = [...document.querySelectorAll('figure.chart')];
  const shown = figs.filter(f => [...f.querySelectorAll('.chart-svg > svg')].some(s => {
    const r = s.getBoundingClientRect(); return r.width > 0 && r.height > 0;
  }));
  return [figs.length, shown.length];
})()`

func missingLinks(with, without []string) []string {
	have := map[string]bool{}
	for _, h := range without {
		have[h] = true
	}
	var miss []string
	for _, h := range with {
		if !have[h] {
			miss = append(miss, h)
		}
	}
	if len(miss) > 5 {
		miss = append(miss[:5], fmt.Sprintf("… and %d more", len(miss)-5))
	}
	return miss
}

func join(ss []string) string { return strings.Join(ss, ", ") }
