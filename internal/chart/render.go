package chart

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"runtime"
	"sync/atomic"
	"time"

	"modernc.org/quickjs"

	"github.com/tiendo/tiendo/internal/chart/echarts"
)

// Renderer draws option JSON as SVG with ECharts' own server-side renderer
// running in QuickJS. It keeps a pool of JavaScript runtimes, created on
// demand, and is safe for concurrent use: each SVG call borrows a runtime.
type Renderer struct {
	code    []byte // echarts.min.js as QuickJS bytecode, compiled once
	timeout time.Duration
	pool    *pool
}

// pool is the runtimes of a Renderer. It is apart from the Renderer so that
// a cleanup can close the idle runtimes once the Renderer is unreachable:
// QuickJS keeps its memory outside the Go heap, and only Close frees it.
//
// One runtime runs in this process; the others run in worker processes
// (worker.go), because the C library under QuickJS allocates under one
// lock per process: two runtimes in one process drew 68 charts/s where two
// processes drew 117 (BenchmarkRenderLineParallel).
type pool struct {
	idle    chan drawer
	slots   chan struct{} // one per runtime alive
	local   atomic.Bool   // the runtime in this process is alive
	workers bool          // start worker processes (WithWorkers)
}

// drawer is a runtime with ECharts loaded: a jsRuntime in this process or
// a worker process. Not safe for concurrent use.
type drawer interface {
	// draw renders option at the sizes dims (width, height …) and
	// returns the SVGs as a JSON array.
	draw(option string, dims []int, timeout time.Duration) (string, error)
	close()
}

// RendererOption configures NewRenderer.
type RendererOption func(*Renderer)

// WithRuntimes sets how many QuickJS runtimes may render at once (default
// GOMAXPROCS). Each holds its own ECharts, a few megabytes.
func WithRuntimes(n int) RendererOption {
	return func(r *Renderer) {
		if n > 0 {
			r.pool.slots = make(chan struct{}, n)
		}
	}
}

// WithWorkers sets whether runtimes after the first run in worker
// processes (the default) or all in this process.
func WithWorkers(on bool) RendererOption {
	return func(r *Renderer) { r.pool.workers = on }
}

// WithTimeout bounds the time of one render (default 30 s), so that an
// option sending ECharts into a loop fails the build instead of hanging it.
func WithTimeout(d time.Duration) RendererOption {
	return func(r *Renderer) { r.timeout = d }
}

// NewRenderer compiles echartsJS, the source of echarts.min.js, and starts a
// first runtime so that a broken source fails here. Cache calls it only
// when a chart is not cached.
func NewRenderer(echartsJS []byte, options ...RendererOption) (*Renderer, error) {
	r := &Renderer{timeout: 30 * time.Second, pool: &pool{workers: true}}
	for _, o := range options {
		o(r)
	}
	if r.pool.slots == nil {
		r.pool.slots = make(chan struct{}, runtime.GOMAXPROCS(0))
	}
	r.pool.idle = make(chan drawer, cap(r.pool.slots))
	r.pool.slots <- struct{}{}
	rt, err := r.load(echartsJS)
	if err != nil {
		<-r.pool.slots
		return nil, err
	}
	r.pool.local.Store(true)
	r.pool.idle <- rt
	runtime.AddCleanup(r, (*pool).close, r.pool)
	return r, nil
}

// load sets r.code from echartsJS and starts the first runtime with it.
// tiendo's own ECharts comes compiled (echarts.Bytecode); should QuickJS
// refuse that bytecode, the source is compiled here like any other.
func (r *Renderer) load(echartsJS []byte) (*jsRuntime, error) {
	if bytes.Equal(echartsJS, echarts.JS()) {
		if rt, err := newJSRuntime(echarts.Bytecode); err == nil {
			r.code = echarts.Bytecode
			return rt, nil
		}
	}
	code, err := compile(echartsJS)
	if err != nil {
		return nil, err
	}
	rt, err := newJSRuntime(code)
	if err != nil {
		return nil, err
	}
	r.code = code
	return rt, nil
}

// compile turns the source of echarts.min.js into QuickJS bytecode, which
// each runtime then loads without parsing it again.
func compile(echartsJS []byte) ([]byte, error) {
	vm, err := quickjs.NewVM()
	if err != nil {
		return nil, fmt.Errorf("chart: compile echarts: %w", err)
	}
	defer vm.Close()
	code, err := vm.Compile(string(echartsJS), quickjs.EvalGlobal)
	if err != nil {
		return nil, fmt.Errorf("chart: compile echarts: %w", err)
	}
	return code, nil
}

// Close ends the runtimes and worker processes of r, waiting for the
// workers to exit. Call it with no render in progress; r must not be used
// after.
func (r *Renderer) Close() { r.pool.close() }

// close frees the idle runtimes of a Renderer no longer used.
func (p *pool) close() {
	for {
		select {
		case d := <-p.idle:
			d.close()
		default:
			return
		}
	}
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
	out, err := r.svgs(option, []size{{width, height, idSuffix}})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// size is one drawing of a chart: its width and height, and what follows
// the chart ID in its ids.
type size struct {
	width, height int
	idSuffix      string
}

// svgs renders option at each size, in one runtime, as svg does.
func (r *Renderer) svgs(option []byte, sizes []size) ([][]byte, error) {
	dims := make([]int, 0, 2*len(sizes))
	for _, s := range sizes {
		if s.width <= 0 || s.height <= 0 {
			return nil, fmt.Errorf("chart: render: size %d×%d", s.width, s.height)
		}
		dims = append(dims, s.width, s.height)
	}
	meta, err := metaOf(option)
	if err != nil {
		return nil, err
	}
	raw, err := r.render(option, dims)
	if err != nil {
		return nil, fmt.Errorf("chart %s: render: %w", meta.ID, err)
	}
	out := make([][]byte, len(sizes))
	for i, s := range sizes {
		m := meta
		m.ID += s.idSuffix
		if out[i], err = sanitize([]byte(raw[i]), m); err != nil {
			return nil, fmt.Errorf("chart %s: clean svg: %w", m.ID, err)
		}
	}
	return out, nil
}

// render draws option at the sizes dims (width, height, width, height …)
// in a runtime of the pool and returns ECharts' SVG of each.
func (r *Renderer) render(option []byte, dims []int) ([]string, error) {
	d, err := r.acquire()
	if err != nil {
		return nil, err
	}
	res, err := d.draw(string(option), dims, r.timeout)
	if err != nil {
		// The runtime may hold a half-built chart: start afresh rather
		// than reuse it.
		d.close()
		if _, ok := d.(*jsRuntime); ok {
			r.pool.local.Store(false)
		}
		<-r.pool.slots
		return nil, err
	}
	r.pool.idle <- d
	var svgs []string
	if err := json.Unmarshal([]byte(res), &svgs); err != nil || len(svgs) != len(dims)/2 {
		return nil, fmt.Errorf("drew %d SVGs for %d sizes (%v)", len(svgs), len(dims)/2, err)
	}
	return svgs, nil
}

// acquire takes an idle runtime, or starts one while there is room, or
// waits for one to be released.
func (r *Renderer) acquire() (drawer, error) {
	select {
	case d := <-r.pool.idle:
		return d, nil
	default:
	}
	select {
	case d := <-r.pool.idle:
		return d, nil
	case r.pool.slots <- struct{}{}:
		d, err := r.start()
		if err != nil {
			<-r.pool.slots
			return nil, err
		}
		return d, nil
	}
}

// start makes a runtime: the one of this process if it is not alive, else
// a worker process, else (workers off, or one failed to start) another
// runtime in this process.
func (r *Renderer) start() (drawer, error) {
	if r.pool.local.CompareAndSwap(false, true) {
		rt, err := newJSRuntime(r.code)
		if err != nil {
			r.pool.local.Store(false)
			return nil, err
		}
		return rt, nil
	}
	if r.pool.workers {
		if w, err := startWorker(r.code); err == nil {
			return w, nil
		}
	}
	rt, err := newJSRuntime(r.code)
	if err != nil {
		return nil, err
	}
	return rt, nil
}

// jsRuntime is one QuickJS runtime with ECharts loaded. Not safe for
// concurrent use.
type jsRuntime struct {
	vm   *quickjs.VM
	rand *rand.Rand
}

// prelude gives echarts.min.js the few globals it touches outside a browser.
// The script's top-level "var echarts" is the global echarts (the UMD
// wrapper of a theme's own dist build finds no exports, module or define
// and sets globalThis.echarts, the same). Timers never fire: with animation
// off, ECharts draws synchronously. Math.random is Go's generator, seeded
// again for every chart, and the clock stands still at epoch: nothing drawn
// may depend on the time.
const prelude = `
Math.random = function () { return __tiendoRandom(); };
(function () {
	var RealDate = Date;
	var now = __tiendoEpoch;
	function FixedDate() {
		if (!(this instanceof FixedDate)) {
			return new RealDate(now).toString();
		}
		return arguments.length ? Reflect.construct(RealDate, arguments) : new RealDate(now);
	}
	FixedDate.prototype = RealDate.prototype;
	FixedDate.now = function () { return now; };
	FixedDate.UTC = RealDate.UTC;
	FixedDate.parse = RealDate.parse;
	Date = FixedDate;
})();
var console = {log: function() {}, info: function() {}, warn: function() {}, error: function() {}, debug: function() {}};
function setTimeout() { return 0; }
function clearTimeout() {}
function setInterval() { return 0; }
function clearInterval() {}
function requestAnimationFrame() { return 0; }
function cancelAnimationFrame() {}
`

// renderJS defines __tiendoDraw, which draws one chart at one or more
// sizes (sizes holds width, height, width, height …) and returns the SVGs
// as a JSON array. Format markers become formatters calling the Go
// formatMarker, so axis labels read "50.000" as in the browser. Where the
// option fitted to the next size is the same as to the last, the chart is
// resized rather than built again: most wide drawings differ from the
// narrow one in width alone, and building the models took about a fifth
// of a drawing. TestSampleChartsGolden shows the SVG is the same.
const renderJS = fitJS + `
echarts.setPlatformAPI({measureText: function(text, font) {
	return {width: __tiendoMeasure(String(text == null ? '' : text), String(font || ''))};
}});
var __tiendoDraw = (function(json, sizes) {
	function fitted(width, height) {
		var option = JSON.parse(json);
		var map = option.tiendoMap;
		if (map) { // a map's shapes (geo.go)
			echarts.registerMap(map.name, map.geoJSON);
			delete option.tiendoMap;
		} else {
			// The tooltip and the (hidden) toolbox serve the live chart
			// only; the static drawing is the same without them
			// (TestSampleChartsGolden), and ECharts builds them on every
			// setOption. Maps keep theirs: no test has shown them the same.
			delete option.tooltip;
			delete option.toolbox;
		}
		return tiendoFit(option, width, height);
	}
	function withFormatters(option) {
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
		return option;
	}
	var out = [], chart = null, drawn = null;
	try {
		for (var i = 0; i + 1 < sizes.length; i += 2) {
			var width = sizes[i], height = sizes[i + 1];
			var option = fitted(width, height);
			var key = JSON.stringify(option);
			if (chart && key === drawn) {
				chart.resize({width: width, height: height});
			} else {
				if (chart) chart.dispose();
				chart = null;
				chart = echarts.init(null, null, {renderer: 'svg', ssr: true, width: width, height: height, locale: 'EN'});
				chart.setOption(withFormatters(option));
				drawn = key;
			}
			out.push(chart.renderToSVGString());
		}
	} finally {
		if (chart) chart.dispose();
	}
	return JSON.stringify(out);
});
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

func newJSRuntime(code []byte) (*jsRuntime, error) {
	vm, err := quickjs.NewVM()
	if err != nil {
		return nil, fmt.Errorf("chart: start runtime: %w", err)
	}
	rt := &jsRuntime{vm: vm, rand: rand.New(rand.NewSource(1))}
	if err := rt.start(code); err != nil {
		vm.Close()
		return nil, err
	}
	return rt, nil
}

func (rt *jsRuntime) start(code []byte) error {
	vm := rt.vm
	err := errors.Join(
		vm.RegisterFunc("__tiendoMeasure", measureText, false),
		vm.RegisterFunc("__tiendoFormat", func(marker string, v any) string { return formatMarker(marker, toFloat(v)) }, false),
		vm.RegisterFunc("__tiendoRandom", rt.rand.Float64, false),
	)
	if err != nil {
		return fmt.Errorf("chart: start runtime: %w", err)
	}
	if _, err := vm.Eval(fmt.Sprintf("var __tiendoEpoch = %d;\n%s", epoch.UnixMilli(), prelude), quickjs.EvalGlobal); err != nil {
		return fmt.Errorf("chart: start runtime: %w", err)
	}
	if _, err := vm.EvalBytecode(code); err != nil {
		return fmt.Errorf("chart: load echarts: %w", err)
	}
	if _, err := vm.Eval(renderJS, quickjs.EvalGlobal); err != nil {
		return fmt.Errorf("chart: start runtime: %w", err)
	}
	return nil
}

// toFloat is a number from JavaScript, which QuickJS hands to Go as an int
// when it is whole.
func toFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

func (rt *jsRuntime) close() { rt.vm.Close() }

func (rt *jsRuntime) draw(option string, dims []int, timeout time.Duration) (string, error) {
	// Same random sequence for every chart: ECharts draws nothing random
	// by default, but decal patterns would.
	rt.rand.Seed(1)
	rt.vm.SetEvalTimeout(timeout)
	v, err := rt.vm.Call("__tiendoDraw", option, dims)
	var jsErr *quickjs.Error
	if errors.As(err, &jsErr) && jsErr.Message == "interrupted" {
		return "", fmt.Errorf("took longer than %v", timeout)
	}
	if err != nil {
		return "", err
	}
	svg, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("drew %T, not a JSON array of SVGs", v)
	}
	return svg, nil
}
