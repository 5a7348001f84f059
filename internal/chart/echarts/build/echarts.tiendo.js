// The ECharts that tiendo draws with: echarts/core and exactly the parts
// internal/chart's options use, registered in the order of the full build
// (node_modules/echarts/index.js), so that the same option gives the same
// SVG, byte for byte. build.sh bundles it into ../echarts.min.js, which
// sets the global `echarts` as dist/echarts.min.js does.
//
// What uses what:
//   LineChart          chart.Line, chart.Sparkline
//   BarChart           chart.Bar, chart.Stacked
//   MapChart           chart.Map (geo.go; brings the geo component)
//   SVGRenderer        the static drawing (renderToSVGString in goja) and
//                      the live chart (charts.js: renderer 'svg')
//   GridComponent      the cartesian axes (category, value, time)
//   TooltipComponent   the live chart's tooltips (brings axisPointer)
//   TitleComponent     title (shown with Meta.ShowTitle)
//   MarkLineComponent  targets (withTargets, withTargetSegments)
//   LegendPlainComponent  the legend of several series (type 'plain')
//   AriaComponent      aria.label.description
// labelLayout (the map's hideOverlap) is in echarts/core already.
//
// Left out, though the options name them: the toolbox (always
// {show: false}: without the component ECharts ignores the key) and the
// canvas renderer (nothing asks for it).
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { LineChart, BarChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  TitleComponent,
  MarkLineComponent,
  LegendPlainComponent,
  AriaComponent,
} from 'echarts/components';

use([SVGRenderer]);
use([LineChart, BarChart, MapChart]);
use(GridComponent);
use(TooltipComponent);
use(TitleComponent);
use(MarkLineComponent);
use(LegendPlainComponent);
use(AriaComponent);

// The whole core API, as the full build's global has it: init,
// registerMap, registerLocale (dist/i18n/langVI.js), setPlatformAPI (the
// renderer in goja), and the helpers a theme's own script may call.
export * from 'echarts/core';
