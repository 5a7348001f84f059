package view

import (
	"encoding/json"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/qr"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/vi"
)

// GuidancePath is the section of guidance for residents: the commune
// posters name three of its pages.
const GuidancePath = "/huong-dan/"

// Paths under UnitsPath.
const (
	// posterDir is a commune's poster, under its page.
	posterDir = "ap-phich/"
	// sortPrefix begins the pages of /don-vi/'s comparison sorted by one
	// indicator ("xep-theo-<id>/") or by name ("xep-theo-ten/").
	sortPrefix = "xep-theo-"
	sortByName = "ten"
)

// UnitView is the data of /don-vi/<id>/: the unit's scorecard.
type UnitView struct {
	Unit data.Unit
	// Summary says the unit's figures in words first: "Thạch Kim: 4.783
	// tài khoản, đứng thứ 3/12 xã, thị trấn về …"; empty when no
	// indicator breaks down to this unit.
	Summary string
	// Scores are the unit's own figures, one per indicator whose
	// breakdown names it, in the indicators' order.
	Scores []*Score
	// Peers names whom the unit is ranked among ("xã, thị trấn").
	Peers string
	// DistrictOnly is set when some score has no target of the unit's
	// own: the page says why no status is claimed for it.
	DistrictOnly bool
	Lead         []*TaskRow
	Coord        []*TaskRow
	Overdue      int
	// Indicators are the cards of the indicators the unit leads.
	Indicators []*IndicatorCard
	Reports    *UnitReports
	// Poster is the commune's notice-board poster, "" for an office.
	Poster    string
	Downloads []Download
	// Calendar is the site path of the unit's deadline calendar (see
	// Calendars).
	Calendar string
}

// Score is one indicator's figure for one unit, beside the district's.
type Score struct {
	// Card is the indicator's card: its title, page, district figure
	// (Card.Value), district target (Card.Target) and district status.
	Card *IndicatorCard
	// Value is the unit's latest figure with its unit ("4.783 tài
	// khoản"), Period its period in words; "—" and "" without one.
	Value, Period string
	// Num and Den are a rate's counts ("95", "147"), else empty.
	Num, Den string
	// Rank is the unit's place among its peers with a figure (1 best;
	// equal figures share a place), Of how many have one; 0 without a
	// figure. RankText is "3/12".
	Rank, Of int
	RankText string
	// Compare is the unit's figure against the district's, in words and
	// an icon: above, below or at the district's rate; for a count, its
	// share of the district's total. Nil without a figure.
	Compare *StatusBadge
	// Sentence is the score in one sentence, for the list and the poster.
	Sentence string
	// Chart is the unit's own series (a rate with the district's beside
	// it); nil with fewer than two periods.
	Chart *Figure
	// Map is the figures of every commune on the map, this one
	// highlighted; nil without data/ban-do/ or for an office.
	Map *MapView
	// Highlight is where the unit stands among the others: for a commune
	// its row in /don-vi/'s comparison sorted by this indicator, which
	// the row's :target style marks; for an office the indicator's page.
	Highlight string
	// NoUnitTarget says the plan sets the current target for the whole
	// district only, so no status is claimed for the unit. Otherwise
	// Target is the unit's own value and date ("4.500 (30/06/2023)"), Pct
	// how much of it the figure reaches ("106,3%"), and Status, when
	// already known, whether it is met (see indicator.UnitProgress).
	NoUnitTarget bool
	Target, Pct  string
	Status       *StatusBadge

	value    float64
	ind      *indicator.Indicator
	dimValue *indicator.DimValue
	// dimPoints is the unit's series, district the district's.
	dimPoints, district []indicator.Point
	unitTarget          *float64
}

// UnitsView is the data of /don-vi/ and of its sorted copies.
type UnitsView struct {
	Groups []UnitGroup
	// Compare is the table of every commune × the indicators with a
	// figure per commune, rows in the order of Sort; nil when no
	// indicator breaks down by commune.
	Compare *CompareTable
	// Downloads are every unit's figures in one file.
	Downloads []Download
}

// UnitGroup is the units of one kind.
type UnitGroup struct {
	Title string
	Units []UnitSummary
}

// UnitSummary is a unit's line on /don-vi/.
type UnitSummary struct {
	UnitRef
	Tasks, Overdue, Done int
}

// CompareTable is the communes side by side.
type CompareTable struct {
	Columns []*CompareColumn
	Rows    []*CompareRow
	// Sort is the order the rows are in; Sorts every order offered, each
	// a page (the first is /don-vi/ itself).
	Sort  *SortLink
	Sorts []*SortLink
	// ByName is the order by name (the last of Sorts).
	ByName *SortLink
	// Caption names the table and its order.
	Caption string
	// Illustrative is set when a column's figures are illustrative.
	Illustrative bool
}

// CompareColumn is an indicator of the comparison.
type CompareColumn struct {
	ID, Title, Path, Unit string
	// Period is the latest period of the district's series.
	Period string
	Sort   *SortLink
}

// CompareRow is one commune: its scores in the columns' order (nil
// where the indicator has no figure for it).
type CompareRow struct {
	UnitRef
	// Anchor is the row's id.
	Anchor string
	Scores []*Score
}

// SortLink is one order of the comparison: by an indicator's figures,
// best first, or by name.
type SortLink struct {
	Key, Label, Path string
	// Caption is the table's caption in this order.
	Caption string
	Current bool
}

// PosterView is the data of /don-vi/<commune>/ap-phich/: one A4 page for
// the commune's notice board.
type PosterView struct {
	Unit  data.Unit
	AsOf  string
	Score []*Score
	// Peers names whom the commune is ranked among.
	Peers string
	// Tasks counts the tasks the commune leads or works on, and how many
	// of them are overdue.
	Tasks, Overdue int
	// Steps are three things a resident can do, from the guidance.
	Steps []PosterStep
	// QR is the code opening the commune's page, URL its address; QR is
	// empty when the site's baseURL has no host (the poster says so).
	QR           template.HTML
	URL          string
	Illustrative bool
}

// PosterStep is a guidance page as the poster names it.
type PosterStep struct {
	Title, Description, Path, URL string
}

// UnitPages are the pages of the units and what they need drawn and
// written.
type UnitPages struct {
	// All is every page: the unit pages, the posters, /don-vi/ and its
	// sorted copies.
	All []*site.Page
	// Dataset is every unit's figures, for /du-lieu/; nil without any.
	Dataset *Dataset
	Out
}

// UnitInputs is what the unit pages show of the rest of the site.
type UnitInputs struct {
	// Tasks are the tracker's rows; Tasks.Page nil means no unit pages.
	Tasks TaskPages
	// Indicators are the judged indicators and Cards their cards, in
	// the same order (IndicatorPages.Views' cards).
	Indicators []Indicator
	Cards      []*IndicatorCard
	// Reports are the reporting units' histories, by unit id.
	Reports map[string]*UnitReports
	// URLs make the posters' absolute address; without an Origin no QR
	// code is drawn.
	URLs site.URLs
	// Pages are the site's pages, for the guidance the posters name.
	Pages []*site.Page
}

// Units makes /don-vi/, its copies sorted by each compared indicator, a
// scorecard page for each unit and a poster for each commune. Each score
// is read from the indicator's own Result (its Breakdown, the figure the
// indicator's page charts) and the unit's series from
// indicator.DimSeries, the same sums: a unit page cannot disagree with the
// indicator page. The unit pages come first, then /don-vi/.
func Units(env Env, in UnitInputs) (out UnitPages) {
	defer func() { out.makeTwins() }()
	if in.Tasks.Page == nil {
		return out
	}
	rows := in.Tasks.View.Rows
	unitsPage := env.page(&site.Page{Path: UnitsPath, Layout: "units",
		Title: env.T("unitsTitle"), Description: env.T("unitsDescription")}, nil)
	uv := &UnitsView{}
	groups := map[string]*UnitGroup{}
	for _, kind := range []string{data.KindDistrict, data.KindCommune} {
		groups[kind] = &UnitGroup{Title: env.T("unitKind-" + kind)}
	}
	scores := env.unitScores(in.Indicators, in.Cards)
	guide := guidanceSteps(in.Pages, in.URLs)
	var pages, posters []*site.Page
	shapes := env.shapes()
	for _, u := range env.Units.All {
		v := &UnitView{Unit: u, Reports: in.Reports[u.ID], Scores: scores[u.ID], Peers: env.peers(u)}
		v.DistrictOnly = slices.ContainsFunc(v.Scores, func(s *Score) bool { return s.NoUnitTarget })
		for _, r := range rows {
			if env.Units.Leads(r.Task.Lead, u.ID) {
				v.Lead = append(v.Lead, r)
			} else if slices.Contains(r.Task.Coord, u.ID) {
				v.Coord = append(v.Coord, r)
			}
		}
		for _, c := range in.Cards {
			if env.Units.Leads(c.Lead.ID, u.ID) {
				v.Indicators = append(v.Indicators, c)
			}
		}
		// Overdue first, then by code.
		slices.SortStableFunc(v.Lead, func(a, c *TaskRow) int {
			if a.Overdue != c.Overdue {
				if a.Overdue {
					return -1
				}
				return 1
			}
			return 0
		})
		sum := UnitSummary{UnitRef: env.Unit(u.ID), Tasks: len(v.Lead)}
		for _, r := range v.Lead {
			if r.Overdue {
				v.Overdue++
			}
			if r.Task.Progress == plan.Completed {
				sum.Done++
			}
		}
		sum.Overdue = v.Overdue
		kind := data.KindDistrict
		if u.IsCommune() {
			kind = data.KindCommune
		}
		groups[kind].Units = append(groups[kind].Units, sum)
		path := UnitsPath + u.ID + "/"
		for _, s := range v.Scores {
			env.unitChart(u, s, &out.Out, path)
			s.Map = env.scoreMap(shapes, in.Indicators, u, s, path, &out.Out)
		}
		v.Summary = env.unitSummary(u, v.Scores, v.Peers)
		if len(v.Scores) > 0 {
			v.Downloads = env.unitDownloads(u, v.Scores, &out.Out)
		}
		p := env.page(&site.Page{Path: path, Layout: "unit", Charts: len(v.Scores) > 0,
			Title: u.Name, Description: cmpOr(v.Summary, env.T("unitPageDescription")), Data: v, Source: u.Pos}, unitsPage)
		pages = append(pages, p)
		if u.IsCommune() {
			v.Poster = path + posterDir
			pv := env.poster(u, v, guide, in.URLs, &out.Out)
			posters = append(posters, env.page(&site.Page{Path: v.Poster, Layout: "poster",
				Title: env.T("posterTitle") + ": " + u.Name, Description: v.Summary, Data: pv, Source: u.Pos}, p))
		}
	}
	for _, kind := range []string{data.KindDistrict, data.KindCommune} {
		if len(groups[kind].Units) > 0 {
			uv.Groups = append(uv.Groups, *groups[kind])
		}
	}
	uv.Downloads = env.allUnitDownloads(scores, &out.Out)
	if uv.Downloads != nil {
		out.Dataset = &Dataset{ID: ScoresFile, Title: env.T("unitsDataset"), Path: UnitsPath, Kind: env.T("datasetKindUnitScores"),
			Description: env.T("unitsDatasetDescription"), Columns: scoreColumns, Source: env.T("datasetSourceUnitScores"),
			Illustrative: env.Open.Sample || anyIllustrative(scores), Downloads: uv.Downloads}
	}
	unitsPage.Data = uv
	out.All = append(append(pages, posters...), unitsPage)
	table := env.compareTable(scores, in.Cards)
	if table == nil {
		return out
	}
	for i, s := range table.Sorts {
		t := table.sorted(s, env.T("compareCaption"))
		if i == 0 {
			uv.Compare = t
			continue
		}
		sv := &UnitsView{Groups: uv.Groups, Compare: t, Downloads: uv.Downloads}
		out.All = append(out.All, env.page(&site.Page{Path: s.Path, Layout: "units",
			Title: env.T("unitsTitle") + ": " + s.Label, Description: env.T("unitsDescription"), Data: sv}, unitsPage))
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// IsSortedCopy reports whether p is /don-vi/'s comparison in another
// order or a poster: a copy of what another page says, kept out of the
// search index.
func IsSortedCopy(p *site.Page) bool {
	switch v := p.Data.(type) {
	case *UnitsView:
		return v.Compare != nil && !v.Compare.Sorts[0].Current
	case *PosterView:
		return true
	}
	return false
}

// peers names the units a unit is ranked among.
func (e Env) peers(u data.Unit) string {
	if u.IsCommune() {
		return e.T("rankPeers-xa")
	}
	return e.T("rankPeers-huyen")
}

// unitScores reads every indicator's breakdown into scores by unit id,
// ranking each unit among the units of its level (communes among
// communes, offices among offices) that have a figure.
func (e Env) unitScores(inds []Indicator, cards []*IndicatorCard) map[string][]*Score {
	out := map[string][]*Score{}
	if e.Units == nil {
		return out
	}
	loc := e.loc()
	for i, k := range inds {
		ind, res := k.Ind, k.Result
		if ind.Dimension != indicator.ByCommune && ind.Dimension != indicator.ByUnit || i >= len(cards) {
			continue
		}
		var scores []*Score
		for j := range res.Breakdown {
			d := &res.Breakdown[j]
			u, ok := e.Units.ByID(d.Dim)
			if !ok || ind.Measure == indicator.Rate && d.Den <= 0 {
				continue
			}
			s := &Score{Card: cards[i], ind: ind, dimValue: d, value: d.Value, NoUnitTarget: true,
				dimPoints: indicator.DimSeries(ind, k.Obs, d.Dim, e.Now), district: res.Series,
				Value: e.format(ind, d.Value, true), Period: d.Period.Label(e.dl()),
				Highlight: cards[i].Path}
			if ind.Measure == indicator.Rate {
				s.Num, s.Den = loc.Float(d.Num, 0), loc.Float(d.Den, 0)
			}
			s.Compare = e.compare(ind, res, d.Value)
			if res.Target != nil {
				if pct, st, judged, ok := indicator.UnitProgress(ind, *res.Target, u.ID, d.Value, e.Now); ok {
					s.NoUnitTarget = false
					goal := res.Target.ByUnit[u.ID]
					s.unitTarget = &goal
					s.Target = e.format(ind, res.Target.ByUnit[u.ID], true) + " (" + e.targetWhen(*res.Target) + ")"
					s.Pct = loc.Percent(pct, 1)
					if judged {
						b := Badge(st, e.Lang)
						s.Status = &b
					}
				}
			}
			scores = append(scores, s)
			out[u.ID] = append(out[u.ID], s)
		}
		// Rank within each level.
		for _, s := range scores {
			u, _ := e.Units.ByID(s.dimValue.Dim)
			better, of := 0, 0
			for _, o := range scores {
				ou, _ := e.Units.ByID(o.dimValue.Dim)
				if ou.IsCommune() != u.IsCommune() {
					continue
				}
				of++
				if ind.Direction == indicator.Decrease && o.value < s.value || ind.Direction != indicator.Decrease && o.value > s.value {
					better++
				}
			}
			s.Rank, s.Of = better+1, of
			s.RankText = strconv.Itoa(s.Rank) + "/" + strconv.Itoa(of)
			s.Sentence = e.scoreSentence(u, s)
		}
	}
	return out
}

// compare is a unit's figure against the district's latest: for a rate,
// above, below or at it (to the displayed decimals); for a count, the
// unit's share of the district's total.
func (e Env) compare(ind *indicator.Indicator, res indicator.Result, v float64) *StatusBadge {
	if res.Latest == nil {
		return nil
	}
	d := res.Latest.Value
	if !ind.Measure.IsPercentage() {
		if d <= 0 {
			return nil
		}
		return &StatusBadge{Slug: "ty-trong", Icon: "◔", Label: strings.ReplaceAll(e.T("shareOfDistrict"), "{pct}", e.loc().Percent(v/d*100, 1))}
	}
	scale := math.Pow(10, float64(ind.Decimals))
	switch a, b := math.Round(v*scale), math.Round(d*scale); {
	case a > b:
		return &StatusBadge{Slug: "tren-muc-huyen", Icon: "▲", Label: e.T("aboveDistrict")}
	case a < b:
		return &StatusBadge{Slug: "duoi-muc-huyen", Icon: "▼", Label: e.T("belowDistrict")}
	}
	return &StatusBadge{Slug: "bang-muc-huyen", Icon: "=", Label: e.T("atDistrict")}
}

// unitChart draws a unit's own series of one indicator, a rate with the
// district's beside it.
func (e Env) unitChart(u data.Unit, s *Score, out *Out, path string) {
	k := s.ind
	pts := s.dimPoints
	if len(pts) < 2 {
		return
	}
	loc := e.loc()
	var periods []string
	var vals []float64
	for _, p := range pts {
		periods = append(periods, ShortLabel(p.Period, e.Lang))
		vals = append(vals, p.Value)
	}
	series := []chart.Series{{Name: u.Short, Values: vals}}
	if k.Measure.IsPercentage() {
		dist := make([]float64, len(pts))
		for i, p := range pts {
			dist[i] = math.NaN()
			for _, q := range s.district {
				if q.Period == p.Period {
					dist[i] = q.Value
				}
			}
		}
		// The district's figure is written beside the chart.
		series = append(series, chart.Series{Name: e.T("district"), Values: dist, Unlabelled: true})
	}
	format := func(x float64) string { return e.format(k, x, false) }
	if k.Measure.IsPercentage() {
		format = func(x float64) string { return loc.Float(x, k.Decimals) }
	}
	title := s.Card.Title + " — " + u.Short
	ch, err := chart.Line(chart.LineSpec{
		Meta:    chart.Meta{ID: "dv-" + u.ID + "-" + k.ID, Title: title, Desc: s.Sentence, Lang: e.Lang, Format: format, Height: 200},
		Periods: periods, Series: series, Percent: k.Measure.IsPercentage(), Unit: indUnit(k, e.Lang),
	})
	s.Chart = out.figure(ch, err, title, path)
}

// scoreSentence is one score in words: "4.783 tài khoản (tháng 6/2023),
// thứ 3/12 xã, thị trấn; toàn huyện 47.024 tài khoản."
func (e Env) scoreSentence(u data.Unit, s *Score) string {
	r := strings.NewReplacer("{title}", lowerFirst(s.Card.Title), "{value}", s.Value, "{period}", s.Period,
		"{rank}", strconv.Itoa(s.Rank), "{of}", strconv.Itoa(s.Of), "{peers}", e.peers(u), "{district}", s.Card.Value)
	return r.Replace(e.T("scoreSentence"))
}

// lowerFirst lowers a title's first letter for the middle of a sentence,
// unless the word is an acronym ("VNeID", "UBND").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// unitSummary is the unit's figures in one sentence, the first thing its
// page says: "Thạch Kim: 4.783 tài khoản, thứ 3/12 xã, thị trấn về tài
// khoản định danh điện tử (VNeID) được cấp; …".
func (e Env) unitSummary(u data.Unit, scores []*Score, peers string) string {
	if len(scores) == 0 {
		return ""
	}
	var parts []string
	for _, s := range scores {
		r := strings.NewReplacer("{title}", lowerFirst(s.Card.Title), "{value}", s.Value,
			"{rank}", strconv.Itoa(s.Rank), "{of}", strconv.Itoa(s.Of), "{peers}", peers)
		parts = append(parts, r.Replace(e.T("summaryPart")))
	}
	return u.Name + ": " + strings.Join(parts, "; ") + "."
}

// scoreRecord is a score as the downloads write it, in the columns of
// scoreColumns.
type scoreRecord struct {
	Unit        string   `json:"don_vi"`
	UnitID      string   `json:"don_vi_ma"`
	Title       string   `json:"chi_tieu"`
	Indicator   string   `json:"chi_tieu_ma"`
	Measure     string   `json:"don_vi_tinh"`
	Period      string   `json:"ky"`
	Value       float64  `json:"gia_tri"`
	Numerator   *float64 `json:"tu_so,omitempty"`
	Denominator *float64 `json:"mau_so,omitempty"`
	Rank        int      `json:"thu_hang"`
	Of          int      `json:"so_don_vi_xep_hang"`
	District    *float64 `json:"toan_huyen,omitempty"`
	UnitTarget  *float64 `json:"muc_tieu_don_vi,omitempty"`
	Illustr     bool     `json:"minh_hoa"`
}

func (r scoreRecord) cells() []string {
	num := func(x *float64) string {
		if x == nil {
			return ""
		}
		return strconv.FormatFloat(*x, 'f', -1, 64)
	}
	v := r.Value
	return []string{r.Unit, r.UnitID, r.Title, r.Indicator, r.Measure, r.Period, num(&v), num(r.Numerator), num(r.Denominator),
		strconv.Itoa(r.Rank), strconv.Itoa(r.Of), num(r.District), num(r.UnitTarget), yesNo(r.Illustr)}
}

// record is s as the downloads write it: the figures as computed (a
// rate's counts too), in plain digits.
func (s *Score) record(u data.Unit) scoreRecord {
	d := s.dimValue
	r := scoreRecord{Unit: u.Name, UnitID: u.ID, Indicator: s.ind.ID, Title: s.ind.Title, Measure: s.ind.Unit, Period: d.Period.String(), Value: d.Value,
		Rank: s.Rank, Of: s.Of, Illustr: s.ind.Illustrative}
	if s.ind.Measure == indicator.Rate {
		n, dd := d.Num, d.Den
		r.Numerator, r.Denominator = &n, &dd
	}
	if len(s.district) > 0 {
		v := s.district[len(s.district)-1].Value
		r.District = &v
	}
	if s.unitTarget != nil {
		v := *s.unitTarget
		r.UnitTarget = &v
	}
	return r
}

// unitDownloads makes a unit's scores as CSV and JSON, in the conventions
// of the other downloads (the CSV in UTF-8 with BOM, formulas
// neutralised).
func (e Env) unitDownloads(u data.Unit, scores []*Score, out *Out) []Download {
	var js []scoreRecord
	var rows [][]string
	for _, s := range scores {
		r := s.record(u)
		js = append(js, r)
		rows = append(rows, r.cells())
	}
	jb, _ := json.MarshalIndent(map[string]any{"as_of": e.Now.Format(time.RFC3339), "unit": u.ID, "name": u.Name, "scores": js}, "", "  ")
	jb = append(jb, '\n')
	base := UnitsPath + u.ID + "/" + u.ID
	csv := e.tableDownload(out, base+".csv", scoreColumns, rows, tableNote{Title: u.Name, Source: e.T("datasetSourceUnitScores"), Illustrative: anyIllustrative(map[string][]*Score{u.ID: scores})})
	return []Download{csv, out.download("JSON", base+".json", jb)}
}

// allUnitDownloads makes every unit's scores, unit by unit in
// data/units.toml's order, as one CSV and one JSON: /don-vi/so-lieu-don-vi.csv
// (don-vi.csv is the list of units itself, on /du-lieu/).
func (e Env) allUnitDownloads(scores map[string][]*Score, out *Out) []Download {
	var js []scoreRecord
	var rows [][]string
	for _, u := range e.Units.All {
		for _, s := range scores[u.ID] {
			r := s.record(u)
			js = append(js, r)
			rows = append(rows, r.cells())
		}
	}
	if len(js) == 0 {
		return nil
	}
	jb, _ := json.MarshalIndent(map[string]any{"as_of": e.Now.Format(time.RFC3339), "scores": js}, "", "  ")
	jb = append(jb, '\n')
	base := UnitsPath + ScoresFile
	csv := e.tableDownload(out, base+".csv", scoreColumns, rows, tableNote{Title: e.T("unitsDataset"), Source: e.T("datasetSourceUnitScores"), Illustrative: anyIllustrative(scores)})
	return []Download{csv, out.download("JSON", base+".json", jb)}
}

// guidanceSteps are three pages of the guidance for residents: the first
// page of each of the first subsections of GuidancePath, in the section's
// order, then its own pages, until there are three.
func guidanceSteps(pages []*site.Page, urls site.URLs) []PosterStep {
	var root *site.Page
	for _, p := range pages {
		if p.Path == GuidancePath && p.Kind == site.KindSection {
			root = p
		}
	}
	if root == nil {
		return nil
	}
	var steps []PosterStep
	add := func(p *site.Page) {
		if len(steps) < 3 && p.Kind == site.KindPage && !slices.ContainsFunc(steps, func(s PosterStep) bool { return s.Path == p.Path }) {
			st := PosterStep{Title: p.Title, Description: cmpOr(p.Description, p.Summary), Path: p.Path}
			if urls.Origin != "" {
				st.URL = urls.Abs(p.Path)
			}
			steps = append(steps, st)
		}
	}
	for _, c := range root.Pages {
		if c.Kind == site.KindSection && len(c.Pages) > 0 {
			for _, p := range c.Pages {
				if p.Kind == site.KindPage {
					add(p)
					break
				}
			}
		}
	}
	for _, c := range root.Pages {
		add(c)
	}
	return steps
}

// poster makes a commune's poster: its figures and tasks as of env.Now,
// three things to do, and a QR code of its page's absolute address.
func (e Env) poster(u data.Unit, v *UnitView, steps []PosterStep, urls site.URLs, out *Out) *PosterView {
	pv := &PosterView{Unit: u, AsOf: e.loc().Date(e.Now), Score: v.Scores, Peers: v.Peers, Tasks: len(v.Lead) + len(v.Coord), Steps: steps}
	for _, r := range append(slices.Clone(v.Lead), v.Coord...) {
		if r.Overdue {
			pv.Overdue++
		}
	}
	for _, s := range v.Scores {
		pv.Illustrative = pv.Illustrative || s.ind.Illustrative
	}
	if urls.Origin == "" {
		return pv
	}
	pv.URL = urls.Abs(UnitsPath + u.ID + "/")
	svg, err := qr.SVG(pv.URL)
	if err != nil {
		out.Problems = append(out.Problems, qrProblem(UnitsPath+u.ID+"/"+posterDir, err))
		return pv
	}
	pv.QR = template.HTML(svg)
	return pv
}

// compareTable puts the communes side by side: one column per indicator
// with a figure for at least one commune, one row per commune of
// data/units.toml; nil without such an indicator. Its Sorts are by each
// column, then by name; the table is not sorted yet.
func (e Env) compareTable(scores map[string][]*Score, cards []*IndicatorCard) *CompareTable {
	t := &CompareTable{}
	var communes []data.Unit
	for _, u := range e.Units.All {
		if u.IsCommune() {
			communes = append(communes, u)
		}
	}
	for _, c := range cards {
		has := false
		for _, u := range communes {
			has = has || slices.ContainsFunc(scores[u.ID], func(s *Score) bool { return s.Card == c })
		}
		if !has {
			continue
		}
		col := &CompareColumn{ID: c.ID, Title: c.Title, Path: c.Path, Period: c.Period}
		col.Sort = &SortLink{Key: c.ID, Label: e.T("sortBy") + " " + lowerFirst(c.Title), Path: UnitsPath + sortPrefix + c.ID + "/"}
		t.Columns = append(t.Columns, col)
		t.Sorts = append(t.Sorts, col.Sort)
		t.Illustrative = t.Illustrative || c.Illustrative
	}
	if len(t.Columns) == 0 {
		return nil
	}
	t.Sorts[0].Path = UnitsPath
	t.Sorts = append(t.Sorts, &SortLink{Key: sortByName, Label: e.T("sortByName"), Path: UnitsPath + sortPrefix + sortByName + "/"})
	for _, u := range communes {
		r := &CompareRow{UnitRef: e.Unit(u.ID), Anchor: "ss-" + u.ID}
		for _, col := range t.Columns {
			var found *Score
			for _, s := range scores[u.ID] {
				if s.Card.ID == col.ID {
					found = s
					s.Highlight = col.Sort.Path + "#" + r.Anchor
				}
			}
			r.Scores = append(r.Scores, found)
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// sorted is a copy of t with its rows in the order s names: by a
// column's rank, best first and communes without a figure last, or by
// name in Vietnamese order; s is marked current.
func (t *CompareTable) sorted(s *SortLink, caption string) *CompareTable {
	c := *t
	c.Sort = s
	c.Sorts = make([]*SortLink, len(t.Sorts))
	for i, o := range t.Sorts {
		cp := *o
		cp.Current = o == s
		c.Sorts[i] = &cp
	}
	c.Columns = make([]*CompareColumn, len(t.Columns))
	col := -1
	for i, o := range t.Columns {
		cp := *o
		cp.Sort = c.Sorts[i]
		c.Columns[i] = &cp
		if o.Sort == s {
			col = i
		}
	}
	c.ByName = c.Sorts[len(c.Sorts)-1]
	for _, o := range c.Sorts {
		o.Caption = caption + "; " + lowerFirst(o.Label) + "."
	}
	c.Caption = caption + "; " + lowerFirst(s.Label) + "."
	c.Rows = slices.Clone(t.Rows)
	byName := func(a, b *CompareRow) int { return vi.Compare(a.Short, b.Short) }
	if col < 0 {
		slices.SortStableFunc(c.Rows, byName)
		return &c
	}
	slices.SortStableFunc(c.Rows, func(a, b *CompareRow) int {
		sa, sb := a.Scores[col], b.Scores[col]
		switch {
		case sa == nil && sb == nil:
			return byName(a, b)
		case sa == nil:
			return 1
		case sb == nil:
			return -1
		case sa.Rank != sb.Rank:
			return sa.Rank - sb.Rank
		}
		return byName(a, b)
	})
	return &c
}

// qrProblem is a poster's QR code that cannot be made.
func qrProblem(what string, err error) *diag.Diagnostic {
	return diag.New(diag.Pos{File: what}, diag.CodePosterQR,
		diag.Tf("không tạo được mã QR cho địa chỉ trang: %v", "cannot make the QR code of the page's address: %v", err),
		diag.T("Địa chỉ trang (baseURL cộng đường dẫn) quá dài cho một mã QR; hãy dùng baseURL ngắn hơn.",
			"The page's address (baseURL and path) is too long for a QR code; use a shorter baseURL."))
}

// anyIllustrative says whether any score is of an illustrative indicator.
func anyIllustrative(scores map[string][]*Score) bool {
	for _, list := range scores {
		for _, s := range list {
			if s.ind.Illustrative {
				return true
			}
		}
	}
	return false
}
