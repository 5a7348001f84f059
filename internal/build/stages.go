package build

import (
	"bytes"
	"cmp"
	"html/template"
	"io/fs"
	"path"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/tiendo/tiendo/internal/content"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/keep"
	"github.com/tiendo/tiendo/internal/links"
	"github.com/tiendo/tiendo/internal/markdown"
	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/par"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/spill"
	"github.com/tiendo/tiendo/internal/theme"
)

// fileLinks are the links to files other than pages, by the file of the
// page holding them: the product of validate, checked against the planned
// outputs (see outputs).
type fileLinks map[string][]links.Check

// validate parses every body and resolves its links: links to .md files and
// their anchors now, links to other files once the outputs are known. Each
// page's links are resolved as soon as it is parsed, so that they are not
// kept meanwhile for a hundred thousand pages; only the anchors they name
// in other pages wait until every page's headings are known.
func (b *builder) validate() fileLinks {
	var withBody []*site.Page
	for _, p := range b.site.Pages {
		if p.File != "" {
			withBody = append(withBody, p)
		}
	}
	var anchors links.Anchors
	found := make([][]links.Check, len(withBody))
	par.For(len(withBody), func(i int) {
		p := withBody[i]
		// A body read back from the spill store's file is read into a
		// buffer that the next page reuses: the Doc keeps nothing of it.
		buf := sourceBuffers.Get().(*[]byte)
		defer sourceBuffers.Put(buf)
		if n := p.BodyLater.Len(); !p.BodyLater.InMemory() && cap(*buf) < n && n <= 1<<20 {
			*buf = make([]byte, 0, n)
		}
		p.Doc = b.md.ParseLent(content.ReadBody(b.sources, p, *buf, b.diags))
		b.tooComplex(p.File, p.BodyLine, p.Doc)
		// The parsed body is all later stages need; BodyLater may hold it
		// in memory (up to BodyMemory for all pages).
		p.Body, p.BodyLater = nil, spill.Ref{}
		p.Headings = p.Doc.Headings
		p.Plain = p.HowTo.Plain() + p.Doc.PlainText()
		if p.Summary == "" {
			text := summaries.Get().(*keep.Text)
			p.Summary = text.String(content.Summarize(p.Doc.FirstParagraph()))
			summaries.Put(text)
		}
		p.Doc.DropFirstParagraph()
		found[i] = links.Resolve(b.site, p, &anchors, b.diags)
	})
	anchors.Check(b.diags)
	fl := fileLinks{}
	for i, p := range withBody {
		fl[p.File] = found[i]
	}
	return fl
}

// summaries hold the summaries validate makes of first paragraphs, which
// every page keeps (see package keep).
var summaries = sync.Pool{New: func() any { return new(keep.Text) }}

// sourceBuffers hold the Markdown bodies read back for validate.
var sourceBuffers = sync.Pool{New: func() any { return new([]byte) }}

// tooComplex reports a body that took longer to parse than [markup]
// parseBudget.
func (b *builder) tooComplex(file string, line int, d *markdown.Doc) bool {
	return content.TooComplex(b.diags, file, line, d, b.cfg.Markup.Budget, b.cfg.Markup.ParseBudget)
}

// render writes every page through its layout, in parallel.
func (b *builder) render() {
	b.renderShortcodes(b.computed.shortcodes)
	par.Each(b.site.Pages, b.renderPage)
}

func (b *builder) renderPage(p *site.Page) {
	defer func() {
		if r := recover(); r != nil {
			b.diags.Errorf(diag.Pos{File: label(p)}, diag.CodeInternal,
				diag.Tf("lỗi nội bộ khi dựng trang: %v", "internal error rendering the page: %v", r),
				diag.Tf("Vui lòng báo lỗi này kèm: %s", "Please report this with: %s", diag.FirstLines(string(debug.Stack()), 10)))
		}
	}()
	if p.Doc != nil {
		body, err := b.md.Render(p.Doc)
		if err != nil {
			b.diags.Errorf(diag.Pos{File: p.File}, diag.CodeMarkdown, diag.Because(diag.T("lỗi Markdown", "Markdown error"), err), diag.Text{})
			return
		}
		p.Content = template.HTML(body)
		p.Doc.Release()
		p.Doc = nil
	}
	layout, ok := b.layoutOf(p)
	if !ok {
		return // reported by plan
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer putPageBuffer(buf)
	buf.Reset()
	if err := b.theme.Render(buf, layout, b.ctx(p)); err != nil {
		b.diags.Add(b.theme.RenderError(err, label(p)))
		return
	}
	if err := b.sink.Write(p.OutputFile(), buf.Bytes()); err != nil {
		b.diags.Errorf(diag.Pos{File: label(p)}, diag.CodeOutputWrite, diag.Because(diag.T("không ghi được tệp", "cannot write file"), err), diag.Text{})
	}
	// No other page reads this one's HTML: free it, so memory holds one
	// rendered body per core rather than one per page.
	p.Content = ""
}

// pageBuffers hold pages while they are rendered and written: a sink keeps
// nothing of what it is given (output.Sink), so one buffer serves page
// after page instead of each page growing its own, 5 GB of garbage at
// 100,000 pages.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putPageBuffer(b *bytes.Buffer) {
	if b.Cap() <= 4<<20 { // a huge page's buffer is not kept for the others
		pageBuffers.Put(b)
	}
}

// write adds everything that is not a page: static files, aliases, the
// sitemap, robots.txt and the Atom feed.
func (b *builder) write() {
	if sub, err := fs.Sub(b.fsys, "static"); err == nil && exists(b.fsys, "static") {
		for _, p := range output.Symlinks(sub) {
			b.diags.Errorf(diag.Pos{File: path.Join("static", p)}, diag.CodeStaticSymlink,
				diag.T("liên kết tượng trưng (symlink) không được dùng trong static/", "symbolic links are not allowed in static/"),
				diag.T("Chép tệp thật vào thư mục static/.", "Copy the real file into static/."))
		}
	}
	for _, st := range b.statics() {
		if err := output.CopyFS(b.sink, st.fsys, st.prefix); err != nil {
			b.diags.Errorf(diag.Pos{File: "static"}, diag.CodeStaticCopy, diag.Because(diag.T("không chép được tệp tĩnh", "cannot copy static files"), err), diag.Text{})
		}
	}
	for _, f := range b.computed.files.List {
		data, err := f.Contents()
		if err == nil {
			err = b.sink.Write(f.Path, data)
		}
		if err != nil {
			b.diags.Errorf(diag.Pos{File: f.Path}, diag.CodeOutputWrite, diag.Because(diag.T("không ghi được tệp", "cannot write file"), err), diag.Text{})
		}
	}
	b.writeFeeds()
	b.writeAliases()
}

// writeAliases writes the redirect page of each alias planned, once every
// other file is written.
func (b *builder) writeAliases() {
	for _, a := range b.planned.aliases {
		from := "/" + strings.TrimSuffix(a.file, "index.html")
		page := output.Alias(a.page.Lang, a.page.Title, b.site.URLs.Abs(a.page.Path), b.site.URLs.Link(from, a.page.Path))
		if err := b.sink.Write(a.file, page); err != nil {
			b.diags.Errorf(a.pos, diag.CodeOutputWrite, diag.Because(diag.Tf("không ghi được alias %q", "cannot write alias %q", a.alias), err), diag.Text{})
		}
	}
}

// writeFeeds writes robots.txt, the sitemap and the Atom feed (see
// output.FeedFiles).
func (b *builder) writeFeeds() {
	feeds := output.Feeds(b.site, b.cfg.Absolute(), b.cfg.LanguageCode, b.cfg.Title, cmp.Or(b.cfg.Organisation.Name, b.cfg.Title))
	for _, name := range output.FeedFiles(b.cfg.Absolute()) {
		if err := b.sink.Write(name, feeds[name]); err != nil {
			b.diags.Errorf(diag.Pos{File: name}, diag.CodeOutputWrite, diag.Because(diag.Tf("không ghi được %s", "cannot write %s", name), err), diag.Text{})
		}
	}
}

func (b *builder) ctx(p *site.Page) *theme.Ctx {
	return &theme.Ctx{Site: b.site, Page: p, Theme: b.theme, Extra: p.Data, Figures: b.figures}
}
