// Package echarts holds the Apache ECharts 5.6.0 build (npm package echarts,
// dist/echarts.min.js, and the Vietnamese locale dist/i18n/langVI.js) with
// its LICENSE and NOTICE. The same file draws every chart as SVG at build
// time (package chart) and makes it live in the browser: a build copies
// these files to vendor/echarts/ of the site, where the default theme's
// charts.js loads them.
//
// It lives here rather than in the theme's static/ folder because it is
// part of how tiendo draws charts, whatever the theme: a theme that ships
// its own static/vendor/echarts/echarts.min.js replaces it, for drawing too.
package echarts

import "embed"

// Dir is where the files go in a built site.
const Dir = "vendor/echarts"

// Script is the path of the ECharts build, in FS and below a theme's
// static/ folder.
const Script = "echarts.min.js"

// FS holds echarts.min.js, langVI.js, LICENSE and NOTICE.
//
//go:embed echarts.min.js langVI.js LICENSE NOTICE
var FS embed.FS

// JS returns the ECharts build.
func JS() []byte {
	b, err := FS.ReadFile(Script)
	if err != nil {
		panic(err) // embedded at compile time
	}
	return b
}
