package build

import (
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/search"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/vi"
)

// Paths of the search page and its index.
const (
	searchPath  = "/tim-kiem/"
	searchIndex = "/tim-kiem/index.json"
)

// computeSearch adds /tim-kiem/: its index holds every page, indicator and
// task; without JavaScript the page lists every page instead.
func (b *builder) computeSearch() {
	lang := b.cfg.LanguageCode
	page := &site.Page{Kind: site.KindGenerated, Path: searchPath, Layout: "search", Lang: lang,
		Title: b.theme.T(lang, "searchTitle"), Description: b.theme.T(lang, "searchDescription")}
	b.addGenerated(page, b.site.Home)
	b.searchPage = page
}

// indexed tells whether the search index holds p.
func (b *builder) indexed(p *site.Page) bool {
	return p.Title != "" && p.Lang == b.cfg.LanguageCode && p.Path != "/404/" && p.Layout != "embed" && p != b.searchPage
}

// searchDocs builds the index once every page has its text, and the list
// of all pages for readers without JavaScript.
func (b *builder) searchDocs() {
	if b.searchPage == nil {
		return
	}
	lang := b.cfg.LanguageCode
	var docs []search.Doc
	groups := map[string]*search.Group{}
	var order []string
	for _, p := range b.site.Pages {
		if !b.indexed(p) {
			continue
		}
		d := search.Doc{Title: p.Title, Path: p.Path, Text: p.Plain, Kind: search.KindPage}
		if d.Text == "" {
			d.Text = p.Description
		}
		if p.Parent != nil && p.Parent.Kind != site.KindHome {
			d.Section = p.Parent.Title
		}
		if strings.HasPrefix(p.Path, kpiPath) && p.Kind == site.KindGenerated && p.Layout == "indicator" {
			d.Kind = search.KindIndicator
		}
		for _, h := range p.Headings {
			d.Headings = append(d.Headings, h.Text)
		}
		docs = append(docs, d)

		gt := b.theme.T(lang, "home")
		top := p.Ancestors()
		if len(top) > 1 {
			gt = top[1].Title
		} else if p.IsSection() && p.Path != "/" {
			gt = p.Title
		}
		if _, ok := groups[gt]; !ok {
			groups[gt] = &search.Group{Title: gt}
			order = append(order, gt)
		}
		groups[gt].Pages = append(groups[gt].Pages, search.Link{Title: p.Title, Path: p.Path})
	}
	for _, t := range b.data.tasks {
		text := t.Result
		if t.DeadlineText != "" {
			text = t.DeadlineText + ". " + text
		}
		docs = append(docs, search.Doc{ID: "task-" + t.Code, Title: t.Code + ". " + t.Title, Path: tasksPath + "#nv-" + vi.Slug(t.Code),
			Section: b.theme.T(lang, "tasksTitle"), Text: text, Kind: search.KindTask})
	}
	if len(docs) < b.indexedAtLeast {
		// The bodies kept too little text for an index this small (see
		// load): a fault of tiendo's, not of the site.
		b.diags.Errorf(diag.Pos{File: searchIndex}, diag.CodeSearch, diag.Tf("lỗi của tiendo: chỉ mục tìm kiếm có %d trang, ít hơn %d", "tiendo's fault: the search index has %d pages, fewer than %d", len(docs), b.indexedAtLeast), diag.Text{})
		return
	}
	idx, err := search.Index(docs, lang)
	if err != nil {
		// Pages and tasks are checked to have a title and one address each
		// before this: a failure here is tiendo's own.
		b.diags.Errorf(diag.Pos{File: searchIndex}, diag.CodeSearch,
			diag.T("lỗi của tiendo: không tạo được chỉ mục tìm kiếm", "tiendo's fault: cannot build the search index"),
			diag.T("Vui lòng báo lỗi này cho người phát triển tiendo.", "Please report this to tiendo's developers."))
		return
	}
	b.later(searchIndex, idx)
	view := search.PageView{IndexURL: searchIndex}
	vi.SortStrings(order)
	for _, g := range order {
		view.Groups = append(view.Groups, *groups[g])
	}
	b.searchPage.Data = view
}
