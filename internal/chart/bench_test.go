package chart

import (
	"testing"
	"time"
)

// BenchmarkNewRenderer is the cold start: compiling echarts.min.js and
// starting the first runtime.
func BenchmarkNewRenderer(b *testing.B) {
	js := echartsJS(b)
	for b.Loop() {
		if _, err := NewRenderer(js, WithRuntimes(1)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewRuntime is one more runtime of the pool: running the
// compiled ECharts in a fresh QuickJS runtime.
func BenchmarkNewRuntime(b *testing.B) {
	r := testRenderer(b)
	for b.Loop() {
		if _, err := newJSRuntime(r.code); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderLine(b *testing.B) {
	r := testRenderer(b)
	c, err := Line(lineSpec())
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	for b.Loop() {
		if _, err := r.SVG(c.Option, c.Width, c.Height); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "charts/s")
}

// BenchmarkRenderLineParallel renders on every core, as a build does.
func BenchmarkRenderLineParallel(b *testing.B) {
	r := testRenderer(b)
	c, err := Line(lineSpec())
	if err != nil {
		b.Fatal(err)
	}
	if _, err := r.SVG(c.Option, c.Width, c.Height); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := r.SVG(c.Option, c.Width, c.Height); err != nil {
				b.Error(err)
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "charts/s")
}

// BenchmarkRenderCached is a cache hit from disk: what a rebuild pays for
// an unchanged chart.
func BenchmarkRenderCached(b *testing.B) {
	c, err := Line(lineSpec())
	if err != nil {
		b.Fatal(err)
	}
	cache := NewCache(b.TempDir(), echartsJS(b))
	if _, err := cache.SVG(c.Option, c.Width, c.Height); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	for b.Loop() {
		cache.mem = map[string][]byte{} // force the file read
		if _, err := cache.SVG(c.Option, c.Width, c.Height); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "charts/s")
}

func BenchmarkSanitize(b *testing.B) {
	r := testRenderer(b)
	c, _ := Line(lineSpec())
	rt := <-r.pool.idle
	raw, err := drawOne(rt.(*jsRuntime), string(c.Option), c.Width, c.Height)
	r.pool.idle <- rt
	if err != nil {
		b.Fatal(err)
	}
	m, _ := metaOf(c.Option)
	for b.Loop() {
		if _, err := sanitize([]byte(raw), m); err != nil {
			b.Fatal(err)
		}
	}
}
