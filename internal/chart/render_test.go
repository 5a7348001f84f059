package chart

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRenderKinds(t *testing.T) {
	r := testRenderer(t)
	build := func(c Chart, err error) Chart {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	tests := []struct {
		name  string
		chart Chart
		want  []string
	}{
		{"line", build(Line(lineSpec())), []string{
			">32.000</text>",                   // value label, pre-formatted
			">60.000</text>", ">80.000</text>", // axis ticks up to the target
			">Mục tiêu 80.000 (30/06/2023)</text>", // target label
			">T4/2023</text>", ">Kế hoạch</text>", `stroke-dasharray="8,4"`,
		}},
		{"bar", build(Bar(barSpec())), []string{
			">3.400,5</text>", ">1.200</text>", ">Phường Nguyễn Thái Bình</text>", ">Mục tiêu 5.000</text>", ">6.000</text>", // one tick past the target
		}},
		{"sparkline", build(Sparkline(sparklineSpec())), []string{`viewBox="0 0 120 32"`, "<path d="}},
		{"stacked", build(Stacked(stackedSpec())), []string{">15</text>", ">Quá hạn</text>", ">Sở Tư pháp</text>", `fill="#b91c1c"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg, err := r.SVG(tt.chart.Option, tt.chart.Width, tt.chart.Height)
			if err != nil {
				t.Fatal(err)
			}
			checkClean(t, svg)
			title := fmt.Sprintf("<title id=\"%s-title\">%s</title>", tt.chart.ID, tt.chart.Title)
			for _, want := range append(tt.want, title, `role="img"`) {
				if !bytes.Contains(svg, []byte(want)) {
					t.Errorf("SVG lacks %s", want)
				}
			}
			if t.Failed() {
				t.Logf("SVG:\n%s", svg)
			}
		})
	}
}

// TestRenderDeterministic renders one option in two runtimes, one of which
// has drawn other charts before (so zrender's counters differ), and
// expects the same bytes.
func TestRenderDeterministic(t *testing.T) {
	r := testRenderer(t)
	c, err := Line(lineSpec())
	if err != nil {
		t.Fatal(err)
	}
	other, err := Bar(barSpec())
	if err != nil {
		t.Fatal(err)
	}
	var out [2][]byte
	for i := range out {
		rt, err := newJSRuntime(r.prog)
		if err != nil {
			t.Fatal(err)
		}
		for range i * 3 {
			if _, err := rt.render(string(other.Option), 300, 200, time.Minute); err != nil {
				t.Fatal(err)
			}
		}
		raw, err := rt.render(string(c.Option), c.Width, c.Height, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := metaOf(c.Option)
		if out[i], err = sanitize([]byte(raw), m); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Errorf("two runtimes differ:\n%s\n---\n%s", out[0], out[1])
	}
	if !bytes.Contains(out[0], []byte(`clip-path="url(#kpi-ho-so-1)"`)) {
		t.Error("ids not prefixed with the chart ID")
	}
}

func TestRenderConcurrent(t *testing.T) {
	r := testRenderer(t)
	c, err := Bar(barSpec())
	if err != nil {
		t.Fatal(err)
	}
	want, err := r.SVG(c.Option, c.Width, c.Height)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			got, err := r.SVG(c.Option, c.Width, c.Height)
			if err != nil {
				t.Error(err)
			} else if !bytes.Equal(got, want) {
				t.Error("concurrent render differs")
			}
		})
	}
	wg.Wait()
}

func TestRenderErrors(t *testing.T) {
	r := testRenderer(t)
	c, _ := Sparkline(sparklineSpec())
	if _, err := r.SVG(c.Option, 0, 10); err == nil {
		t.Error("zero width accepted")
	}
	if _, err := r.SVG([]byte("{"), 10, 10); err == nil {
		t.Error("broken JSON accepted")
	}
	if _, err := r.SVG([]byte("null"), 10, 10); err == nil {
		t.Error("null option accepted")
	}
	// An axis type ECharts does not know makes it throw.
	_, err := r.SVG([]byte(`{"xAxis":{"type":"nope"},"yAxis":{},"series":[{"type":"line","data":[1]}]}`), 10, 10)
	if err == nil || !strings.Contains(err.Error(), "render") {
		t.Errorf("error %v, want a render error", err)
	}
	// The runtime that failed was dropped; the next render works.
	if _, err := r.SVG(c.Option, c.Width, c.Height); err != nil {
		t.Error(err)
	}
}

func TestRenderTimeout(t *testing.T) {
	r := testRenderer(t)
	slow := &Renderer{prog: r.prog, timeout: time.Nanosecond, idle: make(chan *jsRuntime, 1), slots: make(chan struct{}, 1)}
	c, _ := Line(lineSpec())
	_, err := slow.SVG(c.Option, c.Width, c.Height)
	if err == nil || !strings.Contains(err.Error(), "took longer") {
		t.Errorf("error %v, want a timeout", err)
	}
	if len(slow.slots) != 0 {
		t.Error("interrupted runtime kept in the pool")
	}
}

func TestNewRendererError(t *testing.T) {
	if _, err := NewRenderer([]byte("function (")); err == nil {
		t.Error("broken source accepted")
	}
	if _, err := NewRenderer([]byte("var x = 1;")); err == nil {
		t.Error("source without echarts accepted")
	}
}

// The unit above the value axis was once anchored at its end on the axis
// line, so a long unit ("dịch vụ", "tài khoản") was cut off at the left
// edge of the chart. Every text anchored at its start must begin inside the
// drawing, at a phone's width and a desktop's.
func TestLineTextInside(t *testing.T) {
	r := testRenderer(t)
	text := regexp.MustCompile(`<text [^>]*text-anchor="(start|middle|end)"[^>]*transform="translate\(([-0-9.]+) [-0-9.]+\)"[^>]*>([^<]*)</text>`)
	for _, width := range []int{320, 640} {
		for _, unit := range []string{"tài khoản định danh", "dịch vụ", "%"} {
			spec := lineSpec()
			spec.Unit = unit
			spec.Meta.Width = width
			c, err := Line(spec)
			if err != nil {
				t.Fatal(err)
			}
			svg, err := r.SVG(c.Option, c.Width, c.Height)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, m := range text.FindAllSubmatch(svg, -1) {
				x, _ := strconv.ParseFloat(string(m[2]), 64)
				if string(m[3]) == unit {
					found = true
					if string(m[1]) != "start" {
						t.Errorf("width %d: unit %q anchored at its %s", width, unit, m[1])
					}
				}
				if string(m[1]) == "start" && x < 0 {
					t.Errorf("width %d: %q starts left of the chart (x = %v)", width, m[3], x)
				}
			}
			if !found {
				t.Errorf("width %d: no unit %q in the SVG", width, unit)
			}
		}
	}
}
