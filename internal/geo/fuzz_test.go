package geo

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// FuzzLoad: any bytes in data/ban-do/ give problems with places in the
// file or a map whose rings are valid, and simplifying that map keeps them
// valid; nothing panics.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(collection(doiMay, benGio, cauMo)))
	f.Add([]byte(collection(feature(`{"id": "xa-doi-may"}`, square(18.3, 105.8)))))
	f.Add([]byte(`{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Đồi Mây"}, "geometry": {"type": "MultiPolygon", "coordinates": [[[[1,1],[2,1],[2,2],[1,1]],[[1.2,1.1],[1.3,1.1],[1.3,1.2],[1.2,1.1]]]]}}]}`))
	f.Add([]byte(`{"type": "FeatureCollection", "features": [,]}`))
	f.Add([]byte(strings.Repeat("[", 100)))
	f.Fuzz(func(t *testing.T, src []byte) {
		l := &diag.List{}
		m := Load([]File{{Name: "data/ban-do/x.geojson", Src: src}}, testUnits(), l)
		lines := strings.Count(string(src), "\n") + 1
		for _, d := range l.All() {
			if d.File != "data/ban-do/x.geojson" || d.Line > lines {
				t.Fatalf("problem at %s, outside the file of %d lines: %s", d.Pos, lines, d.Msg.Vi)
			}
		}
		if m == nil {
			return
		}
		for _, mm := range []*Map{m, m.Simplified(360)} {
			for _, ft := range mm.Features {
				for _, p := range ft.Polygons {
					for _, r := range p {
						if len(r) < 4 || r[0] != r[len(r)-1] {
							t.Fatalf("%s: invalid ring %v", ft.Unit, r)
						}
					}
				}
			}
		}
	})
}
