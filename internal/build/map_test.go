package build

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
)

// mapSite returns the files of testdata/mapsite: four made-up communes
// with made-up boundaries at sea, one rate by commune (Cầu Mơ without a
// figure), and changes applied (a nil value removes a file).
func mapSite(tb testing.TB, changes map[string][]byte) map[string][]byte {
	tb.Helper()
	files := map[string][]byte{}
	root := os.DirFS("testdata/mapsite")
	err := fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(root, name)
		files[name] = b
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	for name, data := range changes {
		if data == nil {
			delete(files, name)
			continue
		}
		files[name] = data
	}
	return files
}

const mapFile = "data/ban-do/huyen-mau.geojson"

// TestMapSite proves the GeoJSON path: the boundaries reach the indicator
// page and every commune's scorecard as a choropleth drawn at build time,
// with its key in words, a table of the same figures and the source's
// credit in the caption.
func TestMapSite(t *testing.T) {
	t.Parallel()
	s := buildFiles(t, mapSite(t, nil)).ok()
	if n := s.res.Diags.Len(); n != 0 {
		t.Errorf("want no problem, got:\n%s", s.res.Diags.Format("vi"))
	}
	ind := "chi-tieu/ty-le/index.html"
	s.contains(ind,
		`<figure class="chart" data-chart-id="ban-do-ty-le">`,
		`<figcaption>Tỷ lệ hồ sơ trực tuyến — theo xã, thị trấn, Tháng 6/2023. Ranh giới: hư cấu, chỉ dùng để kiểm thử (không phải ranh giới thật)</figcaption>`,
		`<li><span class="map-key map-key-0" aria-hidden="true"></span> 45,0%</li>`,
		`<li><span class="map-key map-key-none" aria-hidden="true"></span> chưa có số liệu</li>`,
		`<tr><th scope="row"><a href="../../don-vi/xa-suoi-trang/index.html">Xã Suối Trăng</a></th><td class="num">82,0% (Tháng 6/2023)</td><td>82,0%</td></tr>`,
		`<tr><th scope="row"><a href="../../don-vi/thi-tran-cau-mo/index.html">Thị trấn Cầu Mơ</a></th><td class="num">—</td><td>chưa có số liệu</td></tr>`,
		`"tiendoMap":{"geoJSON":`,
	)
	unit := "don-vi/xa-ben-gio/index.html"
	s.contains(unit, `data-chart-id="ban-do-xa-ben-gio-ty-le"`,
		`<tr class="is-current"><th scope="row"><a href="index.html">Xã Bến Gió</a> (đang xem)</th>`)
	svg := figureSVG(t, s.file(unit), "ban-do-xa-ben-gio-ty-le")
	// The commune is outlined, and each region is filled with its class.
	for _, want := range []string{`stroke="#1a1a1a"`, `fill="#9ecae1"`, `fill="#4292c6"`, `fill="#deebf7"`, `fill="#f2f2f2"`, `>Bến Gió<`, `>Suối Trăng<`} {
		if !strings.Contains(svg, want) {
			t.Errorf("the commune's map lacks %s", want)
		}
	}
	// Drawn 360 px wide, its 12 px names stay at least 11 px on a phone.
	for _, m := range regexp.MustCompile(`font-size="?(\d+)`).FindAllStringSubmatch(svg, -1) {
		if n, _ := strconv.Atoi(m[1]); n < 12 {
			t.Errorf("text of %d px in the map", n)
		}
	}
	if strings.Contains(s.file("don-vi/cong-an-huyen/index.html"), "ban-do-") {
		t.Error("an office's page shows a commune map")
	}
}

func figureSVG(t *testing.T, page, id string) string {
	t.Helper()
	i := strings.Index(page, `data-chart-id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no figure %s", id)
	}
	j := strings.Index(page[i:], "</svg>")
	return page[i : i+j]
}

// TestMapWeight: the 56 KB of boundaries, 150 positions a side, are
// simplified to what 360 px show (2404 positions to 493, the map's whole
// option to 12 KB), and the pages keep the KPI page budget
// of TestPageWeight (80 KB compressed with CSS and scripts).
func TestMapWeight(t *testing.T) {
	t.Parallel()
	s := buildFiles(t, mapSite(t, nil)).ok()
	src := mapSite(t, nil)[mapFile]
	for _, page := range []string{"chi-tieu/ty-le/index.html", "don-vi/xa-ben-gio/index.html"} {
		html := []byte(s.file(page))
		total := gzLen(html)
		for _, m := range assetRe.FindAllSubmatch(html, -1) {
			ref := string(m[1])
			if strings.Contains(ref, "vendor/echarts") {
				continue
			}
			total += gzLen(s.res.Output.Files[path.Clean(path.Join(path.Dir(page), ref))])
		}
		t.Logf("%s: %.1f KB compressed with its CSS and scripts", page, float64(total)/1024)
		if total > 80<<10 {
			t.Errorf("%s weighs %d bytes compressed, over 80 KB", page, total)
		}
		opt := regexp.MustCompile(`(?s)<script type="application/json" class="chart-option">(\{[^<]*"tiendoMap"[^<]*)</script>`).FindSubmatch(html)
		if opt == nil {
			t.Fatalf("%s has no map option", page)
		}
		t.Logf("%s: the map's option is %d bytes for %d bytes of boundaries", page, len(opt[1]), len(src))
		if len(opt[1])*4 > len(src) {
			t.Errorf("%s: the map's option is %d bytes for %d bytes of boundaries: not simplified", page, len(opt[1]), len(src))
		}
	}
}

func gzLen(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestMapErrors: a broken boundary file stops the build at its place.
func TestMapErrors(t *testing.T) {
	t.Parallel()
	swapped := []byte(`{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"id": "xa-doi-may"}, "geometry": {"type": "Polygon", "coordinates": [[[18.3, 105.8], [18.4, 105.8], [18.4, 105.9], [18.3, 105.8]]]}}
]}
`)
	buildFiles(t, mapSite(t, map[string][]byte{mapFile: swapped})).failsWith(
		"data/ban-do/huyen-mau.geojson:2:1: có vẻ bạn đã đổi chỗ kinh độ và vĩ độ")
	buildFiles(t, mapSite(t, map[string][]byte{mapFile: []byte("{\"type\": \"FeatureCollection\",\n\"features\": [}\n")})).failsWith(
		"data/ban-do/huyen-mau.geojson:2:14: tệp GeoJSON không phải JSON hợp lệ")
}

// TestNoMapNoChange: without data/ban-do/ the pages carry no trace of a
// map (the golden files of TestSampleSiteGolden show the same on the
// sample site).
func TestNoMapNoChange(t *testing.T) {
	t.Parallel()
	s := buildFiles(t, mapSite(t, map[string][]byte{mapFile: nil})).ok()
	for _, page := range []string{"chi-tieu/ty-le/index.html", "don-vi/xa-ben-gio/index.html"} {
		s.notContains(page, "commune-map", "tiendoMap", "ban-do-")
	}
}

// TestMapWithoutUnits: boundaries follow from data/units.toml. Unreadable,
// it is the one error (and a note of what was left out); missing, the
// boundary file gets one error naming it.
func TestMapWithoutUnits(t *testing.T) {
	t.Parallel()
	broken := strings.Replace(string(mapSite(t, nil)[data.UnitsFile]), `name = "Xã Đồi Mây"`, `name = "Xã Đồi Mây`, 1)
	res := buildFiles(t, mapSite(t, map[string][]byte{data.UnitsFile: []byte(broken)})).res
	all := res.Diags.All()
	if len(all) == 0 || all[0].File != data.UnitsFile || len(all) > 2 {
		t.Errorf("want the error of %s and at most a note, got:\n%s", data.UnitsFile, res.Diags.Format(diag.VI))
	}
	for _, d := range all {
		if d.File == mapFile {
			t.Errorf("a problem of the boundaries that only follows from %s: %s", data.UnitsFile, d.Msg.Vi)
		}
	}
	res = buildFiles(t, mapSite(t, map[string][]byte{data.UnitsFile: nil})).res
	n := 0
	for _, d := range res.Diags.All() {
		if d.File == mapFile {
			n++
			if !strings.Contains(d.Msg.Vi, data.UnitsFile) {
				t.Errorf("%s: %s; want it to name %s", d.Pos, d.Msg.Vi, data.UnitsFile)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d problems at %s, want one naming %s:\n%s", n, mapFile, data.UnitsFile, res.Diags.Format(diag.VI))
	}
}

// TestMapSession: in tiendo serve, saving a boundary file or a figure of
// the map redraws the maps, byte for byte as a whole build would.
func TestMapSession(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/mapsite")); err != nil {
		t.Fatal(err)
	}
	o := Options{Source: dir, Charts: sharedCharts(t), Now: "2023-06-30"}
	var s Session
	if res := s.Build(o, nil); !res.OK() {
		t.Fatalf("first build:\n%s", res.Diags.Format("en"))
	}
	for _, step := range []struct{ file, old, new string }{
		// A figure that moves the map but not the district's status: a
		// new status would also change the home page's glance list, which
		// a partial build does not redraw on a home page without an
		// indicator shortcode (a Session problem outside the map).
		{"data/chi-tieu/ty-le.csv", "2023-06,xa-ben-gio,61,100,", "2023-06,xa-ben-gio,62,100,"},
		{mapFile, `{"name": "Bến Gió"}`, `{"id": "xa-ben-gio"}`},
		{mapFile, `112.42,`, `112.425,`},
	} {
		edit(t, dir, step.file, step.old, step.new)
		res := s.Build(o, []string{step.file})
		if !res.OK() {
			t.Fatalf("after editing %s:\n%s", step.file, res.Diags.Format("en"))
		}
		if !res.Partial {
			t.Errorf("editing %s rebuilt everything", step.file)
		}
		sameAsWhole(t, o, res)
	}
}
