package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/markdown"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/tiendo/tiendo/internal/vi"
)

// Paths of the indicator pages.
const (
	kpiPath     = "/chi-tieu/"
	methodPath  = "/chi-tieu/phuong-phap/"
	datasetPath = "/du-lieu/"
	// IndicatorsFile is the indicator registry under the site root.
	IndicatorsFile = data.Dir + "/indicators.toml"
)

// kpi is one indicator with its data and what was computed from it.
type kpi struct {
	ind *indicator.Indicator
	obs []indicator.Observation
	// future holds the figures of periods that start after the moment
	// judged at: in the CSV download, marked, and nowhere else.
	future []indicator.Observation
	res    indicator.Result
	raw    []byte // the CSV as staff saved it
	tab    *table.Table

	card *IndicatorCard
	page *site.Page
}

// IndicatorCard is an indicator as a card shows it (on /chi-tieu/, in the
// {{< kpi >}} shortcode, on unit pages).
type IndicatorCard struct {
	ID, Title, Path string
	Value           string // "47.024 tài khoản", "66,1%", "—"
	Target          string // "50.000 (30/06/2023)"
	Pct             string // "94,0%"
	Period          string // the latest period, in words
	Status          StatusBadge
	Sparkline       *Figure
	Sentence        string
	Illustrative    bool
	Lead            UnitRef
}

// IndicatorGroup is the cards of one group of the plan.
type IndicatorGroup struct {
	Code, Title string
	Cards       []*IndicatorCard
}

// IndicatorsView is the data of /chi-tieu/.
type IndicatorsView struct {
	Groups []IndicatorGroup
	Counts []StatusCount
}

// IndicatorView is the data of /chi-tieu/<id>/.
type IndicatorView struct {
	Card        *IndicatorCard
	Description template.HTML
	Line        *Figure
	Breakdown   *Figure
	Method      MethodNumbers
	Series      []SeriesRow
	Rows        []ObsRow
	Rate        bool
	DimTitle    string
	Source      string
	Frequency   string
	Unit        string
	Downloads   []Download
	EmbedPath   string
}

// MethodNumbers are the page's own figures in the status method.
type MethodNumbers struct {
	Baseline, BaselinePeriod, Expected, Actual, Ratio, Target, Deadline, OnTrack, AtRisk string
}

// SeriesRow is one period of the total series.
type SeriesRow struct {
	Period, Value, Num, Den string
}

// ObsRow is one row of the source data.
type ObsRow struct {
	Period, Dim, Value, Num, Den, Note string
	Line                               int
}

// DatasetsView is the data of /du-lieu/.
type DatasetsView struct {
	Sets []Dataset
}

// Dataset is one downloadable dataset.
type Dataset struct {
	Title, Path, Description string
	Downloads                []Download
}

// loadIndicators reads the registry and every indicator's CSV.
func (b *builder) loadIndicators() {
	src, ok := b.readData(IndicatorsFile)
	if !ok {
		return
	}
	inds := data.ParseIndicators(IndicatorsFile, src, b.data.units, b.cfg.Location, b.diags)
	if _, bad := b.unreadable(IndicatorsFile); !bad {
		for _, f := range data.NamedFiles(src) {
			b.data.used[f] = true
		}
	}
	from, _ := period.Parse(b.cfg.Indicators.From)
	to, _ := period.Parse(b.cfg.Indicators.To)
	for _, ind := range inds {
		k := &kpi{ind: ind}
		b.data.kpis = append(b.data.kpis, k)
		name := data.FilePath(ind)
		raw, ok := b.readData(name)
		if !ok {
			b.diags.Add(data.MissingFile(ind))
			continue
		}
		opts := table.Options{DecimalComma: ind.DecimalComma,
			DialectSetting: diag.Tf("cho chỉ tiêu \"%s\" trong data/indicators.toml (dòng %d)", "for indicator \"%s\" in data/indicators.toml (line %d)", ind.ID, ind.Pos.Line)}
		t, l := table.Read(name, raw, opts)
		b.diags.Merge(l)
		if t == nil || l.HasErrors() {
			continue
		}
		k.raw, k.tab = raw, t
		k.obs = data.ParseObservations(ind, t, b.data.units, from, to, b.diags)
		k.obs, k.future = data.SetAsideFuture(t, k.obs, b.site.Now, b.diags)
	}
}

func (b *builder) method() indicator.Method {
	return indicator.Method{OnTrack: b.cfg.Indicators.OnTrack, AtRisk: b.cfg.Indicators.AtRisk}
}

// computeIndicators judges every indicator as of now and makes its pages.
func (b *builder) computeIndicators() {
	if len(b.data.kpis) == 0 {
		return
	}
	lang := b.cfg.LanguageCode
	loc := vi.LocaleFor(lang)
	home := b.site.Home
	index := &site.Page{Kind: site.KindGenerated, Path: kpiPath, Layout: "indicators", Lang: lang, Charts: true,
		Title: b.theme.T(lang, "kpiTitle"), Description: b.theme.T(lang, "kpiDescription")}
	b.addGenerated(index, home)

	view := &IndicatorsView{}
	groups := map[string]*IndicatorGroup{}
	var order []string
	counts := map[indicator.Status]int{}
	for _, k := range b.data.kpis {
		ind := k.ind
		k.res = indicator.Compute(ind, k.obs, b.site.Now, b.method())
		counts[k.res.Status]++
		k.card = b.indicatorCard(k, lang)
		if _, ok := groups[ind.Group]; !ok {
			groups[ind.Group] = &IndicatorGroup{Code: ind.Group, Title: ind.GroupTitle}
			order = append(order, ind.Group)
		}
		groups[ind.Group].Cards = append(groups[ind.Group].Cards, k.card)

		k.page = &site.Page{Kind: site.KindGenerated, Path: kpiPath + ind.ID + "/", Layout: "indicator", Lang: lang,
			Title: indTitle(ind, lang), Description: k.card.Sentence, Charts: true, Source: ind.Pos}
		k.page.Data = b.indicatorView(k, lang, loc)
		b.addGenerated(k.page, index)
		b.addGenerated(&site.Page{Kind: site.KindGenerated, Path: kpiPath + ind.ID + "/nhung/", Layout: "embed", Lang: lang,
			Title: k.page.Title, Description: k.card.Sentence, Charts: true, Data: k.page.Data, Source: ind.Pos}, k.page)
	}
	slices.Sort(order)
	for _, code := range order {
		view.Groups = append(view.Groups, *groups[code])
	}
	for _, s := range indicator.Statuses() {
		if counts[s] > 0 {
			view.Counts = append(view.Counts, StatusCount{StatusBadge: kpiBadge(s, lang), N: counts[s]})
		}
	}
	index.Data = view

	// The method page, written from the same code that computes statuses.
	doc := b.md.Parse([]byte(indicator.MethodDoc(b.method(), diagLang(lang))))
	body, err := b.md.Render(doc)
	if err != nil {
		b.diags.Errorf(diag.Pos{File: methodPath}, diag.CodeMarkdown, diag.Tf("lỗi Markdown: %v", "Markdown error: %v", err), diag.Text{})
	}
	b.addGenerated(&site.Page{Kind: site.KindGenerated, Path: methodPath, Layout: "single", Lang: lang,
		Title: b.theme.T(lang, "methodTitle"), Description: b.theme.T(lang, "methodDescription"),
		Content: template.HTML(body), Headings: doc.Headings, Plain: doc.PlainText()}, index)

	// Indicators on their lead unit's page.
	for _, uv := range b.unitViews {
		for _, k := range b.data.kpis {
			if k.ind.Lead == uv.Unit.ID {
				uv.Indicators = append(uv.Indicators, k.card)
			}
		}
	}
}

func diagLang(lang string) diag.Lang {
	if lang == "en" {
		return diag.EN
	}
	return diag.VI
}

func indTitle(ind *indicator.Indicator, lang string) string {
	if lang == "en" && ind.TitleEn != "" {
		return ind.TitleEn
	}
	return ind.Title
}

func indUnit(ind *indicator.Indicator, lang string) string {
	if lang == "en" && ind.UnitEn != "" {
		return ind.UnitEn
	}
	return ind.Unit
}

func kpiBadge(s indicator.Status, lang string) StatusBadge {
	return StatusBadge{Slug: s.Slug(), Label: s.Label().In(diagLang(lang)), Icon: s.Icon()}
}

// format writes a value of ind the page's way: "47.024 tài khoản", "66,1%".
func format(ind *indicator.Indicator, v float64, lang string, withUnit bool) string {
	loc := vi.LocaleFor(lang)
	if ind.Measure.IsPercentage() {
		return loc.Percent(v, ind.Decimals)
	}
	s := loc.Float(v, ind.Decimals)
	if withUnit && indUnit(ind, lang) != "" {
		s += " " + indUnit(ind, lang)
	}
	return s
}

func (b *builder) indicatorCard(k *kpi, lang string) *IndicatorCard {
	ind, res := k.ind, k.res
	loc := vi.LocaleFor(lang)
	c := &IndicatorCard{ID: ind.ID, Title: indTitle(ind, lang), Path: kpiPath + ind.ID + "/", Value: "—",
		Status: kpiBadge(res.Status, lang), Sentence: indicator.Sentence(ind, res, diagLang(lang)),
		Illustrative: ind.Illustrative, Lead: b.unitRef(ind.Lead)}
	if res.Latest != nil {
		c.Value = format(ind, res.Latest.Value, lang, true)
		c.Period = res.Latest.Period.Label(diagLang(lang))
	}
	if res.Target != nil {
		c.Target = format(ind, res.Target.Value, lang, false) + " (" + loc.Date(res.Target.Deadline) + ")"
		if res.Latest != nil && !math.IsNaN(res.PctOfTarget) && !math.IsInf(res.PctOfTarget, 0) {
			c.Pct = loc.Percent(res.PctOfTarget, 1)
		}
	}
	if len(res.Series) > 1 {
		vals := make([]float64, len(res.Series))
		for i, p := range res.Series {
			vals[i] = p.Value
		}
		ch, err := chart.Sparkline(chart.SparklineSpec{Meta: chart.Meta{ID: "spark-" + ind.ID, Lang: lang,
			Title: b.theme.T(lang, "trend") + ": " + c.Title, Desc: c.Sentence}, Values: vals})
		if f := b.addFigure(ch, err, "", IndicatorsFile); f != nil {
			f.Static = true
			c.Sparkline = f
		}
	}
	return c
}

func (b *builder) indicatorView(k *kpi, lang string, loc vi.Locale) *IndicatorView {
	ind, res := k.ind, k.res
	dl := diagLang(lang)
	v := &IndicatorView{Card: k.card, Rate: ind.Measure == indicator.Rate, Source: ind.Source, Unit: indUnit(ind, lang),
		Frequency: b.theme.T(lang, "freq-"+ind.Frequency.String()), EmbedPath: kpiPath + ind.ID + "/nhung/"}
	if ind.Description != "" {
		doc := b.md.Parse([]byte(ind.Description))
		if html, err := b.md.Render(doc); !b.tooComplex(ind.Pos.File, ind.Pos.Line, doc) && err == nil {
			v.Description = template.HTML(html)
		}
	}
	fmtv := func(x float64) string { return format(ind, x, lang, false) }
	// Charts add "%" themselves to percentage values.
	chartFmt := fmtv
	if ind.Measure.IsPercentage() {
		chartFmt = func(x float64) string { return loc.Float(x, ind.Decimals) }
	}

	// The series in total, with the expected path and the targets.
	var periods []string
	var vals, expected []float64
	for _, p := range res.Series {
		periods = append(periods, shortLabel(p.Period, lang))
		vals = append(vals, p.Value)
		expected = append(expected, indicator.PlanValue(ind, indicator.DeadlineOf(p.Period, b.cfg.Location)))
		row := SeriesRow{Period: p.Period.Label(dl), Value: fmtv(p.Value)}
		if v.Rate {
			row.Num, row.Den = loc.Float(p.Num, 0), loc.Float(p.Den, 0)
		}
		v.Series = append(v.Series, row)
	}
	if len(periods) > 0 {
		var targets []chart.Target
		for _, t := range ind.Targets {
			label := t.Label
			if label == "" {
				label = b.theme.T(lang, "target") + " " + fmtv(t.Value) + " (" + loc.Date(t.Deadline) + ")"
			}
			targets = append(targets, chart.Target{Value: t.Value, Label: label})
		}
		title := v.Card.Title
		ch, err := chart.Line(chart.LineSpec{
			Meta:    chart.Meta{ID: "line-" + ind.ID, Title: title, Desc: v.Card.Sentence, Lang: lang, Format: chartFmt},
			Periods: periods, Series: []chart.Series{{Name: b.theme.T(lang, "actual"), Values: vals}},
			Expected: &chart.Series{Name: b.theme.T(lang, "expected"), Values: expected},
			Targets:  targets, Percent: ind.Measure.IsPercentage(), Unit: v.Unit,
		})
		v.Line = b.addFigure(ch, err, b.theme.T(lang, "lineCaption"), kpiPath+ind.ID+"/")
	}

	// The breakdown by the indicator's dimension at the latest period.
	if len(res.Breakdown) > 0 {
		var cats []string
		var bv []float64
		for _, d := range res.Breakdown {
			cats = append(cats, b.dimName(ind, d.Dim, true))
			bv = append(bv, d.Value)
		}
		var targets []chart.Target
		if res.Target != nil && ind.Measure.IsPercentage() {
			targets = append(targets, chart.Target{Value: res.Target.Value, Label: b.theme.T(lang, "target") + " " + fmtv(res.Target.Value)})
		}
		v.DimTitle = b.theme.T(lang, "dim-"+string(ind.Dimension))
		title := v.Card.Title + " — " + b.theme.T(lang, "by") + " " + strings.ToLower(v.DimTitle)
		if res.Latest != nil {
			title += ", " + res.Latest.Period.Label(dl)
		}
		ch, err := chart.Bar(chart.BarSpec{
			Meta:       chart.Meta{ID: "bar-" + ind.ID, Title: title, Desc: title + ".", Lang: lang, Format: chartFmt},
			Categories: cats, Series: []chart.Series{{Name: v.Card.Title, Values: bv}}, Targets: targets,
			Percent: ind.Measure.IsPercentage(), Unit: v.Unit,
		})
		v.Breakdown = b.addFigure(ch, err, title, kpiPath+ind.ID+"/")
	}

	// The method, in this indicator's numbers.
	m := b.method()
	if m.OnTrack == 0 {
		m = indicator.DefaultMethod()
	}
	v.Method = MethodNumbers{
		Baseline: fmtv(ind.Baseline.Value), BaselinePeriod: ind.Baseline.Period.Label(dl),
		Expected: fmtv(res.Expected), Actual: "—", Ratio: "—",
		OnTrack: loc.Percent(m.OnTrack*100, 0), AtRisk: loc.Percent(m.AtRisk*100, 0),
	}
	if res.Latest != nil {
		v.Method.Actual = fmtv(res.Latest.Value)
		if !math.IsNaN(res.Ratio) && !math.IsInf(res.Ratio, 0) {
			v.Method.Ratio = loc.Float(res.Ratio, 2)
		}
	}
	if res.Target != nil {
		v.Method.Target, v.Method.Deadline = fmtv(res.Target.Value), loc.Date(res.Target.Deadline)
	}

	// The source rows, exactly as read.
	for _, o := range k.obs {
		r := ObsRow{Period: o.Period.Label(dl), Dim: b.dimName(ind, o.Dim, false), Note: o.Note, Line: o.Line}
		if v.Rate {
			r.Num, r.Den = loc.Float(o.Num, 0), loc.Float(o.Den, 0)
			if o.Den != 0 {
				r.Value = fmtv(o.Num / o.Den * 100)
			}
		} else {
			r.Value = fmtv(o.Value)
		}
		v.Rows = append(v.Rows, r)
	}
	v.Downloads = b.indicatorDownloads(k)
	return v
}

// shortLabel is a period label short enough for a chart axis.
func shortLabel(p period.Period, lang string) string {
	switch p.Kind {
	case period.Month:
		if lang == "en" {
			return fmt.Sprintf("%02d/%d", p.N, p.Year)
		}
		return fmt.Sprintf("T%d/%d", p.N, p.Year)
	case period.Week:
		return fmt.Sprintf("W%d/%d", p.N, p.Year)
	}
	return p.Label(diagLang(lang))
}

// dimName names a dimension value (a unit id) for readers.
func (b *builder) dimName(ind *indicator.Indicator, id string, short bool) string {
	if id == "" {
		return ""
	}
	if u, ok := b.data.units.ByID(id); ok {
		if short {
			return u.Short
		}
		return u.Name
	}
	return id
}

// futureColumn marks, in a CSV download, the rows of periods that start
// after the moment judged at, which the site counts nowhere.
const futureColumn = "sau_ngay_danh_gia"

// futureNote is the futureColumn cell of such a row.
func (b *builder) futureNote() string {
	d := b.site.Now.Format("02/01/2006")
	return "sau ngày đánh giá " + d + ", không tính / after the as-of date " + d + ", not counted"
}

// indicatorDownloads writes the indicator's observations — exactly the
// numbers of its CSV — as CSV and JSON. The CSV also keeps the figures set
// aside as from the future, in the file's order, marked in an extra
// column; the JSON, like the pages, leaves them out.
func (b *builder) indicatorDownloads(k *kpi) []Download {
	ind := k.ind
	rate := ind.Measure == indicator.Rate
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	header := []string{"ky"}
	if ind.Dimension != indicator.NoDimension {
		header = append(header, string(ind.Dimension))
	}
	if rate {
		header = append(header, "tu_so", "mau_so")
	} else {
		header = append(header, "gia_tri")
	}
	header = append(header, "ghi_chu")
	if len(k.future) > 0 {
		header = append(header, futureColumn)
	}
	type jsonObs struct {
		Period      string   `json:"ky"`
		Dim         string   `json:"don_vi,omitempty"`
		Value       *float64 `json:"gia_tri,omitempty"`
		Numerator   *float64 `json:"tu_so,omitempty"`
		Denominator *float64 `json:"mau_so,omitempty"`
		Note        string   `json:"ghi_chu,omitempty"`
	}
	type csvRow struct {
		line  int
		cells []string
	}
	var rows []csvRow
	var js []jsonObs
	row := func(o indicator.Observation, mark string) {
		r := []string{o.Period.String()}
		if ind.Dimension != indicator.NoDimension {
			r = append(r, o.Dim)
		}
		if rate {
			r = append(r, num(o.Num), num(o.Den))
		} else {
			r = append(r, num(o.Value))
		}
		r = append(r, o.Note)
		if len(k.future) > 0 {
			r = append(r, mark)
		}
		rows = append(rows, csvRow{o.Line, r})
	}
	for _, o := range k.obs {
		row(o, "")
		j := jsonObs{Period: o.Period.String(), Dim: o.Dim, Note: o.Note}
		if rate {
			n, d := o.Num, o.Den
			j.Numerator, j.Denominator = &n, &d
		} else {
			val := o.Value
			j.Value = &val
		}
		js = append(js, j)
	}
	for _, o := range k.future {
		row(o, b.futureNote())
	}
	slices.SortStableFunc(rows, func(a, b csvRow) int { return a.line - b.line })
	cells := make([][]string, len(rows))
	for i, r := range rows {
		cells[i] = r.cells
	}
	var cb bytes.Buffer
	_ = table.WriteCSV(&cb, header, cells)
	meta := map[string]any{
		"id": ind.ID, "title": ind.Title, "unit": ind.Unit, "measure": ind.Measure, "dimension": ind.Dimension,
		"source": ind.Source, "illustrative": ind.Illustrative, "lead": ind.Lead, "observations": js,
	}
	jb, _ := json.MarshalIndent(meta, "", "  ")
	jb = append(jb, '\n')
	base := kpiPath + ind.ID + "/" + ind.ID
	b.later(base+".csv", cb.Bytes())
	b.later(base+".json", jb)
	return []Download{
		{Label: "CSV", Path: base + ".csv", Format: "CSV", Size: cb.Len()},
		{Label: "JSON", Path: base + ".json", Format: "JSON", Size: len(jb)},
	}
}

// computeDatasets makes /du-lieu/, the open-data list of every dataset.
func (b *builder) computeDatasets() {
	lang := b.cfg.LanguageCode
	v := &DatasetsView{}
	for _, k := range b.data.kpis {
		if k.page == nil {
			continue
		}
		iv := k.page.Data.(*IndicatorView)
		v.Sets = append(v.Sets, Dataset{Title: k.page.Title, Path: k.page.Path, Description: k.card.Sentence, Downloads: iv.Downloads})
	}
	if p, ok := b.site.ByPath[tasksPath]; ok {
		if tv, ok := p.Data.(*TasksView); ok && len(tv.Downloads) > 0 {
			v.Sets = append(v.Sets, Dataset{Title: p.Title, Path: p.Path, Description: p.Description, Downloads: tv.Downloads})
		}
	}
	v.Sets = append(v.Sets, b.reportDatasets...)
	if len(v.Sets) == 0 {
		return
	}
	b.addGenerated(&site.Page{Kind: site.KindGenerated, Path: datasetPath, Layout: "datasets", Lang: lang,
		Title: b.theme.T(lang, "datasetsTitle"), Description: b.theme.T(lang, "datasetsDescription"), Data: v}, b.site.Home)
}

// resolveShortcodes fills {{< kpi "id" >}} and {{< chart "id" >}} in page
// bodies; an unknown shortcode or id is an error at its line.
func (b *builder) resolveShortcodes() {
	for _, p := range b.site.Pages {
		b.shortcodes = append(b.shortcodes, b.pageShortcodes(p)...)
	}
}

// pageShortcodes resolves the shortcodes of one parsed page.
func (b *builder) pageShortcodes(p *site.Page) []pendingShortcode {
	if p.Doc == nil || len(p.Doc.Shortcodes) == 0 {
		return nil
	}
	byID := map[string]*kpi{}
	var ids []string
	for _, k := range b.data.kpis {
		byID[k.ind.ID] = k
		ids = append(ids, k.ind.ID)
	}
	var out []pendingShortcode
	for _, sc := range p.Doc.Shortcodes {
		pos := diag.Pos{File: p.File, Line: p.BodyLine + sc.Line - 1, Col: sc.Col}
		if sc.Name != "kpi" && sc.Name != "chart" {
			b.diags.Errorf(pos, diag.CodeShortcodeUnknown,
				diag.Tf("không có shortcode %q", "no shortcode %q", sc.Name),
				diag.T(`Dùng {{< kpi "mã-chỉ-tiêu" >}} hoặc {{< chart "mã-chỉ-tiêu" >}}.`, `Use {{< kpi "indicator-id" >}} or {{< chart "indicator-id" >}}.`))
			continue
		}
		if len(sc.Args) != 1 {
			b.diags.Errorf(pos, diag.CodeShortcodeArgs,
				diag.Tf("shortcode %s cần đúng một mã chỉ tiêu", "shortcode %s needs exactly one indicator id", sc.Name),
				diag.Tf(`Ví dụ: {{< %s "tai-khoan-dinh-danh-dien-tu" >}}`, `For example: {{< %s "tai-khoan-dinh-danh-dien-tu" >}}`, sc.Name))
			continue
		}
		k, ok := byID[sc.Args[0]]
		if !ok {
			hint := diag.T("Xem các mã trong data/indicators.toml.", "See the ids in data/indicators.toml.")
			if c := vi.Closest(sc.Args[0], ids, 3); len(c) > 0 {
				hint = diag.Tf("Có phải là: %s?", "Did you mean: %s?", strings.Join(c, ", "))
			}
			b.diags.Add(diag.New(pos, diag.CodeShortcodeID, diag.Tf("không có chỉ tiêu %q", "no indicator %q", sc.Args[0]), hint).Needing(IndicatorsFile))
			continue
		}
		p.Charts = p.Charts || sc.Name == "chart"
		out = append(out, pendingShortcode{page: p, sc: sc, kpi: k})
	}
	return out
}

type pendingShortcode struct {
	page *site.Page
	sc   *markdown.Shortcode
	kpi  *kpi
}

// renderShortcodes writes each shortcode's HTML once charts are drawn and
// before the page bodies render.
func (b *builder) renderShortcodes(list []pendingShortcode) {
	for _, ps := range list {
		ctx := b.ctx(ps.page)
		var name string
		var data any
		switch ps.sc.Name {
		case "kpi":
			name, data = "partials/kpi-card.html", map[string]any{"ctx": ctx, "card": ps.kpi.card}
		case "chart":
			iv := ps.kpi.page.Data.(*IndicatorView)
			name, data = "partials/kpi-chart.html", map[string]any{"ctx": ctx, "card": ps.kpi.card, "figure": iv.Line}
		}
		html, err := b.theme.Partial(name, data)
		if err != nil {
			b.diags.Add(b.theme.RenderError(err, ps.page.File))
			continue
		}
		ps.sc.SetHTML(html)
	}
}
