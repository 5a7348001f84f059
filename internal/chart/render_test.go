package chart

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/chart/echarts"
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
			">32.000</text>",                                      // value label, pre-formatted
			">60.000</text>", ">80.000</text>", ">100.000</text>", // axis ticks up to the target and room for its label
			">Mục tiêu 80.000 (30/06/2023)</text>", // target label
			">T3/2023</text>", ">Kế hoạch</text>", `stroke-dasharray="8,4"`,
		}},
		{"bar", build(Bar(barSpec())), []string{
			">3.400,5</text>", ">1.200</text>", ">Phường Nguyễn </text>", ">Thái Bình</text>", ">Mục tiêu 5.000</text>", ">10.000</text>", // a long name wraps; ticks as far apart as their labels need
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
		rt, err := newJSRuntime(r.code)
		if err != nil {
			t.Fatal(err)
		}
		for range i * 3 {
			if _, err := drawOne(rt, string(other.Option), 300, 200); err != nil {
				t.Fatal(err)
			}
		}
		raw, err := drawOne(rt, string(c.Option), c.Width, c.Height)
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
	slow := &Renderer{code: r.code, timeout: time.Nanosecond, pool: &pool{idle: make(chan drawer, 1), slots: make(chan struct{}, 1)}}
	c, _ := Line(lineSpec())
	_, err := slow.SVG(c.Option, c.Width, c.Height)
	if err == nil || !strings.Contains(err.Error(), "took longer") {
		t.Errorf("error %v, want a timeout", err)
	}
	if len(slow.pool.slots) != 0 {
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

// Every text of a chart lies inside the drawing, at a phone's width and a
// desktop's: the unit above a line chart's value axis was once cut off at
// the left edge, and the unit after a bar chart's axis at the right.
func TestTextsInside(t *testing.T) {
	r := testRenderer(t)
	for _, width := range []int{320, 640} {
		for _, unit := range []string{"tài khoản định danh", "dịch vụ", "%"} {
			line := lineSpec()
			line.Unit, line.Meta.Width = unit, width
			bar := barSpec()
			bar.Unit, bar.Meta.Width = unit, width
			lc, lerr := Line(line)
			bc, berr := Bar(bar)
			if lerr != nil || berr != nil {
				t.Fatal(lerr, berr)
			}
			for _, c := range []Chart{lc, bc} {
				svg, err := r.SVG(c.Option, c.Width, c.Height)
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, x := range svgTexts(svg) {
					found = found || x.s == unit
					if x.left < 0 || x.right > float64(c.Width) {
						t.Errorf("%s at width %d: %q spans %.0f–%.0f, outside 0–%d", c.ID, width, x.s, x.left, x.right, c.Width)
					}
				}
				if !found {
					t.Errorf("%s at width %d: no unit %q in the SVG", c.ID, width, unit)
				}
			}
		}
	}
}

// svgText is a text element of a rendered chart, with its box estimated
// from the font (measureText).
type svgText struct {
	s                      string
	left, right, top, bott float64
}

var textElem = regexp.MustCompile(`<text ([^>]*)>([^<]*)</text>`)
var attr = regexp.MustCompile(`([a-z-]+)="([^"]*)"`)

func svgTexts(svg []byte) []svgText {
	var out []svgText
	for _, m := range textElem.FindAllSubmatch(svg, -1) {
		a := map[string]string{}
		for _, kv := range attr.FindAllSubmatch(m[1], -1) {
			a[string(kv[1])] = string(kv[2])
		}
		var x, y float64
		fmt.Sscanf(a["transform"], "translate(%g %g)", &x, &y)
		dy, _ := strconv.ParseFloat(a["y"], 64)
		y += dy
		size := a["font-size"]
		if size == "" {
			size = "12px"
		}
		h, _ := strconv.ParseFloat(strings.TrimSuffix(size, "px"), 64)
		w := measureText(string(m[2]), size)
		t := svgText{s: string(m[2]), top: y - h/2, bott: y + h/2}
		switch a["text-anchor"] {
		case "end":
			t.left, t.right = x-w, x
		case "middle":
			t.left, t.right = x-w/2, x+w/2
		default:
			t.left, t.right = x, x+w
		}
		out = append(out, t)
	}
	return out
}

// No two texts of a line chart overlap, even when the latest value nears
// the target, as it does at the end of a plan, and on a phone: the
// target's label once sat on the latest value's.
func TestTargetLabelClear(t *testing.T) {
	r := testRenderer(t)
	for _, width := range []int{320, 640} {
		spec := lineSpec()
		spec.Series[0].Values = []float64{21000, 30000, 41000, 78500}
		spec.Meta.Width = width
		c, err := Line(spec)
		if err != nil {
			t.Fatal(err)
		}
		svg, err := r.SVG(c.Option, c.Width, c.Height)
		if err != nil {
			t.Fatal(err)
		}
		var target, last *svgText
		texts := svgTexts(svg)
		for i := range texts {
			switch texts[i].s {
			case spec.Targets[0].Label:
				target = &texts[i]
			case viNumber(78500):
				last = &texts[i]
			}
		}
		if target == nil || last == nil {
			t.Fatalf("width %d: target label %v, value label %v", width, target != nil, last != nil)
		}
		for i, a := range texts {
			for _, b := range texts[i+1:] {
				if a.left < b.right && b.left < a.right && a.top < b.bott && b.top < a.bott {
					t.Errorf("width %d: %q %+v overlaps %q %+v", width, a.s, a, b.s, b)
				}
			}
		}
	}
}

// drawOne draws option at one size in rt and returns ECharts' raw SVG.
func drawOne(rt *jsRuntime, option string, width, height int) (string, error) {
	res, err := rt.draw(option, []int{width, height}, time.Minute)
	if err != nil {
		return "", err
	}
	var svgs []string
	if err := json.Unmarshal([]byte(res), &svgs); err != nil {
		return "", err
	}
	return svgs[0], nil
}

// TestBytecode checks that echarts.Bytecode is what QuickJS makes of
// echarts.min.js: stale bytecode would draw with another ECharts than the
// one a site's browser gets. -update rewrites it.
func TestBytecode(t *testing.T) {
	code, err := compile(echarts.JS())
	if err != nil {
		t.Fatal(err)
	}
	const file = "echarts/echarts.min.qjs"
	if *update {
		if err := os.WriteFile(file, code, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(code, echarts.Bytecode) {
		t.Errorf("%s is not the QuickJS bytecode of echarts.min.js: run go test ./internal/chart -run TestBytecode -update", file)
	}
}
