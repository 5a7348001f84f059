package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const echartsPath = "echarts/echarts.min.js"

var shared struct {
	once sync.Once
	js   []byte
	r    *Renderer
	err  error
}

// testRenderer returns one Renderer for the whole package: starting
// ECharts costs a few hundred milliseconds.
func testRenderer(tb testing.TB) *Renderer {
	tb.Helper()
	shared.once.Do(func() {
		shared.js, shared.err = os.ReadFile(echartsPath)
		if shared.err == nil {
			shared.r, shared.err = NewRenderer(shared.js)
		}
	})
	if shared.err != nil {
		tb.Fatal(shared.err)
	}
	return shared.r
}

func echartsJS(tb testing.TB) []byte {
	tb.Helper()
	testRenderer(tb)
	return shared.js
}

// viNumber stands in for the site's Vietnamese formatter.
func viNumber(v float64) string { return formatMarker("vi-number", v) }

func lineSpec() LineSpec {
	return LineSpec{
		Meta: Meta{
			ID:     "kpi-ho-so",
			Title:  "Hồ sơ trực tuyến",
			Desc:   "Số hồ sơ tăng từ 10.000 lên 32.000; mục tiêu 80.000.",
			Format: viNumber,
		},
		Periods:  []string{"T1/2023", "T2/2023", "T3/2023", "T4/2023"},
		Series:   []Series{{Name: "Thực hiện", Values: []float64{10000, 25000, math.NaN(), 32000}}},
		Expected: &Series{Name: "Kế hoạch", Values: []float64{12000, 24000, 36000, 48000}},
		Targets:  []Target{{Value: 80000, Label: "Mục tiêu 80.000 (30/06/2023)"}},
		Unit:     "hồ sơ",
	}
}

func barSpec() BarSpec {
	return BarSpec{
		Meta:       Meta{ID: "theo-xa", Title: "Hồ sơ theo xã", Desc: "Xã A dẫn đầu.", Format: viNumber},
		Categories: []string{"Phường Nguyễn Thái Bình", "Xã A", "Xã Bình Hưng Hòa"},
		Series:     []Series{{Name: "Hồ sơ", Values: []float64{1200, 3400.5, 800}}},
		Targets:    []Target{{Value: 5000, Label: "Mục tiêu 5.000"}},
	}
}

func sparklineSpec() SparklineSpec {
	return SparklineSpec{Meta: Meta{ID: "the-1", Title: "Xu hướng hồ sơ"}, Values: []float64{1, 3, 2, 5, 4, 6}}
}

func stackedSpec() StackedSpec {
	return StackedSpec{
		Meta:       Meta{ID: "nhiem-vu", Title: "Nhiệm vụ theo đơn vị", Format: viNumber},
		Horizontal: true,
		Categories: []string{"Sở Tư pháp", "Sở Nội vụ"},
		Series: []Series{
			{Name: "Hoàn thành", Values: []float64{3, 15}},
			{Name: "Đang làm", Values: []float64{2, 0}},
			{Name: "Quá hạn", Values: []float64{1, 1}},
		},
		Colors: []string{"#047857", "#1d4ed8", "#b91c1c"},
	}
}

// checkClean fails unless svg is well-formed and free of what a strict
// Content-Security-Policy or determinism forbids.
func checkClean(tb testing.TB, svg []byte) {
	tb.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		t, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("not well-formed: %v", err)
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "style", "script", "foreignObject":
			tb.Errorf("element <%s> left", se.Name.Local)
		}
		for _, a := range se.Attr {
			n := a.Name.Local
			if n == "style" || n == "class" || strings.HasPrefix(n, "on") || strings.HasPrefix(n, "ecmeta") {
				tb.Errorf("attribute %s=%q left on <%s>", n, a.Value, se.Name.Local)
			}
			if n == "id" && strings.HasPrefix(a.Value, "zr") {
				tb.Errorf("ECharts id %q left", a.Value)
			}
		}
	}
}

func golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs from the output:\n%s", path, got)
	}
}
