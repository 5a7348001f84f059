package build

import (
	"fmt"
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/search"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/view"
)

// Paths of the search page and its index; /tim-kiem/ lists every page
// for readers without JavaScript.
const (
	searchPath  = "/tim-kiem/"
	searchIndex = "/tim-kiem/index.json"
)

// indexed tells whether the search index holds p, unless p is the search
// page itself. A filter's page is left out: its rows are in as themselves.
func (l *loaded) indexed(p *site.Page) bool {
	return p.Title != "" && p.Lang == l.cfg.LanguageCode && p.Path != "/404/" && p.Layout != "embed" && !view.IsFilterPage(p)
}

// searchDocs builds the index once every page has its text, and the list
// of all pages for readers without JavaScript, into c.
func (b *builder) searchDocs(c *computed) {
	if c.searchPage == nil {
		return
	}
	lang := b.cfg.LanguageCode
	var pages []*site.Page
	for _, p := range b.site.Pages {
		if b.indexed(p) && p != c.searchPage {
			pages = append(pages, p)
		}
	}
	docs, groups := search.FromPages(pages, b.theme.T(lang, "home"), view.IndicatorsPath)
	docs = append(docs, view.TaskDocs(b.env(b.data), c.tasks)...)
	if len(docs) < b.indexedAtLeast {
		// The bodies kept too little text for an index this small (see
		// load): a fault of tiendo's, not of the site.
		b.diags.Errorf(diag.Pos{File: searchIndex}, diag.CodeSearch, diag.Tf("lỗi của tiendo: chỉ mục tìm kiếm có %d trang, ít hơn %d", "tiendo's fault: the search index has %d pages, fewer than %d", len(docs), b.indexedAtLeast), diag.Text{})
		return
	}
	// Made when written: at a hundred thousand pages the index is over
	// 100 MB, which need not sit in memory while the pages are rendered.
	// Pages and tasks are checked to have a title and one address each
	// before this: an error is tiendo's own.
	c.files.Put(view.File{Path: strings.TrimPrefix(searchIndex, "/"), Make: func() ([]byte, error) {
		idx, err := search.Index(docs, lang)
		if err != nil {
			return nil, fmt.Errorf("tiendo's fault, please report it: cannot build the search index: %w", err)
		}
		return idx, nil
	}})
	c.searchPage.Data = search.PageView{IndexURL: searchIndex, Groups: groups}
}
