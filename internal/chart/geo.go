package chart

import (
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
)

// MapSpec is a choropleth: each region of a map coloured by the class of
// its value. The regions' shapes travel in the option itself, under
// "tiendoMap" ({name, geoJSON}), which the renderer and charts.js register
// with echarts.registerMap before drawing; ECharts' own options can only
// name a map registered beforehand.
type MapSpec struct {
	Meta
	// MapName is the name the map is registered under; GeoJSON is a
	// FeatureCollection whose features are named (properties.name) as the
	// regions.
	MapName string
	GeoJSON any
	// Aspect is the map's height over its width as drawn; LonScale the
	// length of a degree of longitude against one of latitude (ECharts'
	// aspectScale), cos of the middle latitude.
	Aspect, LonScale float64
	Regions          []Region
	// Highlight names the region drawn with a dark border and its name.
	Highlight string
	Percent   bool
}

// Region is one region's value and class. Class indexes MapColors; -1 is
// no figure, drawn in NoDataColor.
type Region struct {
	Name  string
	Value float64
	Class int
}

// MapColors are the colours of a choropleth's classes, light to dark (the
// theme's CSS gives its legend swatches the same: .map-key-0 … 3).
var MapColors = []string{"#deebf7", "#9ecae1", "#4292c6", "#08519c"}

// NoDataColor is a region without a figure.
const NoDataColor = "#f2f2f2"

const (
	mapBorder    = "#ffffff"
	mapHighlight = "#1a1a1a"
	mapMaxHeight = 480
)

// Map builds a choropleth.
func Map(spec MapSpec) (Chart, error) {
	m, err := spec.Meta.check(narrowWidth, 0)
	if err != nil {
		return Chart{}, err
	}
	// One drawing: a wider one would only add sea around the communes.
	m.wide = false
	if spec.MapName == "" || spec.GeoJSON == nil {
		return Chart{}, fmt.Errorf("chart %s: map without shapes", m.ID)
	}
	if !(spec.Aspect > 0) || !(spec.LonScale > 0) || math.IsInf(spec.Aspect, 0) {
		return Chart{}, fmt.Errorf("chart %s: map aspect %g, scale %g", m.ID, spec.Aspect, spec.LonScale)
	}
	const pad = 8
	if m.Height == 0 {
		m.Height = min(mapMaxHeight, max(160, int(math.Ceil(float64(m.Width-2*pad)*spec.Aspect))+2*pad))
	}
	data := make([]any, 0, len(spec.Regions))
	for _, r := range spec.Regions {
		if math.IsInf(r.Value, 0) || r.Class >= len(MapColors) {
			return Chart{}, fmt.Errorf("chart %s: region %q: value %g, class %d", m.ID, r.Name, r.Value, r.Class)
		}
		color := NoDataColor
		if r.Class >= 0 && !math.IsNaN(r.Value) {
			color = MapColors[r.Class]
		}
		d := map[string]any{"name": r.Name, "value": value(r.Value), "itemStyle": map[string]any{"areaColor": color}}
		if r.Name == spec.Highlight {
			d["itemStyle"] = map[string]any{"areaColor": color, "borderColor": mapHighlight, "borderWidth": 2.5}
			d["label"] = map[string]any{"show": true, "color": titleColor, "fontSize": 12, "fontWeight": "bold",
				"backgroundColor": "#ffffff", "padding": []int{2, 4}, "borderRadius": 2}
		}
		data = append(data, d)
	}
	v := newVisitor(m)
	v.tooltip.Format = marker(m.Lang, spec.Percent)
	v.tooltip.Trigger = "item"
	c := charts.NewMap()
	c.SetGlobalOptions(m.common(0)...)
	c.Accept(v)
	option := c.JSON()
	top := pad
	if m.ShowTitle {
		top += 32
	}
	option["series"] = []any{map[string]any{
		"type": "map", "map": spec.MapName, "name": m.Title, "roam": false, "showLegendSymbol": false,
		"aspectScale": spec.LonScale,
		"left":        pad, "right": pad, "top": top, "bottom": pad,
		// Every region named, in dark text with a white halo that keeps
		// it readable on the darkest class; overlapping names are hidden.
		"label": map[string]any{"show": true, "color": titleColor, "fontSize": 12,
			"textBorderColor": "#ffffff", "textBorderWidth": 3},
		"labelLayout": map[string]any{"hideOverlap": true},
		"itemStyle":   map[string]any{"areaColor": NoDataColor, "borderColor": mapBorder, "borderWidth": 1},
		"emphasis": map[string]any{
			"label":     map[string]any{"show": true, "color": titleColor, "fontSize": 12},
			"itemStyle": map[string]any{"areaColor": "#fdd49e"},
		},
		"select": map[string]any{"disabled": true},
		"data":   data,
	}}
	option["tiendoMap"] = map[string]any{"name": spec.MapName, "geoJSON": spec.GeoJSON}
	return m.chart(option)
}
