package chart

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// Meta is what every chart needs besides its data. The caller writes every
// word: this package knows nothing of indicators, units or statuses.
type Meta struct {
	// ID names the chart on its page: the figure's data-chart-id, and the
	// prefix of every id inside the SVG ("ID-title", "ID-1", …). Letters,
	// digits, '-' and '_' only; unique on the page.
	ID string
	// Title is the accessible name: the SVG <title>, and the drawn title
	// when ShowTitle is set (usually the figcaption shows it instead).
	Title string
	// Desc is one sentence for screen readers, e.g. "Số hồ sơ tăng từ
	// 10.000 lên 30.000, mục tiêu 50.000." It becomes the SVG <desc> and
	// ECharts' aria description of the live chart.
	Desc string
	// Lang is "vi" (the default) or "en": the number style of axis labels
	// and tooltips, which the browser and the renderer format themselves.
	Lang string
	// Format writes a value as the page does ("50.000", "12,5"). It
	// pre-formats value labels, which ECharts then draws as given. Nil
	// writes plain digits.
	Format func(float64) string
	// ShowTitle draws the title in the chart too, for a chart shown
	// without its figcaption.
	ShowTitle bool
	// Width and Height are the render size in pixels; zero picks the
	// default of the chart kind. A chart of default width is drawn a
	// second time, wide, for wide screens.
	Width, Height int

	wide bool
}

// Series is one named row of values. A NaN value is missing: the line
// breaks and the bar is absent.
type Series struct {
	Name   string
	Values []float64
	// Unlabelled draws the line without writing its last value: for a
	// reference line whose figure the page gives beside the chart (the
	// district's rate on a commune's chart), whose label would otherwise
	// fall on the series' own when the two end close together.
	Unlabelled bool
}

// Target is a value to reach, drawn as a labelled line across the plot.
type Target struct {
	Value float64
	Label string // written by the caller: "Mục tiêu 50.000 (30/06/2023)"
}

// LineSpec is a time series: one point per period for each series.
type LineSpec struct {
	Meta
	Periods []string // x labels, in order: "T1/2023", "Quý 2/2023"
	Series  []Series
	// Expected is drawn dashed and grey: where the values should be by now.
	Expected *Series
	Targets  []Target
	Percent  bool   // values are percentages: labels get "%"
	Unit     string // value axis name, e.g. "hồ sơ"
	// AllLabels labels every point; by default only the last value of
	// each series is written, the number a reader looks for.
	AllLabels bool
}

// BarSpec is a breakdown by category (per commune, per agency): horizontal
// bars, first category on top, each bar labelled with its value.
type BarSpec struct {
	Meta
	Categories []string
	Series     []Series // usually one; several are grouped side by side
	Targets    []Target // vertical lines
	Percent    bool
	Unit       string
	// Names, when set, are the categories' full names (Categories may be
	// short ones): the live chart's tooltip shows them.
	Names []string
	// Rank orders the categories by the first series, highest first
	// (missing values last; ties keep their order).
	Rank bool
	// Overall, when set, is drawn as the first bar, in another colour and
	// bold: the whole (the district) that the categories break down.
	Overall *Overall
}

// Overall is the value of the whole, shown beside its parts.
type Overall struct {
	Name  string // "Toàn huyện"
	Value float64
}

// SparklineSpec is a tiny line without axes for a card.
type SparklineSpec struct {
	Meta
	Values []float64
}

// StackedSpec is counts stacked per category: tasks per status for each
// unit (Horizontal), or tasks by due month split by status.
type StackedSpec struct {
	Meta
	Categories []string
	// Dates, when set, put the categories on a time axis, one date
	// ("2023-06-01", the first day of a month) per category, so that
	// uneven gaps stay uneven; DateFormat writes the axis labels in
	// ECharts' template ("T{M}/{yyyy}").
	Dates      []string
	DateFormat string
	// Marks, one per series, come before the counts in its segments (a
	// status' icon), so that a segment says its series without colour.
	Marks  []string
	Series []Series // one per status, stacked in this order
	// Colors gives each series its colour (a status colour); missing ones
	// come from the palette. White labels are drawn on them, so they need
	// 4.5:1 against white.
	Colors     []string
	Horizontal bool
	// NoLegend hides the legend when the categories already name the
	// series (one series per category).
	NoLegend bool
}

// Chart is a built chart: the option JSON for the page and the renderer.
type Chart struct {
	ID    string
	Title string
	Desc  string
	// Width and Height are the size of the drawing; WideWidth and
	// WideHeight, when not zero, of a second drawing for wide screens.
	// Option is the ECharts option as JSON. '<', '>' and '&' are escaped
	// (\u003c…), so it can be placed verbatim in a <script
	// type="application/json"> element. It also carries ID, Title and
	// Desc, so that the rendered SVG depends on the option alone.
	Option     []byte
	Width      int
	Height     int
	WideWidth  int
	WideHeight int
}

// Default sizes, in CSS pixels. A chart of default size is drawn twice:
// at the column of a 360 px phone, and at the column of a 768 px screen,
// which the theme shows from 48rem on. Each drawing scales to its column
// (the narrow one up to 30rem, the wide one up to 56rem), so its 12 px
// text stays between 12 and 17 px: never under 11 px, never huge.
const (
	narrowWidth = 328
	wideWidth   = 736
	lineHeight  = 280
	rowHeight   = 28 // per category of a horizontal bar chart
	// categoryWidth is where long category names wrap (at spaces).
	categoryWidth = 120
)

// Line builds a time series chart. The last value of each series is
// written right of its point, and a target is a segment that ends at the
// last period with its label above its start, so that no value label ever
// sits on a target line.
func Line(spec LineSpec) (Chart, error) {
	m, err := spec.Meta.check(narrowWidth, lineHeight)
	if err != nil {
		return Chart{}, err
	}
	if len(spec.Series) == 0 {
		return Chart{}, fmt.Errorf("chart %s: no series", m.ID)
	}
	all := spec.Series
	if spec.Expected != nil {
		all = append(all[:len(all):len(all)], *spec.Expected)
	}
	if err := checkLengths(m.ID, all, len(spec.Periods), "periods"); err != nil {
		return Chart{}, err
	}
	if err := checkTargets(m.ID, spec.Targets); err != nil {
		return Chart{}, err
	}
	legend := legendRows(all, m.Width)
	v := newVisitor(m)
	v.legend = legendItems(all, legend)
	v.tooltip.Format = marker(m.Lang, spec.Percent)
	v.tooltip.Trigger = "axis"
	v.y.Format = marker(m.Lang, spec.Percent)
	v.y.NameTextStyle = &opts.TextStyle{Color: textColor, Align: "left"} // from the axis line rightwards: never cut off at the left edge
	unit := spec.Unit
	if spec.Percent {
		unit = "" // every axis label ends in "%"
	}
	right := 16.0
	for _, s := range spec.Series {
		if i := lastValue(s.Values); i >= 0 {
			right = max(right, measureText(label(m, s.Values[i], spec.Percent), "12px")+12)
		}
	}
	top := unitRoom(unit)
	if len(spec.Targets) > 0 {
		top = max(top, 6) // a target at the axis' top has its label above the plot
	}
	v.y.Ticks = valueTicks(m, all, spec.Targets, spec.Percent, false)
	v.y.Ticks.Reserve = float64(gridTop(m, top)+gridBottom(legend)) + 24 // the period labels
	v.y.Ticks.Label = 28

	c := charts.NewLine()
	c.SetGlobalOptions(append(m.common(legend),
		charts.WithGridOpts(grid(m, legend, top, int(math.Ceil(right)))),
		charts.WithXAxisOpts(opts.XAxis{
			Type: "category",
			// Far enough below the axis that the first period's label
			// clears the value axis' 0, whatever the font's height.
			AxisLabel: &opts.AxisLabel{Color: textColor, Margin: 14},
			AxisTick:  &opts.AxisTick{AlignWithLabel: opts.Bool(true)},
		}),
		charts.WithYAxisOpts(valueYAxis(unit)),
	)...)
	c.SetXAxis(spec.Periods)
	for i, s := range spec.Series {
		items := make([]item, len(s.Values))
		last := lastValue(s.Values)
		for j, x := range s.Values {
			items[j] = item{Value: value(x)}
			if !math.IsNaN(x) && !s.Unlabelled && (spec.AllLabels || j == last) {
				items[j].Label = &opts.Label{
					Show:      opts.Bool(true),
					Formatter: label(m, x, spec.Percent),
					Color:     textColor,
					Position:  "top",
				}
				if j == last {
					items[j].Label.Position = "right"
				}
			}
		}
		opt := []charts.SeriesOpts{
			// Each series its own marker shape too: not told apart by
			// colour alone.
			charts.WithLineChartOpts(opts.LineChart{Symbol: symbols[i%len(symbols)], SymbolSize: 7, ShowSymbol: opts.Bool(true)}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2}),
			withData(items),
		}
		if i == 0 && len(spec.Targets) > 0 {
			opt = append(opt, withTargetSegments(spec.Targets, spec.Periods))
		}
		c.AddSeries(s.Name, nil, opt...)
	}
	if e := spec.Expected; e != nil {
		items := make([]item, len(e.Values))
		for j, x := range e.Values {
			items[j] = item{Value: value(x)}
		}
		c.AddSeries(e.Name, nil,
			charts.WithLineChartOpts(opts.LineChart{Symbol: "none", ShowSymbol: opts.Bool(false)}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2, Type: "dashed", Color: expectedColor}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: expectedColor}),
			withData(items),
		)
	}
	c.Accept(v)
	c.Validate()
	return m.chart(c.JSON())
}

// symbols are the point markers of a line chart's series, in order.
var symbols = []string{"circle", "rect", "triangle", "diamond"}

// Bar builds a horizontal bar chart of values by category. With one
// series, the values are written in a column right of the plot, like a
// table's, where no target line can cross them.
func Bar(spec BarSpec) (Chart, error) {
	m, err := spec.Meta.check(narrowWidth, 0)
	if err != nil {
		return Chart{}, err
	}
	if len(spec.Series) == 0 {
		return Chart{}, fmt.Errorf("chart %s: no series", m.ID)
	}
	if err := checkLengths(m.ID, spec.Series, len(spec.Categories), "categories"); err != nil {
		return Chart{}, err
	}
	if err := checkTargets(m.ID, spec.Targets); err != nil {
		return Chart{}, err
	}
	if spec.Names != nil && len(spec.Names) != len(spec.Categories) {
		return Chart{}, fmt.Errorf("chart %s: %d names for %d categories", m.ID, len(spec.Names), len(spec.Categories))
	}
	cats, names, series := rankBars(spec)
	legend := legendRows(series, m.Width)
	single := len(series) == 1
	top := 0
	if len(spec.Targets) > 0 {
		top = 20 // room for the target labels above the plot
	}
	unit := spec.Unit
	if spec.Percent {
		unit = ""
	}
	bottom := 0
	if unit != "" {
		bottom = 20 // the unit under the axis labels
	}
	// Value labels sit right of the bars (several series) or in the right
	// axis (one): make room for the widest.
	right, widest := 16.0, 0.0
	for _, s := range series {
		for _, x := range s.Values {
			if !math.IsNaN(x) {
				widest = max(widest, measureText(label(m, x, spec.Percent), "bold 12px"))
			}
		}
	}
	if !single {
		right = max(right, widest+12)
	}
	if m.Height == 0 {
		m.Height = gridTop(m, top) + gridBottom(legend) + bottom + rowsHeight(cats, max(1, len(series))*rowHeight) + 24
		m.Height = max(m.Height, 120)
	}
	catWidth := 0.0
	for _, c := range cats {
		catWidth = max(catWidth, measureText(c, "bold 12px"))
	}
	catWidth = min(catWidth, categoryWidth)
	v := newVisitor(m)
	v.tooltip.Format = marker(m.Lang, spec.Percent)
	v.tooltip.Trigger = "axis"
	v.tooltip.Names = names
	v.x.Format = marker(m.Lang, spec.Percent)
	v.x.NameTextStyle = &opts.TextStyle{Color: textColor}
	v.x.Ticks = valueTicks(m, series, spec.Targets, spec.Percent, false)
	v.x.Ticks.Reserve = 8 + catWidth + 8 + right
	if single {
		v.x.Ticks.Reserve += widest + 8
	}
	xAxis := opts.XAxis{
		Type:      "value",
		Name:      unit,
		AxisLabel: &opts.AxisLabel{Color: textColor},
		SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: gridColor}},
	}
	if unit != "" {
		xAxis.NameLocation, xAxis.NameGap = "middle", 28
	}
	g := grid(m, legend, top, int(math.Ceil(right)))
	g.Bottom = strconv.Itoa(gridBottom(legend) + bottom)

	catItems := make([]any, len(cats))
	valueItems := make([]any, len(cats))
	for i, c := range cats {
		catItems[i], valueItems[i] = c, "—" // no figure
		if single && !math.IsNaN(series[0].Values[i]) {
			valueItems[i] = label(m, series[0].Values[i], spec.Percent)
		}
		if spec.Overall != nil && i == 0 {
			catItems[i] = axisItem{Value: c, TextStyle: &opts.TextStyle{FontWeight: "bold", Color: titleColor}}
			valueItems[i] = axisItem{Value: valueItems[i].(string), TextStyle: &opts.TextStyle{FontWeight: "bold", Color: titleColor}}
		}
	}
	if single {
		v.extraY = append(v.extraY, map[string]any{
			"type": "category", "inverse": true, "position": "right", "data": valueItems,
			"axisLine": map[string]any{"show": false}, "axisTick": map[string]any{"show": false},
			"axisLabel": map[string]any{"color": textColor, "margin": 8},
		})
	}

	c := charts.NewBar()
	c.SetGlobalOptions(append(m.common(legend),
		charts.WithGridOpts(g),
		charts.WithXAxisOpts(xAxis),
		charts.WithYAxisOpts(opts.YAxis{
			Type:      "category",
			Inverse:   opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Color: textColor},
		}),
	)...)
	v.y.Width, v.y.Overflow = catWidth, "break"
	c.SetXAxis(catItems).XYReversal()
	for i, s := range series {
		items := make([]item, len(s.Values))
		for j, x := range s.Values {
			items[j] = item{Value: value(x)}
			if spec.Overall != nil && j == 0 {
				items[j].ItemStyle = &opts.ItemStyle{Color: overallColor}
			}
			if !single && !math.IsNaN(x) {
				items[j].Label = &opts.Label{
					Show:      opts.Bool(true),
					Formatter: label(m, x, spec.Percent),
					Color:     textColor,
					Position:  "right",
				}
			}
		}
		opt := []charts.SeriesOpts{
			withData(items),
			charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.BarMaxWidth = "24" }),
		}
		if i == 0 && len(spec.Targets) > 0 {
			opt = append(opt, withTargets(spec.Targets, "x"))
		}
		c.AddSeries(s.Name, nil, opt...)
	}
	c.Accept(v)
	c.Validate()
	return m.chart(c.JSON())
}

// rowsHeight is the height of the rows of a horizontal chart, each at
// least row high, and all as high as the name that wraps to most lines
// needs (ECharts gives every category the same band).
func rowsHeight(cats []string, row int) int {
	lines := 1
	for _, c := range cats {
		lines = max(lines, wrappedLines(c, categoryWidth))
	}
	return len(cats) * max(row, lines*16+8)
}

// wrappedLines estimates how many lines text takes when ECharts breaks it
// at spaces to fit width at 12 px.
func wrappedLines(text string, width float64) int {
	lines, line := 1, ""
	for _, w := range strings.Fields(text) {
		next := strings.TrimSpace(line + " " + w)
		if line != "" && measureText(next, "12px") > width {
			lines++
			next = w
		}
		line = next
	}
	return lines
}

// rankBars returns the categories, their full names (nil without Names)
// and the series of spec in the order drawn: ranked when asked, the
// overall value first.
func rankBars(spec BarSpec) ([]string, []string, []Series) {
	order := make([]int, len(spec.Categories))
	for i := range order {
		order[i] = i
	}
	if spec.Rank {
		first := spec.Series[0].Values
		slices.SortStableFunc(order, func(a, b int) int {
			x, y := first[a], first[b]
			switch {
			case math.IsNaN(x) && math.IsNaN(y):
				return 0
			case math.IsNaN(x):
				return 1
			case math.IsNaN(y):
				return -1
			}
			return cmp.Compare(y, x)
		})
	}
	var cats, names []string
	series := make([]Series, len(spec.Series))
	if o := spec.Overall; o != nil {
		cats = append(cats, o.Name)
		if spec.Names != nil {
			names = append(names, o.Name)
		}
		for i := range series {
			series[i].Values = append(series[i].Values, math.NaN())
		}
		series[0].Values[0] = o.Value
	}
	for _, j := range order {
		cats = append(cats, spec.Categories[j])
		if spec.Names != nil {
			names = append(names, spec.Names[j])
		}
	}
	for i, s := range spec.Series {
		series[i].Name = s.Name
		for _, j := range order {
			series[i].Values = append(series[i].Values, s.Values[j])
		}
	}
	return cats, names, series
}

// axisItem is a category with its own text style (the overall value's,
// in bold).
type axisItem struct {
	Value     string          `json:"value"`
	TextStyle *opts.TextStyle `json:"textStyle,omitempty"`
}

// Sparkline builds a tiny line with no axes, labels or tooltip; the card
// around it carries the numbers.
func Sparkline(spec SparklineSpec) (Chart, error) {
	m, err := spec.Meta.check(120, 32)
	if err != nil {
		return Chart{}, err
	}
	if err := checkValues(m.ID, "", spec.Values); err != nil {
		return Chart{}, err
	}
	v := newVisitor(m)
	v.tooltip.Show = opts.Bool(false)
	v.x.BoundaryGap = opts.Bool(false)

	periods := make([]string, len(spec.Values))
	items := make([]item, len(spec.Values))
	last := lastValue(spec.Values)
	for i, x := range spec.Values {
		periods[i] = strconv.Itoa(i + 1)
		items[i] = item{Value: value(x)}
		if i == last {
			items[i].Symbol, items[i].SymbolSize = "circle", 4
		}
	}
	c := charts.NewLine()
	c.SetGlobalOptions(append(m.common(0),
		charts.WithGridOpts(opts.Grid{Left: "3", Right: "3", Top: "3", Bottom: "3"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Show: opts.Bool(false)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Show: opts.Bool(false), Scale: opts.Bool(true)}),
	)...)
	c.SetXAxis(periods)
	c.AddSeries(m.Title, nil,
		charts.WithLineChartOpts(opts.LineChart{Symbol: "none", ShowSymbol: opts.Bool(true)}),
		charts.WithLineStyleOpts(opts.LineStyle{Width: 1.5}),
		charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.15)}),
		withData(items),
	)
	c.Accept(v)
	c.Validate()
	return m.chart(c.JSON())
}

// Stacked builds stacked bars of counts: one bar per category, one
// segment per series, each segment labelled with its count.
func Stacked(spec StackedSpec) (Chart, error) {
	m, err := spec.Meta.check(narrowWidth, 0)
	if err != nil {
		return Chart{}, err
	}
	if len(spec.Series) == 0 {
		return Chart{}, fmt.Errorf("chart %s: no series", m.ID)
	}
	if err := checkLengths(m.ID, spec.Series, len(spec.Categories), "categories"); err != nil {
		return Chart{}, err
	}
	if spec.Dates != nil && (len(spec.Dates) != len(spec.Categories) || spec.Horizontal) {
		return Chart{}, fmt.Errorf("chart %s: %d dates for %d categories of a vertical chart", m.ID, len(spec.Dates), len(spec.Categories))
	}
	legend := legendRows(spec.Series, m.Width)
	if spec.NoLegend {
		legend = 0
	}
	if m.Height == 0 {
		m.Height = lineHeight + gridBottom(legend) - gridBottom(min(legend, 1))
		if spec.Horizontal {
			m.Height = max(120, gridTop(m, 0)+gridBottom(legend)+rowsHeight(spec.Categories, rowHeight+4)+24)
		}
	}
	v := newVisitor(m)
	v.tooltip.Format = marker(m.Lang, false)
	v.tooltip.Trigger = "axis"
	valueLabel := opts.AxisLabel{Color: textColor}
	categoryLabel := opts.AxisLabel{Color: textColor}
	split := &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: gridColor}}
	// The value axis fits the highest stack.
	var sums Series
	for _, s := range spec.Series {
		for j, x := range s.Values {
			if len(sums.Values) <= j {
				sums.Values = append(sums.Values, 0)
			}
			if !math.IsNaN(x) {
				sums.Values[j] += x
			}
		}
	}
	t := valueTicks(m, []Series{sums}, nil, false, true)
	catWidth := 0.0
	for _, c := range spec.Categories {
		catWidth = max(catWidth, measureText(c, "12px"))
	}

	c := charts.NewBar()
	right := 16
	if spec.Horizontal && spec.NoLegend {
		right = 40
	}
	global := append(m.common(legend), charts.WithGridOpts(grid(m, legend, 0, right)))
	switch {
	case spec.Horizontal:
		v.x.Format = marker(m.Lang, false)
		catWidth = min(catWidth, categoryWidth)
		v.y.Width, v.y.Overflow = catWidth, "break"
		t.Reserve = 8 + catWidth + 8 + 16
		if spec.NoLegend {
			t.Reserve += 24 // the counts right of the bars
		}
		v.x.Ticks = t
		global = append(global,
			charts.WithXAxisOpts(opts.XAxis{Type: "value", MinInterval: 1, AxisLabel: &valueLabel, SplitLine: split}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &categoryLabel}))
		c.SetXAxis(spec.Categories).XYReversal()
	case spec.Dates != nil:
		v.legend = legendItems(spec.Series, legend)
		v.y.Format = marker(m.Lang, false)
		t.Reserve, t.Label = float64(gridTop(m, 0)+gridBottom(legend))+24, 28
		v.y.Ticks = t
		// Half a month either side, so that the first and last bars are
		// whole; labels only on whole months, as far apart as they fit.
		first, _ := time.Parse(time.DateOnly, spec.Dates[0])
		last, _ := time.Parse(time.DateOnly, spec.Dates[len(spec.Dates)-1])
		v.x.Ticks = &ticks{Reserve: 8 + 40 + 16, Label: measureText(strings.NewReplacer("{M}", "12", "{MM}", "12", "{yyyy}", "2023").Replace(spec.DateFormat), "12px") + 16,
			MinInterval: 28 * 24 * 3600 * 1000}
		categoryLabel.Formatter = types.FuncStr(spec.DateFormat)
		categoryLabel.Margin = 14 // below the value axis' 0, whatever the font's height
		// The ends are half a month off a month's start: no label there.
		categoryLabel.ShowMinLabel, categoryLabel.ShowMaxLabel = opts.Bool(false), opts.Bool(false)
		global = append(global,
			charts.WithXAxisOpts(opts.XAxis{Type: "time", AxisLabel: &categoryLabel, SplitLine: &opts.SplitLine{Show: opts.Bool(false)},
				Min: first.AddDate(0, 0, -16).Format(time.DateOnly), Max: last.AddDate(0, 0, 16).Format(time.DateOnly)}),
			charts.WithYAxisOpts(opts.YAxis{Type: "value", MinInterval: 1, AxisLabel: &valueLabel, SplitLine: split}))
	default:
		v.legend = legendItems(spec.Series, legend)
		v.y.Format = marker(m.Lang, false)
		t.Reserve, t.Label = float64(gridTop(m, 0)+gridBottom(legend))+24, 28
		v.y.Ticks = t
		global = append(global,
			charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &categoryLabel}),
			charts.WithYAxisOpts(opts.YAxis{Type: "value", MinInterval: 1, AxisLabel: &valueLabel, SplitLine: split}))
		c.SetXAxis(spec.Categories)
	}
	c.SetGlobalOptions(global...)
	for i, s := range spec.Series {
		color := palette[i%len(palette)]
		if i < len(spec.Colors) && spec.Colors[i] != "" {
			color = spec.Colors[i]
		}
		items := make([]item, len(s.Values))
		for j, x := range s.Values {
			items[j] = item{Value: value(x)}
			if spec.Dates != nil {
				items[j].Value = []any{spec.Dates[j], value(x)}
			}
			if !math.IsNaN(x) && x != 0 {
				items[j].Label = &opts.Label{Show: opts.Bool(true), Formatter: label(m, x, false), Color: "#ffffff"}
				if i < len(spec.Marks) && spec.Marks[i] != "" {
					// The status in words' stead inside its segment: not
					// by colour alone.
					items[j].Label.Formatter = spec.Marks[i] + " " + items[j].Label.Formatter
				}
				if spec.Horizontal && spec.NoLegend {
					// One bar per category, however short: the count
					// beside it, in the text colour.
					items[j].Label.Position, items[j].Label.Color = "right", textColor
				}
			}
		}
		c.AddSeries(s.Name, nil,
			charts.WithBarChartOpts(opts.BarChart{Stack: "total"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color}),
			charts.WithSeriesOpts(func(s *charts.SingleSeries) {
				s.BarMaxWidth = "40"
				if spec.Dates != nil {
					s.BarMinWidth = "28" // the status' icon and the count
				}
			}),
			withData(items),
		)
	}
	c.Accept(v)
	c.Validate()
	return m.chart(c.JSON())
}

// ticks tells the tick fitter (fitJS here, and the same function in the
// theme's charts.js) how to space a value axis at the width the chart is
// drawn at, which the option cannot know: as many ticks as their labels
// fit, on round numbers. ECharts alone keeps five or so ticks at any width,
// and their labels run together on a phone.
type ticks struct {
	// Reserve is the part of the chart's width (an x axis) or height (a y
	// axis) that is not the axis: margins, the other axis' labels.
	Reserve float64 `json:"reserve"`
	// Label is the room one tick label needs along the axis, gap included.
	Label float64 `json:"label"`
	// Max is the highest value drawn; Cap the highest the axis may reach
	// (100 for percentages).
	Max float64 `json:"max"`
	Cap float64 `json:"cap,omitempty"`
	// Room pixels stay free above the value Above: a target's label.
	Above float64 `json:"above,omitempty"`
	Room  float64 `json:"room,omitempty"`
	// MinInterval keeps counts whole (1), or time ticks a month apart.
	MinInterval float64 `json:"minInterval,omitempty"`
}

// valueTicks fits a value axis to the values and targets: labels as wide
// as the widest possible one.
func valueTicks(m Meta, series []Series, targets []Target, percent, counts bool) *ticks {
	t := &ticks{}
	for _, s := range series {
		for _, x := range s.Values {
			if !math.IsNaN(x) {
				t.Max = max(t.Max, x)
			}
		}
	}
	for _, x := range targets {
		t.Max = max(t.Max, x.Value)
		t.Above, t.Room = max(t.Above, x.Value), 20
	}
	if percent && t.Max <= 100 {
		t.Cap = 100
	}
	if counts {
		t.MinInterval = 1
	}
	top, _ := niceMax(t.Max)
	t.Label = measureText(formatMarker(marker(m.Lang, percent), top*2), "12px") + 16
	return t
}

// check validates m and fills the defaults.
func (m Meta) check(width, height int) (Meta, error) {
	if !validID(m.ID) {
		return m, fmt.Errorf("chart: invalid ID %q: use letters, digits, '-' and '_'", m.ID)
	}
	if m.Title == "" {
		return m, fmt.Errorf("chart %s: no title: every chart needs an accessible name", m.ID)
	}
	switch m.Lang {
	case "":
		m.Lang = "vi"
	case "vi", "en":
	default:
		return m, fmt.Errorf("chart %s: unknown language %q", m.ID, m.Lang)
	}
	if m.Format == nil {
		m.Format = func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	}
	if m.Width == 0 {
		m.Width, m.wide = width, width == narrowWidth
	}
	if m.Height == 0 {
		m.Height = height
	}
	if m.Width < 0 || m.Height < 0 {
		return m, fmt.Errorf("chart %s: negative size %d×%d", m.ID, m.Width, m.Height)
	}
	return m, nil
}

// common are the global options of every chart.
func (m Meta) common(legend int) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: m.ID}),
		charts.WithAnimation(false),
		charts.WithColorsOpts(palette),
		charts.WithTitleOpts(opts.Title{
			Show:       opts.Bool(m.ShowTitle),
			Title:      m.Title,
			Left:       "8",
			Top:        "4",
			TitleStyle: &opts.TextStyle{Color: titleColor, FontSize: 16, FontWeight: "bold"},
		}),
		charts.WithLegendOpts(opts.Legend{
			Show:      opts.Bool(legend > 0),
			Bottom:    "0",
			TextStyle: &opts.TextStyle{Color: textColor},
		}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(false)}),
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			// Without a description ECharts would read out every data
			// point; the title is a better fallback.
			Label: &opts.AriaLabel{Enabled: opts.Bool(true), Description: cmp.Or(m.Desc, m.Title)},
		}),
	}
}

func gridTop(m Meta, extra int) int {
	top := 16 + extra
	if m.ShowTitle {
		top += 32
	}
	return top
}

// gridBottom is the room under the plot: the legend's rows, if any.
func gridBottom(legendRows int) int {
	if legendRows == 0 {
		return 8
	}
	return 12 + 24*legendRows
}

// legendItems are the widths of the legend's items, for fitJS to lay the
// legend out again at the width drawn (and give the plot the room a wide
// drawing's legend does not take); nil without a legend.
func legendItems(series []Series, rows int) []float64 {
	if rows == 0 {
		return nil
	}
	var w []float64
	for _, s := range series {
		w = append(w, 25+5+measureText(s.Name, "12px")+10)
	}
	return w
}

// legendRows estimates how many rows ECharts' legend needs for series at
// width: items are a 25 px symbol, a gap and the name, 10 px apart. No
// legend (0) for a single series.
func legendRows(series []Series, width int) int {
	if len(series) < 2 {
		return 0
	}
	rows, x, avail := 1, 0.0, float64(width-20)
	for _, w := range legendItems(series, 1) {
		if x > 0 && x+w > avail {
			rows++
			x = 0
		}
		x += w
	}
	return rows
}

func grid(m Meta, legend int, top, right int) opts.Grid {
	return opts.Grid{
		Left:         "8",
		Right:        strconv.Itoa(right),
		Top:          strconv.Itoa(gridTop(m, top)),
		Bottom:       strconv.Itoa(gridBottom(legend)),
		ContainLabel: opts.Bool(true),
	}
}

// unitRoom is the extra space above the plot for the unit of the y axis.
func unitRoom(unit string) int {
	if unit == "" {
		return 0
	}
	return 16 // ECharts puts the name 15 px above the axis end
}

func valueYAxis(unit string) opts.YAxis {
	return opts.YAxis{
		Type:      "value",
		Name:      unit,
		AxisLabel: &opts.AxisLabel{Color: textColor},
		SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: gridColor}},
	}
}

// chart marshals the option. encoding/json escapes <, > and & and sorts map
// keys, so the bytes are safe inside a script element and stable.
func (m Meta) chart(option map[string]any) (Chart, error) {
	b, err := json.Marshal(option)
	if err != nil {
		return Chart{}, fmt.Errorf("chart %s: %w", m.ID, err)
	}
	c := Chart{ID: m.ID, Title: m.Title, Desc: m.Desc, Option: b, Width: m.Width, Height: m.Height}
	if m.wide {
		c.WideWidth, c.WideHeight = wideWidth, m.Height
	}
	return c, nil
}

func label(m Meta, v float64, percent bool) string {
	s := m.Format(v)
	if percent {
		s += "%"
	}
	return s
}

// item is a data item; go-echarts' LineData has no label, and labels are
// per item because they are pre-formatted.
type item struct {
	Value      any             `json:"value"`
	Label      *opts.Label     `json:"label,omitempty"`
	Symbol     string          `json:"symbol,omitempty"`
	SymbolSize int             `json:"symbolSize,omitempty"`
	ItemStyle  *opts.ItemStyle `json:"itemStyle,omitempty"`
}

// value is a data value; "-" is ECharts' missing value.
func value(v float64) any {
	if math.IsNaN(v) {
		return "-"
	}
	return v
}

func withData(items []item) charts.SeriesOpts {
	return func(s *charts.SingleSeries) { s.Data = items }
}

// targetLine is a markLine data item with its own label and style.
type targetLine struct {
	Name      string          `json:"name,omitempty"`
	XAxis     *float64        `json:"xAxis,omitempty"`
	YAxis     *float64        `json:"yAxis,omitempty"`
	Label     *opts.Label     `json:"label"`
	LineStyle *opts.LineStyle `json:"lineStyle"`
}

// withTargets draws each target as a dashed line across the plot,
// horizontal (axis "y") or vertical ("x"), labelled with the caller's words.
func withTargets(targets []Target, axis string) charts.SeriesOpts {
	return func(s *charts.SingleSeries) {
		s.MarkLines = &opts.MarkLines{MarkLineStyle: opts.MarkLineStyle{Symbol: []string{"none", "none"}}}
		for _, t := range targets {
			l := targetLine{
				Name:      t.Label,
				Label:     &opts.Label{Show: opts.Bool(true), Formatter: t.Label, Color: targetColor, Position: "insideEndTop"},
				LineStyle: &opts.LineStyle{Color: targetColor, Type: "dashed", Width: 1.5},
			}
			v := t.Value
			if axis == "x" {
				l.XAxis = &v
				// The category axis is inverted: the line starts at the top.
				l.Label.Position = "start"
			} else {
				l.YAxis = &v
				// At the start of the line, below it: a plan's series begins
				// low and ends near the target, where the last value's
				// label is.
				l.Label.Position = "insideStartBottom"
			}
			s.MarkLines.Data = append(s.MarkLines.Data, l)
		}
	}
}

// withTargetSegments draws each target as a dashed segment from the first
// period to the last, labelled above its start: the last value's label,
// right of the last point, is past the segment's end.
func withTargetSegments(targets []Target, periods []string) charts.SeriesOpts {
	if len(periods) < 2 {
		return withTargets(targets, "y")
	}
	return func(s *charts.SingleSeries) {
		s.MarkLines = &opts.MarkLines{MarkLineStyle: opts.MarkLineStyle{Symbol: []string{"none", "none"}}}
		for _, t := range targets {
			s.MarkLines.Data = append(s.MarkLines.Data, []targetPoint{
				{Name: t.Label, Coord: []any{periods[0], t.Value},
					Label:     &opts.Label{Show: opts.Bool(true), Formatter: t.Label, Color: targetColor, Position: "insideStartTop"},
					LineStyle: &opts.LineStyle{Color: targetColor, Type: "dashed", Width: 1.5}},
				{Coord: []any{periods[len(periods)-1], t.Value}},
			})
		}
	}
}

// targetPoint is one end of a markLine segment.
type targetPoint struct {
	Name      string          `json:"name,omitempty"`
	Coord     []any           `json:"coord"`
	Label     *opts.Label     `json:"label,omitempty"`
	LineStyle *opts.LineStyle `json:"lineStyle,omitempty"`
}

func lastValue(values []float64) int {
	for i := len(values) - 1; i >= 0; i-- {
		if !math.IsNaN(values[i]) {
			return i
		}
	}
	return -1
}

func checkLengths(id string, series []Series, n int, what string) error {
	for _, s := range series {
		if len(s.Values) != n {
			return fmt.Errorf("chart %s: series %q has %d values for %d %s", id, s.Name, len(s.Values), n, what)
		}
		if err := checkValues(id, s.Name, s.Values); err != nil {
			return err
		}
	}
	return nil
}

func checkValues(id, name string, values []float64) error {
	for _, v := range values {
		if math.IsInf(v, 0) {
			return fmt.Errorf("chart %s: series %q has an infinite value", id, name)
		}
	}
	return nil
}

func checkTargets(id string, targets []Target) error {
	for _, t := range targets {
		if math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
			return fmt.Errorf("chart %s: target %q has no finite value", id, t.Label)
		}
	}
	return nil
}

func validID(id string) bool {
	if id == "" {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// visitor is go-echarts' hook for options it does not model: it adds the
// format markers, the page ID and the text style.
type visitor struct {
	charts.BaseConfigurationVisitor
	id      string
	x, y    axisExtra
	tooltip tooltip
	extraY  []any     // axes after the first y axis (a bar chart's values)
	legend  []float64 // legendItems, when fitJS may lay the legend out again
}

func newVisitor(m Meta) *visitor {
	return &visitor{id: m.ID, tooltip: tooltip{RenderMode: "richText", Confine: true}}
}

type axisExtra struct {
	Format        string          `json:"tiendoFormat,omitempty"`
	Ticks         *ticks          `json:"tiendoTicks,omitempty"`
	BoundaryGap   any             `json:"boundaryGap,omitempty"`
	NameTextStyle *opts.TextStyle `json:"nameTextStyle,omitempty"`
	// Width and Overflow of the axis labels: long names wrap.
	Width    float64 `json:"-"`
	Overflow string  `json:"-"`
}

// axisLabel adds what go-echarts' AxisLabel lacks. Wrapped labels get
// an explicit line height: the browser's own would be taller than the
// height ECharts gives the lines, and they would overlap.
type axisLabel struct {
	*opts.AxisLabel
	Width      float64 `json:"width,omitempty"`
	Overflow   string  `json:"overflow,omitempty"`
	LineHeight float64 `json:"lineHeight,omitempty"`
}

// The Label fields are shallower than opts.XAxis.AxisLabel, so they are
// the ones encoding/json writes as "axisLabel".
type xAxis struct {
	opts.XAxis
	axisExtra
	Label *axisLabel `json:"axisLabel,omitempty"`
}

type yAxis struct {
	opts.YAxis
	axisExtra
	Label *axisLabel `json:"axisLabel,omitempty"`
}

// tooltip adds what go-echarts lacks: richText keeps tooltips free of HTML
// and inline styles, so they work under a strict Content-Security-Policy.
type tooltip struct {
	opts.Tooltip
	RenderMode string `json:"renderMode,omitempty"`
	Confine    bool   `json:"confine,omitempty"`
	Format     string `json:"tiendoFormat,omitempty"`
	// Names are the categories' full names, for charts.js to head the
	// tooltip with (a function cannot travel in JSON).
	Names []string `json:"tiendoNames,omitempty"`
}

func (v *visitor) Visit(o map[string]any) {
	o["tiendoId"] = v.id
	if v.legend != nil {
		o["tiendoLegend"] = map[string]any{"items": v.legend}
	}
	o["textStyle"] = opts.TextStyle{FontFamily: fontStack, Color: textColor}
}

func (v *visitor) VisitTooltipOpt(t opts.Tooltip) any {
	out := v.tooltip
	out.Trigger = cmp.Or(out.Trigger, t.Trigger)
	if out.Show == nil {
		out.Show = t.Show
	}
	return out
}

func (v *visitor) VisitXAxis(axes []opts.XAxis) any {
	out := make([]xAxis, len(axes))
	for i, a := range axes {
		out[i].XAxis = a
		if i == 0 {
			out[i].axisExtra = v.x
		}
		if a.AxisLabel != nil {
			out[i].Label = &axisLabel{AxisLabel: a.AxisLabel, Width: out[i].Width, Overflow: out[i].Overflow}
			if out[i].Overflow != "" {
				out[i].Label.LineHeight = 16
			}
		}
	}
	return out
}

func (v *visitor) VisitYAxis(axes []opts.YAxis) any {
	var out []any
	for i, a := range axes {
		y := yAxis{YAxis: a}
		if i == 0 {
			y.axisExtra = v.y
		}
		if a.AxisLabel != nil {
			y.Label = &axisLabel{AxisLabel: a.AxisLabel, Width: y.Width, Overflow: y.Overflow}
			if y.Overflow != "" {
				y.Label.LineHeight = 16
			}
		}
		out = append(out, y)
	}
	return append(out, v.extraY...)
}
