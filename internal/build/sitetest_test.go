package build

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/chart/echarts"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/output"
)

// siteTest is a whole-site test in the style of Hugo's integration tests:
// the files of a small site in one txtar string, built in memory.
type siteTest struct {
	tb  testing.TB
	res *Result
}

// buildTxtar builds the site described by archive with extra options.
func buildTxtar(tb testing.TB, archive string, o Options) *siteTest {
	tb.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	o.FS = fsys
	o.Sink = output.NewMem()
	o.Charts = sharedCharts(tb)
	if o.Now == "" {
		o.Now = "2023-06-30"
	}
	return &siteTest{tb: tb, res: Run(o)}
}

func (s *siteTest) ok() *siteTest {
	s.tb.Helper()
	if !s.res.OK() {
		s.tb.Fatalf("build failed:\n%s", s.res.Diags.Format("vi"))
	}
	return s
}

// failsWith asserts the build failed and its messages contain each want.
func (s *siteTest) failsWith(wants ...string) {
	s.tb.Helper()
	if s.res.OK() {
		s.tb.Fatalf("build succeeded, want errors %q", wants)
	}
	got := s.res.Diags.Format("vi")
	for _, w := range wants {
		if !strings.Contains(got, w) {
			s.tb.Errorf("errors do not contain %q; got:\n%s", w, got)
		}
	}
}

func (s *siteTest) file(name string) string {
	s.tb.Helper()
	b, ok := s.res.Output.Files[name]
	if !ok {
		s.tb.Fatalf("no file %s in output; have %s", name, strings.Join(s.res.Output.Paths(), ", "))
	}
	return string(b)
}

func (s *siteTest) noFile(name string) {
	s.tb.Helper()
	if _, ok := s.res.Output.Files[name]; ok {
		s.tb.Errorf("file %s exists, want none", name)
	}
}

// contains asserts file name holds every want.
func (s *siteTest) contains(name string, wants ...string) {
	s.tb.Helper()
	got := s.file(name)
	for _, w := range wants {
		if !strings.Contains(got, w) {
			s.tb.Errorf("%s does not contain %q; got:\n%s", name, w, got)
		}
	}
}

func (s *siteTest) notContains(name string, unwanted ...string) {
	s.tb.Helper()
	got := s.file(name)
	for _, w := range unwanted {
		if strings.Contains(got, w) {
			s.tb.Errorf("%s contains %q, want not", name, w)
		}
	}
}

type txtarFile struct {
	name string
	data []byte
}

func txtarFiles(archive string) []txtarFile {
	var out []txtarFile
	for _, f := range txtar.Parse([]byte(archive)).Files {
		out = append(out, txtarFile{f.Name, f.Data})
	}
	return out
}

// buildTxtarFiles builds a txtar site with some files given as raw bytes
// (encodings a txtar string cannot hold).
func buildTxtarFiles(tb testing.TB, archive string, raw map[string][]byte, o Options) *siteTest {
	tb.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	for name, data := range raw {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	o.FS = fsys
	o.Sink = output.NewMem()
	o.Charts = sharedCharts(tb)
	return &siteTest{tb: tb, res: Run(o)}
}

var (
	chartsOnce  sync.Once
	chartsCache *chart.Cache
)

// sharedCharts is one in-memory chart cache for the package's tests, so
// ECharts starts once rather than once per test site.
func sharedCharts(tb testing.TB) *chart.Cache {
	chartsOnce.Do(func() {
		chartsCache = chart.NewCache("", echarts.JS())
	})
	return chartsCache
}

var (
	sampleOnce sync.Once
	sampleRes  *Result
)

// sampleSite returns the repository's sample site built in memory at
// 2023-06-30, built once for the package's tests. The result is shared:
// tests only read it (its Output.Files among them) and must not change it.
func sampleSite(tb testing.TB) *Result {
	tb.Helper()
	sampleOnce.Do(func() {
		sampleRes = Run(Options{Source: "../..", Sink: output.NewMem(), Now: "2023-06-30", Charts: sampleCharts(tb)})
	})
	if !sampleRes.OK() {
		tb.Fatalf("sample site does not build:\n%s", sampleRes.Diags.Format("vi"))
	}
	return sampleRes
}

var (
	sampleChartsOnce  sync.Once
	sampleChartsCache *chart.Cache

	compressedOnce  sync.Once
	compressedCache *output.CompressCache
)

// sharedCompressed keeps the --compress copies of the tests' large files
// (ECharts above all) in .tiendo-cache/compressed at the repository root,
// where `tiendo build --compress` of the sample keeps them: a warm run
// compresses none of them. A copy is keyed by the SHA-256 of its file.
func sharedCompressed(tb testing.TB) *output.CompressCache {
	compressedOnce.Do(func() {
		compressedCache = output.NewCompressCache(filepath.Join("..", "..", CacheDir, "compressed"))
	})
	return compressedCache
}

// sampleCharts is the chart cache of the sample site, in memory and in
// .tiendo-cache/charts at the repository root, where `tiendo build` and
// internal/e2e keep it too: a warm run of the tests draws none of the
// sample's charts. Tests building the sample or a copy of it (copySample)
// use it; the SVG is keyed by option, size, ECharts and cleaning version
// (chart.Cache), so a chart they change is drawn anew.
func sampleCharts(tb testing.TB) *chart.Cache {
	sampleChartsOnce.Do(func() {
		sampleChartsCache = chart.NewCache(filepath.Join("..", "..", CacheDir, "charts"), echarts.JS())
	})
	return sampleChartsCache
}

// sampleData is the sample site's data/ as the load stage reads it, judged
// at the end of 30/06/2023 (its asOf), for tests that compare pages with
// the data behind them.
func sampleData(tb testing.TB) *data.Set {
	tb.Helper()
	l := &diag.List{}
	set := data.Load(os.DirFS(filepath.Join("..", "..")), data.LoadOptions{Location: time.UTC,
		Now: time.Date(2023, 6, 30, 23, 0, 0, 0, time.UTC), From: "2022-01", To: "2023-12",
		WeeklyRule: "trước 09h ngày Thứ 3 hàng tuần"}, l)
	if l.HasErrors() {
		tb.Fatalf("the sample's data has errors:\n%s", l.Format(diag.VI))
	}
	return set
}
