package chart

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
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
	// default of the chart kind.
	Width, Height int
}

// Series is one named row of values. A NaN value is missing: the line
// breaks and the bar is absent.
type Series struct {
	Name   string
	Values []float64
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
	Series     []Series // one per status, stacked in this order
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
	// Option is the ECharts option as JSON. '<', '>' and '&' are escaped
	// (\u003c…), so it can be placed verbatim in a <script
	// type="application/json"> element. It also carries ID, Title and
	// Desc, so that the rendered SVG depends on the option alone.
	Option []byte
	Width  int
	Height int
}

// Default sizes, in CSS pixels. The static SVG scales to its column: drawn
// at a phone's width, its 12 px text stays about 11 px on a 360 px screen
// (the theme caps figures at 30rem on wider ones). Horizontal bars get more
// room, for the long names of units beside them.
const (
	defaultWidth = 360
	barWidth     = 480
	lineHeight   = 280
	rowHeight    = 28 // per category of a horizontal bar chart
)

// Line builds a time series chart.
func Line(spec LineSpec) (Chart, error) {
	m, err := spec.Meta.check(defaultWidth, lineHeight)
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
	v.tooltip.Format = marker(m.Lang, spec.Percent)
	v.tooltip.Trigger = "axis"
	v.y.Format = marker(m.Lang, spec.Percent)
	v.y.NameTextStyle = &opts.TextStyle{Color: textColor, Align: "left"} // from the axis line rightwards: never cut off at the left edge
	yAxis := valueYAxis(spec.Unit)
	if top, ok := targetAbove(all, spec.Targets); ok {
		yAxis.Max, v.y.Interval = niceMax(top)
	}

	c := charts.NewLine()
	c.SetGlobalOptions(append(m.common(legend),
		charts.WithGridOpts(grid(m, legend, unitRoom(spec.Unit), 24)),
		charts.WithXAxisOpts(opts.XAxis{
			Type:      "category",
			AxisLabel: &opts.AxisLabel{Color: textColor},
			AxisTick:  &opts.AxisTick{AlignWithLabel: opts.Bool(true)},
		}),
		charts.WithYAxisOpts(yAxis),
	)...)
	c.SetXAxis(spec.Periods)
	for i, s := range spec.Series {
		items := make([]item, len(s.Values))
		last := lastValue(s.Values)
		for j, x := range s.Values {
			items[j] = item{Value: value(x)}
			if !math.IsNaN(x) && (spec.AllLabels || j == last) {
				items[j].Label = &opts.Label{
					Show:      opts.Bool(true),
					Formatter: label(m, x, spec.Percent),
					Color:     textColor,
					Position:  "top",
				}
			}
		}
		opt := []charts.SeriesOpts{
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 6, ShowSymbol: opts.Bool(true)}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2}),
			withData(items),
		}
		if i == 0 && len(spec.Targets) > 0 {
			opt = append(opt, withTargets(spec.Targets, "y"))
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

// Bar builds a horizontal bar chart of values by category.
func Bar(spec BarSpec) (Chart, error) {
	m, err := spec.Meta.check(barWidth, 0)
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
	legend := legendRows(spec.Series, m.Width)
	top := 0
	if len(spec.Targets) > 0 {
		top = 20 // room for the target labels above the plot
	}
	// Value labels sit right of the bars, outside the area ECharts keeps
	// for axis labels: make room for the widest.
	right := 16.0
	for _, s := range spec.Series {
		for _, x := range s.Values {
			if !math.IsNaN(x) {
				right = max(right, measureText(label(m, x, spec.Percent), "12px")+12)
			}
		}
	}
	if m.Height == 0 {
		m.Height = gridTop(m, top) + gridBottom(legend) + rowHeight*len(spec.Categories)*max(1, len(spec.Series)) + 24
		m.Height = max(m.Height, 120)
	}
	if spec.Unit != "" {
		// The unit follows the axis end, 15 px after it.
		right = max(right, 15+measureText(spec.Unit, "12px")+4)
	}
	v := newVisitor(m)
	v.tooltip.Format = marker(m.Lang, spec.Percent)
	v.tooltip.Trigger = "axis"
	v.x.Format = marker(m.Lang, spec.Percent)
	v.x.NameTextStyle = &opts.TextStyle{Color: textColor}
	xAxis := opts.XAxis{
		Type:      "value",
		Name:      spec.Unit,
		AxisLabel: &opts.AxisLabel{Color: textColor},
		SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: gridColor}},
	}
	if t, ok := targetAbove(spec.Series, spec.Targets); ok {
		max, interval := niceMax(t)
		if max == t {
			max += interval // room for the label centred on the line
		}
		xAxis.Max, v.x.Interval = max, interval
	}

	c := charts.NewBar()
	c.SetGlobalOptions(append(m.common(legend),
		charts.WithGridOpts(grid(m, legend, top, int(math.Ceil(right)))),
		charts.WithXAxisOpts(xAxis),
		charts.WithYAxisOpts(opts.YAxis{
			Type:      "category",
			Inverse:   opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Color: textColor},
		}),
	)...)
	c.SetXAxis(spec.Categories).XYReversal()
	for i, s := range spec.Series {
		items := make([]item, len(s.Values))
		for j, x := range s.Values {
			items[j] = item{Value: value(x)}
			if !math.IsNaN(x) {
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
	m, err := spec.Meta.check(defaultWidth, 0)
	if err != nil {
		return Chart{}, err
	}
	if len(spec.Series) == 0 {
		return Chart{}, fmt.Errorf("chart %s: no series", m.ID)
	}
	if err := checkLengths(m.ID, spec.Series, len(spec.Categories), "categories"); err != nil {
		return Chart{}, err
	}
	legend := legendRows(spec.Series, m.Width)
	if spec.NoLegend {
		legend = 0
	}
	if m.Height == 0 {
		m.Height = lineHeight + gridBottom(legend) - gridBottom(min(legend, 1))
		if spec.Horizontal {
			m.Height = max(120, gridTop(m, 0)+gridBottom(legend)+(rowHeight+4)*len(spec.Categories)+24)
		}
	}
	v := newVisitor(m)
	v.tooltip.Format = marker(m.Lang, false)
	v.tooltip.Trigger = "axis"
	valueLabel := opts.AxisLabel{Color: textColor}
	categoryLabel := opts.AxisLabel{Color: textColor}
	split := &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: gridColor}}

	c := charts.NewBar()
	global := append(m.common(legend), charts.WithGridOpts(grid(m, legend, 0, 16)))
	if spec.Horizontal {
		v.x.Format = marker(m.Lang, false)
		global = append(global,
			charts.WithXAxisOpts(opts.XAxis{Type: "value", MinInterval: 1, AxisLabel: &valueLabel, SplitLine: split}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &categoryLabel}))
		c.SetXAxis(spec.Categories).XYReversal()
	} else {
		v.y.Format = marker(m.Lang, false)
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
			if !math.IsNaN(x) && x != 0 {
				items[j].Label = &opts.Label{Show: opts.Bool(true), Formatter: label(m, x, false), Color: "#ffffff"}
			}
		}
		c.AddSeries(s.Name, nil,
			charts.WithBarChartOpts(opts.BarChart{Stack: "total"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color}),
			charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.BarMaxWidth = "40" }),
			withData(items),
		)
	}
	c.Accept(v)
	c.Validate()
	return m.chart(c.JSON())
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
		m.Width = width
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

// legendRows estimates how many rows ECharts' legend needs for series at
// width: items are a 25 px symbol, a gap and the name, 10 px apart. No
// legend (0) for a single series.
func legendRows(series []Series, width int) int {
	if len(series) < 2 {
		return 0
	}
	rows, x, avail := 1, 0.0, float64(width-20)
	for _, s := range series {
		w := 25 + 5 + measureText(s.Name, "12px") + 10
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
	return Chart{ID: m.ID, Title: m.Title, Desc: m.Desc, Option: b, Width: m.Width, Height: m.Height}, nil
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
	Value      any         `json:"value"`
	Label      *opts.Label `json:"label,omitempty"`
	Symbol     string      `json:"symbol,omitempty"`
	SymbolSize int         `json:"symbolSize,omitempty"`
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

// targetAbove reports the highest target when it lies above every value.
func targetAbove(series []Series, targets []Target) (float64, bool) {
	top := math.Inf(-1)
	for _, s := range series {
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				top = max(top, v)
			}
		}
	}
	t := math.Inf(-1)
	for _, x := range targets {
		t = max(t, x.Value)
	}
	return t, t > top && len(targets) > 0
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
}

func newVisitor(m Meta) *visitor {
	return &visitor{id: m.ID, tooltip: tooltip{RenderMode: "richText", Confine: true}}
}

type axisExtra struct {
	Format        string          `json:"tiendoFormat,omitempty"`
	Interval      float64         `json:"interval,omitempty"`
	BoundaryGap   any             `json:"boundaryGap,omitempty"`
	NameTextStyle *opts.TextStyle `json:"nameTextStyle,omitempty"`
}

type xAxis struct {
	opts.XAxis
	axisExtra
}

type yAxis struct {
	opts.YAxis
	axisExtra
}

// tooltip adds what go-echarts lacks: richText keeps tooltips free of HTML
// and inline styles, so they work under a strict Content-Security-Policy.
type tooltip struct {
	opts.Tooltip
	RenderMode string `json:"renderMode,omitempty"`
	Confine    bool   `json:"confine,omitempty"`
	Format     string `json:"tiendoFormat,omitempty"`
}

func (v *visitor) Visit(o map[string]any) {
	o["tiendoId"] = v.id
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
	}
	return out
}

func (v *visitor) VisitYAxis(axes []opts.YAxis) any {
	out := make([]yAxis, len(axes))
	for i, a := range axes {
		out[i].YAxis = a
		if i == 0 {
			out[i].axisExtra = v.y
		}
	}
	return out
}
