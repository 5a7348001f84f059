package bench

import (
	"bytes"
	"flag"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/config"
	"github.com/tiendo/tiendo/internal/content"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/markdown"
	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/theme"
	"github.com/tiendo/tiendo/themes"
)

// The corpus the benchmarks run on; change it with
//
//	go test ./internal/bench -run '^$' -bench . -pages 10000
var (
	pagesFlag      = flag.Int("pages", 1000, "pages of the generated corpus")
	indicatorsFlag = flag.Int("indicators", 8, "indicators of the generated corpus")
)

// now is the moment the corpus is judged at (its config's asOf).
const now = "2023-06-30"

// corpus writes the benchmark corpus into a temporary folder and builds it
// once, which checks it and fills the chart cache: the benchmarks measure
// pages, not ECharts.
func corpus(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if err := WriteFiles(dir, Files(Corpus{Pages: *pagesFlag, Indicators: *indicatorsFlag, Seed: 1})); err != nil {
		b.Fatal(err)
	}
	res := build.Run(build.Options{Source: dir, Sink: output.NewMem(), Now: now})
	if !res.OK() {
		b.Fatalf("the corpus does not build:\n%s", res.Diags.Format(diag.EN))
	}
	return dir
}

// reportPages reports throughput in content pages per second.
func reportPages(b *testing.B, pages int) {
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkLoad is the load stage for content: reading, front matter, URLs,
// sections.
func BenchmarkLoad(b *testing.B) {
	dir := corpus(b)
	fsys := os.DirFS(dir)
	o := content.Options{DefaultLang: "vi", Location: time.UTC}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		var l diag.List
		content.Load(fsys, o, &l)
	}
	reportPages(b, *pagesFlag)
}

// BenchmarkMarkdown parses every body, takes its plain text and first
// paragraph (as the validate stage does) and renders it to HTML, on one
// goroutine.
func BenchmarkMarkdown(b *testing.B) {
	dir := corpus(b)
	pages := content.Load(os.DirFS(dir), content.Options{DefaultLang: "vi", Location: time.UTC}, &diag.List{})
	md := markdown.New(markdown.Options{Typographer: true})
	var bodies [][]byte
	for _, p := range pages {
		if p.File != "" {
			bodies = append(bodies, p.Body)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, body := range bodies {
			d := md.Parse(body)
			_ = d.PlainText()
			_ = d.FirstParagraph()
			if _, err := md.Render(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportPages(b, len(bodies))
}

// BenchmarkTemplates executes the default theme's layouts for every page,
// with bodies already rendered, on one goroutine: the template half of the
// render stage.
func BenchmarkTemplates(b *testing.B) {
	dir := corpus(b)
	fsys := os.DirFS(dir)
	var l diag.List
	src, err := fs.ReadFile(fsys, config.File)
	if err != nil {
		b.Fatal(err)
	}
	cfg := config.Parse(config.File, src, &l)
	md := markdown.New(markdown.Options{Typographer: true})
	pages := content.Load(fsys, content.Options{DefaultLang: "vi", Location: cfg.Location}, &l)
	s := &site.Site{Config: cfg, URLs: site.URLs{BasePath: cfg.BasePath, Relative: cfg.RelativeURLs},
		Pages: pages, ByFile: map[string]*site.Page{}, ByPath: map[string]*site.Page{}, Menus: map[string][]site.MenuItem{}}
	s.Now, _ = config.ParseMoment(now, cfg.Location)
	for _, p := range pages {
		s.ByPath[p.Path] = p
		if p.File != "" {
			s.ByFile[p.File] = p
		}
		if p.Path == "/" {
			s.Home = p
		}
		if p.Doc = md.Parse(p.Body); p.Doc != nil {
			p.Headings = p.Doc.Headings
			body, err := md.Render(p.Doc)
			if err != nil {
				b.Fatal(err)
			}
			p.Content, p.Doc = template.HTML(body), nil
		}
	}
	for _, e := range cfg.Menus["main"] {
		item := site.MenuItem{Name: e.Name, Weight: e.Weight, Path: e.URL}
		if p, ok := s.ByFile["content/"+e.Page]; ok {
			item.Path = p.Path
		}
		s.Menus["main"] = append(s.Menus["main"], item)
	}
	sub, _ := fs.Sub(themes.FS, "default")
	th := theme.Load(theme.Source{FS: sub, Name: "themes/default"}, nil, nil, theme.Funcs(), &l)
	if l.HasErrors() {
		b.Fatal(l.Format(diag.EN))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, p := range pages {
			var buf bytes.Buffer // one per page, as the render stage has
			if err := th.Render(&buf, layoutOf(p), &theme.Ctx{Site: s, Page: p, Theme: th}); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportPages(b, len(pages))
}

func layoutOf(p *site.Page) string {
	switch p.Kind {
	case site.KindHome:
		return "home.html"
	case site.KindSection:
		return "section.html"
	}
	return "single.html"
}

// BenchmarkBuildMem is the whole build (charts from the cache) into memory,
// as `tiendo serve` and `tiendo check` run it.
func BenchmarkBuildMem(b *testing.B) {
	dir := corpus(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if res := build.Run(build.Options{Source: dir, Sink: output.NewMem(), Now: now}); !res.OK() {
			b.Fatal(res.Diags.Format(diag.EN))
		}
	}
	reportPages(b, *pagesFlag)
}

// BenchmarkBuildDir is the whole build (charts from the cache) into a
// folder, as `tiendo build` runs it: the second and later iterations replace
// the previous output.
func BenchmarkBuildDir(b *testing.B) {
	dir := corpus(b)
	dest := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if res := build.Run(build.Options{Source: dir, Destination: dest, Now: now}); !res.OK() {
			b.Fatal(res.Diags.Format(diag.EN))
		}
	}
	reportPages(b, *pagesFlag)
}

// BenchmarkWrite is the write stage alone: one page-sized file per page,
// each in its own folder as pretty URLs need, then the swap into place.
func BenchmarkWrite(b *testing.B) {
	page := bytes.Repeat([]byte("<p>Người dân đăng ký tài khoản định danh điện tử.</p>\n"), 250) // ≈ 14 KB
	n := *pagesFlag
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("muc-%d/nhom-%d/trang-%05d/index.html", i%10, i%100, i)
	}
	root := b.TempDir()
	b.SetBytes(int64(n * len(page)))
	b.ResetTimer()
	for i := range b.N {
		d, err := output.NewDir(filepath.Join(root, fmt.Sprint("public-", i)))
		if err != nil {
			b.Fatal(err)
		}
		parallelEach(names, func(name string) {
			if err := d.Write(name, page); err != nil {
				b.Error(err)
			}
		})
		if err := d.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	reportPages(b, n)
}

// BenchmarkWriteReplace is BenchmarkWrite into a destination that holds the
// previous build, as every `tiendo build` after the first: the swap then
// deletes the old site. (Deleting it on two goroutines was tried: faster
// alone, slower here, on ext4.)
func BenchmarkWriteReplace(b *testing.B) {
	page := bytes.Repeat([]byte("<p>Người dân đăng ký tài khoản định danh điện tử.</p>\n"), 250)
	n := *pagesFlag
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("muc-%d/nhom-%d/trang-%05d/index.html", i%10, i%100, i)
	}
	dest := filepath.Join(b.TempDir(), "public")
	write := func() {
		d, err := output.NewDir(dest)
		if err != nil {
			b.Fatal(err)
		}
		parallelEach(names, func(name string) {
			if err := d.Write(name, page); err != nil {
				b.Error(err)
			}
		})
		if err := d.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	write()
	b.SetBytes(int64(n * len(page)))
	b.ResetTimer()
	for range b.N {
		write()
	}
	reportPages(b, n)
}

// parallelEach runs fn over items on every core, as the render stage does.
func parallelEach(items []string, fn func(string)) {
	ch := make(chan string)
	done := make(chan struct{})
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for it := range ch {
				fn(it)
			}
			done <- struct{}{}
		}()
	}
	for _, it := range items {
		ch <- it
	}
	close(ch)
	for range runtime.GOMAXPROCS(0) {
		<-done
	}
}
