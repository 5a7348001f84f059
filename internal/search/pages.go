package search

import (
	"strings"

	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/vi"
)

// FromPages makes the index documents of pages, in their order, and the
// list of them for readers without JavaScript, grouped by top section
// (pages at the top under homeTitle). A generated page with layout
// "indicator" under indicatorsPath is an indicator.
func FromPages(pages []*site.Page, homeTitle, indicatorsPath string) ([]Doc, []Group) {
	var docs []Doc
	groups := map[string]*Group{}
	var order []string
	for _, p := range pages {
		d := Doc{Title: p.Title, Path: p.Path, Text: p.Plain, Kind: KindPage}
		if d.Text == "" {
			d.Text = p.Description
		}
		if p.Parent != nil && p.Parent.Kind != site.KindHome {
			d.Section = p.Parent.Title
		}
		if strings.HasPrefix(p.Path, indicatorsPath) && p.Kind == site.KindGenerated && p.Layout == "indicator" {
			d.Kind = KindIndicator
		}
		for _, h := range p.Headings {
			d.Headings = append(d.Headings, h.Text)
		}
		docs = append(docs, d)

		gt := homeTitle
		top := p.Ancestors()
		if len(top) > 1 {
			gt = top[1].Title
		} else if p.IsSection() && p.Path != "/" {
			gt = p.Title
		}
		if _, ok := groups[gt]; !ok {
			groups[gt] = &Group{Title: gt}
			order = append(order, gt)
		}
		groups[gt].Pages = append(groups[gt].Pages, Link{Title: p.Title, Path: p.Path})
	}
	vi.SortStrings(order)
	out := make([]Group, len(order))
	for i, g := range order {
		out[i] = *groups[g]
	}
	return docs, out
}
