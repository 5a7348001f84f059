/*
 * tiendo charts: makes the charts of a page interactive.
 *
 * Every chart is already in the page as static SVG, drawn at build time by
 * ECharts from the same option (internal/chart). When a chart first scrolls
 * into view, this script loads the self-hosted ECharts once, draws the
 * option live in place of the SVG (same size) and marks the figure
 * .is-live; the theme CSS hides the static SVG on screen only, so print
 * keeps it. If anything fails, the static SVG simply stays.
 *
 * Markup:
 *   <html lang="vi" data-echarts="…/echarts.min.js" data-echarts-locale="…/langVI.js">
 *   <figure class="chart" data-chart-id="ID">
 *     <div class="chart-svg"><svg viewBox="0 0 W H" …>…</svg></div>
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
    });
    delete option.tiendoId;
    return option;
  }

  // viewBox reads the size the chart was drawn at.
  function viewBox(svg) {
    const vb = svg && svg.viewBox && svg.viewBox.baseVal;
    if (vb && vb.width > 0 && vb.height > 0) {
      return {width: vb.width, height: vb.height};
    }
    return null;
  }

  // fit sizes the live box like the static SVG (max-width: 100%; height:
  // auto): at most its drawn width, with its aspect ratio.
  function fit(item) {
    const width = item.box.clientWidth;
    if (width > 0) {
      item.box.style.height = Math.round(width * item.ratio) + 'px';
    }
  }

  function activate(figure) {
    if (figure.dataset.chartState) {
      return;
    }
    figure.dataset.chartState = 'loading';
    const optionEl = figure.querySelector('script.chart-option');
    const svgBox = figure.querySelector('.chart-svg');
    const size = viewBox(svgBox && svgBox.querySelector('svg'));
    let option;
    try {
      option = prepare(JSON.parse(optionEl ? optionEl.textContent : ''));
    } catch (e) {
      figure.dataset.chartState = 'static';
      return;
    }
    loadECharts()
      .then(function (echarts) {
        const box = document.createElement('div');
        box.className = 'chart-live';
        if (size) {
          box.style.maxWidth = size.width + 'px';
        }
        figure.insertBefore(box, svgBox ? svgBox.nextSibling : figure.firstChild);
        const item = {figure: figure, box: box, chart: null, ratio: size ? size.height / size.width : 0.5};
        fit(item);
        item.chart = echarts.init(box, null, {renderer: 'svg', locale: echartsLocale});
        if (option.tiendoMap) {
          // A map carries its shapes (internal/chart/geo.go).
          echarts.registerMap(option.tiendoMap.name, option.tiendoMap.geoJSON);
          delete option.tiendoMap;
        }
        item.chart.setOption(option);
        live.push(item);
        figure.classList.add('is-live');
        // The box may have been measured while the SVG still took room.
        fit(item);
        item.chart.resize();
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
      live.forEach(function (item) {
        fit(item);
        item.chart.resize();
      });
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

  // The static SVG already shows every chart, so ECharts (about 330 KB
  // compressed) is not fetched for a reader who only looks: it loads after
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
