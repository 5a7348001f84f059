package build

import (
	"bytes"
	"io/fs"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/tiendo/tiendo/internal/vi"
)

// Paths of the weekly report pages.
const (
	reportsPath  = "/bao-cao/"
	servicesPath = "/dich-vu/"
)

// reports is what the load stage read of the weekly service reports.
type reports struct {
	services *data.Services
	files    []*data.Report
	rule     report.Rule
	// future holds the rows of weeks that start after the moment judged
	// at: in the CSV download, marked, and nowhere else.
	future []report.Row
}

// loadReports reads data/services.toml and every data/reports/*.csv.
func (b *builder) loadReports() {
	files, _ := fs.Glob(b.fsys, data.ReportsDir+"/*.csv")
	slices.Sort(files)
	src, ok := b.readData(data.ServicesFile)
	if !ok {
		for _, f := range files {
			b.data.used[f] = true
			if !b.data.used[data.ServicesFile] { // missing, not unreadable
				d := registryMissing(diag.Pos{File: f}, data.ServicesFile)
				d.Msg = diag.Tf("báo cáo tuần cần danh sách dịch vụ trong %s, nhưng không có tệp này",
					"weekly reports need the list of services in %s, which does not exist", data.ServicesFile)
				b.diags.Add(d)
			}
		}
		return
	}
	r := &reports{services: data.ParseServices(data.ServicesFile, src, b.data.units, b.diags), rule: report.DefaultRule()}
	r.rule.Location = b.cfg.Location
	if d, err := plan.ParseDeadline(b.cfg.Reports.Weekly, plan.Context{Year: b.planYear(), PlanDate: b.planDate()}); err == nil {
		if rule, ok := report.RuleOf(d); ok {
			rule.Location = b.cfg.Location
			r.rule = rule
		}
	} else {
		b.diags.Errorf(diag.Pos{File: "config.toml", Line: 1}, diag.CodeConfigReports,
			diag.Tf("không đọc được quy định báo cáo tuần “%s”", "cannot read the weekly report rule “%s”", b.cfg.Reports.Weekly),
			diag.T("Ví dụ: weekly = \"trước 09h ngày Thứ 3 hàng tuần\".", "For example: weekly = \"trước 09h ngày Thứ 3 hàng tuần\"."))
	}
	for _, f := range files {
		t, ok := b.readTable(f, b.reportOptions(f))
		if !ok {
			continue
		}
		if rep := data.ParseReport(t, b.data.units, r.services, r.rule, b.diags); rep != nil {
			r.future = append(r.future, rep.SetAsideFuture(b.site.Now, b.diags)...)
			r.files = append(r.files, rep)
		}
	}
	b.data.reports = r
}

// reportOptions reads file with the number dialect its unit declares.
func (b *builder) reportOptions(file string) table.Options {
	id := strings.TrimSuffix(path.Base(file), path.Ext(file))
	u, ok := b.data.units.ByID(id)
	if !ok {
		return table.Options{}
	}
	return table.Options{DecimalComma: u.DecimalComma,
		DialectSetting: diag.Tf("cho đơn vị \"%s\" trong data/units.toml (dòng %d)", "for unit \"%s\" in data/units.toml (line %d)", u.ID, u.Pos.Line)}
}

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
}

// WeekUnit is a unit's part of a week's report.
type WeekUnit struct {
	Unit     UnitRef
	Total    ReportLine
	Services []ReportLine
}

// ServiceView is the data of /dich-vu/<id>/.
type ServiceView struct {
	Service data.Service
	Sector  string
	Lead    UnitRef
	Online  string
	Total   ReportLine
	Trend   *Figure
	Weeks   []ReportLine
}

// UnitReports is a reporting unit's submissions, on its page.
type UnitReports struct {
	Latest  FreshRow
	History []FreshWeek
}

// FreshWeek is one week of a unit's history.
type FreshWeek struct {
	Week, Path, Submitted string
	State                 StatusBadge
}

var reportStateLook = map[report.State]struct{ slug, icon string }{
	report.OnTime:  {"dung-han", "✓"},
	report.Late:    {"hoan-thanh-qua-han", "!"},
	report.Missing: {"qua-han", "✗"},
}

func reportBadge(s report.State, lang string) StatusBadge {
	l := reportStateLook[s]
	return StatusBadge{Slug: l.slug, Icon: l.icon, Label: s.Label().In(diagLang(lang))}
}

func weekPath(w period.Period) string { return reportsPath + strings.ToLower(w.String()) + "/" }

// computeReports aggregates the weekly reports and makes their pages.
func (b *builder) computeReports() {
	r := b.data.reports
	if r == nil {
		return
	}
	lang := b.cfg.LanguageCode
	loc := vi.LocaleFor(lang)
	dl := diagLang(lang)
	agg := report.New(report.Options{Services: r.services.Catalogue(), Targets: report.DefaultTargets(), Views: report.DefaultViews()})
	var subs []report.Submission
	var first period.Period
	now := b.site.Now
	for _, f := range r.files {
		for _, row := range f.Rows {
			// Only what was reported by now counts.
			if !row.Submitted.IsZero() && row.Submitted.After(now) {
				continue
			}
			if r.rule.Due(row.Week).After(now.Add(7 * 24 * time.Hour)) {
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
	for _, u := range b.data.units.All {
		if u.Reports {
			reporting = append(reporting, u.ID)
		}
	}
	if first.IsZero() {
		first = r.rule.LastDue(now)
	}
	fresh := report.Check(reporting, r.rule, first, subs, now)

	v := &ReportsView{Week: fresh.Week.Label(dl), Due: loc.DateTime(fresh.Due), WeekPath: weekPath(fresh.Week),
		OnlineTarget: loc.Percent(report.DefaultTargets().Essential*100, 0)}
	dt := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return loc.DateTime(t.In(b.cfg.Location))
	}
	freshByUnit := map[string]report.UnitFreshness{}
	for _, uf := range fresh.Units {
		freshByUnit[uf.Unit] = uf
		v.Fresh = append(v.Fresh, FreshRow{Unit: b.unitRef(uf.Unit), State: reportBadge(uf.Latest.State, lang),
			Submitted: dt(uf.Latest.Submitted), OnTime: uf.OnTime, Late: uf.Late, Missing: uf.Missing})
	}
	for _, id := range fresh.NotReported() {
		v.NotReported = append(v.NotReported, b.unitRef(id))
	}
	for _, id := range fresh.ReportedLate() {
		v.Late = append(v.Late, b.unitRef(id))
	}

	line := func(title, p string, s report.Summary) ReportLine {
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
				l.Meets = StatusBadge{Slug: "da-dat", Icon: "✓", Label: b.theme.T(lang, "targetMet")}
			} else {
				l.Meets = StatusBadge{Slug: "chua-dat", Icon: "✗", Label: b.theme.T(lang, "targetNotMet")}
			}
		}
		reasons := func(rs []report.Reason) []ReasonLine {
			var out []ReasonLine
			for _, r := range rs {
				label := r.Label
				if label == "" {
					label = b.theme.T(lang, "noReason")
				}
				out = append(out, ReasonLine{Label: label, N: n(r.Dossiers)})
			}
			return out
		}
		l.LateReasons, l.NotAcceptedReasons, l.SuppReasons = reasons(s.LateReasons), reasons(s.NotAcceptedReasons), reasons(s.SupplementReasons)
		return l
	}
	serviceName := func(id string) string {
		if s, ok := r.services.ByID(id); ok {
			if lang == "en" && s.NameEn != "" {
				return s.NameEn
			}
			return s.Name
		}
		return id
	}

	// Per week: the trend and one page each.
	weeks := agg.View(report.ByWeek)
	var labels []string
	var online, ontime []float64
	for _, s := range weeks {
		labels = append(labels, shortLabel(s.Week, lang))
		online = append(online, pct(s.OnlineRate()))
		ontime = append(ontime, pct(s.OnTimeRate()))
		if s.Week == fresh.Week {
			v.Latest = line(s.Week.Label(dl), weekPath(s.Week), s)
		}
	}
	reportsPage := &site.Page{Kind: site.KindGenerated, Path: reportsPath, Layout: "reports", Lang: lang, Charts: true,
		Title: b.theme.T(lang, "reportsTitle"), Description: b.theme.T(lang, "reportsDescription"), Data: v}
	b.addGenerated(reportsPage, b.site.Home)
	if len(weeks) > 1 {
		title := b.theme.T(lang, "reportsTrend")
		ch, err := chart.Line(chart.LineSpec{
			Meta:    chart.Meta{ID: "bao-cao-xu-huong", Title: title, Desc: title + ".", Lang: lang, Format: func(x float64) string { return loc.Float(x, 1) }},
			Periods: labels, Percent: true,
			Series:  []chart.Series{{Name: b.theme.T(lang, "onlineRate"), Values: online}, {Name: b.theme.T(lang, "onTimeRate"), Values: ontime}},
			Targets: []chart.Target{{Value: report.DefaultTargets().Essential * 100, Label: b.theme.T(lang, "onlineTarget") + " " + v.OnlineTarget}},
		})
		v.Trend = b.addFigure(ch, err, title, reportsPath)
	}
	byWeekUnit := agg.View(report.ByWeek | report.ByUnit)
	byWeekUnitService := agg.View(report.ByWeek | report.ByUnit | report.ByService)
	for i, s := range weeks {
		wv := &WeekView{Week: s.Week.Label(dl), Due: loc.DateTime(r.rule.Due(s.Week)), Total: line(b.theme.T(lang, "wholeDistrict"), "", s)}
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
			wu := WeekUnit{Unit: b.unitRef(us.Unit), Total: line(b.unitRef(us.Unit).Name, "", us)}
			for _, ss := range byWeekUnitService {
				if ss.Week != s.Week || ss.Unit != us.Unit {
					continue
				}
				wu.Services = append(wu.Services, line(serviceName(ss.Service), servicesPath+ss.Service+"/", ss))
				csvRows = append(csvRows, weekCSVRow(s.Week, us.Unit, ss))
			}
			wv.Units = append(wv.Units, wu)
		}
		for _, uf := range fresh.Units {
			for _, h := range uf.History {
				if h.Week == s.Week {
					wv.Fresh = append(wv.Fresh, FreshRow{Unit: b.unitRef(uf.Unit), State: reportBadge(h.State, lang), Submitted: dt(h.Submitted)})
				}
			}
		}
		p := weekPath(s.Week)
		var cb bytes.Buffer
		_ = table.WriteCSV(&cb, weekCSVHeader, csvRows)
		file := p + "bao-cao-" + strings.ToLower(s.Week.String()) + ".csv"
		b.later(file, cb.Bytes())
		wv.Downloads = []Download{{Label: "CSV", Path: file, Format: "CSV", Size: cb.Len()}}
		b.addGenerated(&site.Page{Kind: site.KindGenerated, Path: p, Layout: "report-week", Lang: lang,
			Title: b.theme.T(lang, "weekReportTitle") + " " + s.Week.Label(dl), Description: b.theme.T(lang, "weekReportDescription"), Data: wv}, reportsPage)
	}
	for i := len(weeks) - 1; i >= 0; i-- {
		v.Weeks = append(v.Weeks, WeekLink{Label: weeks[i].Week.Label(dl), Path: weekPath(weeks[i].Week), OnlineRate: line("", "", weeks[i]).OnlineRate})
	}

	// Per unit, over the whole period, and per unit in the last week due.
	var unitCats []string
	var unitVals []float64
	for _, us := range agg.View(report.ByUnit) {
		v.Units = append(v.Units, line(b.unitRef(us.Unit).Name, b.unitRef(us.Unit).Path, us))
	}
	for _, us := range byWeekUnit {
		if us.Week == fresh.Week {
			unitCats = append(unitCats, b.unitRef(us.Unit).Short)
			unitVals = append(unitVals, pct(us.OnlineRate()))
		}
	}
	if len(unitCats) > 0 {
		title := b.theme.T(lang, "onlineRateByUnit") + ", " + fresh.Week.Label(dl)
		ch, err := chart.Bar(chart.BarSpec{
			Meta:       chart.Meta{ID: "bao-cao-don-vi", Title: title, Desc: title + ".", Lang: lang, Format: func(x float64) string { return loc.Float(x, 1) }},
			Categories: unitCats, Series: []chart.Series{{Name: b.theme.T(lang, "onlineRate"), Values: unitVals}}, Percent: true,
			Targets: []chart.Target{{Value: report.DefaultTargets().Essential * 100, Label: b.theme.T(lang, "target") + " " + v.OnlineTarget}},
		})
		v.ByUnit = b.addFigure(ch, err, title, reportsPath)
	}

	// Per service: a page each.
	byWeekService := agg.View(report.ByWeek | report.ByService)
	servicesByID := map[string]report.Summary{}
	for _, ss := range agg.View(report.ByService) {
		servicesByID[ss.Service] = ss
	}
	for _, sv := range r.services.All {
		ss, ok := servicesByID[sv.ID]
		if !ok {
			ss = report.Summary{Key: report.Key{Service: sv.ID}}
		}
		v.Services = append(v.Services, line(serviceName(sv.ID), servicesPath+sv.ID+"/", ss))
		view := &ServiceView{Service: sv, Lead: b.unitRef(sv.Lead), Total: line(serviceName(sv.ID), "", ss),
			Online: b.theme.T(lang, "online-"+sv.Online)}
		if sec, ok := r.services.Sector(sv.Sector); ok {
			view.Sector = sec.Name
		}
		var sl []string
		var sOnline []float64
		for _, ws := range byWeekService {
			if ws.Service != sv.ID {
				continue
			}
			sl = append(sl, shortLabel(ws.Week, lang))
			sOnline = append(sOnline, pct(ws.OnlineRate()))
			view.Weeks = append(view.Weeks, line(ws.Week.Label(dl), weekPath(ws.Week), ws))
		}
		slices.Reverse(view.Weeks)
		p := servicesPath + sv.ID + "/"
		if len(sl) > 1 {
			target := report.DefaultTargets().Other
			if sv.DeAn06 {
				target = report.DefaultTargets().Essential
			}
			title := b.theme.T(lang, "onlineRate") + ": " + serviceName(sv.ID)
			ch, err := chart.Line(chart.LineSpec{
				Meta:    chart.Meta{ID: "dv-" + sv.ID, Title: title, Desc: title + ".", Lang: lang, Format: func(x float64) string { return loc.Float(x, 1) }},
				Periods: sl, Percent: true, Series: []chart.Series{{Name: b.theme.T(lang, "onlineRate"), Values: sOnline}},
				Targets: []chart.Target{{Value: target * 100, Label: b.theme.T(lang, "target") + " " + loc.Percent(target*100, 0)}},
			})
			view.Trend = b.addFigure(ch, err, title, p)
		}
		b.addGenerated(&site.Page{Kind: site.KindGenerated, Path: p, Layout: "service", Lang: lang, Charts: view.Trend != nil,
			Title: serviceName(sv.ID), Description: b.theme.T(lang, "serviceDescription"), Data: view, Source: sv.Pos}, reportsPage)
	}

	// Each reporting unit's history on its page.
	for _, uv := range b.unitViews {
		uf, ok := freshByUnit[uv.Unit.ID]
		if !ok {
			continue
		}
		ur := &UnitReports{Latest: FreshRow{Unit: b.unitRef(uf.Unit), State: reportBadge(uf.Latest.State, lang),
			Submitted: dt(uf.Latest.Submitted), OnTime: uf.OnTime, Late: uf.Late, Missing: uf.Missing}}
		for i := len(uf.History) - 1; i >= 0; i-- {
			h := uf.History[i]
			ur.History = append(ur.History, FreshWeek{Week: h.Week.Label(dl), Path: weekPath(h.Week), Submitted: dt(h.Submitted), State: reportBadge(h.State, lang)})
		}
		uv.Reports = ur
	}

	// Open data: every row of every unit, as read, and those of weeks
	// after the moment judged at, marked.
	var all [][]string
	header := weekCSVHeader
	if len(r.future) > 0 {
		header = append(slices.Clip(header), futureColumn)
	}
	for _, s := range byWeekUnitService {
		row := weekCSVRow(s.Week, s.Unit, s)
		if len(r.future) > 0 {
			row = append(row, "")
		}
		all = append(all, row)
	}
	for _, row := range r.future {
		s := report.Summary{Key: report.Key{Service: row.Service}, Counts: row.Counts}
		all = append(all, append(weekCSVRow(row.Week, row.Unit, s), b.futureNote()))
	}
	var cb bytes.Buffer
	_ = table.WriteCSV(&cb, header, all)
	b.later(reportsPath+"bao-cao-tuan.csv", cb.Bytes())
	v.Downloads = []Download{{Label: "CSV", Path: reportsPath + "bao-cao-tuan.csv", Format: "CSV", Size: cb.Len()}}
	b.reportDatasets = append(b.reportDatasets, Dataset{Title: reportsPage.Title, Path: reportsPath, Description: reportsPage.Description, Downloads: v.Downloads})
}

var weekCSVHeader = []string{"tuan", "don_vi", "dich_vu", "tiep_nhan_truc_tuyen", "tiep_nhan_truc_tiep", "ky_truoc_chuyen_sang",
	"giai_quyet_truoc_han", "giai_quyet_dung_han", "giai_quyet_qua_han", "dang_giai_quyet_trong_han", "dang_giai_quyet_qua_han",
	"da_tra_ket_qua", "khong_tiep_nhan", "tra_lai_bo_sung"}

func weekCSVRow(w period.Period, unit string, s report.Summary) []string {
	n := func(x int64) string { return strconv.FormatInt(x, 10) }
	return []string{w.String(), unit, s.Service, n(s.ReceivedOnline), n(s.ReceivedInPerson), n(s.CarriedOver),
		n(s.ResolvedEarly), n(s.ResolvedOnTime), n(s.ResolvedLate), n(s.PendingOnTime), n(s.PendingOverdue),
		n(s.ResultsReturned), n(s.NotAccepted), n(s.ReturnedForSupplement)}
}

// pct is a ratio as a percentage, NaN when there is none (a gap in a chart).
func pct(r report.Ratio) float64 {
	if x, ok := r.Value(); ok {
		return x * 100
	}
	return math.NaN()
}
