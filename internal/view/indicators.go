package view

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/site"
)

// Indicator is an indicator with its data and what was computed of it.
type Indicator struct {
	Ind *indicator.Indicator
	Obs []indicator.Observation
	// Future holds the figures of periods that start after the moment
	// judged at: in the CSV download, marked, and nowhere else.
	Future []indicator.Observation
	Result indicator.Result
	// Description is the indicator's description, rendered.
	Description template.HTML
	// Original are the targets as first published when they have changed
	// since (see package history); nil otherwise.
	Original []indicator.Target
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
	// LeadSource is where the lead comes from (the plan task's, when the
	// indicator names one); nil when the data does not say.
	LeadSource *Source
	// Task is the plan task the indicator measures, in the plan's way of
	// writing it ("3.2(4)"), with its anchor on /nhiem-vu/; empty if none
	// is named.
	Task, TaskAnchor string
	// Units are the ids of every unit that leads the indicator (a group's
	// members): what the unit filter matches.
	Units []string
	// Group is the part of the plan the indicator is in, "3.4. Công dân
	// số", or empty; the list worst first shows it on each card.
	Group string
}

// IndicatorGroup is the cards of one group of the plan.
type IndicatorGroup struct {
	Code, Title string
	Cards       []*IndicatorCard
}

// IndicatorsView is the data of /chi-tieu/ and of its filter pages
// (/chi-tieu/<status>/, /chi-tieu/don-vi-<id>/).
type IndicatorsView struct {
	// Groups are every card by group of the plan, in plan order.
	Groups []IndicatorGroup
	Counts []StatusCount
	// Cards are what the page lists: worst first (deadline missed, at
	// risk, …, achieved; within a status the lowest share of the target
	// first), only the filter's cards on a filter page.
	Cards []*IndicatorCard
	Total int
	// Filters are the links that narrow the list; Filter is the one this
	// page shows, nil on /chi-tieu/ itself.
	Filters []FilterSet
	Filter  *Filter
}

// StatusFilter is the filter of the indicators of status s, nil when none
// has it.
func (v *IndicatorsView) StatusFilter(s indicator.Status) *Filter {
	return findFilter(v.Filters, FilterStatus, s.Slug())
}

// matches reports whether the filter f keeps the card.
func (c *IndicatorCard) matches(f *Filter) bool {
	switch f.Key {
	case FilterStatus:
		return c.Status.Slug == f.Value
	case FilterUnit:
		return slices.Contains(c.Units, f.Value)
	}
	return false
}

// IndicatorView is the data of /chi-tieu/<id>/ and of its embed page.
type IndicatorView struct {
	Card        *IndicatorCard
	Description template.HTML
	Line        *Figure
	Breakdown   *Figure
	// Map is the latest figures on the communes' map, nil without
	// data/ban-do/ or a commune breakdown.
	Map    *MapView
	Method MethodNumbers
	Series []SeriesRow
	Rows   []ObsRow
	// Notes is set when a source row has a note; without one the table of
	// source rows leaves out the empty column, which a phone needs.
	Notes     bool
	Rate      bool
	DimTitle  string
	Source    string
	Frequency string
	Unit      string
	Downloads []Download
	EmbedPath string
	// Revisions are the published changes read from git, newest first;
	// History is nil when the site's history is not read (see History).
	Revisions []Revision
	History   *HistoryNote
	Original  *OriginalTargets

	// series are the figures the line chart shows, target the current
	// target (nil: none) and targetText it formatted: the share image's.
	series     []float64
	target     *float64
	targetText string
}

// MethodNumbers are the page's own figures in the status method.
type MethodNumbers struct {
	Baseline, BaselinePeriod, Expected, Actual, Ratio, Target, Deadline, OnTrack, AtRisk string
}

// SeriesRow is one period of the total series.
type SeriesRow struct {
	Period, Value, Num, Den string
	// Key is the period as data files write it ("2023-06", "2023-W25");
	// Text the value with its unit ("47.024 tài khoản", "64,5%"), as the
	// {{< value >}} shortcode writes it in a page.
	Key, Text string
	// Revised is set when the figure was changed after it was published
	// (see History).
	Revised bool
}

// ObsRow is one row of the source data.
type ObsRow struct {
	Period, Dim, Value, Num, Den, Note string
	Line                               int
}

// IndicatorPages are the views and pages of the indicators.
type IndicatorPages struct {
	Index     *site.Page // /chi-tieu/
	IndexView *IndicatorsView
	// Views and Pages are in the order of the indicators.
	Views []*IndicatorView
	Pages []*site.Page
	// All is every page made, in order: the index, then each indicator's
	// page and embed page.
	All []*site.Page
	Out
}

// Indicators makes the indicator pages: /chi-tieu/, and a page and an
// embed page for each indicator.
func Indicators(env Env, inds []Indicator, m indicator.Method) (out IndicatorPages) {
	defer func() { out.makeTwins() }()
	if len(inds) == 0 {
		return out
	}
	index := env.page(&site.Page{Path: IndicatorsPath, Layout: "indicators", Charts: true,
		Title: env.T("kpiTitle"), Description: env.T("kpiDescription")}, nil)
	out.Index = index
	out.All = append(out.All, index)
	view := &IndicatorsView{}
	groups := map[string]*IndicatorGroup{}
	var order []string
	counts := map[indicator.Status]int{}
	type ranked struct {
		card *IndicatorCard
		res  indicator.Result
	}
	var worst []ranked
	shapes := env.shapes()
	for _, k := range inds {
		ind := k.Ind
		counts[k.Result.Status]++
		card := env.indicatorCard(k, &out.Out)
		if ind.Group != "" && ind.GroupTitle != "" {
			card.Group = ind.Group + ". " + ind.GroupTitle
		}
		worst = append(worst, ranked{card, k.Result})
		if _, ok := groups[ind.Group]; !ok {
			groups[ind.Group] = &IndicatorGroup{Code: ind.Group, Title: ind.GroupTitle}
			order = append(order, ind.Group)
		}
		groups[ind.Group].Cards = append(groups[ind.Group].Cards, card)

		v := env.indicatorView(k, card, m, &out.Out)
		v.Map = env.communeMap(shapes, k, env.mapTitle(card, k), "ban-do-"+ind.ID, "", IndicatorsPath+ind.ID+"/", &out.Out)
		p := env.page(&site.Page{Path: IndicatorsPath + ind.ID + "/", Layout: "indicator",
			Title: indTitle(ind, env.Lang), Description: card.Sentence, Charts: true, Source: ind.Pos, Data: v}, index)
		embed := env.page(&site.Page{Path: IndicatorsPath + ind.ID + "/nhung/", Layout: "embed",
			Title: p.Title, Description: card.Sentence, Charts: true, Data: v, Source: ind.Pos}, p)
		out.Views = append(out.Views, v)
		out.Pages = append(out.Pages, p)
		out.All = append(out.All, p, embed)
	}
	slices.Sort(order)
	for _, code := range order {
		view.Groups = append(view.Groups, *groups[code])
	}
	for _, s := range indicator.Statuses() {
		if counts[s] > 0 {
			view.Counts = append(view.Counts, StatusCount{StatusBadge: Badge(s, env.Lang), N: counts[s]})
		}
	}
	slices.SortStableFunc(worst, func(a, b ranked) int {
		if d := indicatorRank[a.res.Status] - indicatorRank[b.res.Status]; d != 0 {
			return d
		}
		return cmpPct(a.res.PctOfTarget, b.res.PctOfTarget)
	})
	for _, w := range worst {
		view.Cards = append(view.Cards, w.card)
	}
	view.Total = len(view.Cards)
	view.Filters = env.indicatorFilters(view.Cards)
	index.Data = view
	out.IndexView = view
	for _, set := range view.Filters {
		for _, f := range set.Options {
			fv := &IndicatorsView{Groups: view.Groups, Counts: view.Counts, Total: view.Total, Filters: current(view.Filters, f), Filter: f}
			for _, c := range view.Cards {
				if c.matches(f) {
					fv.Cards = append(fv.Cards, c)
				}
			}
			p := env.page(&site.Page{Path: f.Path, Layout: "indicators",
				Title: env.T("kpiTitle") + ": " + f.Label, Description: env.T("kpiDescription"), Data: fv}, index)
			out.All = append(out.All, p)
		}
	}
	return out
}

// cmpPct orders shares of a target, lowest first; none (NaN) last.
func cmpPct(a, b float64) int {
	an, bn := math.IsNaN(a), math.IsNaN(b)
	switch {
	case an && bn:
		return 0
	case an:
		return 1
	case bn:
		return -1
	}
	return cmp.Compare(a, b)
}

// indicatorFilters are the filters of /chi-tieu/: by status, worst first,
// and by lead unit, in data/units.toml's order; a choice no indicator has
// is left out.
func (e Env) indicatorFilters(cards []*IndicatorCard) []FilterSet {
	count := func(f *Filter) *Filter {
		for _, c := range cards {
			if c.matches(f) {
				f.N++
			}
		}
		return f
	}
	status := FilterSet{Key: FilterStatus, Title: e.T("filterByStatus"), Open: true}
	seen := map[string]bool{}
	for _, c := range cards {
		if !seen[c.Status.Slug] {
			seen[c.Status.Slug] = true
			b := c.Status
			status.Options = append(status.Options, count(&Filter{Key: FilterStatus, Value: b.Slug, Label: b.Label, Badge: &b, Path: IndicatorsPath + b.Slug + "/"}))
		}
	}
	units := FilterSet{Key: FilterUnit, Title: e.T("filterByUnit")}
	if e.Units != nil {
		for _, u := range e.Units.All {
			if f := count(&Filter{Key: FilterUnit, Value: u.ID, Label: u.Name, Path: IndicatorsPath + "don-vi-" + u.ID + "/"}); f.N > 0 {
				units.Options = append(units.Options, f)
			}
		}
	}
	var sets []FilterSet
	for _, s := range []FilterSet{status, units} {
		if len(s.Options) > 0 {
			sets = append(sets, s)
		}
	}
	return sets
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

// format writes a value of ind the page's way: "47.024 tài khoản", "66,1%".
func (e Env) format(ind *indicator.Indicator, v float64, withUnit bool) string {
	loc := e.loc()
	if ind.Measure.IsPercentage() {
		return loc.Percent(v, ind.Decimals)
	}
	s := loc.Float(v, ind.Decimals)
	if withUnit && indUnit(ind, e.Lang) != "" {
		s += " " + indUnit(ind, e.Lang)
	}
	return s
}

// targetWhen is a target's date as cards and charts show it: "30/06/2023",
// "từ 01/03/2023" for a level held from a day on, and a note when the site
// set the milestone itself.
func (e Env) targetWhen(t indicator.Target) string {
	loc := e.loc()
	s := loc.Date(t.Deadline)
	if t.Standing() {
		s = e.T("targetFrom") + " " + loc.Date(t.From)
	}
	if t.Origin == indicator.OriginSite {
		s += "; " + e.T("targetBySite")
	}
	return s
}

func (e Env) indicatorCard(k Indicator, out *Out) *IndicatorCard {
	ind, res := k.Ind, k.Result
	loc := e.loc()
	c := &IndicatorCard{ID: ind.ID, Title: indTitle(ind, e.Lang), Path: IndicatorsPath + ind.ID + "/", Value: "—",
		Status: Badge(res.Status, e.Lang), Sentence: indicator.Sentence(ind, res, e.dl()),
		Illustrative: ind.Illustrative, Lead: e.Unit(ind.Lead), LeadSource: e.source(ind.LeadSource)}
	if ind.Task != "" {
		c.Task, c.TaskAnchor = plan.PlanCode(ind.Task), TaskAnchor(ind.Task)
	}
	if e.Units != nil {
		for _, u := range e.Units.All {
			if e.Units.Leads(ind.Lead, u.ID) {
				c.Units = append(c.Units, u.ID)
			}
		}
	}
	if res.Latest != nil {
		c.Value = e.format(ind, res.Latest.Value, true)
		c.Period = res.Latest.Period.Label(e.dl())
	}
	if res.Target != nil {
		c.Target = e.format(ind, res.Target.Value, false) + " (" + e.targetWhen(*res.Target) + ")"
		if res.Latest != nil && !math.IsNaN(res.PctOfTarget) && !math.IsInf(res.PctOfTarget, 0) {
			c.Pct = loc.Percent(res.PctOfTarget, 1)
		}
	}
	if len(res.Series) > 1 {
		vals := make([]float64, len(res.Series))
		for i, p := range res.Series {
			vals[i] = p.Value
		}
		ch, err := chart.Sparkline(chart.SparklineSpec{Meta: chart.Meta{ID: "spark-" + ind.ID, Lang: e.Lang,
			Title: e.T("trend") + ": " + c.Title, Desc: c.Sentence}, Values: vals})
		if f := out.figure(ch, err, "", data.IndicatorsFile); f != nil {
			f.Static = true
			c.Sparkline = f
		}
	}
	return c
}

func (e Env) indicatorView(k Indicator, card *IndicatorCard, m indicator.Method, out *Out) *IndicatorView {
	ind, res := k.Ind, k.Result
	lang, loc, dl := e.Lang, e.loc(), e.dl()
	v := &IndicatorView{Card: card, Rate: ind.Measure == indicator.Rate, Source: ind.Source, Unit: indUnit(ind, lang),
		Frequency: e.T("freq-" + ind.Frequency.String()), EmbedPath: IndicatorsPath + ind.ID + "/nhung/",
		Description: k.Description}
	fmtv := func(x float64) string { return e.format(ind, x, false) }
	// Charts add "%" themselves to percentage values.
	chartFmt := fmtv
	if ind.Measure.IsPercentage() {
		chartFmt = func(x float64) string { return loc.Float(x, ind.Decimals) }
	}

	// The series in total, with the expected path and the targets, on an
	// axis where a period without a figure keeps its place.
	var periods []string
	var vals, expected []float64
	var ps []period.Period
	for _, p := range res.Series {
		ps = append(ps, p.Period)
		vals = append(vals, p.Value)
	}
	line, idx := timeline(ps)
	vals = spread(vals, idx, len(line))
	for _, p := range line {
		periods = append(periods, ShortLabel(p, lang))
		expected = append(expected, indicator.PlanValue(ind, indicator.DeadlineOf(p, e.Location)))
	}
	for _, p := range res.Series {
		row := SeriesRow{Period: p.Period.Label(dl), Value: fmtv(p.Value), Key: p.Period.String(), Text: e.format(ind, p.Value, true)}
		if v.Rate {
			row.Num, row.Den = loc.Float(p.Num, 0), loc.Float(p.Den, 0)
		}
		v.Series = append(v.Series, row)
	}
	v.series = vals
	if res.Target != nil {
		v.target, v.targetText = &res.Target.Value, fmtv(res.Target.Value)
	}
	if len(periods) > 0 {
		var targets []chart.Target
		for _, t := range ind.Targets {
			label := t.Label
			if label == "" {
				label = e.T("target") + " " + fmtv(t.Value) + " (" + e.targetWhen(t) + ")"
			}
			targets = append(targets, chart.Target{Value: t.Value, Label: label})
		}
		targets = e.originalTargets(ind, k.Original, targets, fmtv)
		ch, err := chart.Line(chart.LineSpec{
			Meta:    chart.Meta{ID: "line-" + ind.ID, Title: card.Title, Desc: card.Sentence, Lang: lang, Format: chartFmt},
			Periods: periods, Series: []chart.Series{{Name: e.T("actual"), Values: vals}},
			Expected: &chart.Series{Name: e.T("expected"), Values: expected},
			Targets:  targets, Percent: ind.Measure.IsPercentage(), Unit: v.Unit,
		})
		v.Line = out.figure(ch, err, e.T("lineCaption"), IndicatorsPath+ind.ID+"/")
	}

	// The breakdown by the indicator's dimension at the latest period.
	if len(res.Breakdown) > 0 {
		var cats, names []string
		var bv []float64
		for _, d := range res.Breakdown {
			cats = append(cats, e.dimName(d.Dim, true))
			names = append(names, e.dimName(d.Dim, false))
			bv = append(bv, d.Value)
		}
		var targets []chart.Target
		if res.Target != nil && ind.Measure.IsPercentage() {
			targets = append(targets, chart.Target{Value: res.Target.Value, Label: e.T("target") + " " + fmtv(res.Target.Value)})
		}
		v.DimTitle = e.T("dim-" + string(ind.Dimension))
		title := card.Title + " — " + e.T("by") + " " + strings.ToLower(v.DimTitle)
		if res.Latest != nil {
			title += ", " + res.Latest.Period.Label(dl)
		}
		// The district is marked: a rate as a bar of its own beside the
		// communes'; a count, many times any commune's, in the title.
		var overall *chart.Overall
		if res.Latest != nil && ind.Measure.IsPercentage() {
			overall = &chart.Overall{Name: e.T("wholeDistrict"), Value: res.Latest.Value}
		} else if res.Latest != nil {
			title += " (" + strings.ToLower(e.T("wholeDistrict")) + " " + e.format(ind, res.Latest.Value, true) + ")"
		}
		ch, err := chart.Bar(chart.BarSpec{
			Meta:       chart.Meta{ID: "bar-" + ind.ID, Title: title, Desc: title + ".", Lang: lang, Format: chartFmt},
			Categories: cats, Names: names, Series: []chart.Series{{Name: card.Title, Values: bv}}, Targets: targets,
			Percent: ind.Measure.IsPercentage(), Unit: v.Unit, Rank: true, Overall: overall,
		})
		v.Breakdown = out.figure(ch, err, title, IndicatorsPath+ind.ID+"/")
	}

	// The method, in this indicator's numbers.
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
		v.Method.Target, v.Method.Deadline = fmtv(res.Target.Value), e.targetWhen(*res.Target)
	}

	// The source rows, exactly as read.
	for _, o := range k.Obs {
		r := ObsRow{Period: o.Period.Label(dl), Dim: e.dimName(o.Dim, false), Note: o.Note, Line: o.Line}
		if v.Rate {
			r.Num, r.Den = loc.Float(o.Num, 0), loc.Float(o.Den, 0)
			if o.Den != 0 {
				r.Value = fmtv(o.Num / o.Den * 100)
			}
		} else {
			r.Value = fmtv(o.Value)
		}
		v.Rows = append(v.Rows, r)
		v.Notes = v.Notes || o.Note != ""
	}
	v.Downloads = e.indicatorDownloads(k, out)
	return v
}

// ShortLabel is a period label short enough for a chart axis.
func ShortLabel(p period.Period, lang string) string {
	switch p.Kind {
	case period.Month:
		if lang == "en" {
			return fmt.Sprintf("%02d/%d", p.N, p.Year)
		}
		return fmt.Sprintf("T%d/%d", p.N, p.Year)
	case period.Week:
		if lang == "en" {
			return fmt.Sprintf("W%d", p.N)
		}
		return fmt.Sprintf("T%d", p.N)
	}
	return p.Label(DiagLang(lang))
}

// dimName names a dimension value (a unit id) for readers.
func (e Env) dimName(id string, short bool) string {
	if id == "" {
		return ""
	}
	if u, ok := e.Units.ByID(id); ok {
		if short {
			return u.Short
		}
		return u.Name
	}
	return id
}

// indicatorDownloads makes the indicator's observations — exactly the
// numbers of its CSV — as CSV and JSON. The CSV also keeps the figures set
// aside as from the future, in the file's order, marked in an extra
// column; the JSON, like the pages, leaves them out.
func (e Env) indicatorDownloads(k Indicator, out *Out) []Download {
	ind := k.Ind
	rate := ind.Measure == indicator.Rate
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	cols := indicatorColumns(ind, len(k.Future) > 0)
	type jsonObs struct {
		Period      string   `json:"ky"`
		Dim         string   `json:"don_vi,omitempty"`
		DimID       string   `json:"don_vi_ma,omitempty"`
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
		switch ind.Dimension {
		case indicator.ByCommune, indicator.ByUnit:
			r = append(r, e.dimName(o.Dim, false), o.Dim)
		case indicator.ByService:
			r = append(r, o.Dim)
		}
		if rate {
			r = append(r, num(o.Num), num(o.Den))
		} else {
			r = append(r, num(o.Value))
		}
		r = append(r, o.Note)
		if len(k.Future) > 0 {
			r = append(r, mark)
		}
		rows = append(rows, csvRow{o.Line, r})
	}
	for _, o := range k.Obs {
		row(o, "")
		j := jsonObs{Period: o.Period.String(), Dim: o.Dim, Note: o.Note}
		if ind.Dimension == indicator.ByCommune || ind.Dimension == indicator.ByUnit {
			j.Dim, j.DimID = e.dimName(o.Dim, false), o.Dim
		}
		if rate {
			n, d := o.Num, o.Den
			j.Numerator, j.Denominator = &n, &d
		} else {
			val := o.Value
			j.Value = &val
		}
		js = append(js, j)
	}
	for _, o := range k.Future {
		row(o, e.futureNote())
	}
	slices.SortStableFunc(rows, func(a, b csvRow) int { return a.line - b.line })
	cells := make([][]string, len(rows))
	for i, r := range rows {
		cells[i] = r.cells
	}
	meta := map[string]any{
		"id": ind.ID, "title": ind.Title, "unit": ind.Unit, "measure": ind.Measure, "dimension": ind.Dimension,
		"source": ind.Source, "illustrative": ind.Illustrative, "lead": ind.Lead,
		"lead_source": string(ind.LeadSource.Kind), "lead_basis": ind.LeadSource.Basis, "task": ind.Task, "observations": js,
	}
	if e.Open.Licence.ID != "" {
		meta["licence"], meta["licence_url"] = e.Open.Licence.ID, e.Open.Licence.URL
	}
	jb, _ := json.MarshalIndent(meta, "", "  ")
	jb = append(jb, '\n')
	base := IndicatorsPath + ind.ID + "/" + ind.ID
	csv := e.tableDownload(out, base+".csv", cols, cells, tableNote{Title: ind.Title, Source: ind.Source, Illustrative: ind.Illustrative})
	return []Download{csv, out.download("JSON", base+".json", jb)}
}
