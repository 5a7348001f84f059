// Package echarts holds the ECharts that tiendo draws with: a custom build
// of Apache ECharts 5.6.0 with only the line, bar and map charts, the
// components tiendo's options use and the SVG renderer (echarts.min.js,
// made by build/build.sh from the pinned npm packages; build/echarts.tiendo.js
// lists what is in it and why), the Vietnamese locale (dist/i18n/langVI.js
// of the npm package), and the licences: ECharts' LICENSE and NOTICE, and
// LICENSE-d3 and LICENSE-zrender for the code of theirs that the build
// holds (ECharts' number helpers come from d3). The same file draws
// every chart as SVG at build time (package chart) and makes it live in the
// browser: a build copies these files to vendor/echarts/ of the site, where
// the default theme's charts.js loads them. It draws what the full
// dist/echarts.min.js draws, byte for byte, in 58% of its size.
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

// FS holds echarts.min.js, langVI.js and the licences.
//
//go:embed echarts.min.js langVI.js LICENSE NOTICE LICENSE-d3 LICENSE-zrender
var FS embed.FS

// Bytecode is echarts.min.js compiled by QuickJS (the version in go.mod),
// which package chart loads into each of its runtimes: a build then starts
// ECharts without parsing 600 KB of JavaScript (about 100 ms). It is not in
// FS: sites get the script. chart's TestBytecode checks that it is what
// QuickJS makes of echarts.min.js; after changing either, run
// go test ./internal/chart -run TestBytecode -update.
//
//go:embed echarts.min.qjs
var Bytecode []byte

// JS returns the ECharts build.
func JS() []byte {
	b, err := FS.ReadFile(Script)
	if err != nil {
		panic(err) // embedded at compile time
	}
	return b
}
