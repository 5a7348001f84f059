package geo

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/vi"
)

// testUnits are three made-up communes and an office, found as
// data.Units.Lookup finds them: by id, or by name without marks or "xã".
func testUnits() Units {
	all := [][3]string{
		{"xa-doi-may", "Xã Đồi Mây", "xa"},
		{"xa-ben-gio", "Xã Bến Gió", "xa"},
		{"thi-tran-cau-mo", "Thị trấn Cầu Mơ", "thi-tran"},
		{"cong-an-huyen", "Công an huyện", "huyen"},
	}
	u := Units{
		Lookup: func(text string) (string, bool, bool) {
			k := vi.Slug(text)
			for _, a := range all {
				name := vi.Slug(a[1])
				if k == a[0] || k == name || "xa-"+k == name || "thi-tran-"+k == name {
					return a[0], a[2] != "huyen", true
				}
			}
			return "", false, false
		},
		Suggest: func(text string) []string {
			if strings.HasPrefix(vi.Slug(text), "xa-doi") {
				return []string{"Xã Đồi Mây"}
			}
			return nil
		},
	}
	for _, a := range all[:3] {
		u.Communes = append(u.Communes, [2]string{a[0], a[1]})
	}
	return u
}

// square is a closed ring around (x, y), as GeoJSON text.
func square(x, y float64) string {
	return fmt.Sprintf("[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]", x, y, x+0.1, y, x+0.1, y+0.1, x, y+0.1, x, y)
}

func feature(props, coords string) string {
	return `{"type": "Feature", "properties": ` + props + `, "geometry": {"type": "Polygon", "coordinates": [` + coords + `]}}`
}

// collection lays out one feature per line: feature i is on line i+2.
func collection(features ...string) string {
	return "{\"type\": \"FeatureCollection\", \"features\": [\n" + strings.Join(features, ",\n") + "\n]}\n"
}

func load(t *testing.T, src string) (*Map, *diag.List) {
	t.Helper()
	l := &diag.List{}
	m := Load([]File{{Name: "data/ban-do/x.geojson", Src: []byte(src)}}, testUnits(), l)
	return m, l
}

var (
	doiMay = feature(`{"id": "xa-doi-may"}`, square(112.3, 12.3))
	benGio = feature(`{"name": "Bến Gió"}`, square(112.4, 12.3))
	cauMo  = feature(`{"ten": "cau mo"}`, square(112.5, 12.3))
)

func TestLoadMatches(t *testing.T) {
	m, l := load(t, collection(cauMo, doiMay, benGio))
	if l.Len() != 0 {
		t.Fatalf("unexpected problems:\n%s", l.Format(diag.VI))
	}
	var got []string
	for _, f := range m.Features {
		got = append(got, f.Unit)
	}
	// In the order of the communes, not of the file.
	if want := "xa-doi-may xa-ben-gio thi-tran-cau-mo"; strings.Join(got, " ") != want {
		t.Errorf("features %q, want %q", got, want)
	}
}

// TestLoadErrors gives each problem its own file and checks the whole
// message line: file, line, column and words.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"invalid JSON", "{\"type\": \"FeatureCollection\",\n \"features\": [,]}",
			"data/ban-do/x.geojson:2:15: tệp GeoJSON không phải JSON hợp lệ"},
		{"not a collection", `{"type": "Feature"}`,
			"data/ban-do/x.geojson:1:1: tệp không phải một FeatureCollection"},
		{"feature matching no unit", collection(doiMay, feature(`{"id": "xa-doi-mat"}`, square(112.4, 12.3))),
			`data/ban-do/x.geojson:3:42: không có xã, thị trấn nào là "xa-doi-mat" trong data/units.toml`},
		{"feature naming an office", collection(doiMay, feature(`{"name": "Công an huyện"}`, square(112.4, 12.3))),
			`data/ban-do/x.geojson:3:44: "Công an huyện" không phải một xã, thị trấn`},
		{"id holding a name", collection(feature(`{"id": "Đồi Mây"}`, square(112.4, 12.3))),
			`data/ban-do/x.geojson:2:42: properties.id "Đồi Mây" không phải mã đơn vị; mã của đơn vị này là "xa-doi-may"`},
		{"two features for one unit", collection(doiMay, benGio, feature(`{"name": "Đồi Mây"}`, square(112.6, 12.3))),
			"data/ban-do/x.geojson:4:1: Xã Đồi Mây đã có ranh giới ở data/ban-do/x.geojson:2:1"},
		{"unclosed ring", collection(feature(`{"id": "xa-doi-may"}`, "[[112.3,12.3],[112.4,12.3],[112.4,12.4],[112.3,12.4],[112.3,12.35]]")),
			"data/ban-do/x.geojson:2:158: vòng (ring) không khép kín"},
		{"fewer than 4 positions", collection(feature(`{"id": "xa-doi-may"}`, "[[112.3,12.3],[112.4,12.3],[112.3,12.3]]")),
			"data/ban-do/x.geojson:2:105: vòng (ring) chỉ có 3 vị trí, cần ít nhất 4"},
		{"non-numeric coordinate", collection(feature(`{"id": "xa-doi-may"}`, `[[112.3,12.3],[112.4,"12.3"],[112.4,12.4],[112.3,12.3]]`)),
			"data/ban-do/x.geojson:2:126: tọa độ phải là một số"},
		{"swapped coordinates", collection(feature(`{"id": "xa-doi-may"}`, square(18.3, 105.8))),
			"data/ban-do/x.geojson:2:1: có vẻ bạn đã đổi chỗ kinh độ và vĩ độ: [18.3, 105.8] phải là [105.8, 18.3]"},
		{"out of range", collection(feature(`{"id": "xa-doi-may"}`, "[[112.3,12.3],[512300,12.3],[112.4,12.4],[112.3,12.3]]")),
			"data/ban-do/x.geojson:2:119: tọa độ [512300, 12.3] nằm ngoài giới hạn"},
		{"point geometry", collection(`{"type": "Feature", "properties": {"id": "xa-doi-may"}, "geometry": {"type": "Point", "coordinates": [112.3, 12.3]}}`),
			"data/ban-do/x.geojson:2:69: geometry phải là Polygon hoặc MultiPolygon"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, l := load(t, tc.src)
			if !l.HasErrors() {
				t.Fatalf("no error; want %s", tc.want)
			}
			if got := l.Format(diag.VI); !strings.Contains(got, tc.want) {
				t.Errorf("got:\n%s\nwant a line with:\n%s", got, tc.want)
			}
		})
	}
}

func TestLoadTooLarge(t *testing.T) {
	src := collection(doiMay) + strings.Repeat(" ", MaxBytes)
	_, l := load(t, src)
	want := "data/ban-do/x.geojson: tệp ranh giới lớn hơn giới hạn 16 MB"
	if got := l.Format(diag.VI); !strings.Contains(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestLoadMissingIsWarning(t *testing.T) {
	m, l := load(t, collection(doiMay))
	if l.HasErrors() || m == nil {
		t.Fatalf("want a map and no error:\n%s", l.Format(diag.VI))
	}
	want := "data/ban-do/x.geojson: cảnh báo: bản đồ thiếu ranh giới của 2 xã, thị trấn: Xã Bến Gió, Thị trấn Cầu Mơ"
	if got := l.Format(diag.VI); !strings.Contains(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A commune whose feature has an error is not also said to be missing.
func TestBrokenIsNotMissing(t *testing.T) {
	_, l := load(t, collection(doiMay, feature(`{"name": "Bến Gió"}`, square(12.3, 112.3))))
	got := l.Format(diag.VI)
	if !strings.Contains(got, "thiếu ranh giới của 1 xã, thị trấn: Thị trấn Cầu Mơ") {
		t.Errorf("want only Cầu Mơ missing, got:\n%s", got)
	}
}

func TestAttribution(t *testing.T) {
	src := strings.Replace(collection(doiMay, benGio, cauMo), `"type": "FeatureCollection",`,
		`"type": "FeatureCollection", "attribution": "© OpenStreetMap contributors",`, 1)
	m, l := load(t, src)
	if l.Len() != 0 || m.Attribution != "© OpenStreetMap contributors" {
		t.Errorf("attribution %q, problems:\n%s", m.Attribution, l.Format(diag.VI))
	}
}

// wavyRing is a ring of n positions along a wavy square, as a surveyed
// boundary has: a wave of 2% of the radius, which shows at 360 px, and a
// ripple of 0.1%, a fifth of a pixel, which does not.
func wavyRing(n int) Ring {
	var r Ring
	for i := range n {
		a := 2 * math.Pi * float64(i) / float64(n)
		rad := 0.05 * (1 + 0.02*math.Sin(40*a) + 0.001*math.Sin(300*a))
		r = append(r, [2]float64{112.35 + rad*math.Cos(a), 12.35 + rad*math.Sin(a)})
	}
	return append(r, r[0])
}

func TestSimplified(t *testing.T) {
	m := &Map{Features: []Feature{{Unit: "a", Polygons: []Polygon{{wavyRing(4000)}}}}}
	s := m.Simplified(360)
	ring := s.Features[0].Polygons[0][0]
	if len(ring) >= 400 || len(ring) < 8 {
		t.Errorf("simplified to %d positions, want fewer than a tenth of 4000 and a real shape", len(ring))
	}
	if ring[0] != ring[len(ring)-1] {
		t.Error("the simplified ring is not closed")
	}
	// No original position lies farther than a pixel from the simplified
	// outline.
	b := m.Bounds()
	px := (b.MaxLon - b.MinLon) / 360
	ky := 1 / b.LonScale()
	for _, p := range m.Features[0].Polygons[0][0] {
		best := math.Inf(1)
		for i := 1; i < len(ring); i++ {
			best = min(best, segDist2(p, ring[i-1], ring[i], ky))
		}
		if math.Sqrt(best) > px {
			t.Fatalf("position %v is %.2f px from the simplified ring", p, math.Sqrt(best)/px)
		}
	}
}

func TestSimplifiedKeepsTinyRings(t *testing.T) {
	big := Ring{{112, 12}, {113, 12}, {113, 13}, {112, 13}, {112, 12}}
	tiny := Ring{{112.5, 12.5}, {112.5001, 12.5}, {112.5001, 12.5001}, {112.5, 12.5}}
	m := &Map{Features: []Feature{{Unit: "a", Polygons: []Polygon{{big}}}, {Unit: "b", Polygons: []Polygon{{tiny}}}}}
	s := m.Simplified(360)
	for _, f := range s.Features {
		r := f.Polygons[0][0]
		if len(r) < 4 || r[0] != r[len(r)-1] {
			t.Errorf("%s: ring %v is not a valid ring", f.Unit, r)
		}
	}
}
