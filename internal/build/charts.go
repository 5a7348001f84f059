package build

import (
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/chart/echarts"
	"github.com/tiendo/tiendo/internal/diag"
)

// EChartsFile is where a theme may ship its own ECharts build, replacing
// tiendo's (package echarts); the same file draws the static SVG at build
// time and the live chart in the browser.
const EChartsFile = "static/" + echarts.Dir + "/" + echarts.Script

// ECharts returns the ECharts build that draws the charts of a theme: its
// own EChartsFile, else tiendo's.
func ECharts(themeFS fs.FS) []byte {
	if themeFS != nil {
		if js, err := fs.ReadFile(themeFS, EChartsFile); err == nil {
			return js
		}
	}
	return echarts.JS()
}

// CacheDir is where rendered chart SVGs are kept between builds, under the
// site root.
const CacheDir = ".tiendo-cache"

// Figure is a chart on a page: built during compute, drawn as SVG in one
// parallel pass before the pages render, then placed by a layout.
type Figure struct {
	Chart   chart.Chart
	Caption string
	// Static leaves out the option JSON, so the chart is never made live
	// (sparklines on cards).
	Static bool
	svg    []byte
}

// HTML is the figure markup of the chart contract (see package chart).
func (f *Figure) HTML() template.HTML {
	if f == nil {
		return ""
	}
	var b strings.Builder
	if f.Static {
		b.WriteString(`<figure class="chart chart-static">`)
	} else {
		fmt.Fprintf(&b, `<figure class="chart" data-chart-id="%s">`, html.EscapeString(f.Chart.ID))
	}
	b.WriteString(`<div class="chart-svg">`)
	b.Write(f.svg)
	b.WriteString(`</div>`)
	if !f.Static {
		b.WriteString(`<script type="application/json" class="chart-option">`)
		b.Write(f.Chart.Option) // '<', '>' and '&' are escaped by package chart
		b.WriteString(`</script>`)
	}
	if f.Caption != "" {
		b.WriteString(`<figcaption>`)
		b.WriteString(html.EscapeString(f.Caption))
		b.WriteString(`</figcaption>`)
	}
	b.WriteString(`</figure>`)
	return template.HTML(b.String())
}

// SVG is the figure's static SVG alone (for cards).
func (f *Figure) SVG() template.HTML {
	if f == nil {
		return ""
	}
	return template.HTML(f.svg)
}

// charts collects the figures of a build.
type charts struct {
	mu      sync.Mutex
	figures []*Figure
	cache   *chart.Cache
}

// addFigure registers a chart to draw; a chart that cannot be built is an
// error naming what it was for.
func (b *builder) addFigure(c chart.Chart, err error, caption, what string) *Figure {
	if err != nil {
		b.diags.Errorf(diag.Pos{File: what}, diag.CodeChart,
			diag.Tf("không tạo được biểu đồ: %v", "cannot build the chart: %v", err), diag.Text{})
		return nil
	}
	f := &Figure{Chart: c, Caption: caption}
	b.charts.mu.Lock()
	b.charts.figures = append(b.charts.figures, f)
	b.charts.mu.Unlock()
	return f
}

// drawCharts renders every registered figure's SVG, in parallel, from the
// cache when the option is unchanged.
func (b *builder) drawCharts() {
	figs := b.charts.figures
	if len(figs) == 0 {
		return
	}
	if b.charts.cache == nil {
		js := ECharts(b.themeFS)
		dir := ""
		if b.o.FS == nil && b.o.Source != "" {
			dir = filepath.Join(b.o.Source, CacheDir, "charts")
		}
		b.charts.cache = chart.NewCache(dir, js)
	}
	list := make([]chart.Chart, len(figs))
	for i, f := range figs {
		list[i] = f.Chart
	}
	svgs, err := b.charts.cache.RenderAll(list)
	for i, f := range figs {
		f.svg = svgs[i]
	}
	if err != nil {
		b.diags.Errorf(diag.Pos{File: "charts"}, diag.CodeChartRender,
			diag.Tf("không vẽ được biểu đồ: %v", "cannot draw a chart: %v", err), diag.Text{})
	}
}
