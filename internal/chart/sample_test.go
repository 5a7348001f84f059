package chart

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// sampleCharts reads the sample site's charts, written by
// go test ./internal/build -run TestWriteSampleChartSpecs -chartspecs.
func sampleCharts(tb testing.TB) []Chart {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "sample-charts.json.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	js, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatal(err)
	}
	var charts []Chart
	if err := json.Unmarshal(js, &charts); err != nil {
		tb.Fatal(err)
	}
	if len(charts) == 0 {
		tb.Fatal("no charts in testdata/sample-charts.json.gz")
	}
	return charts
}

// drawings counts the SVGs of charts: one per chart, two with a wide size.
func drawings(charts []Chart) int {
	n := len(charts)
	for _, c := range charts {
		if c.WideWidth > 0 {
			n++
		}
	}
	return n
}

// sums lists the SHA-256 of every drawing, one line each: the chart ID, the
// size and the sum.
func sums(charts []Chart, drawn []Drawing) string {
	var b strings.Builder
	for i, c := range charts {
		sum := sha256.Sum256(drawn[i].SVG)
		fmt.Fprintf(&b, "%s %d×%d %s\n", c.ID, c.Width, c.Height, hex.EncodeToString(sum[:]))
		if c.WideWidth > 0 {
			sum := sha256.Sum256(drawn[i].Wide)
			fmt.Fprintf(&b, "%s%s %d×%d %s\n", c.ID, WideSuffix, c.WideWidth, c.WideHeight, hex.EncodeToString(sum[:]))
		}
	}
	return b.String()
}

// TestSampleChartsGolden draws every chart of the sample site and compares
// the SVG, byte for byte (by SHA-256), with what the renderer drew when
// testdata/sample-charts.sha256 was written: a faster renderer must draw
// the same bytes. After an intended change of the drawing, rewrite it with
// go test ./internal/chart -run TestSampleChartsGolden -update, and set
// TIENDO_CHART_DIFF to a folder to keep the SVGs drawn for a look.
func TestSampleChartsGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("draws every chart of the sample site")
	}
	charts := sampleCharts(t)
	drawn, err := NewCache("", echartsJS(t)).RenderAll(charts)
	if err != nil {
		t.Fatal(err)
	}
	got := sums(charts, drawn)
	golden := filepath.Join("testdata", "sample-charts.sha256")
	if dir := os.Getenv("TIENDO_CHART_DIFF"); dir != "" {
		for i, c := range charts {
			os.WriteFile(filepath.Join(dir, c.ID+".svg"), drawn[i].SVG, 0o644)
			if c.WideWidth > 0 {
				os.WriteFile(filepath.Join(dir, c.ID+WideSuffix+".svg"), drawn[i].Wide, 0o644)
			}
		}
	}
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test ./internal/chart -run TestSampleChartsGolden -update writes it)", err)
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
	if len(wl) != len(gl) {
		t.Fatalf("%d drawings, want %d", len(gl), len(wl))
	}
	for i := range wl {
		if wl[i] != gl[i] {
			t.Errorf("drawing differs:\n  want %s\n  got  %s", wl[i], gl[i])
		}
	}
}

// BenchmarkColdCharts draws every chart of the sample site, as a build with
// an empty chart cache does: a new renderer (ECharts compiled and started)
// and every drawing rendered on all cores. charts/s counts drawings (SVGs).
func BenchmarkColdCharts(b *testing.B) {
	charts := sampleCharts(b)
	js := echartsJS(b)
	n := drawings(charts)
	start := time.Now()
	for b.Loop() {
		if _, err := NewCache("", js).RenderAll(charts); err != nil {
			b.Fatal(err)
		}
	}
	el := time.Since(start).Seconds()
	b.ReportMetric(float64(b.N*n)/el, "charts/s")
	b.ReportMetric(float64(b.N*len(charts))/el, "specs/s")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}

// TestNoStateBetweenCharts draws charts of the sample site of every kind
// one after another in one runtime, A B C A, and each in a fresh runtime:
// a runtime drawing chart after chart must keep nothing from one to the
// next.
func TestNoStateBetweenCharts(t *testing.T) {
	r := testRenderer(t)
	charts := sampleCharts(t)
	// The first chart of each ID prefix: status bars, time axis, line, …
	var pick []Chart
	seen := map[string]bool{}
	for _, c := range charts {
		kind := c.ID
		if i := strings.IndexByte(kind, '-'); i > 0 {
			kind = kind[:i]
		}
		if !seen[kind] && len(pick) < 4 {
			seen[kind] = true
			pick = append(pick, c)
		}
	}
	if len(pick) < 3 {
		t.Fatalf("only %d kinds of chart in the sample", len(pick))
	}
	draw := func(rt *jsRuntime, c Chart) string {
		t.Helper()
		raw, err := drawOne(rt, string(c.Option), c.Width, c.Height)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := metaOf(c.Option)
		svg, err := sanitize([]byte(raw), m)
		if err != nil {
			t.Fatal(err)
		}
		return string(svg)
	}
	fresh := map[string]string{}
	for _, c := range pick {
		rt, err := newJSRuntime(r.code)
		if err != nil {
			t.Fatal(err)
		}
		fresh[c.ID] = draw(rt, c)
	}
	rt, err := newJSRuntime(r.code)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range append(pick, pick[0]) {
		if got := draw(rt, c); got != fresh[c.ID] {
			t.Errorf("%s drawn after other charts differs from its drawing in a fresh runtime", c.ID)
		}
	}
}
