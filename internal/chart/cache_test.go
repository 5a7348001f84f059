package chart

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// testCache returns a Cache that uses the shared renderer and counts how
// often it starts one.
func testCache(tb testing.TB, dir string) (*Cache, *int) {
	tb.Helper()
	r := testRenderer(tb)
	c := NewCache(dir, echartsJS(tb))
	starts := new(int)
	c.start = func() (*Renderer, error) {
		*starts++
		return r, nil
	}
	return c, starts
}

func TestCache(t *testing.T) {
	js := echartsJS(t)
	dir := filepath.Join(t.TempDir(), "charts")
	c, err := Line(lineSpec())
	if err != nil {
		t.Fatal(err)
	}

	first, starts := testCache(t, dir)
	want, err := first.SVG(c.Option, c.Width, c.Height)
	if err != nil {
		t.Fatal(err)
	}
	if *starts != 1 {
		t.Fatalf("a miss started %d renderers, want 1", *starts)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 1 || filepath.Ext(files[0]) != ".svg" {
		t.Fatalf("cache dir holds %v, want one .svg", files)
	}

	// A new build: the chart comes from the file, without starting ECharts.
	second, starts := testCache(t, dir)
	got, err := second.SVG(c.Option, c.Width, c.Height)
	if err != nil {
		t.Fatal(err)
	}
	if *starts != 0 {
		t.Error("a cached chart started a renderer")
	}
	if !bytes.Equal(got, want) {
		t.Error("cached SVG differs from the rendered one")
	}
	// Then from memory: even a removed file is not read again.
	os.RemoveAll(dir)
	if got, err := second.SVG(c.Option, c.Width, c.Height); err != nil || !bytes.Equal(got, want) {
		t.Errorf("memory hit: %v", err)
	}
	got[0] = 'X' // callers own what they get
	if again, _ := second.SVG(c.Option, c.Width, c.Height); again[0] != '<' {
		t.Error("caller's change reached the cache")
	}

	// Anything the SVG depends on changes the key.
	base := second.key(c.Option, size{c.Width, c.Height, ""})
	for name, key := range map[string]string{
		"width":   second.key(c.Option, size{c.Width + 1, c.Height, ""}),
		"height":  second.key(c.Option, size{c.Width, c.Height + 1, ""}),
		"option":  second.key(append([]byte(" "), c.Option...), size{c.Width, c.Height, ""}),
		"echarts": NewCache(dir, append([]byte("//\n"), js...)).key(c.Option, size{c.Width, c.Height, ""}),
		"ids":     second.key(c.Option, size{c.Width, c.Height, WideSuffix}),
	} {
		if key == base {
			t.Errorf("changing the %s keeps the key", name)
		}
	}
}

func TestCacheRenderAll(t *testing.T) {
	var charts []Chart
	for _, f := range []func() (Chart, error){
		func() (Chart, error) { return Line(lineSpec()) },
		func() (Chart, error) { return Bar(barSpec()) },
		func() (Chart, error) { return Sparkline(sparklineSpec()) },
		func() (Chart, error) { return Stacked(stackedSpec()) },
	} {
		c, err := f()
		if err != nil {
			t.Fatal(err)
		}
		charts = append(charts, c)
	}
	broken := Chart{ID: "x", Option: []byte("{"), Width: 10, Height: 10}
	cache, _ := testCache(t, "")
	out, err := cache.RenderAll(append(charts, broken))
	if err == nil {
		t.Error("broken chart: no error")
	}
	r := testRenderer(t)
	for i, c := range charts {
		want, err := r.SVG(c.Option, c.Width, c.Height)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out[i].SVG, want) {
			t.Errorf("chart %d: RenderAll differs from SVG", i)
		}
		if c.WideWidth == 0 {
			continue
		}
		wide, err := r.svg(c.Option, c.WideWidth, c.WideHeight, WideSuffix)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out[i].Wide, wide) || bytes.Equal(wide, want) {
			t.Errorf("chart %d: RenderAll's wide drawing differs from svg at the wide size", i)
		}
		if !bytes.Contains(wide, []byte(`id="`+c.ID+WideSuffix+`-title"`)) {
			t.Errorf("chart %d: the wide drawing's ids do not end the chart ID with %q", i, WideSuffix)
		}
	}
}

func TestCacheStartsRendererLazily(t *testing.T) {
	// A source that is not ECharts: creating the cache must not fail, only
	// the first render.
	c := NewCache(t.TempDir(), []byte("not javascript ("))
	s, _ := Sparkline(sparklineSpec())
	if _, err := c.SVG(s.Option, s.Width, s.Height); err == nil {
		t.Error("broken ECharts source rendered")
	}
}
