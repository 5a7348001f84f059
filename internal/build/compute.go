package build

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/links"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/view"
)

// computed is what the compute stage made from the loaded data: the pages,
// the charts they show, the files they offer, and the shortcodes of
// content pages waiting for their charts, and the file links of the menus.
// A data change replaces it whole.
type computed struct {
	pages  []*site.Page // made from data, in the order they were made
	charts []chart.Chart
	files  view.Files
	// kpis are the indicators a shortcode may show, by id, and their ids
	// in order.
	kpis       map[string]view.KPI
	ids        []string
	tasks      []*data.Task // for the search index
	searchPage *site.Page
	shortcodes []view.Shortcode
	menuLinks  []links.Check
}

// compute makes the pages of data, then menus, and orders the pages.
func (b *builder) compute() *computed {
	c := b.computeData(b.data)
	b.site.Menus, c.menuLinks = links.Menus(b.cfg.Menus, b.site, b.cfg.LanguageCode, b.diags)
	slices.SortFunc(b.site.Pages, func(a, c *site.Page) int { return strings.Compare(a.Path, c.Path) })
	b.searchDocs(c) // in path order, however the pages were added
	return c
}

// computeData judges the data as of now and makes its pages and their
// views (package view), adding the pages to the site. Each step takes what
// it needs from the steps before: unit pages show the tasks, indicator
// cards and report histories; /du-lieu/ lists the others' downloads.
func (b *builder) computeData(d *data.Set) *computed {
	c := &computed{tasks: d.Tasks, kpis: map[string]view.KPI{}}
	if b.theme == nil || b.site.Home == nil {
		return c
	}
	env := b.env(d)

	tasks := view.Tasks(env, d.Tasks, b.cfg.Tasks.SoonDays, view.GroupTitles(d.Indicators))
	judged := b.judge(d.Indicators)
	inds := view.Indicators(env, judged, b.method())
	guides := b.serviceGuides(d.Weekly)
	reps := view.Reports(env, d.Weekly, guides)
	view.Guidance(env, b.site, d.Weekly, guides, b.diags)
	var cards []*view.IndicatorCard
	for _, v := range inds.Views {
		cards = append(cards, v.Card)
		c.kpis[v.Card.ID] = view.KPI{Card: v.Card, Line: v.Line, Series: v.Series}
		c.ids = append(c.ids, v.Card.ID)
	}
	units := view.Units(env, view.UnitInputs{Tasks: tasks, Indicators: judged, Cards: cards, Reports: reps.ByUnit, URLs: b.site.URLs, Pages: b.site.Pages})
	datasets := view.Datasets(env, d, inds, tasks, reps, units)
	cals := view.Calendars(env, tasks, units.All, view.CalendarOptionsOf(b.cfg, b.site.URLs, d.Weekly, b.history))
	view.Bylines(env, b.site.Pages)
	feed := view.FeedOptions{Absolute: b.cfg.Absolute(), Title: b.cfg.Title, Author: cmp.Or(b.cfg.Organisation.Name, b.cfg.Title), URLs: b.site.URLs}
	topics, topicFeeds := view.Topics(env, b.site.Pages, feed)
	feeds := view.SubjectFeeds(env, judged, inds, tasks, units.All, d.Weekly, b.history, feed, b.method())
	changes, hist := view.History(env, b.history, judged, inds, tasks, b.site.ByFile, feed, b.method())
	archive, archived := view.Archive(env, b.o.Archive, b.archived, datasets.Page, slices.Concat(tasks.Files, inds.Files, reps.Files, units.Files, datasets.Files), feed)

	b.site.Home.Data = view.Home(env, inds.IndexView, tasks.View, reps.View)
	c.pages = append(c.pages, tasks.All...)
	c.pages = append(c.pages, units.All...)
	c.pages = append(c.pages, inds.All...)
	if inds.Index != nil {
		c.pages = append(c.pages, b.methodPage(env, inds.Index))
	}
	c.pages = append(c.pages, reps.All...)
	c.pages = append(c.pages, topics...)
	c.pages = append(c.pages, changes...)
	c.pages = append(c.pages, archive...)
	if datasets.Page != nil {
		c.pages = append(c.pages, datasets.Page)
	}
	c.searchPage = &site.Page{Kind: site.KindGenerated, Path: searchPath, Layout: "search", Lang: env.Lang, Parent: b.site.Home,
		SectionPath: b.site.Home.Path, Title: env.T("searchTitle"), Description: env.T("searchDescription")}
	c.pages = append(c.pages, c.searchPage)
	b.addPages(b.diags, c.pages...)

	var out view.Out
	for _, o := range []view.Out{tasks.Out, inds.Out, reps.Out, units.Out, topicFeeds, datasets.Out, cals, feeds, hist, archived} {
		out.Add(o)
	}
	b.diags.Add(out.Problems...)
	c.charts = out.Charts
	for _, f := range out.Files {
		c.files.Put(f)
	}
	for _, p := range b.site.Pages {
		c.shortcodes = append(c.shortcodes, view.Shortcodes(p, c.kpis, c.ids, b.diags)...)
	}
	return c
}

// serviceGuides finds the guidance page each service of data/services.toml
// names (guide = "huong-dan/….md"), checked as a link is: a wrong one is
// an error at its line in services.toml.
func (b *builder) serviceGuides(w *data.Weekly) map[string]view.Guide {
	if w == nil || w.Services == nil {
		return nil
	}
	guides := map[string]view.Guide{}
	for _, sv := range w.Services.All {
		if sv.Guide == "" {
			continue
		}
		if p, to, ok := links.ContentFile(b.site, b.diags, sv.GuidePos, sv.Guide); ok {
			guides[sv.ID] = view.Guide{Title: p.Title, Description: p.Description, Path: to}
		}
	}
	return guides
}

// env is what views of d are made in.
func (b *builder) env(d *data.Set) view.Env {
	lang := b.cfg.LanguageCode
	return view.Env{Lang: lang, T: func(key string) string { return b.theme.T(lang, key) },
		Units: d.Units, Map: d.Map, Now: b.site.Now, Location: b.cfg.Location, Home: b.site.Home, Open: view.Open{Title: b.cfg.Title, Description: b.cfg.Description,
			Publisher: b.cfg.Organisation.Name, Licence: b.cfg.DataLicence, Citation: b.cfg.Citation, Sample: b.cfg.Sample, URLs: b.site.URLs}}
}

func (b *builder) method() indicator.Method {
	return indicator.Method{OnTrack: b.cfg.Indicators.OnTrack, AtRisk: b.cfg.Indicators.AtRisk}
}

// judge computes every indicator's status as of now.
func (b *builder) judge(series []data.Series) []view.Indicator {
	out := make([]view.Indicator, len(series))
	for i, s := range series {
		out[i] = view.Indicator{Ind: s.Ind, Obs: s.Obs, Future: s.Future,
			Result: indicator.Compute(s.Ind, s.Obs, b.site.Now, b.method()), Description: b.description(s.Ind),
			Original: b.history.OriginalTargets(s.Ind.ID, s.Ind.Targets)}
	}
	return out
}

// description renders an indicator's description.
func (b *builder) description(ind *indicator.Indicator) template.HTML {
	if ind.Description == "" {
		return ""
	}
	doc := b.md.Parse([]byte(ind.Description))
	if html, err := b.md.Render(doc); !b.tooComplex(ind.Pos.File, ind.Pos.Line, doc) && err == nil {
		return template.HTML(html)
	}
	return ""
}

// methodPage is the method page, written from the same code that computes
// statuses.
func (b *builder) methodPage(env view.Env, index *site.Page) *site.Page {
	doc := b.md.Parse([]byte(indicator.MethodDoc(b.method(), view.DiagLang(env.Lang))))
	body, err := b.md.Render(doc)
	if err != nil {
		b.diags.Errorf(diag.Pos{File: view.MethodPath}, diag.CodeMarkdown, diag.Tf("lỗi Markdown: %v", "Markdown error: %v", err), diag.Text{})
	}
	return &site.Page{Kind: site.KindGenerated, Path: view.MethodPath, Layout: "single", Lang: env.Lang,
		Parent: index, SectionPath: index.Path, Title: env.T("methodTitle"), Description: env.T("methodDescription"),
		Content: template.HTML(body), Headings: doc.Headings, Plain: doc.PlainText()}
}

// renderShortcodes writes each shortcode's HTML once charts are drawn and
// before the page bodies render.
func (b *builder) renderShortcodes(list []view.Shortcode) {
	for _, ps := range list {
		ctx := b.ctx(ps.Page)
		var name string
		var data any
		switch ps.Code.Name {
		case "kpi":
			name, data = "partials/kpi-card.html", map[string]any{"ctx": ctx, "card": ps.KPI.Card}
		case "chart":
			name, data = "partials/kpi-chart.html", map[string]any{"ctx": ctx, "card": ps.KPI.Card, "figure": ps.KPI.Line}
		case "value":
			name, data = "partials/kpi-value.html", map[string]any{"ctx": ctx, "card": ps.KPI.Card, "text": ps.Text}
		}
		html, err := b.theme.Partial(name, data)
		if err != nil {
			b.diags.Add(b.theme.RenderError(err, ps.Page.File))
			continue
		}
		if ps.Code.Inline {
			html = strings.TrimSpace(html) // a piece of a line
		}
		ps.Code.SetHTML(html)
	}
}
