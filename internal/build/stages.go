package build

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"path"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/tiendo/tiendo/internal/chart/echarts"
	"github.com/tiendo/tiendo/internal/content"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/links"
	"github.com/tiendo/tiendo/internal/markdown"
	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/par"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/theme"
)

// validate parses every body and resolves its links: links to .md files and
// their anchors now, links to other files once the output is written.
func (b *builder) validate() {
	var withBody []*site.Page
	for _, p := range b.site.Pages {
		if p.File != "" {
			withBody = append(withBody, p)
		}
	}
	par.Each(withBody, func(p *site.Page) {
		p.Doc = b.md.Parse(p.Body)
		b.tooComplex(p.File, p.BodyLine, p.Doc)
		p.Body = nil // the parsed body is all later stages need
		p.Headings = p.Doc.Headings
		p.Plain = p.Doc.PlainText()
		if p.Summary == "" {
			p.Summary = content.Summarize(p.Doc.FirstParagraph())
		}
	})
	par.Each(withBody, b.resolveLinks)
}

// tooComplex reports a body that took longer to parse than [markup]
// parseBudget (see internal/markdown, budget.go).
func (b *builder) tooComplex(file string, line int, d *markdown.Doc) bool {
	if d.Err() == nil {
		return false
	}
	b.diags.Errorf(diag.Pos{File: file, Line: line, Col: 1}, diag.CodeContentTooComplex,
		diag.Tf("trang quá phức tạp để xử lý: đọc Markdown của trang mất hơn %v", "the page is too complex to process: reading its Markdown took longer than %v", b.cfg.Markup.Budget),
		diag.T("Thường do hàng nghìn dấu [, ![ hoặc ( không đóng, hay dấu * và _ xen kẽ, thường khi dán nhầm dữ liệu vào trang. "+
			"Sửa hoặc chia nhỏ trang; nếu trang đúng là lớn như vậy, tăng parseBudget trong mục [markup] của config.toml (hiện là "+b.cfg.Markup.ParseBudget+").",
			"Usually thousands of unclosed [, ![ or ( or interleaved * and _, often data pasted into the page by mistake. "+
				"Fix or split the page; if it really is that large, raise parseBudget under [markup] in config.toml (now "+b.cfg.Markup.ParseBudget+")."))
	return true
}

// resolveLinks may run for several pages at once.
func (b *builder) resolveLinks(p *site.Page) {
	checks := links.Resolve(b.site, p, b.diags)
	b.mu.Lock()
	b.checks = append(b.checks, checks...)
	b.mu.Unlock()
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
				diag.Tf("Vui lòng báo lỗi này kèm: %s", "Please report this with: %s", firstLines(string(debug.Stack()), 10)))
		}
	}()
	if p.Doc != nil {
		body, err := b.md.Render(p.Doc)
		if err != nil {
			b.diags.Errorf(diag.Pos{File: p.File}, diag.CodeMarkdown, diag.Because(diag.T("lỗi Markdown", "Markdown error"), err), diag.Text{})
			return
		}
		p.Content = template.HTML(body)
		p.Doc = nil // the AST is no longer needed; free it
	}
	layout := p.Layout
	if layout == "" {
		switch p.Kind {
		case site.KindHome:
			layout = "home"
		case site.KindSection:
			layout = "section"
		default:
			layout = "single"
		}
	}
	if !strings.HasSuffix(layout, ".html") {
		layout += ".html"
	}
	if !b.theme.HasLayout(layout) {
		b.diags.Errorf(diag.Pos{File: label(p), Line: 1, Col: 1}, diag.CodeLayoutMissing,
			diag.Tf("không có mẫu giao diện %q", "no layout %q", layout),
			diag.T("Tạo layouts/"+layout+" hoặc bỏ khóa layout.", "Create layouts/"+layout+" or remove the layout key."))
		return
	}
	var buf bytes.Buffer
	if err := b.theme.Render(&buf, layout, b.ctx(p)); err != nil {
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

// write adds everything that is not a page: static files, aliases, the
// sitemap, robots.txt and the Atom feed.
func (b *builder) write() {
	// ECharts first, so that a theme's own copy replaces it.
	if err := output.CopyFS(b.sink, echarts.FS, echarts.Dir, nil); err != nil {
		b.diags.Errorf(diag.Pos{File: "static"}, diag.CodeStaticCopy, diag.Because(diag.T("không chép được tệp tĩnh", "cannot copy static files"), err), diag.Text{})
	}
	for _, st := range b.theme.Static {
		if err := output.CopyFS(b.sink, st, ".", nil); err != nil {
			b.diags.Errorf(diag.Pos{File: "static"}, diag.CodeStaticCopy, diag.Because(diag.T("không chép được tệp tĩnh", "cannot copy static files"), err), diag.Text{})
		}
	}
	if sub, err := fs.Sub(b.fsys, "static"); err == nil && exists(b.fsys, "static") {
		_ = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type()&fs.ModeSymlink != 0 {
				b.diags.Errorf(diag.Pos{File: path.Join("static", p)}, diag.CodeStaticSymlink,
					diag.T("liên kết tượng trưng (symlink) không được dùng trong static/", "symbolic links are not allowed in static/"),
					diag.T("Chép tệp thật vào thư mục static/.", "Copy the real file into static/."))
			}
			return nil
		})
		if err := output.CopyFS(b.sink, sub, ".", nil); err != nil {
			b.diags.Errorf(diag.Pos{File: "static"}, diag.CodeStaticCopy, diag.Because(diag.T("không chép được tệp tĩnh", "cannot copy static files"), err), diag.Text{})
		}
	}
	for _, f := range b.computed.files.list {
		if err := b.sink.Write(f.Path, f.Data); err != nil {
			b.diags.Errorf(diag.Pos{File: f.Path}, diag.CodeOutputWrite, diag.Because(diag.T("không ghi được tệp", "cannot write file"), err), diag.Text{})
		}
	}
	b.writeFeeds()
	b.writeAliases()
}

// writeAliases writes a redirect page for each alias. It runs after every
// other file is written, so that an alias landing on one of them — or on a
// file where it needs a folder — is an error at the alias, naming what is
// already there, and never replaces it.
func (b *builder) writeAliases() {
	b.aliasFiles = map[string]aliasAt{}
	byOutput := map[string]*site.Page{}
	for _, p := range b.site.Pages {
		byOutput[p.OutputFile()] = p
	}
	for _, p := range b.site.Pages {
		for i, a := range p.Aliases {
			ap, ok := content.CleanAlias(a)
			if !ok {
				continue // reported at load
			}
			pos := diag.Pos{File: p.File, Line: 1, Col: 1}
			if i < len(p.AliasPos) {
				pos = p.AliasPos[i]
			}
			file := strings.TrimPrefix(ap, "/") + "index.html"
			if strings.HasSuffix(ap, ".html") {
				file = strings.TrimPrefix(ap, "/")
			}
			if there, taken := b.outputAt(file, byOutput); taken {
				b.diags.Errorf(pos, diag.CodeAliasTaken,
					diag.Text{Vi: fmt.Sprintf("alias %q trùng chỗ với %s", a, there.Vi), En: fmt.Sprintf("alias %q lands on %s", a, there.En)},
					diag.T("Xoá alias này hoặc đổi địa chỉ: alias chỉ dành cho địa chỉ cũ mà không còn gì khác dùng.",
						"Remove this alias or change it: an alias is for an old address that nothing else uses."))
				continue
			}
			b.aliasFiles[file] = aliasAt{alias: a, page: p, pos: pos}
			from := "/" + strings.TrimSuffix(file, "index.html")
			target := b.site.URLs.Link(from, p.Path)
			lang := p.Lang
			page := fmt.Sprintf(`<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<title>%s</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="%s">
<meta http-equiv="refresh" content="0; url=%s">
</head>
<body>
<p><a href="%s">%s</a></p>
</body>
</html>
`, lang, html.EscapeString(p.Title), html.EscapeString(b.site.URLs.Abs(p.Path)), html.EscapeString(target),
				html.EscapeString(target), html.EscapeString(p.Title))
			if err := b.sink.Write(file, []byte(page)); err != nil {
				b.diags.Errorf(pos, diag.CodeOutputWrite, diag.Because(diag.Tf("không ghi được alias %q", "cannot write alias %q", a), err), diag.Text{})
			}
		}
	}
}

// aliasAt is an alias written, for the next alias that lands on it.
type aliasAt struct {
	alias string
	page  *site.Page
	pos   diag.Pos
}

// outputAt says what the build already wrote at file, an output path, or
// at a folder above it, which file would need to be a folder.
func (b *builder) outputAt(file string, byOutput map[string]*site.Page) (diag.Text, bool) {
	for f := file; ; {
		if a, ok := b.aliasFiles[f]; ok {
			return diag.Tf("alias %q của trang %s (dòng %d)", "alias %q of page %s (line %d)", a.alias, a.page.File, a.pos.Line), true
		}
		if b.set.Has(f) {
			return b.describeOutput(f, byOutput), true
		}
		i := strings.LastIndexByte(f, '/')
		if i < 0 {
			return diag.Text{}, false
		}
		f = f[:i]
	}
}

// describeOutput names what wrote the output file f, for staff.
func (b *builder) describeOutput(f string, byOutput map[string]*site.Page) diag.Text {
	if p, ok := byOutput[f]; ok {
		if p.File != "" {
			return diag.Tf("trang %s", "the page %s", p.File)
		}
		return diag.Tf("trang %s (“%s”) mà tiendo tạo", "the page %s (“%s”) tiendo makes", p.Path, p.Title)
	}
	if _, ok := b.computed.files.get(f); ok {
		return diag.Tf("tệp /%s mà tiendo tạo từ dữ liệu", "the file /%s tiendo makes from data", f)
	}
	if exists(b.fsys, path.Join("static", f)) {
		return diag.Tf("tệp tĩnh static/%s", "the static file static/%s", f)
	}
	return diag.Tf("tệp /%s mà tiendo tạo", "the file /%s tiendo makes", f)
}

func (b *builder) writeFeeds() {
	urls := b.site.URLs
	var sm []output.SitemapURL
	var entries []output.FeedEntry
	for _, p := range b.site.Pages {
		if p.Path == "/404/" {
			continue
		}
		u := output.SitemapURL{Loc: urls.Abs(p.Path)}
		if t := p.Updated(); !t.IsZero() {
			u.Lastmod = t.Format("2006-01-02")
		}
		sm = append(sm, u)
		if p.Kind == site.KindPage && !p.Date.IsZero() && p.File != "" && p.Lang == b.cfg.LanguageCode {
			entries = append(entries, output.FeedEntry{Title: p.Title, URL: urls.Abs(p.Path), Summary: p.Summary, Updated: p.Updated()})
		}
	}
	slices.SortStableFunc(entries, func(a, c output.FeedEntry) int {
		if d := c.Updated.Compare(a.Updated); d != 0 {
			return d
		}
		return strings.Compare(a.URL, c.URL)
	})
	if len(entries) > 30 {
		entries = entries[:30]
	}
	write := func(name string, data []byte) {
		if err := b.sink.Write(name, data); err != nil {
			b.diags.Errorf(diag.Pos{File: name}, diag.CodeOutputWrite, diag.Because(diag.Tf("không ghi được %s", "cannot write %s", name), err), diag.Text{})
		}
	}
	write("robots.txt", output.Robots(urls.Abs("/sitemap.xml")))
	// A sitemap's <loc> and a feed's ids must be absolute URLs
	// (sitemaps.org, RFC 4287); without a host in baseURL neither is
	// written (see warnPathBaseURL).
	if !b.cfg.Absolute() {
		return
	}
	write("sitemap.xml", output.Sitemap(sm))
	author := b.cfg.Organisation.Name
	if author == "" {
		author = b.cfg.Title
	}
	write("atom.xml", output.Atom(b.cfg.LanguageCode, b.cfg.Title, author, urls.Abs("/"), urls.Abs("/atom.xml"), entries))
}

// checkLinks verifies that every internal link found in content and menus
// names a file the build wrote.
func (b *builder) checkLinks() {
	for _, c := range b.checks {
		if !b.set.Has(c.File) {
			b.diags.Errorf(c.Pos, diag.CodeLinkMissing,
				diag.Tf("liên kết tới tệp hoặc trang không tồn tại: %s", "link to a file or page that does not exist: %s", c.Dest),
				diag.T("Tệp tĩnh đặt trong static/; liên kết tới trang viết dạng ../trang.md.", "Put static files in static/; link to pages as ../page.md."))
		}
	}
}

func (b *builder) ctx(p *site.Page) *theme.Ctx {
	return &theme.Ctx{Site: b.site, Page: p, Theme: b.theme, Extra: p.Data, Figures: b.figures}
}
