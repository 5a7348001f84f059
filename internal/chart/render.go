package chart

import (
	"errors"
	"fmt"
	"math/rand"
	"runtime"
	"time"

	"github.com/dop251/goja"
)

// Renderer draws option JSON as SVG with ECharts' own server-side renderer
// running in goja. It keeps a pool of JavaScript runtimes, created on
// demand, and is safe for concurrent use: each SVG call borrows a runtime.
type Renderer struct {
	prog    *goja.Program
	timeout time.Duration
	idle    chan *jsRuntime
	slots   chan struct{} // one per runtime alive
}

// RendererOption configures NewRenderer.
type RendererOption func(*Renderer)

// WithRuntimes sets how many goja runtimes may render at once (default
// GOMAXPROCS). Each holds its own ECharts, about 6 MB of heap.
func WithRuntimes(n int) RendererOption {
	return func(r *Renderer) {
		if n > 0 {
			r.slots = make(chan struct{}, n)
		}
	}
}

// WithTimeout bounds the time of one render (default 30 s), so that an
// option sending ECharts into a loop fails the build instead of hanging it.
func WithTimeout(d time.Duration) RendererOption {
	return func(r *Renderer) { r.timeout = d }
}

// NewRenderer compiles echartsJS, the source of echarts.min.js, and starts a
// first runtime so that a broken source fails here. It costs about 150 ms;
// Cache calls it only when a chart is not cached.
func NewRenderer(echartsJS []byte, options ...RendererOption) (*Renderer, error) {
	r := &Renderer{timeout: 30 * time.Second}
	for _, o := range options {
		o(r)
	}
	if r.slots == nil {
		r.slots = make(chan struct{}, runtime.GOMAXPROCS(0))
	}
	r.idle = make(chan *jsRuntime, cap(r.slots))
	prog, err := goja.Compile("echarts.min.js", string(echartsJS), false)
	if err != nil {
		return nil, fmt.Errorf("chart: compile echarts: %w", err)
	}
	r.prog = prog
	r.slots <- struct{}{}
	rt, err := newJSRuntime(prog)
	if err != nil {
		<-r.slots
		return nil, err
	}
	r.idle <- rt
	return r, nil
}

// SVG renders option (ECharts option JSON, as made by Line, Bar, …) at
// width×height pixels and returns the cleaned SVG: presentation attributes
// instead of styles, no <style> or scripts, ids prefixed with the chart ID,
// and a <title> and <desc> from the option. The same input gives the same
// bytes, whichever runtime renders it.
func (r *Renderer) SVG(option []byte, width, height int) ([]byte, error) {
	return r.svg(option, width, height, "")
}

// svg renders as SVG does, with idSuffix after the chart ID in every id of
// the drawing, so that two drawings of one chart can share a page.
func (r *Renderer) svg(option []byte, width, height int, idSuffix string) ([]byte, error) {
	if width <= 0 || height <= 0 {
		return nil, fmt.Errorf("chart: render: size %d×%d", width, height)
	}
	meta, err := metaOf(option)
	if err != nil {
		return nil, err
	}
	raw, err := r.render(option, width, height)
	if err != nil {
		return nil, fmt.Errorf("chart %s: render: %w", meta.ID, err)
	}
	meta.ID += idSuffix
	out, err := sanitize([]byte(raw), meta)
	if err != nil {
		return nil, fmt.Errorf("chart %s: clean svg: %w", meta.ID, err)
	}
	return out, nil
}

func (r *Renderer) render(option []byte, width, height int) (string, error) {
	rt, err := r.acquire()
	if err != nil {
		return "", err
	}
	svg, err := rt.render(string(option), width, height, r.timeout)
	if err != nil {
		// The runtime may hold a half-built chart or a pending interrupt:
		// start afresh rather than reuse it.
		<-r.slots
		return "", err
	}
	r.idle <- rt
	return svg, nil
}

// acquire takes an idle runtime, or starts one while there is room, or
// waits for one to be released.
func (r *Renderer) acquire() (*jsRuntime, error) {
	select {
	case rt := <-r.idle:
		return rt, nil
	default:
	}
	select {
	case rt := <-r.idle:
		return rt, nil
	case r.slots <- struct{}{}:
		rt, err := newJSRuntime(r.prog)
		if err != nil {
			<-r.slots
			return nil, err
		}
		return rt, nil
	}
}

// jsRuntime is one goja runtime with ECharts loaded. Not safe for
// concurrent use.
type jsRuntime struct {
	vm   *goja.Runtime
	rand *rand.Rand
	draw goja.Callable
}

// prelude gives echarts.min.js the few globals it touches outside a browser.
// The script's top-level "var echarts" is the global echarts (the UMD
// wrapper of a theme's own dist build finds no exports, module or define
// and sets globalThis.echarts, the same). Timers never fire: with animation off, ECharts draws
// synchronously.
const prelude = `
var console = {log: function() {}, info: function() {}, warn: function() {}, error: function() {}, debug: function() {}};
function setTimeout() { return 0; }
function clearTimeout() {}
function setInterval() { return 0; }
function clearInterval() {}
function requestAnimationFrame() { return 0; }
function cancelAnimationFrame() {}
`

// renderJS draws one chart. Format markers become formatters calling the
// Go formatMarker, so axis labels read "50.000" as in the browser.
const renderJS = fitJS + `
echarts.setPlatformAPI({measureText: function(text, font) {
	return {width: __tiendoMeasure(String(text == null ? '' : text), String(font || ''))};
}});
(function(json, width, height) {
	var option = JSON.parse(json);
	var map = option.tiendoMap;
	if (map) { // a map's shapes (geo.go)
		echarts.registerMap(map.name, map.geoJSON);
		delete option.tiendoMap;
	} else {
		// The tooltip and the (hidden) toolbox serve the live chart only;
		// the static drawing is the same without them
		// (TestSampleChartsGolden), and ECharts builds them on every
		// setOption. Maps keep theirs: no test has shown them the same.
		delete option.tooltip;
		delete option.toolbox;
	}
	option = tiendoFit(option, width, height);
	['xAxis', 'yAxis'].forEach(function(key) {
		var axes = option[key];
		if (!axes) return;
		(Array.isArray(axes) ? axes : [axes]).forEach(function(axis) {
			var m = axis && axis.tiendoFormat;
			if (!m) return;
			axis.axisLabel = axis.axisLabel || {};
			axis.axisLabel.formatter = function(v) { return __tiendoFormat(m, v); };
		});
	});
	var chart = echarts.init(null, null, {renderer: 'svg', ssr: true, width: width, height: height, locale: 'EN'});
	try {
		chart.setOption(option);
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
})
`

// fitJS spaces the ticks of the value axes marked "tiendoTicks" for the
// size drawn at (see ticks in options.go). themes/default/static/js/charts.js
// holds the same function, byte for byte (TestFitJSInTheme), so that the
// live chart fits its box as the static SVG fits its own.
const fitJS = `function tiendoFit(option, width, height) {
  var legend = option.tiendoLegend;
  delete option.tiendoLegend;
  if (legend) {
    var rows = 1;
    var x = 0;
    legend.items.forEach(function (w) {
      if (x > 0 && x + w > width - 20) {
        rows++;
        x = 0;
      }
      x += w;
    });
    var grid = [].concat(option.grid || {})[0];
    var shift = Number(grid.bottom) - (12 + 24 * rows);
    grid.bottom = 12 + 24 * rows;
    [].concat(option.yAxis || []).forEach(function (axis) {
      if (axis && axis.tiendoTicks) {
        axis.tiendoTicks.reserve -= shift;
      }
    });
  }
  [].concat(option.xAxis || [], option.yAxis || []).forEach(function (axis) {
    var t = axis && axis.tiendoTicks;
    if (!t) {
      return;
    }
    delete axis.tiendoTicks;
    var horizontal = option.xAxis === axis || (Array.isArray(option.xAxis) && option.xAxis.indexOf(axis) >= 0);
    var len = (horizontal ? width : height) - t.reserve;
    var n = Math.max(1, Math.min(8, Math.floor(len / t.label)));
    if (axis.type === 'time') {
      axis.splitNumber = n;
      axis.minInterval = t.minInterval;
      return;
    }
    var round = function (x) {
      return Number(x.toPrecision(12));
    };
    var top = t.max > 0 ? t.max : 1;
    var unit = Math.pow(10, Math.floor(Math.log10(top / n)));
    for (var i = 0; i < 15; i++) {
      var c = round([1, 2, 5][i % 3] * unit * Math.pow(10, Math.floor(i / 3)));
      if (c * n < top * (1 - 1e-9) || (t.minInterval && c < t.minInterval)) {
        continue;
      }
      var m = round(Math.ceil(top / c - 1e-9) * c);
      if (t.room && len * (m - t.above) / m < t.room) {
        m = round(m + c);
      }
      if (t.cap && m > t.cap) {
        m = t.cap;
      }
      if (m / c > n + 1e-9 || Math.abs(m / c - Math.round(m / c)) > 1e-9) {
        continue;
      }
      axis.min = 0;
      axis.max = m;
      axis.interval = c;
      return;
    }
  });
  return option;
}
`

// epoch is the clock of every runtime: nothing drawn may depend on the time.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func newJSRuntime(prog *goja.Program) (*jsRuntime, error) {
	vm := goja.New()
	rt := &jsRuntime{vm: vm, rand: rand.New(rand.NewSource(1))}
	vm.SetRandSource(rt.rand.Float64)
	vm.SetTimeSource(func() time.Time { return epoch })
	measure := func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(measureText(call.Argument(0).String(), call.Argument(1).String()))
	}
	format := func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(formatMarker(call.Argument(0).String(), call.Argument(1).ToFloat()))
	}
	if err := errors.Join(vm.Set("__tiendoMeasure", measure), vm.Set("__tiendoFormat", format)); err != nil {
		return nil, fmt.Errorf("chart: start runtime: %w", err)
	}
	if _, err := vm.RunString(prelude); err != nil {
		return nil, fmt.Errorf("chart: start runtime: %w", err)
	}
	if _, err := vm.RunProgram(prog); err != nil {
		return nil, fmt.Errorf("chart: load echarts: %w", err)
	}
	fn, err := vm.RunString(renderJS)
	if err != nil {
		return nil, fmt.Errorf("chart: start runtime: %w", err)
	}
	render, ok := goja.AssertFunction(fn)
	if !ok {
		return nil, errors.New("chart: start runtime: render is not a function")
	}
	rt.draw = render
	return rt, nil
}

func (rt *jsRuntime) render(option string, width, height int, timeout time.Duration) (string, error) {
	// Same random sequence for every chart: ECharts draws nothing random
	// by default, but decal patterns would.
	rt.rand.Seed(1)
	timer := time.AfterFunc(timeout, func() { rt.vm.Interrupt("timeout") })
	v, err := rt.draw(goja.Undefined(), rt.vm.ToValue(option), rt.vm.ToValue(width), rt.vm.ToValue(height))
	if !timer.Stop() {
		return "", fmt.Errorf("took longer than %v", timeout)
	}
	if err != nil {
		return "", err
	}
	return v.String(), nil
}
