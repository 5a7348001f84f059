package build

import (
	"errors"
	"io/fs"
	"path/filepath"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/chart/echarts"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/share"
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
// (see view.Figures); then the pages' share images, among c's files.
func (b *builder) drawCharts(c *computed) view.Figures {
	figs := view.Figures{}
	dir := "" // the caches are in memory only without a site folder
	if b.o.FS == nil && b.o.Source != "" {
		dir = filepath.Join(b.o.Source, CacheDir)
	}
	if b.share == nil {
		b.share = share.NewCache(cacheIn(dir, "share"))
	}
	pngs, errs := b.share.RenderAll(c.shares)
	for i, s := range c.shares {
		c.files.Put(view.File{Path: s.Path, Data: pngs[i]})
	}
	if err := errors.Join(errs...); err != nil {
		b.diags.Errorf(diag.Pos{File: "share"}, diag.CodeShareRender, diag.Tf("không vẽ được hình chia sẻ: %v", "cannot draw a share image: %v", err), diag.Text{})
	}
	if b.cache == nil {
		b.cache = chart.NewCache(cacheIn(dir, "charts"), ECharts(b.themeFS))
	}
	drawn, err := b.cache.RenderAll(c.charts)
	for i, ch := range c.charts {
		figs[ch.ID] = view.Drawn{Drawing: drawn[i], Option: ch.Option}
	}
	if err != nil {
		b.diags.Errorf(diag.Pos{File: "charts"}, diag.CodeChartRender,
			diag.Tf("không vẽ được biểu đồ: %v", "cannot draw a chart: %v", err), diag.Text{})
	}
	return figs
}

// cacheIn is the folder name in the cache folder dir; "" (in memory) without one.
func cacheIn(dir, name string) string {
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, name)
}
