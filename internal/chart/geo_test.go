package chart

import (
	"bytes"
	"math"
	"testing"
)

func testMap(highlight string) MapSpec {
	sq := func(x, y float64) [][][][2]float64 {
		return [][][][2]float64{{{{x, y}, {x + 1, y}, {x + 1, y + 1}, {x, y + 1}, {x, y}}}}
	}
	return MapSpec{
		Meta:    Meta{ID: "map-test", Title: "Tỷ lệ theo xã", Desc: "Hai xã."},
		MapName: "test",
		GeoJSON: map[string]any{"type": "FeatureCollection", "features": []any{
			map[string]any{"type": "Feature", "properties": map[string]any{"name": "Xã Một"}, "geometry": map[string]any{"type": "MultiPolygon", "coordinates": sq(105, 18)}},
			map[string]any{"type": "Feature", "properties": map[string]any{"name": "Xã Hai"}, "geometry": map[string]any{"type": "MultiPolygon", "coordinates": sq(106, 18)}},
		}},
		Aspect: 0.5, LonScale: math.Cos(18.5 * math.Pi / 180),
		Regions:   []Region{{Name: "Xã Một", Value: 40, Class: 0}, {Name: "Xã Hai", Value: math.NaN(), Class: -1}},
		Highlight: highlight, Percent: true,
	}
}

// TestMapRenders draws a choropleth through ECharts in QuickJS: the shapes
// registered from the option, each region filled with its class colour.
func TestMapRenders(t *testing.T) {
	t.Parallel()
	c, err := Map(testMap("Xã Hai"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(c.Option, []byte(`"tiendoMap"`)) {
		t.Fatalf("option has no shapes: %s", c.Option)
	}
	svg, err := testRenderer(t).SVG(c.Option, c.Width, c.Height)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`fill="` + MapColors[0] + `"`, `fill="` + NoDataColor + `"`, `stroke="` + mapHighlight + `"`, ">Xã Hai<", "<path"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("svg lacks %s:\n%s", want, svg)
		}
	}
	if !bytes.Contains(svg, []byte(">Xã Một<")) {
		t.Errorf("every region is named:\n%s", svg)
	}
}

func TestMapErrors(t *testing.T) {
	t.Parallel()
	s := testMap("")
	s.GeoJSON = nil
	if _, err := Map(s); err == nil {
		t.Error("a map without shapes is an error")
	}
	s = testMap("")
	s.Aspect = 0
	if _, err := Map(s); err == nil {
		t.Error("a map without aspect is an error")
	}
}
