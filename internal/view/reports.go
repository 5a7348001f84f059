package view

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/site"
)

// ReportsView is the data of /bao-cao/.
type ReportsView struct {
	Week, Due     string
	WeekPath      string
	Fresh         []FreshRow
	NotReported   []UnitRef
	Late          []UnitRef
	Latest        ReportLine
	Units         []ReportLine
	Services      []ReportLine
	Trend, ByUnit *Figure
	Weeks         []WeekLink
	Downloads     []Download
	OnlineTarget  string
	// Templates are the units' weekly template workbooks.
	Templates []ReportTemplate
}

// FreshRow is a unit's report for the last week due.
type FreshRow struct {
	Unit                  UnitRef
	State                 StatusBadge
	Submitted             string
	OnTime, Late, Missing int
}

// ReportLine is a row of figures for a unit, a service or a week.
type ReportLine struct {
	Title, Path                                  string
	Received, Online, InPerson, Carried          string
	Early, OnTime, LateN, Pending, Overdue       string
	Returned, NotAccepted, Supplement            string
	OnlineRate, OnTimeRate, Target               string
	Meets                                        StatusBadge
	LateReasons, NotAcceptedReasons, SuppReasons []ReasonLine
}

// ReasonLine is a reason and how many dossiers it explains.
type ReasonLine struct {
	Label string
	N     string
}

// WeekLink links to one week's report.
type WeekLink struct {
	Label, Path, OnlineRate string
}

// WeekView is the data of /bao-cao/<week>/.
type WeekView struct {
	Week, Due  string
	Total      ReportLine
	Units      []WeekUnit
	Fresh      []FreshRow
	Downloads  []Download
	Prev, Next *WeekLink

	// rates are the online rates of the weeks up to this one, target the
	// online target (in %), for the share image.
	rates  []float64
	target float64
}

// WeekUnit is a unit's part of a week's report.
type WeekUnit struct {
	Unit     UnitRef
	Total    ReportLine
	Services []ReportLine
}

// ServiceView is the data of /dich-vu/<id>/, a citizen's page: what the
// service is, where to do it online, how many dossiers the district
// received and how many of them online, and why dossiers came back.
type ServiceView struct {
	Service data.Service
	Sector  string
	Lead    UnitRef
	Online  string
	// Guide is the guidance page data/services.toml names for the
	// service (guide = "huong-dan/….md"), nil when it names none.
	Guide *Guide
	// Portal is the national public-service portal, the one address
	// tiendo sends citizens to for doing a service online.
	Portal string
	// Counts are the dossiers of the latest week with figures for the
	// service, then of the whole period; empty without figures.
	Counts []ServiceCount
	Total  ReportLine
	Trend  *Figure
	Weeks  []ReportLine
}

// PortalURL is the national public-service portal (Cổng Dịch vụ công
// quốc gia).
const PortalURL = "https://dichvucong.gov.vn/"

// Guide is a guidance page a service page links to.
type Guide struct {
	Title, Description, Path string
}

// ServiceCount is "N dossiers, of which M online" over a span of weeks.
type ServiceCount struct {
	Label, Path                  string
	Received, Online, OnlineRate string
}

// UnitReports is a reporting unit's submissions, on its page.
type UnitReports struct {
	Latest  FreshRow
	History []FreshWeek
	// Template is the unit's weekly template workbook.
	Template *Download
}

// FreshWeek is one week of a unit's history.
type FreshWeek struct {
	Week, Path, Submitted string
	State                 StatusBadge
}

// ReportPages are the views and pages of the weekly reports.
type ReportPages struct {
	Page *site.Page // /bao-cao/, nil without reports
	View *ReportsView
	// All is every page made, in order: /bao-cao/, the weeks, the services.
	All []*site.Page
	// ByUnit is each reporting unit's history, for its page.
	ByUnit map[string]*UnitReports
	Out
}

// WeekPath is the address of week's report page under the site's root.
func WeekPath(w period.Period) string { return weekPath(w) }

func weekPath(w period.Period) string { return ReportsPath + strings.ToLower(w.String()) + "/" }

// reports is what making the report views shares.
type reports struct {
	Env
	services *data.Services
}

// Reports aggregates the weekly reports as of env.Now and makes their
// pages; w nil (no data/services.toml) makes none. guides are the
// services' guidance pages, by service id.
func Reports(env Env, w *data.Weekly, guides map[string]Guide) (out ReportPages) {
	defer func() { out.makeTwins() }()
	if w == nil {
		return out
	}
	e := reports{Env: env, services: w.Services}
	lang, loc, dl, now := env.Lang, env.loc(), env.dl(), env.Now
	agg := report.New(report.Options{Services: w.Services.Catalogue(), Targets: report.DefaultTargets(), Views: report.DefaultViews()})
	var subs []report.Submission
	var first period.Period
	for _, f := range w.Files {
		for _, row := range f.Rows {
			if !w.Rule.ReportedBy(row, now) {
				continue
			}
			agg.Add(row)
			if first.IsZero() || period.Compare(row.Week, first) < 0 {
				first = row.Week
			}
		}
		subs = append(subs, f.Submissions...)
	}
	var reporting []string
	for _, u := range env.Units.All {
		if u.Reports {
			reporting = append(reporting, u.ID)
		}
	}
	if first.IsZero() {
		first = w.Rule.LastDue(now)
	}
	fresh := report.Check(reporting, w.Rule, first, subs, now)

	v := &ReportsView{Week: WeekLabel(fresh.Week, lang), Due: loc.DateTime(fresh.Due), WeekPath: weekPath(fresh.Week),
		OnlineTarget: loc.Percent(report.DefaultTargets().Essential*100, 0)}
	freshByUnit := map[string]report.UnitFreshness{}
	for _, uf := range fresh.Units {
		freshByUnit[uf.Unit] = uf
		v.Fresh = append(v.Fresh, FreshRow{Unit: env.Unit(uf.Unit), State: Badge(uf.Latest.State, lang),
			Submitted: e.dt(uf.Latest.Submitted), OnTime: uf.OnTime, Late: uf.Late, Missing: uf.Missing})
	}
	for _, id := range fresh.NotReported() {
		v.NotReported = append(v.NotReported, env.Unit(id))
	}
	for _, id := range fresh.ReportedLate() {
		v.Late = append(v.Late, env.Unit(id))
	}
	pct1 := func(x float64) string { return loc.Float(x, 1) }

	// Per week: the trend and one page each.
	weeks := agg.View(report.ByWeek)
	var labels []string
	var online, ontime []float64
	var freshAll report.Summary // the district in the last week due
	var weekList []period.Period
	for _, s := range weeks {
		weekList = append(weekList, s.Week)
		online = append(online, pct(s.OnlineRate()))
		ontime = append(ontime, pct(s.OnTimeRate()))
		if s.Week == fresh.Week {
			freshAll = s
			v.Latest = e.line(s.Week.Label(dl), weekPath(s.Week), s)
		}
	}
	reportsPage := env.page(&site.Page{Path: ReportsPath, Layout: "reports", Charts: true,
		Title: env.T("reportsTitle"), Description: env.T("reportsDescription"), Data: v}, nil)
	out.Page, out.View = reportsPage, v
	out.All = append(out.All, reportsPage)
	// A week without reports keeps its place on the axis.
	axis, idx := timeline(weekList)
	online, ontime = spread(online, idx, len(axis)), spread(ontime, idx, len(axis))
	for _, w := range axis {
		labels = append(labels, ShortLabel(w, lang))
	}
	if len(weeks) > 1 {
		title := env.T("reportsTrend")
		ch, err := chart.Line(chart.LineSpec{
			Meta:    chart.Meta{ID: "bao-cao-xu-huong", Title: title, Desc: title + ".", Lang: lang, Format: pct1},
			Periods: labels, Percent: true,
			Series:  []chart.Series{{Name: env.T("onlineRate"), Values: online}, {Name: env.T("onTimeRate"), Values: ontime}},
			Targets: []chart.Target{{Value: report.DefaultTargets().Essential * 100, Label: env.T("onlineTarget") + " " + v.OnlineTarget}},
		})
		v.Trend = out.figure(ch, err, title, ReportsPath)
	}
	byWeekUnit := agg.View(report.ByWeek | report.ByUnit)
	byWeekUnitService := agg.View(report.ByWeek | report.ByUnit | report.ByService)
	for i, s := range weeks {
		wv := &WeekView{Week: WeekLabel(s.Week, lang), Due: loc.DateTime(w.Rule.Due(s.Week)), Total: e.line(env.T("wholeDistrict"), "", s)}
		wv.rates = online[:i+1]
		if t, ok := s.OnlineTarget(); ok {
			wv.target = t * 100
		}
		if i > 0 {
			wv.Prev = &WeekLink{Label: weeks[i-1].Week.Label(dl), Path: weekPath(weeks[i-1].Week)}
		}
		if i+1 < len(weeks) {
			wv.Next = &WeekLink{Label: weeks[i+1].Week.Label(dl), Path: weekPath(weeks[i+1].Week)}
		}
		var csvRows [][]string
		for _, us := range byWeekUnit {
			if us.Week != s.Week {
				continue
			}
			wu := WeekUnit{Unit: env.Unit(us.Unit), Total: e.line(env.Unit(us.Unit).Name, "", us)}
			for _, ss := range byWeekUnitService {
				if ss.Week != s.Week || ss.Unit != us.Unit {
					continue
				}
				wu.Services = append(wu.Services, e.line(e.serviceName(ss.Service), ServicesPath+ss.Service+"/", ss))
				csvRows = append(csvRows, e.weekCSVRow(s.Week, us.Unit, ss))
			}
			wv.Units = append(wv.Units, wu)
		}
		for _, uf := range fresh.Units {
			for _, h := range uf.History {
				if h.Week == s.Week {
					wv.Fresh = append(wv.Fresh, FreshRow{Unit: env.Unit(uf.Unit), State: Badge(h.State, lang), Submitted: e.dt(h.Submitted)})
				}
			}
		}
		p := weekPath(s.Week)
		wv.Downloads = []Download{env.tableDownload(&out.Out, p+"bao-cao-"+strings.ToLower(s.Week.String())+".csv", weekColumns(false), csvRows,
			tableNote{Title: env.T("weekReportTitle") + " " + WeekLabel(s.Week, lang), Source: env.T("datasetSourceReports")})}
		out.All = append(out.All, env.page(&site.Page{Path: p, Layout: "report-week",
			Title: env.T("weekReportTitle") + " " + WeekLabel(s.Week, lang), Description: env.T("weekReportDescription"), Data: wv}, reportsPage))
	}
	for i := len(weeks) - 1; i >= 0; i-- {
		v.Weeks = append(v.Weeks, WeekLink{Label: WeekLabel(weeks[i].Week, lang), Path: weekPath(weeks[i].Week), OnlineRate: e.line("", "", weeks[i]).OnlineRate})
	}

	// Per unit, over the whole period, and per unit in the last week due.
	var unitCats, unitNames []string
	var unitVals []float64
	for _, us := range agg.View(report.ByUnit) {
		v.Units = append(v.Units, e.line(env.Unit(us.Unit).Name, env.Unit(us.Unit).Path, us))
	}
	for _, us := range byWeekUnit {
		if us.Week == fresh.Week {
			unitCats = append(unitCats, env.Unit(us.Unit).Short)
			unitNames = append(unitNames, env.Unit(us.Unit).Name)
			unitVals = append(unitVals, pct(us.OnlineRate()))
		}
	}
	if len(unitCats) > 0 {
		title := env.T("onlineRateByUnit") + ", " + fresh.Week.Label(dl)
		ch, err := chart.Bar(chart.BarSpec{
			Meta:       chart.Meta{ID: "bao-cao-don-vi", Title: title, Desc: title + ".", Lang: lang, Format: pct1},
			Categories: unitCats, Names: unitNames, Series: []chart.Series{{Name: env.T("onlineRate"), Values: unitVals}}, Percent: true, Rank: true,
			Overall: &chart.Overall{Name: env.T("wholeDistrict"), Value: pct(freshAll.OnlineRate())},
			Targets: []chart.Target{{Value: report.DefaultTargets().Essential * 100, Label: env.T("target") + " " + v.OnlineTarget}},
		})
		v.ByUnit = out.figure(ch, err, title, ReportsPath)
	}

	// Per service: a page each.
	byWeekService := agg.View(report.ByWeek | report.ByService)
	servicesByID := map[string]report.Summary{}
	for _, ss := range agg.View(report.ByService) {
		servicesByID[ss.Service] = ss
	}
	for _, sv := range w.Services.All {
		ss, ok := servicesByID[sv.ID]
		if !ok {
			ss = report.Summary{Key: report.Key{Service: sv.ID}}
		}
		v.Services = append(v.Services, e.line(e.serviceName(sv.ID), ServicesPath+sv.ID+"/", ss))
		view := &ServiceView{Service: sv, Lead: env.Unit(sv.Lead), Total: e.line(e.serviceName(sv.ID), "", ss),
			Online: env.T("online-" + sv.Online), Portal: PortalURL}
		if g, ok := guides[sv.ID]; ok {
			view.Guide = &g
		}
		var lastWeek *report.Summary
		if sec, ok := w.Services.Sector(sv.Sector); ok {
			view.Sector = sec.Name
		}
		var sl []string
		var sOnline []float64
		var sWeeks []period.Period
		for _, ws := range byWeekService {
			if ws.Service != sv.ID {
				continue
			}
			sWeeks = append(sWeeks, ws.Week)
			sOnline = append(sOnline, pct(ws.OnlineRate()))
			view.Weeks = append(view.Weeks, e.line(ws.Week.Label(dl), weekPath(ws.Week), ws))
			lastWeek = &ws
		}
		slices.Reverse(view.Weeks)
		if lastWeek != nil {
			view.Counts = []ServiceCount{e.count(WeekLabel(lastWeek.Week, lang), weekPath(lastWeek.Week), *lastWeek)}
			if len(view.Weeks) > 1 {
				view.Counts = append(view.Counts, e.count(env.T("sinceStart")+" ("+view.Weeks[len(view.Weeks)-1].Title+" – "+view.Weeks[0].Title+")", "", ss))
			}
		}
		p := ServicesPath + sv.ID + "/"
		axis, idx := timeline(sWeeks)
		sOnline = spread(sOnline, idx, len(axis))
		for _, w := range axis {
			sl = append(sl, ShortLabel(w, lang))
		}
		if len(sWeeks) > 1 {
			target := report.DefaultTargets().Other
			if sv.DeAn06 {
				target = report.DefaultTargets().Essential
			}
			title := env.T("onlineRate") + ": " + e.serviceName(sv.ID)
			ch, err := chart.Line(chart.LineSpec{
				Meta:    chart.Meta{ID: "dv-" + sv.ID, Title: title, Desc: title + ".", Lang: lang, Format: pct1},
				Periods: sl, Percent: true, Series: []chart.Series{{Name: env.T("onlineRate"), Values: sOnline}},
				Targets: []chart.Target{{Value: target * 100, Label: env.T("target") + " " + loc.Percent(target*100, 0)}},
			})
			view.Trend = out.figure(ch, err, title, p)
		}
		out.All = append(out.All, env.page(&site.Page{Path: p, Layout: "service", Charts: view.Trend != nil,
			Title: e.serviceName(sv.ID), Description: env.T("serviceDescription"), Data: view, Source: sv.Pos}, reportsPage))
	}

	// Each reporting unit's history, for its page.
	out.ByUnit = map[string]*UnitReports{}
	for id, uf := range freshByUnit {
		ur := &UnitReports{Latest: FreshRow{Unit: env.Unit(uf.Unit), State: Badge(uf.Latest.State, lang),
			Submitted: e.dt(uf.Latest.Submitted), OnTime: uf.OnTime, Late: uf.Late, Missing: uf.Missing}}
		for i := len(uf.History) - 1; i >= 0; i-- {
			h := uf.History[i]
			ur.History = append(ur.History, FreshWeek{Week: h.Week.Label(dl), Path: weekPath(h.Week), Submitted: e.dt(h.Submitted), State: Badge(h.State, lang)})
		}
		out.ByUnit[id] = ur
	}

	// Open data: every row of every unit, as read, and those of weeks
	// after the moment judged at, marked.
	var all [][]string
	for _, s := range byWeekUnitService {
		row := e.weekCSVRow(s.Week, s.Unit, s)
		if len(w.Future) > 0 {
			row = append(row, "")
		}
		all = append(all, row)
	}
	for _, row := range w.Future {
		s := report.Summary{Key: report.Key{Service: row.Service}, Counts: row.Counts}
		all = append(all, append(e.weekCSVRow(row.Week, row.Unit, s), env.futureNote()))
	}
	v.Downloads = []Download{env.tableDownload(&out.Out, ReportsPath+"bao-cao-tuan.csv", weekColumns(len(w.Future) > 0), all,
		tableNote{Title: env.T("reportsTitle"), Source: env.T("datasetSourceReports")})}
	v.Templates = reportTemplates(env, w, &out.Out, out.ByUnit)
	return out
}

func (e reports) dt(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return e.loc().DateTime(t.In(e.Location))
}

func (e reports) serviceName(id string) string {
	if s, ok := e.services.ByID(id); ok {
		if e.Lang == "en" && s.NameEn != "" {
			return s.NameEn
		}
		return s.Name
	}
	return id
}

// count is the dossiers of s received, and online, formatted.
func (e reports) count(label, p string, s report.Summary) ServiceCount {
	loc := e.loc()
	c := ServiceCount{Label: label, Path: p, Received: loc.Int(s.Received()), Online: loc.Int(s.ReceivedOnline)}
	if x, ok := s.OnlineRate().Value(); ok {
		c.OnlineRate = loc.Percent(x*100, 1)
	}
	return c
}

// line is a row of figures, formatted.
func (e reports) line(title, p string, s report.Summary) ReportLine {
	loc := e.loc()
	n := func(x int64) string { return loc.Int(x) }
	rate := func(r report.Ratio) string {
		if x, ok := r.Value(); ok {
			return loc.Percent(x*100, 1)
		}
		return "—"
	}
	l := ReportLine{Title: title, Path: p, Received: n(s.Received()), Online: n(s.ReceivedOnline), InPerson: n(s.ReceivedInPerson),
		Carried: n(s.CarriedOver), Early: n(s.ResolvedEarly), OnTime: n(s.ResolvedOnTime), LateN: n(s.ResolvedLate),
		Pending: n(s.PendingOnTime), Overdue: n(s.PendingOverdue), Returned: n(s.ResultsReturned),
		NotAccepted: n(s.NotAccepted), Supplement: n(s.ReturnedForSupplement),
		OnlineRate: rate(s.OnlineRate()), OnTimeRate: rate(s.OnTimeRate())}
	if t, ok := s.OnlineTarget(); ok {
		l.Target = loc.Percent(t*100, 0)
		if met, _ := s.MeetsOnlineTarget(); met {
			l.Meets = StatusBadge{Slug: "da-dat", Icon: "✓", Label: e.T("targetMet")}
		} else {
			l.Meets = StatusBadge{Slug: "chua-dat", Icon: "✗", Label: e.T("targetNotMet")}
		}
	}
	reasons := func(rs []report.Reason) []ReasonLine {
		var out []ReasonLine
		for _, r := range rs {
			label := r.Label
			if label == "" {
				label = e.T("noReason")
			}
			out = append(out, ReasonLine{Label: label, N: n(r.Dossiers)})
		}
		return out
	}
	l.LateReasons, l.NotAcceptedReasons, l.SuppReasons = reasons(s.LateReasons), reasons(s.NotAcceptedReasons), reasons(s.SupplementReasons)
	return l
}

func (e reports) weekCSVRow(w period.Period, unit string, s report.Summary) []string {
	n := func(x int64) string { return strconv.FormatInt(x, 10) }
	return []string{w.String(), e.Unit(unit).Name, unit, e.serviceNameVi(s.Service), s.Service, n(s.ReceivedOnline), n(s.ReceivedInPerson), n(s.CarriedOver),
		n(s.ResolvedEarly), n(s.ResolvedOnTime), n(s.ResolvedLate), n(s.PendingOnTime), n(s.PendingOverdue),
		n(s.ResultsReturned), n(s.NotAccepted), n(s.ReturnedForSupplement)}
}

// serviceNameVi is a service's Vietnamese name, for the downloads.
func (e reports) serviceNameVi(id string) string {
	if s, ok := e.services.ByID(id); ok {
		return s.Name
	}
	return id
}

// pct is a ratio as a percentage, NaN when there is none (a gap in a chart).
func pct(r report.Ratio) float64 {
	if x, ok := r.Value(); ok {
		return x * 100
	}
	return math.NaN()
}
