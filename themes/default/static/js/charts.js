/*
 * tiendo charts: makes the charts of a page interactive.
 *
 * Every chart is already in the page as static SVG, drawn at build time by
 * ECharts from the same option (internal/chart). When a chart first scrolls
 * into view, this script loads the self-hosted ECharts once, draws the
 * option live in place of the SVG (same shape, the column's width; the
 * narrow drawing is for screens under 48rem, the wide one from 48rem,
 * as in the theme CSS) and marks the figure
 * .is-live; the theme CSS hides the static SVG on screen only, so print
 * keeps it. If anything fails, the static SVG simply stays.
 *
 * Markup:
 *   <html lang="vi" data-echarts="…/echarts.min.js" data-echarts-locale="…/langVI.js">
 *   <figure class="chart" data-chart-id="ID">
 *     <div class="chart-svg chart-narrow"><svg viewBox="0 0 W H" …>…</svg></div>
 *     <div class="chart-svg chart-wide"><svg viewBox="0 0 W2 H2" …>…</svg></div>
 *     <script type="application/json" class="chart-option">{…}</script>
 *     <figcaption>…</figcaption>
 *   </figure>
 *
 * Plain ES2017; no eval, no new Function, no inline style attributes (sizes
 * are set through the CSSOM), tooltips in richText mode: it runs under a
 * strict Content-Security-Policy.
 */
(function () {
  'use strict';

  const root = document.documentElement;
  // A CSP nonce on this script is passed on to the scripts it adds.
  const nonce = document.currentScript ? document.currentScript.nonce : '';
  const english = /^en\b/i.test(root.lang || '');
  const numberLocale = english ? 'en' : 'vi-VN';
  const echartsLocale = english ? 'EN' : 'VI';

  let loading = null;
  const live = []; // {figure, box, chart, ratio, maxWidth}

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      const s = document.createElement('script');
      s.src = src;
      if (nonce) {
        s.nonce = nonce;
      }
      s.addEventListener('load', resolve);
      s.addEventListener('error', function () {
        s.remove();
        reject(new Error('cannot load ' + src));
      });
      document.head.appendChild(s);
    });
  }

  // loadECharts loads ECharts and, for Vietnamese pages, its locale, once.
  function loadECharts() {
    if (!loading) {
      const src = root.dataset.echarts;
      const locale = root.dataset.echartsLocale;
      loading = (window.echarts ? Promise.resolve() : src ? loadScript(src) : Promise.reject(new Error('no data-echarts')))
        .then(function () {
          if (!window.echarts) {
            throw new Error('echarts missing');
          }
          if (locale && !english) {
            // Without the locale ECharts falls back to English words; the
            // numbers are formatted here anyway.
            return loadScript(locale).catch(function () {});
          }
          return undefined;
        })
        .then(function () {
          return window.echarts;
        });
    }
    return loading;
  }

  // formatter turns a "tiendoFormat" marker ("vi-number", "en-percent")
  // into a function. internal/chart's formatMarker formats the same way for
  // the static SVG.
  function formatter(marker) {
    const parts = String(marker).split('-');
    const nf = new Intl.NumberFormat(parts[0] === 'en' ? 'en' : parts[0] === 'vi' ? 'vi-VN' : numberLocale, {
      maximumFractionDigits: 2,
    });
    const suffix = parts[1] === 'percent' ? '%' : '';
    return function (v) {
      let n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!isFinite(n)) {
        return v == null ? '' : String(v);
      }
      if (Math.round(n * 100) === 0) {
        n = 0; // Intl would write "-0"
      }
      return nf.format(n) + suffix;
    };
  }

  function list(x) {
    if (!x) {
      return [];
    }
    return Array.isArray(x) ? x : [x];
  }

  // prepare replaces the format markers with formatters and keeps tooltips
  // free of HTML.
  function prepare(option) {
    ['xAxis', 'yAxis'].forEach(function (key) {
      list(option[key]).forEach(function (axis) {
        if (axis && axis.tiendoFormat) {
          axis.axisLabel = axis.axisLabel || {};
          axis.axisLabel.formatter = formatter(axis.tiendoFormat);
          delete axis.tiendoFormat;
        }
      });
    });
    list(option.tooltip).forEach(function (tooltip) {
      tooltip.renderMode = 'richText';
      if (tooltip.tiendoFormat) {
        tooltip.valueFormatter = formatter(tooltip.tiendoFormat);
        delete tooltip.tiendoFormat;
      }
      if (Array.isArray(tooltip.tiendoNames)) {
        // Short names on the axis, the full name in the tooltip.
        const names = tooltip.tiendoNames;
        const value = tooltip.valueFormatter || String;
        tooltip.formatter = function (params) {
          const ps = list(params);
          const head = ps.length ? names[ps[0].dataIndex] || ps[0].name : '';
          return [head].concat(ps.map(function (p) {
            return p.seriesName + ': ' + value(p.value);
          })).join('\n');
        };
        delete tooltip.tiendoNames;
      }
    });
    if (option.tiendoMap) {
      // A map carries its shapes (internal/chart/geo.go): registered each
      // time the option is drawn, once ECharts is loaded.
      if (window.echarts) {
        window.echarts.registerMap(option.tiendoMap.name, option.tiendoMap.geoJSON);
      }
      delete option.tiendoMap;
    }
    delete option.tiendoId;
    return option;
  }

  // tiendoFit spaces the ticks of value axes for the chart's size. It is
  // internal/chart's fitJS, byte for byte (a Go test compares them), so the
  // live chart's axes are spaced as the static SVG's are.
  function tiendoFit(option, width, height) {
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


  const wideScreen = window.matchMedia ? window.matchMedia('(min-width: 48rem)') : null;

  // viewBox reads the size the chart was drawn at.
  function viewBox(svg) {
    const vb = svg && svg.viewBox && svg.viewBox.baseVal;
    if (vb && vb.width > 0 && vb.height > 0) {
      return {width: vb.width, height: vb.height};
    }
    return null;
  }

  // fit sizes the live box like the static SVG the screen would show (the
  // column's width, at most 30rem for the narrow drawing and 56rem for the
  // wide one, with its aspect ratio), and draws the option again with ticks
  // spaced for that size.
  function fit(item) {
    const wide = item.wide && wideScreen && wideScreen.matches;
    const size = wide ? item.wide : item.narrow;
    item.box.style.maxWidth = wide ? '56rem' : '30rem';
    const width = item.box.clientWidth;
    if (width > 0 && size) {
      item.box.style.height = Math.round((width * size.height) / size.width) + 'px';
    }
    if (item.chart && width > 0) {
      item.chart.resize();
      item.chart.setOption(tiendoFit(prepare(JSON.parse(item.json)), width, item.box.clientHeight), true);
    }
  }

  function activate(figure) {
    if (figure.dataset.chartState) {
      return;
    }
    figure.dataset.chartState = 'loading';
    const optionEl = figure.querySelector('script.chart-option');
    const boxes = figure.querySelectorAll('.chart-svg');
    const svgBox = boxes[boxes.length - 1];
    const narrow = viewBox(figure.querySelector('.chart-svg svg'));
    const wide = viewBox(figure.querySelector('.chart-wide svg'));
    const json = optionEl ? optionEl.textContent : '';
    try {
      prepare(JSON.parse(json));
    } catch (e) {
      figure.dataset.chartState = 'static';
      return;
    }
    loadECharts()
      .then(function (echarts) {
        const box = document.createElement('div');
        box.className = 'chart-live';
        figure.insertBefore(box, svgBox ? svgBox.nextSibling : figure.firstChild);
        const item = {figure: figure, box: box, chart: null, json: json,
          narrow: narrow || {width: 2, height: 1}, wide: wide};
        fit(item);
        item.chart = echarts.init(box, null, {renderer: 'svg', locale: echartsLocale});
        live.push(item);
        figure.classList.add('is-live');
        // The box may have been measured while the SVG still took room.
        fit(item);
        figure.dataset.chartState = 'live';
        figure.dataset.chartReady = 'true';
        watch(item);
      })
      .catch(function () {
        // The static SVG stays: nothing is lost but the tooltips.
        const box = figure.querySelector('.chart-live');
        if (box) {
          box.remove();
        }
        figure.classList.remove('is-live');
        figure.dataset.chartState = 'static';
      });
  }

  let resizeTimer = 0;
  function resizeAll() {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      live.forEach(fit);
    }, 150);
  }

  let resizeObserver = null;
  function watch(item) {
    if (!resizeObserver && 'ResizeObserver' in window) {
      resizeObserver = new ResizeObserver(resizeAll);
    }
    if (resizeObserver) {
      resizeObserver.observe(item.figure);
    }
  }

  function start() {
    const figures = Array.prototype.slice.call(document.querySelectorAll('figure.chart'));
    if (figures.length === 0) {
      return;
    }
    window.addEventListener('resize', resizeAll);
    if (!('IntersectionObserver' in window)) {
      figures.forEach(activate);
      return;
    }
    const io = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            io.unobserve(entry.target);
            activate(entry.target);
          }
        });
      },
      {rootMargin: '200px 0px'}
    );
    figures.forEach(function (figure) {
      io.observe(figure);
    });
  }

  // The static SVG already shows every chart, so ECharts (about 200 KB
  // gzipped, 170 KB with Brotli) is not fetched for a reader who only looks: it loads after
  // the first sign of interaction (scrolling, touching, pointing, a key),
  // and then only for charts in or near view. A slow phone that just reads
  // the page never pays for it.
  const interactions = ['scroll', 'pointerdown', 'pointermove', 'touchstart', 'keydown', 'wheel'];
  let started = false;
  function onInteraction() {
    if (started) {
      return;
    }
    started = true;
    interactions.forEach(function (type) {
      window.removeEventListener(type, onInteraction, {passive: true});
    });
    start();
  }
  function arm() {
    interactions.forEach(function (type) {
      window.addEventListener(type, onInteraction, {passive: true});
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', arm);
  } else {
    arm();
  }
})();
