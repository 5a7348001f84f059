package build

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/tiendo/tiendo/internal/output"
)

var chartSpecs = flag.Bool("chartspecs", false, "rewrite ../chart/testdata/sample-charts.json.gz from the sample site")

// TestWriteSampleChartSpecs writes every chart of the sample site (option
// and sizes) to internal/chart/testdata, where TestSampleChartsGolden and
// BenchmarkColdCharts render them: a fixed set of real charts for the
// renderer's byte-identity check and its cold-speed benchmark. It runs only
// with: go test ./internal/build -run TestWriteSampleChartSpecs -chartspecs
func TestWriteSampleChartSpecs(t *testing.T) {
	if !*chartSpecs {
		t.Skip("only with -chartspecs")
	}
	res, b := run(Options{Source: "../..", Sink: output.NewMem(), Now: "2023-06-30", Charts: sampleCharts(t)})
	if !res.OK() {
		t.Fatalf("sample site does not build:\n%s", res.Diags.Format("vi"))
	}
	js, err := json.MarshalIndent(b.computed.charts, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(js)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("..", "chart", "testdata", "sample-charts.json.gz"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d charts", len(b.computed.charts))
}
