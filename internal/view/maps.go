package view

import (
	"math"
	"slices"
	"strings"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/indicator"
)

// mapWidth is the width maps are simplified for and drawn at: a phone's.
const mapWidth = 360

// MapView is a choropleth of one indicator's latest figure in each commune,
// with its legend in words and a table of the same figures: the map is
// never the only place a figure is.
type MapView struct {
	Figure *Figure
	// Title names what the map shows, for the table's caption.
	Title string
	// Keys is the legend: one per class of values, light to dark, then
	// the communes without a figure, when some have none.
	Keys []MapKey
	// Rows are every commune on the map, highest figure first.
	Rows []MapRow
}

// MapKey is one class of the legend: Class is its colour, 0 … 3 light to
// dark, -1 no figure; Label its range in words ("từ 45,2% đến 51,0%").
type MapKey struct {
	Class int
	Label string
}

// MapRow is one commune's figure on the map.
type MapRow struct {
	Name, Path, Value, Period string
	// Class is the row's class on the map, Key its words in the legend.
	Class int
	Key   string
	// Current marks the commune the page is about.
	Current bool
}

// mapShapes is the map simplified for its width and as ECharts registers
// it, made once per build.
type mapShapes struct {
	geoJSON          any
	aspect, lonScale float64
}

func (e Env) shapes() *mapShapes {
	if e.Map == nil {
		return nil
	}
	m := e.Map.Simplified(mapWidth)
	names := map[string]string{}
	for _, f := range m.Features {
		u, _ := e.Units.ByID(f.Unit)
		names[f.Unit] = u.Short
	}
	b := m.Bounds()
	return &mapShapes{geoJSON: m.GeoJSON(names), aspect: b.Aspect(), lonScale: b.LonScale()}
}

// communeMap draws k's latest figures by commune, the commune current
// (an id, or "") highlighted; nil without a map or a commune breakdown.
func (e Env) communeMap(sh *mapShapes, k Indicator, title, id, current, path string, out *Out) *MapView {
	if sh == nil {
		return nil
	}
	ind := k.Ind
	type fig struct {
		id    string
		value float64
		d     indicator.DimValue
	}
	var figs []fig
	for _, d := range k.Result.Breakdown {
		if u, ok := e.Units.ByID(d.Dim); ok && u.IsCommune() && !(ind.Measure == indicator.Rate && d.Den <= 0) {
			figs = append(figs, fig{d.Dim, d.Value, d})
		}
	}
	if len(figs) == 0 {
		return nil
	}
	slices.SortStableFunc(figs, func(a, b fig) int { return -cmpFloat(a.value, b.value) })
	classes := classify(len(figs), func(i int) float64 { return figs[i].value })
	v := &MapView{Title: title}
	format := func(x float64) string { return e.format(ind, x, true) }
	n := 0
	for _, c := range classes {
		n = max(n, c+1)
	}
	for c := range n {
		var lo, hi = math.Inf(1), math.Inf(-1)
		for i, f := range figs {
			if classes[i] == c {
				lo, hi = min(lo, f.value), max(hi, f.value)
			}
		}
		if math.IsInf(lo, 1) {
			continue // no value fell in this class
		}
		label := format(lo)
		if lo != hi {
			label = strings.NewReplacer("{from}", format(lo), "{to}", format(hi)).Replace(e.T("mapKeyRange"))
		}
		v.Keys = append(v.Keys, MapKey{Class: c, Label: label})
	}
	onMap := map[string]bool{}
	for _, f := range e.Map.Features {
		onMap[f.Unit] = true
	}
	var regions []chart.Region
	highlight := ""
	classOf := map[string]int{}
	for i, f := range figs {
		classOf[f.id] = classes[i]
		u, _ := e.Units.ByID(f.id)
		v.Rows = append(v.Rows, MapRow{Name: u.Name, Path: UnitsPath + u.ID + "/", Value: format(f.value),
			Period: f.d.Period.Label(e.dl()), Class: classes[i], Current: u.ID == current})
	}
	noData := false
	for _, f := range e.Map.Features {
		u, _ := e.Units.ByID(f.Unit)
		c, ok := classOf[f.Unit]
		r := chart.Region{Name: u.Short, Value: math.NaN(), Class: -1}
		if ok {
			i := slices.IndexFunc(figs, func(x fig) bool { return x.id == f.Unit })
			r.Value, r.Class = figs[i].value, c
		} else {
			noData = true
			v.Rows = append(v.Rows, MapRow{Name: u.Name, Path: UnitsPath + u.ID + "/", Value: "—", Class: -1, Current: u.ID == current})
		}
		if u.ID == current {
			highlight = u.Short
		}
		regions = append(regions, r)
	}
	if noData {
		v.Keys = append(v.Keys, MapKey{Class: -1, Label: e.T("mapNoData")})
	}
	for i, r := range v.Rows {
		if j := slices.IndexFunc(v.Keys, func(k MapKey) bool { return k.Class == r.Class }); j >= 0 {
			v.Rows[i].Key = v.Keys[j].Label
		}
	}
	desc := title + ". " + e.T("mapDesc")
	caption := title
	if e.Map.Attribution != "" {
		caption += ". " + e.T("mapBoundaries") + ": " + e.Map.Attribution
	}
	ch, err := chart.Map(chart.MapSpec{
		Meta:    chart.Meta{ID: id, Title: title, Desc: desc, Lang: e.Lang, Format: func(x float64) string { return e.format(ind, x, false) }},
		MapName: "ban-do", GeoJSON: sh.geoJSON, Aspect: sh.aspect, LonScale: sh.lonScale,
		Regions: regions, Highlight: highlight, Percent: ind.Measure.IsPercentage(),
	})
	v.Figure = out.figure(ch, err, caption, path)
	if v.Figure == nil {
		return nil
	}
	return v
}

// mapTitle names a map of k's latest figures by commune.
func (e Env) mapTitle(card *IndicatorCard, k Indicator) string {
	t := card.Title + " — " + e.T("mapBy")
	if l := k.Result.Latest; l != nil {
		t += ", " + l.Period.Label(e.dl())
	}
	return t
}

// scoreMap is a commune's score on the map, the commune highlighted.
func (e Env) scoreMap(sh *mapShapes, inds []Indicator, u data.Unit, s *Score, path string, out *Out) *MapView {
	if sh == nil || !u.IsCommune() {
		return nil
	}
	for _, k := range inds {
		if k.Ind == s.ind {
			return e.communeMap(sh, k, e.mapTitle(s.Card, k), "ban-do-"+u.ID+"-"+k.Ind.ID, u.ID, path, out)
		}
	}
	return nil
}

// classify puts n values, highest first, into up to four classes of about
// equal size, returning each value's class (0 lowest); equal values share
// a class.
func classify(n int, value func(int) float64) []int {
	out := make([]int, n)
	k := min(len(chart.MapColors), n)
	for i := range n {
		// The class of the first of the equal values.
		j := i
		for j > 0 && value(j-1) == value(i) {
			j--
		}
		out[i] = k - 1 - j*k/n
	}
	// Classes count from 0: shift down when the lowest is not used.
	low := slices.Min(out)
	for i := range out {
		out[i] -= low
	}
	return out
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
