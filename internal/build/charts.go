package build

import (
	"io/fs"
	"path/filepath"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/chart/echarts"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/view"
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

// drawCharts renders every chart compute asked for, in parallel, from the
// cache when the option is unchanged, and returns them by ID for layouts
// (see view.Figures).
func (b *builder) drawCharts(list []chart.Chart) view.Figures {
	figs := view.Figures{}
	if len(list) == 0 {
		return figs
	}
	if b.cache == nil {
		js := ECharts(b.themeFS)
		dir := ""
		if b.o.FS == nil && b.o.Source != "" {
			dir = filepath.Join(b.o.Source, CacheDir, "charts")
		}
		b.cache = chart.NewCache(dir, js)
	}
	drawn, err := b.cache.RenderAll(list)
	for i, c := range list {
		figs[c.ID] = view.Drawn{Drawing: drawn[i], Option: c.Option}
	}
	if err != nil {
		b.diags.Errorf(diag.Pos{File: "charts"}, diag.CodeChartRender,
			diag.Tf("không vẽ được biểu đồ: %v", "cannot draw a chart: %v", err), diag.Text{})
	}
	return figs
}
