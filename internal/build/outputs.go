package build

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/tiendo/tiendo/internal/chart/echarts"
	"github.com/tiendo/tiendo/internal/content"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/links"
	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/site"
)

// outputs are the files a build will write, known once compute is done and
// before anything is drawn or rendered: every page's file, the static files
// (ECharts, the theme's, the site's static/), the files compute made
// (downloads, the search index), robots.txt and the feeds, and the aliases'
// redirect pages. File links are checked against them, in a build as in
// `tiendo check`, which therefore need not render; the tests check that a
// build writes exactly these files. Not among them: the marker output.Dir
// writes first, and the copies --compress adds; no link may lead to those.
type outputs struct {
	files   map[string]bool
	pages   map[string]*site.Page // by output file
	aliases []aliasAt             // in the order written
}

// aliasAt is an alias planned, at its output file.
type aliasAt struct {
	alias, file string
	page        *site.Page
	pos         diag.Pos
}

// plan lists the outputs. What can be wrong about them in the input is
// reported here rather than when they are written, so that check reports
// it too: a missing layout, a path no file can have, an alias landing on
// another file.
func (b *builder) plan() *outputs {
	o := &outputs{files: map[string]bool{}, pages: map[string]*site.Page{}}
	add := func(f string, pos diag.Pos) {
		if _, err := output.CleanPath(f); err != nil {
			b.diags.Errorf(pos, diag.CodeOutputWrite, diag.Because(diag.T("không ghi được tệp", "cannot write file"), err), diag.Text{})
		}
		o.files[f] = true
	}
	for _, p := range b.site.Pages {
		if layout, ok := b.layoutOf(p); !ok {
			b.diags.Errorf(diag.Pos{File: label(p), Line: 1, Col: 1}, diag.CodeLayoutMissing,
				diag.Tf("không có mẫu giao diện %q", "no layout %q", layout),
				diag.T("Tạo layouts/"+layout+" hoặc bỏ khóa layout.", "Create layouts/"+layout+" or remove the layout key."))
			continue
		}
		f := p.OutputFile()
		o.pages[f] = p
		add(f, diag.Pos{File: label(p)})
	}
	for _, st := range b.statics() {
		files, _ := output.Files(st.fsys) // an error is write's to report
		for _, f := range files {
			add(path.Join(st.prefix, f), diag.Pos{File: "static"})
		}
	}
	for _, f := range b.computed.files.List {
		add(f.Path, diag.Pos{File: f.Path})
	}
	for _, s := range b.computed.shares {
		add(s.Path, diag.Pos{File: s.Path})
	}
	for _, f := range output.FeedFiles(b.cfg.Absolute()) {
		add(f, diag.Pos{File: f})
	}
	b.planAliases(o)
	return o
}

// planAliases places a redirect page at each alias, after every other
// file: an alias landing on one of them — or on a file where it needs a
// folder — is an error at the alias, naming what is there, and never
// replaces it.
func (b *builder) planAliases(o *outputs) {
	taken := map[string]aliasAt{}
	for _, p := range b.site.Pages {
		for i, a := range p.Aliases {
			ap, ok := content.CleanAlias(a)
			if !ok {
				continue // reported at load
			}
			at := aliasAt{alias: a, page: p, pos: diag.Pos{File: p.File, Line: 1, Col: 1}, file: strings.TrimPrefix(ap, "/") + "index.html"}
			if i < len(p.AliasPos) {
				at.pos = p.AliasPos[i]
			}
			if strings.HasSuffix(ap, ".html") {
				at.file = strings.TrimPrefix(ap, "/")
			}
			if there, ok := b.outputAt(o, taken, at.file); ok {
				b.diags.Errorf(at.pos, diag.CodeAliasTaken,
					diag.Text{Vi: fmt.Sprintf("alias %q trùng chỗ với %s", a, there.Vi), En: fmt.Sprintf("alias %q lands on %s", a, there.En)},
					diag.T("Xoá alias này hoặc đổi địa chỉ: alias chỉ dành cho địa chỉ cũ mà không còn gì khác dùng.",
						"Remove this alias or change it: an alias is for an old address that nothing else uses."))
				continue
			}
			taken[at.file] = at
			o.aliases = append(o.aliases, at)
		}
	}
	for _, a := range o.aliases {
		o.files[a.file] = true
	}
}

// outputAt says what is planned at file, an output path, or at a folder
// above it, which file would need to be a folder.
func (b *builder) outputAt(o *outputs, aliases map[string]aliasAt, file string) (diag.Text, bool) {
	for f := file; ; {
		if a, ok := aliases[f]; ok {
			return diag.Tf("alias %q của trang %s (dòng %d)", "alias %q of page %s (line %d)", a.alias, a.page.File, a.pos.Line), true
		}
		if o.files[f] {
			return b.describeOutput(o, f), true
		}
		i := strings.LastIndexByte(f, '/')
		if i < 0 {
			return diag.Text{}, false
		}
		f = f[:i]
	}
}

// describeOutput names what makes the output file f, for staff.
func (b *builder) describeOutput(o *outputs, f string) diag.Text {
	if p, ok := o.pages[f]; ok {
		if p.File != "" {
			return diag.Tf("trang %s", "the page %s", p.File)
		}
		return diag.Tf("trang %s (“%s”) mà tiendo tạo", "the page %s (“%s”) tiendo makes", p.Path, p.Title)
	}
	if _, ok := b.computed.files.Get(f); ok {
		return diag.Tf("tệp /%s mà tiendo tạo từ dữ liệu", "the file /%s tiendo makes from data", f)
	}
	if exists(b.fsys, path.Join("static", f)) {
		return diag.Tf("tệp tĩnh static/%s", "the static file static/%s", f)
	}
	return diag.Tf("tệp /%s mà tiendo tạo", "the file /%s tiendo makes", f)
}

// staticDir is a folder of files copied as they are, under prefix.
type staticDir struct {
	fsys   fs.FS
	prefix string
}

// statics are the folders of static files in the order they are copied:
// ECharts first, so that a theme's own copy replaces it, then the theme's
// and the site's static/.
func (b *builder) statics() []staticDir {
	out := []staticDir{{echarts.FS, echarts.Dir}}
	for _, st := range b.theme.Static {
		out = append(out, staticDir{st, "."})
	}
	if sub, err := fs.Sub(b.fsys, "static"); err == nil && exists(b.fsys, "static") {
		out = append(out, staticDir{sub, "."})
	}
	return out
}

// layoutOf is the layout file that renders p, and whether the theme has it.
func (b *builder) layoutOf(p *site.Page) (string, bool) {
	layout := p.Layout
	switch {
	case layout != "":
	case p.Kind == site.KindHome:
		layout = "home"
	case p.Kind == site.KindSection:
		layout = "section"
	default:
		layout = "single"
	}
	if !strings.HasSuffix(layout, ".html") {
		layout += ".html"
	}
	return layout, b.theme.HasLayout(layout)
}

// checkLinks verifies that every internal link found in content and menus
// names a file the build writes.
func (b *builder) checkLinks() {
	check := func(cs []links.Check) {
		for _, c := range cs {
			if !b.planned.files[c.File] {
				b.diags.Errorf(c.Pos, diag.CodeLinkMissing,
					diag.Tf("liên kết tới tệp hoặc trang không tồn tại: %s", "link to a file or page that does not exist: %s", c.Dest),
					diag.T("Tệp tĩnh đặt trong static/; liên kết tới trang viết dạng ../trang.md.", "Put static files in static/; link to pages as ../page.md."))
			}
		}
	}
	for _, cs := range b.links {
		check(cs)
	}
	check(b.computed.menuLinks)
}
