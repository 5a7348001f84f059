// Package chart is the chart part of the render stage: it turns series of
// numbers into ECharts options (with go-echarts) and draws those options as
// static SVG at build time, with ECharts itself running inside QuickJS.
//
// # Why draw at build time
//
// A chart on a tiendo page must say the same thing with or without
// JavaScript: in a feed reader, in print, on a slow phone, under a strict
// Content-Security-Policy. So every chart is written into the page twice
// from one option JSON:
//
//   - as inline SVG drawn at build time by ECharts' own server-side SVG
//     renderer, so it looks like the interactive chart, not like a second
//     drawing of the same data;
//   - as the option JSON, which themes/default/static/js/charts.js hands to
//     ECharts in the browser when the chart scrolls into view, adding
//     tooltips and resizing. The static SVG stays in the page for print.
//
// # Pipeline
//
//	Line / Bar / Sparkline / Stacked (spec) → Chart{Option JSON, sizes}
//	Cache.RenderAll(charts) → Drawing{SVG, Wide} per chart
//	Cache.SVG(option, w, h) → hit: file read
//	                        → miss: Renderer.SVG → QuickJS: echarts.init(ssr) →
//	                          renderToSVGString → sanitize → file
//
// The builders take every word and number from the caller — titles,
// labels, units, targets, a number formatter — and know nothing of
// indicators or tasks. The option carries the chart ID, title and
// description ("tiendoId", title.text, aria.label.description), so the SVG
// depends on the option and the size alone, which is what the cache hashes.
//
// # Numbers
//
// Value labels are formatted in Go by the caller's Format ("50.000") and
// drawn by ECharts as literal text. Axis labels and tooltips depend on tick
// values ECharts chooses, and a JavaScript function cannot travel in JSON,
// so the value axis and the tooltip carry a marker instead:
// "tiendoFormat": "vi-number" (or en-number, vi-percent, en-percent).
// charts.js turns it into an Intl.NumberFormat formatter; the renderer turns
// it into a call to formatMarker, which formats the same way.
//
// # Running ECharts in QuickJS
//
// ECharts runs in QuickJS (modernc.org/quickjs: the C engine translated to
// Go, so no cgo). echarts.min.js is compiled to bytecode once per Renderer
// (about 110 ms) and loaded into each runtime of a pool (about 12 ms).
// Runtimes are not safe for concurrent use, so each render borrows one.
// The C library under QuickJS allocates under one lock per process, so a
// second runtime in the same process adds little: the first runtime runs
// in this process and the others in worker processes, the same program
// started again (worker.go). Outside a browser ECharts needs only no-op
// timers and a console; the script sets the global echarts. Without a
// canvas it cannot measure text, so measureText, a width table that knows
// Vietnamese letters take the width of their base letter, is installed
// with echarts.setPlatformAPI. Random numbers and the clock are fixed per
// render. A chart with a wide size is drawn at both sizes in one call; the
// wide drawing resizes the narrow chart when the option fitted to both
// sizes is the same.
//
// QuickJS replaced goja here: on the sample site's 247 drawings it draws
// the same bytes (TestSampleChartsGolden) at 1.5 times the speed on one
// core, and twice with a worker per core (BenchmarkColdCharts).
//
// # Clean SVG
//
// ECharts' SVG has style attributes, a <style> block of hover rules and
// class names, and ids counted per runtime. sanitize rewrites it token by
// token: styles become presentation attributes, the stylesheet and classes
// go, ids become "<ID>-1", "<ID>-2" …, and a <title> and <desc> are added
// for assistive technology. The result has no style attribute, <style>,
// script or event handler, and is byte-identical whichever runtime drew it.
//
// # Markup contract with the theme
//
//	<figure class="chart" data-chart-id="ID">
//	  <div class="chart-svg chart-narrow">…SVG, Width×Height…</div>
//	  <div class="chart-svg chart-wide">…SVG, WideWidth×WideHeight, ids ID-w-…</div>
//	  <script type="application/json" class="chart-option">…Chart.Option…</script>
//	  <figcaption>…</figcaption>
//	</figure>
//
// with the ECharts URLs on the root element:
// <html lang="vi" data-echarts="/vendor/echarts/echarts.min.js"
// data-echarts-locale="/vendor/echarts/langVI.js">. charts.js adds the
// class is-live to the figure when the live chart replaces the SVG on
// screen and sets data-chart-ready="true" once it is interactive. A chart
// without a wide size (a sparkline, or one given its own Width) has a
// single <div class="chart-svg">.
//
// # Any width
//
// A chart of default size is drawn at 328 px (a 360 px phone's column)
// and 736 px (a 768 px screen's); the theme shows one by a media query, so
// 12 px text is shown at 12–17 px. What depends on the width drawn at —
// how many ticks a value axis' labels leave room for — is not in the
// option: the axis carries "tiendoTicks" (see ticks), and fitJS, run before
// ECharts both here and in charts.js, turns it into min, max and interval.
package chart
