package geo

import (
	"math"
)

// Box is a bounding box in degrees.
type Box struct{ MinLon, MinLat, MaxLon, MaxLat float64 }

// Bounds is the box around every feature.
func (m *Map) Bounds() Box {
	b := Box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, f := range m.Features {
		for _, p := range f.Polygons {
			for _, c := range p[0] {
				b.MinLon, b.MaxLon = min(b.MinLon, c[0]), max(b.MaxLon, c[0])
				b.MinLat, b.MaxLat = min(b.MinLat, c[1]), max(b.MaxLat, c[1])
			}
		}
	}
	return b
}

// Aspect is the height over the width of the box as drawn: a degree of
// longitude is cos(latitude) as long as a degree of latitude.
func (b Box) Aspect() float64 {
	w := (b.MaxLon - b.MinLon) * b.LonScale()
	if w <= 0 {
		return 1
	}
	return (b.MaxLat - b.MinLat) / w
}

// LonScale is how much shorter a degree of longitude is than one of
// latitude at the box's middle latitude.
func (b Box) LonScale() float64 {
	return math.Cos((b.MinLat + b.MaxLat) / 2 * math.Pi / 180)
}

// Simplified returns the map as drawn width pixels wide: every ring
// simplified with Douglas–Peucker to half a pixel, positions rounded to a
// tenth of one, and rings kept valid (closed, at least 4 positions).
// Nothing smaller than a pixel is lost that a reader could see.
func (m *Map) Simplified(width int) *Map {
	b := m.Bounds()
	px := (b.MaxLon - b.MinLon) / float64(max(width, 1)) // degrees of longitude per pixel
	if px <= 0 || math.IsInf(px, 0) || math.IsNaN(px) {
		px = 1e-6
	}
	tol := px / 2
	// Decimals enough for a tenth of a pixel.
	scale := math.Pow(10, math.Ceil(-math.Log10(px/10)))
	ky := 1 / b.LonScale() // latitude in longitude-pixel units
	out := &Map{Attribution: m.Attribution}
	for _, f := range m.Features {
		g := Feature{Unit: f.Unit, Pos: f.Pos}
		for _, p := range f.Polygons {
			var sp Polygon
			for i, ring := range p {
				s := simplifyRing(ring, tol, ky)
				for j := range s {
					s[j] = [2]float64{math.Round(s[j][0]*scale) / scale, math.Round(s[j][1]*scale) / scale}
				}
				s = dropRepeats(s)
				if len(s) < 4 {
					if i > 0 {
						continue // a hole smaller than a pixel
					}
					s = ring // too small to simplify: keep it as it is
				}
				sp = append(sp, s)
			}
			g.Polygons = append(g.Polygons, sp)
		}
		out.Features = append(out.Features, g)
	}
	return out
}

// simplifyRing simplifies a closed ring: split at its first position and
// the position farthest from it, each half by Douglas–Peucker.
func simplifyRing(ring Ring, tol, ky float64) Ring {
	n := len(ring)
	if n <= 4 {
		return append(Ring(nil), ring...)
	}
	far, best := 0, -1.0
	for i := 1; i < n-1; i++ {
		if d := dist2(ring[0], ring[i], ky); d > best {
			far, best = i, d
		}
	}
	keep := make([]bool, n)
	keep[0], keep[far], keep[n-1] = true, true, true
	dp(ring, 0, far, tol*tol, ky, keep)
	dp(ring, far, n-1, tol*tol, ky, keep)
	count := 0
	for _, k := range keep {
		if k {
			count++
		}
	}
	// A ring needs 3 distinct corners: add the farthest from the chord.
	for count < 4 {
		i, d := farthest(ring, 0, far, ky, keep)
		if j, e := farthest(ring, far, n-1, ky, keep); e > d {
			i = j
		}
		if i < 0 {
			break
		}
		keep[i] = true
		count++
	}
	var out Ring
	for i, k := range keep {
		if k {
			out = append(out, ring[i])
		}
	}
	return out
}

func dp(ring Ring, a, b int, tol2, ky float64, keep []bool) {
	i, d := farthest(ring, a, b, ky, keep)
	if i < 0 || d <= tol2 {
		return
	}
	keep[i] = true
	dp(ring, a, i, tol2, ky, keep)
	dp(ring, i, b, tol2, ky, keep)
}

// farthest is the position strictly between a and b, not yet kept, that
// lies farthest from the segment a–b, and its squared distance.
func farthest(ring Ring, a, b int, ky float64, keep []bool) (int, float64) {
	best, at := -1.0, -1
	for i := a + 1; i < b; i++ {
		if keep[i] {
			continue
		}
		if d := segDist2(ring[i], ring[a], ring[b], ky); d > best {
			best, at = d, i
		}
	}
	return at, best
}

func dist2(p, q [2]float64, ky float64) float64 {
	dx, dy := p[0]-q[0], (p[1]-q[1])*ky
	return dx*dx + dy*dy
}

func segDist2(p, a, b [2]float64, ky float64) float64 {
	ax, ay, bx, by, px, py := a[0], a[1]*ky, b[0], b[1]*ky, p[0], p[1]*ky
	dx, dy := bx-ax, by-ay
	l2 := dx*dx + dy*dy
	t := 0.0
	if l2 > 0 {
		t = max(0, min(1, ((px-ax)*dx+(py-ay)*dy)/l2))
	}
	ex, ey := px-(ax+t*dx), py-(ay+t*dy)
	return ex*ex + ey*ey
}

func dropRepeats(r Ring) Ring {
	var out Ring
	for i, c := range r {
		if i > 0 && i < len(r)-1 && c == out[len(out)-1] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// GeoJSON is the map as a FeatureCollection for echarts.registerMap, each
// feature named by names[unit id] (ECharts matches data items by name).
func (m *Map) GeoJSON(names map[string]string) map[string]any {
	feats := []any{}
	for _, f := range m.Features {
		coords := make([]any, len(f.Polygons))
		for i, p := range f.Polygons {
			rings := make([]any, len(p))
			for j, r := range p {
				rings[j] = r
			}
			coords[i] = rings
		}
		feats = append(feats, map[string]any{
			"type":       "Feature",
			"properties": map[string]any{"name": names[f.Unit]},
			"geometry":   map[string]any{"type": "MultiPolygon", "coordinates": coords},
		})
	}
	return map[string]any{"type": "FeatureCollection", "features": feats}
}
