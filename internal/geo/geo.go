// Package geo is the load stage of a site's commune boundaries: the
// GeoJSON files of data/ban-do/, read with the position of every value so
// that each problem is reported at its line and column, matched to the
// communes of data/units.toml, and simplified to what a map 360 px wide
// can show.
//
// # Conventions
//
// Each file is one FeatureCollection (RFC 7946) of Feature objects whose
// geometry is a Polygon or a MultiPolygon, positions [longitude, latitude]
// in WGS 84. A feature names its commune by properties.id, the unit's id in
// data/units.toml ("xa-thach-kim"), or else by properties.name or
// properties.ten, matched as staff write names: with or without marks or
// "xã" ("Thạch Kim", "xa Thach Kim"). The optional foreign member
// "attribution" of the collection is the credit its source requires
// ("© OpenStreetMap contributors"); the map's caption carries it.
package geo

import (
	"math"
	"slices"
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
)

// Dir is the folder of the boundary files.
const Dir = "data/ban-do"

// Units is how the boundaries find their communes.
type Units struct {
	// Lookup finds the unit a text names (its id or name, folded as staff
	// write it) and reports whether it is a commune.
	Lookup func(text string) (id string, commune bool, ok bool)
	// Suggest gives the names of communes close to text, for hints.
	Suggest func(text string) []string
	// Communes are the ids and full names of every commune, in order.
	Communes [][2]string
}

// Ring is a closed ring of [longitude, latitude] positions.
type Ring [][2]float64

// Polygon is an outer ring and its holes.
type Polygon []Ring

// Feature is one commune's boundary.
type Feature struct {
	Unit     string
	Polygons []Polygon
	Pos      diag.Pos
	// bad marks a feature matched to its commune whose shape has errors.
	bad bool
}

// Map is the boundaries of the communes, from every file of data/ban-do/.
type Map struct {
	// Features are in the order of Units.Communes.
	Features []Feature
	// Attribution is the credit the files' sources require, "" for none.
	Attribution string
}

// File is one boundary file as read.
type File struct {
	Name string
	Src  []byte
}

// Load reads the files and matches their features to units. It returns
// nil when there is no file or no feature could be used.
func Load(files []File, units Units, l *diag.List) *Map {
	if len(files) == 0 {
		return nil
	}
	m := &Map{}
	seen := map[string]diag.Pos{}
	var credits []string
	var feats []Feature
	for _, f := range files {
		r := &reader{file: f.Name, src: f.Src, l: l, units: units}
		credit, fs := r.read()
		if credit != "" && !slices.Contains(credits, credit) {
			credits = append(credits, credit)
		}
		for _, ft := range fs {
			if first, dup := seen[ft.Unit]; dup {
				name := ft.Unit
				if i := slices.IndexFunc(units.Communes, func(c [2]string) bool { return c[0] == ft.Unit }); i >= 0 {
					name = units.Communes[i][1]
				}
				l.Errorf(ft.Pos, diag.CodeMapDuplicate,
					diag.Tf("%s đã có ranh giới ở %s", "%s already has a boundary at %s", name, first),
					diag.T("Mỗi xã chỉ có một đối tượng (Feature); gộp các phần thành một MultiPolygon.",
						"One feature per commune: merge the parts into one MultiPolygon."))
				continue
			}
			seen[ft.Unit] = ft.Pos
			if !ft.bad { // a commune with a broken shape is not also missing
				feats = append(feats, ft)
			}
		}
	}
	var missing []string
	for _, c := range units.Communes {
		i := slices.IndexFunc(feats, func(f Feature) bool { return f.Unit == c[0] })
		if i < 0 {
			if _, claimed := seen[c[0]]; !claimed {
				missing = append(missing, c[1])
			}
			continue
		}
		m.Features = append(m.Features, feats[i])
	}
	if len(m.Features) == 0 {
		return nil
	}
	if len(missing) > 0 {
		l.Warnf(diag.Pos{File: files[0].Name}, diag.CodeMapMissing,
			diag.Tf("bản đồ thiếu ranh giới của %d xã, thị trấn: %s", "the map lacks the boundaries of %d communes: %s", len(missing), strings.Join(missing, ", ")),
			diag.T("Bản đồ để trống các xã này; bảng số liệu bên cạnh vẫn có đủ. Thêm một Feature cho mỗi xã.",
				"The map leaves them blank; the table beside it still lists them. Add one feature per commune."))
	}
	m.Attribution = strings.Join(credits, "; ")
	return m
}

type reader struct {
	file  string
	src   []byte
	l     *diag.List
	units Units
}

func (r *reader) pos(n *node) diag.Pos {
	line, col := lineCol(r.src, n.off)
	return diag.Pos{File: r.file, Line: line, Col: col}
}

func (r *reader) shape(n *node, msg diag.Text) {
	r.l.Errorf(r.pos(n), diag.CodeMapShape, msg,
		diag.T("Tệp phải là một FeatureCollection (RFC 7946) gồm các Feature có geometry là Polygon hoặc MultiPolygon.",
			"The file must be a FeatureCollection (RFC 7946) of features whose geometry is a Polygon or MultiPolygon."))
}

// MaxBytes is the largest boundary file read: a district's communes at
// survey detail are a few megabytes, and each number read costs about a
// hundred bytes of memory until the map is simplified.
const MaxBytes = 16 << 20

func (r *reader) read() (string, []Feature) {
	if len(r.src) > MaxBytes {
		r.l.Errorf(diag.Pos{File: r.file}, diag.CodeMapTooLarge,
			diag.Tf("tệp ranh giới lớn hơn giới hạn %d MB", "the boundary file is over the %d MB limit", MaxBytes>>20),
			diag.T("Chỉ giữ các xã của huyện, hoặc giản lược ranh giới trước (ví dụ: mapshaper -simplify 10%); bản đồ trên trang chỉ cần độ chi tiết của màn hình điện thoại.",
				"Keep only the district's communes, or simplify the boundaries first (e.g. mapshaper -simplify 10%); the page's map needs only a phone screen's detail."))
		return "", nil
	}
	root, off, err := parseJSON(r.src)
	if err != nil {
		line, col := lineCol(r.src, off)
		r.l.Errorf(diag.Pos{File: r.file, Line: line, Col: col}, diag.CodeMapJSON,
			diag.T("tệp GeoJSON không phải JSON hợp lệ", "the GeoJSON file is not valid JSON"),
			diag.T("Kiểm tra dấu phẩy, ngoặc và dấu nháy quanh vị trí này; xuất lại tệp từ phần mềm bản đồ nếu cần.",
				"Check the commas, brackets and quotes around here; export the file again if need be."))
		return "", nil
	}
	if t := root.get("type"); root.kind != 'o' || t == nil || t.str != "FeatureCollection" {
		r.shape(root, diag.T("tệp không phải một FeatureCollection", "the file is not a FeatureCollection"))
		return "", nil
	}
	credit := ""
	if a := root.get("attribution"); a != nil {
		if a.kind != 's' {
			r.shape(a, diag.T("attribution phải là một chuỗi", "attribution must be a string"))
		} else {
			credit = strings.TrimSpace(a.str)
		}
	}
	fs := root.get("features")
	if fs == nil || fs.kind != 'a' {
		r.shape(root, diag.T("FeatureCollection thiếu mảng features", "the FeatureCollection has no features array"))
		return credit, nil
	}
	var out []Feature
	for _, f := range fs.vals {
		if ft, ok := r.feature(f); ok || ft.Unit != "" {
			ft.bad = !ok
			out = append(out, ft)
		}
	}
	return credit, out
}

func (r *reader) feature(f *node) (Feature, bool) {
	if t := f.get("type"); f.kind != 'o' || t == nil || t.str != "Feature" {
		r.shape(f, diag.T("phần tử của features không phải một Feature", "an element of features is not a Feature"))
		return Feature{}, false
	}
	ft := Feature{Pos: r.pos(f)}
	unit, ok := r.match(f)
	if ok {
		ft.Unit = unit
	}
	g := f.get("geometry")
	gt := g.get("type")
	if g == nil || gt == nil || gt.str != "Polygon" && gt.str != "MultiPolygon" {
		at := f
		if g != nil {
			at = g
		}
		r.shape(at, diag.T("geometry phải là Polygon hoặc MultiPolygon", "the geometry must be a Polygon or a MultiPolygon"))
		return ft, false
	}
	coords := g.get("coordinates")
	var polys []*node
	if gt.str == "Polygon" {
		polys = []*node{coords}
	} else if coords != nil && coords.kind == 'a' {
		polys = coords.vals
	}
	if coords == nil || coords.kind != 'a' || len(polys) == 0 {
		r.shape(g, diag.T("geometry thiếu mảng coordinates", "the geometry has no coordinates array"))
		return ft, false
	}
	good := true
	for _, p := range polys {
		poly, pok := r.polygon(p)
		good = good && pok
		ft.Polygons = append(ft.Polygons, poly)
	}
	if good && !r.swapped(ft) {
		good = r.inRange(ft, polys)
	} else {
		good = false
	}
	return ft, ok && good
}

// match finds the feature's commune: properties.id is a unit's id,
// properties.name or ten its name.
func (r *reader) match(f *node) (string, bool) {
	props := f.get("properties")
	var by *node
	for _, k := range []string{"id", "name", "ten"} {
		if v := props.get(k); v != nil && v.kind == 's' && strings.TrimSpace(v.str) != "" {
			by = v
			break
		}
	}
	if by == nil {
		r.l.Errorf(r.pos(f), diag.CodeMapUnmatched,
			diag.T("Feature không có properties.id hay properties.name để biết là xã nào", "the feature has no properties.id or properties.name naming its commune"),
			diag.T(`Thêm "properties": {"id": "<mã đơn vị trong data/units.toml>"}.`, `Add "properties": {"id": "<unit id in data/units.toml>"}.`))
		return "", false
	}
	id, commune, ok := r.units.Lookup(by.str)
	switch {
	case ok && commune && (props.get("id") != by || id == by.str):
		return id, true
	case ok && commune:
		// properties.id must be the id itself, not a name.
		r.l.Errorf(r.pos(by), diag.CodeMapUnmatched,
			diag.Tf("properties.id \"%s\" không phải mã đơn vị; mã của đơn vị này là \"%s\"", "properties.id \"%s\" is not a unit id; this unit's id is \"%s\"", by.str, id),
			diag.T("Ghi đúng mã như trong data/units.toml, hoặc ghi tên vào properties.name.", "Write the id as in data/units.toml, or put the name in properties.name."))
	case ok:
		r.l.Errorf(r.pos(by), diag.CodeMapUnmatched,
			diag.Tf("\"%s\" không phải một xã, thị trấn: bản đồ chỉ vẽ ranh giới cấp xã", "\"%s\" is not a commune: the map draws communes only", by.str),
			diag.Text{})
	default:
		hint := diag.T("Dùng mã (id) hoặc tên xã như trong data/units.toml.", "Use the commune's id or name as in data/units.toml.")
		if s := r.units.Suggest(by.str); len(s) > 0 {
			hint = diag.Tf("Có phải là: %s? Dùng mã (id) hoặc tên xã như trong data/units.toml.",
				"Did you mean: %s? Use the commune's id or name as in data/units.toml.", strings.Join(s, "; "))
		}
		r.l.Errorf(r.pos(by), diag.CodeMapUnmatched,
			diag.Tf("không có xã, thị trấn nào là \"%s\" trong data/units.toml", "no commune \"%s\" in data/units.toml", by.str), hint)
	}
	return "", false
}

func (r *reader) geometry(n *node, msg diag.Text) {
	r.l.Errorf(r.pos(n), diag.CodeMapGeometry, msg,
		diag.T("Mỗi vòng (ring) là một mảng ít nhất 4 vị trí [kinh độ, vĩ độ] bằng số, vị trí cuối trùng vị trí đầu.",
			"Each ring is an array of at least 4 numeric [longitude, latitude] positions, the last equal to the first."))
}

// polygon reads a polygon's rings, reporting the first problem of each.
func (r *reader) polygon(p *node) (Polygon, bool) {
	if p.kind != 'a' || len(p.vals) == 0 {
		r.geometry(p, diag.T("polygon phải là một mảng các vòng (ring)", "a polygon must be an array of rings"))
		return nil, false
	}
	var poly Polygon
	ok := true
	for _, rn := range p.vals {
		ring, rok := r.ring(rn)
		ok = ok && rok
		poly = append(poly, ring)
	}
	return poly, ok
}

func (r *reader) ring(rn *node) (Ring, bool) {
	if rn.kind != 'a' {
		r.geometry(rn, diag.T("vòng (ring) phải là một mảng các vị trí", "a ring must be an array of positions"))
		return nil, false
	}
	var ring Ring
	for _, pn := range rn.vals {
		if pn.kind != 'a' || len(pn.vals) < 2 {
			r.geometry(pn, diag.T("vị trí phải là một mảng [kinh độ, vĩ độ]", "a position must be an array [longitude, latitude]"))
			return nil, false
		}
		for _, c := range pn.vals[:2] {
			if c.kind != 'n' {
				r.geometry(c, diag.T("tọa độ phải là một số, không phải chuỗi hay giá trị khác", "a coordinate must be a number, not a string or another value"))
				return nil, false
			}
		}
		ring = append(ring, [2]float64{pn.vals[0].num, pn.vals[1].num})
	}
	if len(ring) < 4 {
		r.geometry(rn, diag.Tf("vòng (ring) chỉ có %d vị trí, cần ít nhất 4", "the ring has %d positions, at least 4 are needed", len(ring)))
		return nil, false
	}
	if ring[0] != ring[len(ring)-1] {
		r.geometry(rn.vals[len(rn.vals)-1], diag.T("vòng (ring) không khép kín: vị trí cuối phải trùng vị trí đầu", "the ring is not closed: the last position must equal the first"))
		return nil, false
	}
	return ring, true
}

// swapped reports, once per feature, positions written latitude first:
// every one of them reads as a place in Viet Nam only the other way round.
func (r *reader) swapped(ft Feature) bool {
	for _, p := range ft.Polygons {
		for _, ring := range p {
			for _, c := range ring {
				if !(c[0] >= 8 && c[0] <= 24 && c[1] >= 102 && c[1] <= 110) {
					return false
				}
			}
		}
	}
	c := ft.Polygons[0][0][0]
	r.l.Errorf(ft.Pos, diag.CodeMapSwapped,
		diag.Tf("có vẻ bạn đã đổi chỗ kinh độ và vĩ độ: [%g, %g] phải là [%g, %g]", "longitude and latitude seem swapped: [%g, %g] should be [%g, %g]", c[0], c[1], c[1], c[0]),
		diag.T("GeoJSON ghi kinh độ trước, vĩ độ sau (RFC 7946): Việt Nam có kinh độ 102–110, vĩ độ 8–24. Khi xuất tệp, chọn thứ tự lon/lat (EPSG:4326, trục x là kinh độ).",
			"GeoJSON writes longitude first (RFC 7946): Viet Nam lies at longitudes 102–110, latitudes 8–24. Export with lon/lat order."))
	return true
}

// inRange reports the first position of each ring outside WGS 84's range.
func (r *reader) inRange(ft Feature, polys []*node) bool {
	ok := true
	for i, p := range ft.Polygons {
		for j, ring := range p {
			for k, c := range ring {
				if math.Abs(c[0]) <= 180 && math.Abs(c[1]) <= 90 {
					continue
				}
				r.l.Errorf(r.pos(polys[i].vals[j].vals[k]), diag.CodeMapRange,
					diag.Tf("tọa độ [%g, %g] nằm ngoài giới hạn: kinh độ từ -180 đến 180, vĩ độ từ -90 đến 90", "coordinates [%g, %g] out of range: longitude -180..180, latitude -90..90", c[0], c[1]),
					diag.T("Tệp có thể dùng hệ tọa độ khác (VN-2000, UTM): chuyển sang WGS 84 (EPSG:4326) trước khi đưa vào data/ban-do/.",
						"The file may use another coordinate system (VN-2000, UTM): convert it to WGS 84 (EPSG:4326) first."))
				ok = false
				break
			}
		}
	}
	return ok
}
