// Package build runs the stages of a build in order — the one place the
// pipeline is written down:
//
//	load     config.toml, content/, data/, the theme
//	validate links between pages, anchors, files, units and columns
//	compute  sections, menus, indicator status, task status
//	plan     the files the build will write; file links checked against them
//	charts   the charts compute asked for, drawn as SVG
//	render   every page through its layout
//	write    static files, sitemap, feed, aliases; then swap public/ in
//
// Every stage reports problems into one diag.List instead of stopping, so a
// build prints all of them at once. Nothing is published while an error
// remains: the output goes to a temporary folder that replaces public/ only
// at the very end.
//
// Run is one whole build; with Options.Check, one that writes nothing and,
// with tiendo's own layouts, neither draws nor renders. A Session
// (session.go) is a series of builds, as `tiendo serve` makes them: after a
// save it redoes only the stages' work that depends on the saved files.
package build

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/config"
	"github.com/tiendo/tiendo/internal/content"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/history"
	"github.com/tiendo/tiendo/internal/markdown"
	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/search"
	"github.com/tiendo/tiendo/internal/share"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/spill"
	"github.com/tiendo/tiendo/internal/theme"
	"github.com/tiendo/tiendo/internal/view"
	"github.com/tiendo/tiendo/themes"
)

// Options describe one build.
type Options struct {
	// Source is the site root on disk. FS, when set, is read instead (tests).
	Source string
	FS     fs.FS
	// Destination is the output folder; default public/ under Source.
	Destination string
	// Sink receives the output instead of Destination (tests).
	Sink output.Sink
	// Check writes nothing (tiendo check). With tiendo's own layouts it
	// neither draws nor renders: everything in the input those stages
	// could fail on is reported before them (see outputs). A site's own
	// layouts are rendered, charts and all, to report their errors too.
	Check bool
	// BaseURL overrides the config's baseURL when set.
	BaseURL string
	// Now is the raw --now value ("YYYY-MM-DD[THH:MM]"); empty means the
	// config's asOf, else the wall clock in the site's time zone.
	Now string
	// Clock gives the wall clock; default time.Now.
	Clock  func() time.Time
	Drafts bool
	// Compress writes .gz and .br copies next to every text file.
	Compress bool
	// Archive adds today's snapshot of the data downloads to those the
	// previous output keeps (view.Archive): tiendo build --archive.
	Archive bool
	// History reads the revision history from the site's git repository
	// (package history); the command line sets it unless --no-history.
	History bool
	// ThemeFS holds built-in themes by name; default the embedded themes.
	ThemeFS fs.FS
	// Charts keeps rendered charts between builds (tiendo serve); default a
	// new cache under .tiendo-cache/ of the source.
	Charts *chart.Cache
	// Compressed keeps the --compress copies of large files between
	// builds; default a cache under .tiendo-cache/compressed/ of the source.
	Compressed *output.CompressCache
	// BodyMemory bounds the bytes of Markdown kept in memory from load to
	// parse and of HTML from parse to render; the rest waits in temporary
	// files (package spill). Zero means 64 MiB each.
	BodyMemory int64
}

// Result is what a build did.
type Result struct {
	Diags    *diag.List
	Site     *site.Site
	Pages    int
	Files    int
	Bytes    int64
	Duration time.Duration
	// Output is the in-memory output when Options.Sink was an *output.Mem.
	Output *output.Mem
	// Stages is how long each stage took, in order.
	Stages []StageTime
	// Written lists the files a Session's build changed, sorted: all of
	// them after a whole build; after a partial one (Partial), those written
	// with new bytes and those removed.
	Written []string
	Partial bool
}

// StageTime is the duration of one stage of a build.
type StageTime struct {
	Name     string
	Duration time.Duration
}

// OK reports whether the build published.
func (r *Result) OK() bool { return !r.Diags.HasErrors() }

// builder holds one build's state between stages.
type builder struct {
	o     Options
	fsys  fs.FS
	diags *diag.List
	cache *chart.Cache
	share *share.Cache

	// The products of the stages, each replaced whole when its stage runs
	// again: what load read, the file links validate found, what compute
	// made of the data, the files the build will write, the charts drawn.
	loaded
	links    fileLinks
	computed *computed
	planned  *outputs
	figures  view.Figures

	// dest is the output folder, absolute, its symbolic links resolved
	// (see output.CheckDest); empty when Options.Sink is set.
	dest string
	sink output.Sink
	set  interface {
		Len() int
		Bytes() int64
	}
}

// loaded is the product of load: the config, the site with its content
// pages, the theme, the Markdown converter and what was read of data/.
type loaded struct {
	cfg   config.Config
	site  *site.Site
	theme *theme.Theme
	// themeFS is the theme's own folder, themeName its label in messages.
	themeFS   fs.FS
	themeName string
	// builtinLayouts is set when every layout is tiendo's own.
	builtinLayouts bool
	md             *markdown.Converter
	// sources and bodies hold the pages' Markdown from load to parse and
	// their HTML from parse to render; closed when the build ends.
	sources, bodies *spill.Store
	// indexedAtLeast is how many documents the search index will hold at
	// least; the parsed bodies keep only the text such an index reads.
	indexedAtLeast int
	data           *data.Set
	history        *history.History  // nil without git or History
	archived       map[string][]byte // the snapshots of the previous output
}

// Run builds the site.
func Run(o Options) *Result {
	res, b := run(o)
	if o.Charts == nil && b.cache != nil {
		b.cache.Close() // ends the chart worker processes the build started
	}
	return res
}

// run builds the site and returns the builder too, whose state a Session
// keeps for the next build.
func run(o Options) (*Result, *builder) {
	start := time.Now()
	b := &builder{o: o, diags: &diag.List{}}
	b.cache = o.Charts
	res := &Result{Diags: b.diags}
	if o.Check {
		b.o.Sink = output.Discard{}
	}
	if b.o.Sink == nil {
		// Before any work: a build replaces its destination whole.
		dest, err := output.CheckDest(o.Source, b.destination(), inputs)
		if err != nil {
			b.diags.Add(output.Refused(b.destLabel(), err))
			res.Duration = time.Since(start)
			return res, b
		}
		b.dest = dest
	}
	if o.FS != nil {
		b.fsys = o.FS
	} else if root, err := os.OpenRoot(o.Source); err == nil {
		// Through an os.Root, no symbolic link leads outside the site.
		defer root.Close()
		b.fsys = root.FS()
	} else {
		b.diags.Errorf(diag.Pos{File: o.Source}, diag.CodeSourceOpen,
			diag.Because(diag.T("không mở được thư mục trang web", "cannot open the site folder"), err), diag.Text{})
		res.Duration = time.Since(start)
		return res, b
	}
	if o.ThemeFS == nil {
		b.o.ThemeFS = themes.FS
	}
	if b.o.Clock == nil {
		b.o.Clock = time.Now
	}

	var dir *output.Dir
	for _, st := range b.stages() {
		// Input stages run even after errors, so every problem is reported
		// at once; nothing is rendered or written while one remains.
		if st.cleanInput && b.diags.HasErrors() {
			break
		}
		if st.draws && b.o.Check && b.builtinLayouts {
			continue
		}
		if st.writes && b.sink == nil {
			// Open the output only once the input is known to be good.
			if err := b.openSink(&dir, res); err != nil {
				b.diags.Errorf(diag.Pos{File: b.destLabel()}, diag.CodeOutputOpen,
					diag.Because(diag.T("không tạo được thư mục kết quả", "cannot create the output folder"), err), diag.Text{})
				break
			}
		}
		b.timed(res, st.name, st.run)
	}
	data.ExplainFailures(b.fsys, b.diags)
	_ = errors.Join(b.sources.Close(), b.bodies.Close()) // every page is rendered; a Session's next build keeps its own in memory
	if b.planned != nil && !b.diags.HasErrors() {
		b.timed(res, "check links", b.checkLinks)
	}
	if dir != nil && b.diags.HasErrors() {
		_ = dir.Abort()
	} else if dir != nil {
		var err error
		b.timed(res, "commit", func() { err = dir.Commit() })
		var kept *output.LeftoverError
		if errors.As(err, &kept) {
			b.diags.Add(output.OldKept(b.destLabel(), b.dest, kept))
		} else if err != nil {
			_ = dir.Abort()
			b.diags.Errorf(diag.Pos{File: b.destLabel()}, diag.CodeOutputCommit,
				diag.Because(diag.T("không thay được thư mục kết quả", "cannot replace the output folder"), err), diag.Text{})
		}
	}
	if b.site != nil {
		res.Site = b.site
		res.Pages = len(b.site.Pages)
	}
	if b.set != nil {
		res.Files, res.Bytes = b.set.Len(), b.set.Bytes()
	}
	res.Duration = time.Since(start)
	return res, b
}

func (b *builder) openSink(dir **output.Dir, res *Result) error {
	switch s := b.o.Sink.(type) {
	case nil:
		d, err := output.NewDir(b.dest)
		if err != nil {
			return err
		}
		for _, l := range d.Leftovers() {
			b.diags.Add(output.StaleKept(b.destLabel(), l))
		}
		*dir, b.sink, b.set = d, d, d
	case *output.Mem:
		b.sink, b.set, res.Output = s, s, s
	case output.Discard:
		b.sink = s
	default:
		return fmt.Errorf("unsupported sink %T", s)
	}
	if b.o.Compress {
		cache := b.o.Compressed
		if cache == nil && b.o.FS == nil && b.o.Source != "" {
			cache = output.NewCompressCache(filepath.Join(b.o.Source, CacheDir, "compressed"))
			b.o.Compressed = cache // for a Session's next partial build
		}
		b.sink = output.Compressed{Sink: b.sink, Cache: cache}
	}
	return nil
}

// inputs are the folders and files of a site that a build reads, which
// its destination may not hold.
var inputs = []string{config.File, "content", "data", "layouts", "static", "themes", "i18n"}

// destination is the output folder as given: -d, else public/ under the
// site.
func (b *builder) destination() string {
	if b.o.Destination != "" {
		return b.o.Destination
	}
	return filepath.Join(b.o.Source, "public")
}

func (b *builder) destLabel() string {
	if b.o.Destination != "" {
		return b.o.Destination
	}
	return "public"
}

// stage is one step of a build.
type stage struct {
	name string
	run  func()
	// cleanInput: the stage runs only when the input has no errors.
	cleanInput bool
	// draws: a check skips the stage when every layout is tiendo's own.
	draws bool
	// writes: the output is opened before the first such stage runs.
	writes bool
}

// stages are the steps of a whole build, in order.
func (b *builder) stages() []stage {
	return []stage{
		{name: "load", run: func() { b.loaded = b.load() }},
		{name: "validate", run: func() { b.links = b.validate() }},
		{name: "compute", run: func() { b.computed = b.compute() }},
		{name: "plan", run: func() { b.planned = b.plan() }, cleanInput: true},
		{name: "charts", run: func() { b.figures = b.drawCharts(b.computed) }, cleanInput: true, draws: true},
		{name: "render", run: b.render, cleanInput: true, draws: true, writes: true},
		{name: "write", run: b.write, cleanInput: true, writes: true},
	}
}

// timed runs a stage safely and notes how long it took.
func (b *builder) timed(res *Result, stage string, fn func()) {
	start := time.Now()
	b.safely(stage, fn)
	res.Stages = append(res.Stages, StageTime{stage, time.Since(start)})
}

// safely runs a stage and turns a panic into an error, so no panic reaches
// the user.
func (b *builder) safely(stage string, fn func()) {
	defer func() {
		if r := recover(); r != nil {
			b.diags.Errorf(diag.Pos{File: stage}, diag.CodeInternal,
				diag.Tf("lỗi nội bộ ở bước %s: %v", "internal error in stage %s: %v", stage, r),
				diag.Tf("Vui lòng báo lỗi này kèm nội dung sau: %s", "Please report this with: %s", diag.FirstLines(string(debug.Stack()), 12)))
		}
	}()
	fn()
}

// load reads config.toml, content/, the theme and data/.
func (b *builder) load() loaded {
	var l loaded
	src, err := fs.ReadFile(b.fsys, config.File)
	if err != nil && !data.IsNotExist(err) {
		b.diags.Errorf(diag.Pos{File: config.File}, diag.CodeConfigRead, diag.T("không đọc được config.toml", "cannot read config.toml"), diag.Text{})
	}
	l.cfg = config.Parse(config.File, src, b.diags)
	if b.o.BaseURL != "" && !l.cfg.SetBaseURL(b.o.BaseURL) {
		b.diags.Errorf(diag.Pos{File: "--baseURL"}, diag.CodeFlagBaseURL,
			diag.Tf("--baseURL %q không hợp lệ", "--baseURL %q is not valid", b.o.BaseURL), config.BaseURLHint)
	} else if !l.cfg.Absolute() && !l.cfg.Sample {
		b.diags.Add(l.cfg.PathBaseURL(b.o.BaseURL != ""))
	}
	l.site = &site.Site{
		Config: l.cfg,
		Now:    b.moment(l.cfg), Clock: b.o.Now == "" && l.cfg.AsOf == "",
		URLs:   site.URLs{BasePath: l.cfg.BasePath, Origin: l.cfg.Origin(), Relative: l.cfg.RelativeURLs},
		ByFile: map[string]*site.Page{},
		ByPath: map[string]*site.Page{},
	}
	co := b.contentOptions(l.cfg, l.site.Now)
	l.sources = spill.New(b.bodyMemory(), "")
	co.Bodies = l.sources
	l.addPages(b.diags, content.Load(b.fsys, co, b.diags)...)
	for _, p := range l.site.Pages {
		if l.indexed(p) {
			l.indexedAtLeast++
		}
	}
	l.bodies = spill.New(b.bodyMemory(), "")
	l.md = markdown.New(markdown.Options{Unsafe: l.cfg.Markup.Unsafe, Typographer: l.cfg.Markup.Typographer,
		PlainTextMax: search.TextNeeded(l.indexedAtLeast), ParseBudget: l.cfg.Markup.Budget, Spill: l.bodies})

	b.loadTheme(&l)
	l.data = data.Load(b.fsys, l.loadOptions(), b.diags)
	l.archived = output.Previous(b.dest, view.ArchiveDir)
	if b.o.History && b.o.FS == nil {
		l.history = history.ForBuild(b.o.Source, l.loadOptions(), b.diags)
	}
	if _, ok := l.site.ByPath["/404/"]; !ok && l.theme != nil {
		l.addPages(b.diags, &site.Page{Kind: site.KindGenerated, Path: "/404/", Layout: "404", Lang: l.cfg.LanguageCode,
			Title: l.theme.T(l.cfg.LanguageCode, "notFoundTitle")})
	}
	return l
}

// moment is the time the build judges everything at: --now, else the
// config's asOf, else the wall clock to the minute, in the site's zone.
func (b *builder) moment(cfg config.Config) time.Time {
	switch {
	case b.o.Now != "":
		t, ok := config.ParseMoment(b.o.Now, cfg.Location)
		if !ok {
			b.diags.Errorf(diag.Pos{File: "--now"}, diag.CodeFlagNow,
				diag.Tf("--now %q không phải ngày hợp lệ", "--now %q is not a valid date", b.o.Now),
				diag.T("Dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM.", "Use YYYY-MM-DD or YYYY-MM-DDTHH:MM."))
			return b.o.Clock().In(cfg.Location).Truncate(time.Minute)
		}
		return t
	case cfg.AsOf != "":
		t, _ := config.ParseMoment(cfg.AsOf, cfg.Location)
		return t
	}
	return b.o.Clock().In(cfg.Location).Truncate(time.Minute)
}

func (b *builder) bodyMemory() int64 { return cmp.Or(b.o.BodyMemory, 64<<20) }

func (b *builder) contentOptions(cfg config.Config, now time.Time) content.Options {
	return content.Options{DefaultLang: cfg.LanguageCode, Languages: cfg.Languages, Drafts: b.o.Drafts, Location: cfg.Location, Now: now}
}

func (l *loaded) addPages(diags *diag.List, pages ...*site.Page) {
	for _, p := range pages {
		if other, dup := l.site.ByPath[p.Path]; dup {
			diags.Add(site.SamePath(other, p))
			continue
		}
		l.site.ByPath[p.Path] = p
		if p.File != "" {
			l.site.ByFile[p.File] = p
		}
		if p.Path == "/" {
			l.site.Home = p
		}
		l.site.Pages = append(l.site.Pages, p)
	}
}

func label(p *site.Page) string {
	if p.File != "" {
		return p.File
	}
	return "(" + p.Path + ")"
}

func (b *builder) loadTheme(l *loaded) {
	src, ok := theme.Find(b.fsys, b.o.ThemeFS, l.cfg.Theme, b.diags)
	if !ok {
		return
	}
	l.themeFS, l.themeName = src.Theme.FS, src.Theme.Name
	// Session rebuilds only part of a site, and check stops before
	// rendering, when what each layout reads is known: for the built-in
	// layouts alone.
	l.builtinLayouts = src.Builtin()
	l.theme = theme.Load(src.Theme, src.Layouts, src.I18n, theme.Funcs(), b.diags)
}

// loadOptions are how data/ is read (see data.Load).
func (l *loaded) loadOptions() data.LoadOptions {
	return data.OptionsFor(l.cfg, l.site.Now)
}

func exists(fsys fs.FS, p string) bool {
	_, err := fs.Stat(fsys, p)
	return err == nil
}
