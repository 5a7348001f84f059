package build

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/content"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/links"
	"github.com/tiendo/tiendo/internal/markdown"
	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/par"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/view"
)

// Session is a series of in-memory builds of one site, as `tiendo serve`
// runs them. After a good build it keeps that build's state, and the next
// Build, told which files changed, redoes only what depends on them:
//
//   - a changed page in content/ is parsed and rendered again alone, with
//     the search index, as long as nothing other pages show of it changed
//     (title, URL, dates, summary, headings, menu, weight, aliases…);
//   - a changed file in data/ recomputes everything made from data — the
//     indicator, task, unit and report pages, charts (unchanged ones from
//     the cache), downloads, the sitemap — and the pages whose shortcodes
//     show an indicator or whose author is a unit, but no other content
//     page;
//   - a changed file in static/ is copied again.
//
// Layouts can read any part of the site, so this is done only with
// tiendo's own layouts, whose reads are known; with a site's own layouts,
// any change to config.toml, the theme or i18n/, a file added or removed,
// a moved clock, or any error, Session builds everything, exactly as Run
// does. A partial build gives the same files a whole build would; the
// tests compare them byte for byte.
//
// A Session is not safe for concurrent use.
type Session struct {
	opts Options
	prev *builder    // the last good build, nil when the next must be whole
	out  *output.Mem // its output
}

// Build builds the site into memory. changed lists the files, as slash
// paths relative to o.Source, that changed since the last Build; nil means
// not known. o.Sink and o.FS are ignored: a Session reads o.Source and
// writes an *output.Mem, returned in Result.Output. The Mem of one Build is
// never changed by later ones.
func (s *Session) Build(o Options, changed []string) *Result {
	o.Sink, o.FS = nil, nil
	if res := s.partial(o, changed); res != nil {
		return res
	}
	s.prev, s.out = nil, nil
	mem := output.NewMem()
	o.Sink = mem
	res, b := run(o)
	o.Sink = nil
	res.Written = mem.Paths()
	if res.OK() && b.builtinLayouts {
		s.opts, s.prev, s.out = o, b, mem
	}
	return res
}

// partial rebuilds what depends on changed, or returns nil when the whole
// site must be built.
func (s *Session) partial(o Options, changed []string) *Result {
	b := s.prev
	if b == nil || len(changed) == 0 || !sameOptions(s.opts, o) {
		return nil
	}
	w, ok := classify(changed)
	if !ok {
		return nil
	}
	// From here the previous build's state changes in place: until this
	// build succeeds, the next one is whole.
	s.prev = nil
	start := time.Now()
	root, err := os.OpenRoot(o.Source)
	if err != nil {
		return nil
	}
	defer root.Close()
	b.fsys = root.FS()
	b.diags = &diag.List{}
	if !b.moment(b.cfg).Equal(b.site.Now) {
		return nil
	}
	mem := s.out.Clone()
	rec := &output.Changes{Mem: mem}
	b.sink, b.set = rec, mem
	if b.o.Compress {
		b.sink = output.Compressed{Sink: rec, Cache: b.o.Compressed}
	}

	done := false
	b.safely("partial", func() { done = b.update(w) })
	if !done || b.diags.HasErrors() {
		return nil
	}
	b.safely("check links", b.checkLinks)
	if b.diags.HasErrors() {
		return nil
	}
	written := rec.Written()
	for name := range s.out.Files {
		if _, ok := mem.Files[name]; !ok {
			written = append(written, name) // removed
		}
	}
	slices.Sort(written)
	s.prev, s.out = b, mem
	return &Result{
		Diags: b.diags, Site: b.site, Pages: len(b.site.Pages),
		Files: mem.Len(), Bytes: mem.Bytes(), Duration: time.Since(start),
		Output: mem, Written: slices.Compact(written), Partial: true,
	}
}

// sameOptions reports whether two builds differ only in what a Session
// follows itself.
func sameOptions(a, b Options) bool {
	return a.Source == b.Source && a.BaseURL == b.BaseURL && a.Now == b.Now && a.Drafts == b.Drafts &&
		a.Compress == b.Compress && a.Charts == b.Charts && a.Destination == b.Destination
}

// work is what a change asks for.
type work struct {
	pages  []string // content files
	data   bool
	static []string // files under static/
}

// classify sorts changed files into work, or reports that only a whole
// build will do.
func classify(changed []string) (work, bool) {
	var w work
	for _, f := range changed {
		f = path.Clean(f)
		switch {
		case strings.HasPrefix(f, content.Dir+"/") && strings.EqualFold(path.Ext(f), ".md"):
			if !slices.Contains(w.pages, f) {
				w.pages = append(w.pages, f)
			}
		case strings.HasPrefix(f, data.Dir+"/"):
			w.data = true
		case strings.HasPrefix(f, "static/"):
			w.static = append(w.static, f)
		default:
			return work{}, false
		}
	}
	return w, true
}

// update does the work in place on the last good build. false means the
// change needs a whole build (an error is always reported by one).
func (b *builder) update(w work) bool {
	var render []*site.Page
	for _, f := range w.pages {
		p, ok := b.reloadPage(f)
		if !ok {
			return false
		}
		render = append(render, p)
	}
	for _, f := range w.static {
		rel := strings.TrimPrefix(f, "static/")
		fi, err := fs.Lstat(b.fsys, f)
		if err != nil || !fi.Mode().IsRegular() || !b.planned.files[rel] {
			return false // added, removed or not a plain file
		}
		src, err := fs.ReadFile(b.fsys, f)
		if err != nil {
			return false
		}
		if err := b.sink.Write(rel, src); err != nil {
			return false
		}
	}
	if w.data {
		return b.updateData(render)
	}
	if len(render) == 0 {
		return true
	}

	c := b.computed
	var codes []view.Shortcode
	for _, p := range render {
		codes = append(codes, view.Shortcodes(p, c.kpis, c.ids, b.diags)...)
	}
	kept := slices.DeleteFunc(slices.Clone(c.shortcodes), func(ps view.Shortcode) bool { return slices.Contains(render, ps.Page) })
	c.shortcodes = append(kept, codes...)
	b.searchDocs(c)
	if b.diags.HasErrors() {
		return false
	}
	b.renderShortcodes(codes)
	par.Each(render, b.renderPage)
	if f, ok := c.files.Get(strings.TrimPrefix(searchIndex, "/")); ok {
		data, err := f.Contents()
		if err != nil || b.sink.Write(f.Path, data) != nil {
			return false
		}
	}
	return true
}

// reloadPage reads a changed content page and parses it again, in place of
// the one the last build had. false means other pages may show what
// changed, or the file is new, gone or wrong.
func (b *builder) reloadPage(file string) (*site.Page, bool) {
	old, ok := b.site.ByFile[file]
	if !ok {
		return nil, false
	}
	opts := b.contentOptions(b.cfg, b.site.Now)
	np := content.LoadFile(b.fsys, file, opts, b.diags)
	if np == nil || b.diags.HasErrors() || !opts.Published(np) {
		return nil, false
	}
	doc := b.md.Parse(np.Body)
	if doc.Err() != nil {
		return nil, false // a whole build reports it
	}
	if np.Summary == "" {
		np.Summary = content.Summarize(doc.FirstParagraph())
	}
	doc.DropFirstParagraph()
	if !sameListing(old, np) || !slices.EqualFunc(old.Headings, doc.Headings, func(a, c markdown.Heading) bool { return a.ID == c.ID }) {
		return nil, false
	}
	old.BodyLine, old.TOC, old.Charts = np.BodyLine, np.TOC, false
	old.Doc, old.Headings, old.Plain = doc, doc.Headings, old.HowTo.Plain()+doc.PlainText()
	b.links[file] = links.Resolve(b.site, old, nil, b.diags)
	return old, !b.diags.HasErrors()
}

// sameListing reports whether two versions of a page look the same from
// every other page — in lists, menus, breadcrumbs, feeds, the sitemap,
// aliases and topics — and hold the same front matter that compute and
// validate resolve (author, images, keywords). A page's schedule is
// among it: a page that is published or withdrawn changes the lists.
func sameListing(a, c *site.Page) bool {
	return a.Kind == c.Kind && a.Path == c.Path && a.Lang == c.Lang && a.Title == c.Title &&
		a.Description == c.Description && a.Summary == c.Summary && a.Layout == c.Layout &&
		a.Date.Equal(c.Date) && a.Lastmod.Equal(c.Lastmod) && a.Weight == c.Weight &&
		a.Draft == c.Draft && a.Slug == c.Slug && a.Menu == c.Menu && slices.Equal(a.Aliases, c.Aliases) &&
		a.LinkTitle == c.LinkTitle && a.PublishDate.Equal(c.PublishDate) && a.ExpiryDate.Equal(c.ExpiryDate) &&
		a.Author == c.Author && slices.Equal(a.Tags, c.Tags) && slices.Equal(a.Images, c.Images) && slices.Equal(a.Keywords, c.Keywords) && site.SameGuide(a, c)
}

// updateData loads data/ again and replaces the products made from it —
// what compute made, the outputs planned, the drawn figures — then renders
// them with the content pages in also (changed ones) and those whose
// shortcodes show data, and removes the files no longer planned.
func (b *builder) updateData(also []*site.Page) bool {
	before := b.planned
	for _, ps := range b.computed.shortcodes {
		if !slices.Contains(also, ps.Page) {
			also = append(also, ps.Page)
		}
	}
	// A byline or a guide's how-to may name a unit; a guide lists services;
	// the home page leads with the state of the plan.
	for _, p := range b.site.Pages {
		if (p.Author != "" || view.IsGuide(p) || p == b.site.Home) && !slices.Contains(also, p) {
			also = append(also, p)
		}
	}
	b.site.Pages = slices.DeleteFunc(b.site.Pages, func(p *site.Page) bool {
		if slices.Contains(b.computed.pages, p) {
			delete(b.site.ByPath, p.Path)
			return true
		}
		return false
	})

	// Pages showing data need their bodies again.
	for _, p := range also {
		if p.Doc == nil {
			if _, ok := b.reloadPage(p.File); !ok {
				return false
			}
		}
	}
	b.data = data.Load(b.fsys, b.loadOptions(), b.diags)
	if b.diags.HasErrors() {
		return false
	}
	b.computed = b.compute()
	if b.diags.HasErrors() {
		return false
	}
	// A page or a download the data now makes may land on an alias, which
	// plan reports; a whole build reports it again.
	b.planned = b.plan()
	if b.diags.HasErrors() {
		return false
	}
	c := b.computed
	b.figures = b.drawCharts(c)
	if b.diags.HasErrors() {
		return false
	}
	render := append(slices.Clone(also), c.pages...)
	b.renderShortcodes(c.shortcodes)
	par.Each(render, b.renderPage)
	for _, f := range c.files.List {
		data, err := f.Contents()
		if err != nil || b.sink.Write(f.Path, data) != nil {
			return false
		}
	}
	b.writeFeeds()

	mem := b.set.(*output.Mem)
	for name := range before.files {
		if !b.planned.files[name] {
			mem.Remove(name)
		}
	}
	return true
}
