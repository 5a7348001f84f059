package view

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/provenance"
	"github.com/tiendo/tiendo/internal/search"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/vi"
)

// TaskRow is a task with its status, for layouts.
type TaskRow struct {
	*data.Task
	Status StatusBadge
	Code   plan.StatusCode
	Anchor string
	// PlanCode is the task's code as the plan writes it: "3.2(4)".
	PlanCode string
	Lead     UnitRef
	// LeadSource is where the lead comes from; nil when tasks.csv does
	// not say. ProgressSource likewise for status, date and result.
	LeadSource     *Source
	ProgressSource *Source
	Coord          []UnitRef
	DueText        string
	DoneText       string
	Overdue        bool
	// Group is the code of the part of the plan the task is in ("3.2"),
	// Units the ids of every unit that leads it (a group's members): what
	// the filters match.
	Group string
	Units []string
	// Revisions are the task's published changes read from git.
	Revisions []Revision
}

// TasksView is the data of /nhiem-vu/ and of its filter pages
// (/nhiem-vu/qua-han/, /nhiem-vu/don-vi-<id>/, /nhiem-vu/nhom-<code>/).
type TasksView struct {
	// Rows are every task, in plan order (the downloads' order).
	Rows []*TaskRow
	// List is what the page lists: worst first (overdue, due soon, …,
	// done), only the filter's rows on a filter page.
	List      []*TaskRow
	Counts    []StatusCount
	Total     int
	Overdue   int
	ByStatus  *Figure
	Timeline  *Figure
	Downloads []Download
	// Filters are the links that narrow the list; Filter is the one this
	// page shows, nil on /nhiem-vu/ itself.
	Filters []FilterSet
	Filter  *Filter
	// Calendar is the site path of the deadline calendar (see Calendars).
	Calendar string
	// History is nil when the site's history is not read (see History).
	History *HistoryNote
}

// StatusFilter is the filter of the tasks of status code, nil when no task
// has it.
func (v *TasksView) StatusFilter(code plan.StatusCode) *Filter {
	return findFilter(v.Filters, FilterStatus, code.Slug())
}

func findFilter(sets []FilterSet, key, value string) *Filter {
	for _, s := range sets {
		for _, o := range s.Options {
			if o.Key == key && o.Value == value {
				return o
			}
		}
	}
	return nil
}

// TaskPages are the tracker's view and page; Page is nil when the site has
// neither tasks nor units. All is Page and then the filter pages.
type TaskPages struct {
	Page *site.Page
	View *TasksView
	All  []*site.Page
	Out
}

// taskGroup is the part of the plan a task code is in: the code without
// its last part ("3.2.4" → "3.2", "1.1" → "1"), a code of one part itself.
func taskGroup(code string) string {
	if i := strings.LastIndexByte(code, '.'); i > 0 {
		return code[:i]
	}
	return code
}

// TaskAnchor is the id of a task's row on /nhiem-vu/.
func TaskAnchor(code string) string { return "nv-" + vi.Slug(code) }

// Tasks judges every task as of env.Now and makes the tracker's page and
// its filter pages. groups are the titles of the plan's parts by code (see
// GroupTitles); a part without one is named by its code.
func Tasks(env Env, tasks []*data.Task, soonDays int, groups map[string]string) (out TaskPages) {
	defer func() { out.makeTwins() }()
	if env.Units == nil || (len(tasks) == 0 && len(env.Units.All) == 0) {
		return out
	}
	loc := env.loc()
	var rows []*TaskRow
	for _, t := range tasks {
		code := plan.Status(t.State(), env.Now, soonDays)
		r := &TaskRow{Task: t, Code: code, Status: Badge(code, env.Lang), Anchor: TaskAnchor(t.Code), PlanCode: plan.PlanCode(t.Code),
			Lead: env.Unit(t.Lead), Overdue: code == plan.Overdue,
			LeadSource: env.source(t.LeadSource), ProgressSource: env.source(provenance.Of{Kind: t.ProgressSource})}
		for _, c := range t.Coord {
			r.Coord = append(r.Coord, env.Unit(c))
		}
		r.Group = taskGroup(t.Code)
		for _, u := range env.Units.All {
			if env.Units.Leads(t.Lead, u.ID) {
				r.Units = append(r.Units, u.ID)
			}
		}
		if d := t.Due(); !d.IsZero() {
			r.DueText = loc.Date(d)
			if dueApproximate(t) {
				r.DueText = env.T("approximately") + " " + r.DueText
			}
		}
		if !t.Completed.IsZero() {
			r.DoneText = loc.Date(t.Completed)
		}
		rows = append(rows, r)
	}
	slices.SortStableFunc(rows, func(a, c *TaskRow) int { return plan.CompareCodes(a.Task.Code, c.Task.Code) })

	view := &TasksView{Rows: rows, Total: len(rows)}
	counts := map[plan.StatusCode]int{}
	for _, r := range rows {
		counts[r.Code]++
		if r.Overdue {
			view.Overdue++
		}
	}
	for _, s := range plan.Statuses() {
		if counts[s] > 0 {
			view.Counts = append(view.Counts, StatusCount{StatusBadge: Badge(s, env.Lang), N: counts[s], color: s.Color()})
		}
	}
	if len(rows) > 0 {
		view.ByStatus, view.Timeline = env.taskCharts(rows, view.Counts, &out.Out)
		view.Downloads = env.taskDownloads(rows, &out.Out)
	}
	view.List = slices.Clone(rows)
	slices.SortStableFunc(view.List, compareWorst)
	view.Filters = env.taskFilters(view.List, groups)
	out.View = view
	out.Page = env.page(&site.Page{Path: TasksPath, Layout: "tasks", Charts: true,
		Title: env.T("tasksTitle"), Description: env.T("tasksDescription"), Data: view}, nil)
	out.All = append(out.All, out.Page)
	for _, set := range view.Filters {
		for _, f := range set.Options {
			fv := &TasksView{Rows: rows, Counts: view.Counts, Total: view.Total, Overdue: view.Overdue,
				Downloads: view.Downloads, Filters: current(view.Filters, f), Filter: f}
			for _, r := range view.List {
				if r.matches(f) {
					fv.List = append(fv.List, r)
				}
			}
			out.All = append(out.All, env.page(&site.Page{Path: f.Path, Layout: "tasks",
				Title: env.T("tasksTitle") + ": " + f.Label, Description: env.T("tasksDescription"), Data: fv}, out.Page))
		}
	}
	return out
}

// matches reports whether the filter f keeps the row.
func (r *TaskRow) matches(f *Filter) bool {
	switch f.Key {
	case FilterStatus:
		return r.Status.Slug == f.Value
	case FilterUnit:
		return slices.Contains(r.Units, f.Value)
	case FilterGroup:
		return r.Group == f.Value
	}
	return false
}

// taskFilters are the filters of the tracker: by status (worst first), by
// lead unit (in data/units.toml's order) and by part of the plan (in plan
// order), each with the rows it keeps counted; a choice no task has is
// left out.
func (e Env) taskFilters(rows []*TaskRow, groups map[string]string) []FilterSet {
	count := func(f *Filter) *Filter {
		for _, r := range rows {
			if r.matches(f) {
				f.N++
			}
		}
		return f
	}
	status := FilterSet{Key: FilterStatus, Title: e.T("filterByStatus"), Open: true}
	seen := map[string]bool{}
	for _, r := range rows { // worst first already
		if !seen[r.Status.Slug] {
			seen[r.Status.Slug] = true
			b := r.Status
			status.Options = append(status.Options, count(&Filter{Key: FilterStatus, Value: b.Slug, Label: b.Label, Badge: &b, Path: TasksPath + b.Slug + "/"}))
		}
	}
	units := FilterSet{Key: FilterUnit, Title: e.T("filterByUnit")}
	for _, u := range e.Units.All {
		if f := count(&Filter{Key: FilterUnit, Value: u.ID, Label: u.Name, Path: TasksPath + "don-vi-" + u.ID + "/"}); f.N > 0 {
			units.Options = append(units.Options, f)
		}
	}
	var codes []string
	for _, r := range rows {
		if !slices.Contains(codes, r.Group) {
			codes = append(codes, r.Group)
		}
	}
	slices.SortFunc(codes, plan.CompareCodes)
	parts := FilterSet{Key: FilterGroup, Title: e.T("filterByGroup")}
	for _, c := range codes {
		label := e.T("taskGroup") + " " + c
		if t := groups[c]; t != "" {
			label += ". " + t
		}
		parts.Options = append(parts.Options, count(&Filter{Key: FilterGroup, Value: c, Label: label, Path: TasksPath + "nhom-" + vi.Slug(strings.ReplaceAll(c, ".", "-")) + "/"}))
	}
	var sets []FilterSet
	for _, s := range []FilterSet{status, units, parts} {
		if len(s.Options) > 0 {
			sets = append(sets, s)
		}
	}
	return sets
}

// GroupTitles are the titles of the plan's parts that data/indicators.toml
// names ([[group]]), by code.
func GroupTitles(series []data.Series) map[string]string {
	out := map[string]string{}
	for _, s := range series {
		if s.Ind.Group != "" && s.Ind.GroupTitle != "" {
			out[s.Ind.Group] = s.Ind.GroupTitle
		}
	}
	return out
}

func (e Env) taskCharts(rows []*TaskRow, counts []StatusCount, out *Out) (*Figure, *Figure) {
	lang, loc := e.Lang, e.loc()
	var cats []string
	var vals []float64
	var colors []string
	for _, c := range counts {
		cats = append(cats, c.Icon+" "+c.Label)
		vals = append(vals, float64(c.N))
		colors = append(colors, c.color)
	}
	title := e.T("tasksByStatus")
	var desc []string
	for _, c := range counts {
		desc = append(desc, fmt.Sprintf("%s: %d", c.Label, c.N))
	}
	fmtInt := func(x float64) string { return loc.Int(int64(math.Round(x))) }
	series := make([]chart.Series, len(counts))
	for i := range counts {
		v := make([]float64, len(counts))
		for j := range v {
			v[j] = math.NaN()
		}
		v[i] = vals[i]
		series[i] = chart.Series{Name: cats[i], Values: v}
	}
	c1, err := chart.Stacked(chart.StackedSpec{
		Meta:       chart.Meta{ID: "nv-trang-thai", Title: title, Desc: strings.Join(desc, "; ") + ".", Lang: lang, Format: fmtInt},
		Categories: cats, Series: series, Colors: colors, Horizontal: true, NoLegend: true,
	})
	byStatus := out.figure(c1, err, title, TasksPath)

	// Timeline: tasks by due month, stacked by status.
	months := map[string]bool{}
	for _, r := range rows {
		if d := r.Task.Due(); !d.IsZero() {
			months[d.Format("2006-01")] = true
		}
	}
	keys := slices.Sorted(maps.Keys(months))
	if len(keys) == 0 {
		return byStatus, nil
	}
	var labels, dates []string
	for _, k := range keys {
		t, _ := time.Parse("2006-01", k)
		labels = append(labels, loc.MonthYear(t.Year(), int(t.Month())))
		dates = append(dates, k+"-01")
	}
	var tseries []chart.Series
	var tcolors, tmarks []string
	for _, s := range plan.Statuses() {
		v := make([]float64, len(keys))
		any := false
		for _, r := range rows {
			if r.Code != s || r.Task.Due().IsZero() {
				continue
			}
			v[slices.Index(keys, r.Task.Due().Format("2006-01"))]++
			any = true
		}
		if any {
			tseries = append(tseries, chart.Series{Name: s.Icon() + " " + s.Label().In(e.dl()), Values: v})
			tcolors = append(tcolors, s.Color())
			tmarks = append(tmarks, s.Icon())
		}
	}
	ttitle := e.T("tasksByDueMonth")
	c2, err := chart.Stacked(chart.StackedSpec{
		Meta:       chart.Meta{ID: "nv-thoi-han", Title: ttitle, Desc: ttitle + ": " + strings.Join(labels, ", ") + ".", Lang: lang, Format: fmtInt},
		Categories: labels, Series: tseries, Colors: tcolors, Dates: dates, DateFormat: monthTemplate(lang), Marks: tmarks,
	})
	return byStatus, out.figure(c2, err, ttitle, TasksPath)
}

// monthTemplate writes a month on a chart's time axis as ShortLabel does
// ("T6/2023", "06/2023"), in ECharts' time template.
func monthTemplate(lang string) string {
	if lang == "en" {
		return "{MM}/{yyyy}"
	}
	return "T{M}/{yyyy}"
}

// taskDownloads makes the tasks with their parsed and computed fields as
// CSV and JSON open data.
func (e Env) taskDownloads(rows []*TaskRow, out *Out) []Download {
	type jsonTask struct {
		Code         string   `json:"ma"`
		PlanCode     string   `json:"ma_ke_hoach"`
		Title        string   `json:"nhiem_vu"`
		Lead         string   `json:"don_vi_chu_tri"`
		LeadMembers  []string `json:"don_vi_chu_tri_gom,omitempty"`
		LeadSource   string   `json:"nguon_don_vi_chu_tri"`
		LeadBasis    string   `json:"can_cu_don_vi_chu_tri,omitempty"`
		Coord        []string `json:"don_vi_phoi_hop"`
		DeadlineText string   `json:"thoi_han"`
		Start        string   `json:"bat_dau,omitempty"`
		Due          string   `json:"han,omitempty"`
		DueApprox    bool     `json:"han_gan_dung,omitempty"`
		Immediate    bool     `json:"thuc_hien_ngay,omitempty"`
		Recurrence   string   `json:"lap_lai"`
		Conditional  bool     `json:"co_dieu_kien"`
		Progress     string   `json:"trang_thai_bao_cao"`
		Completed    string   `json:"ngay_hoan_thanh,omitempty"`
		Status       string   `json:"trang_thai"`
		StatusLabel  string   `json:"trang_thai_chu"`
		Result       string   `json:"ket_qua,omitempty"`
		ProgressSrc  string   `json:"nguon_tien_do"`
		Link         string   `json:"lien_ket,omitempty"`
		Note         string   `json:"ghi_chu,omitempty"`
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	var js []jsonTask
	var csvRows [][]string
	for _, r := range rows {
		t := r.Task
		coord := t.Coord
		if coord == nil {
			coord = []string{}
		}
		j := jsonTask{Code: t.Code, PlanCode: r.PlanCode, Immediate: t.Deadline.Immediate, Title: t.Title, Lead: t.Lead, Coord: coord, DeadlineText: t.DeadlineText,
			Start: day(t.Deadline.Start), Due: day(t.Due()), DueApprox: dueApproximate(t), Recurrence: t.Deadline.Recurrence.String(),
			Conditional: t.Deadline.Conditional, Progress: t.Progress.String(), Completed: day(t.Completed),
			Status: r.Status.Slug, StatusLabel: r.Status.Label, Result: t.Result, Link: t.Link, Note: t.Note,
			LeadSource: string(t.LeadSource.Kind), LeadBasis: t.LeadSource.Basis, ProgressSrc: string(t.ProgressSource)}
		for _, m := range r.Lead.Members {
			j.LeadMembers = append(j.LeadMembers, m.ID)
		}
		js = append(js, j)
		var leadMembers []string
		for _, m := range r.Lead.Members {
			leadMembers = append(leadMembers, m.Name)
		}
		var coordNames []string
		for _, id := range coord {
			coordNames = append(coordNames, e.Unit(id).Name)
		}
		csvRows = append(csvRows, []string{j.Code, j.PlanCode, j.Title, r.Lead.Name, j.Lead, strings.Join(leadMembers, ";"), strings.Join(j.LeadMembers, ";"),
			e.sourceWords(j.LeadSource), j.LeadSource, j.LeadBasis, strings.Join(coordNames, ";"), strings.Join(coord, ";"),
			j.DeadlineText, j.Start, j.Due, yesNo(j.DueApprox), yesNo(j.Immediate), t.Deadline.Recurrence.Label().Vi, j.Recurrence,
			yesNo(j.Conditional), j.Progress, j.Completed, j.StatusLabel, j.Status, j.Result, e.sourceWords(j.ProgressSrc), j.ProgressSrc, j.Link, j.Note})
	}
	meta := map[string]any{"as_of": e.Now.Format(time.RFC3339), "tasks": js}
	if e.Open.Licence.ID != "" {
		meta["licence"], meta["licence_url"] = e.Open.Licence.ID, e.Open.Licence.URL
	}
	jb, _ := json.MarshalIndent(meta, "", "  ")
	jb = append(jb, '\n')
	csv := e.tableDownload(out, TasksPath+"nhiem-vu.csv", taskColumns, csvRows, tableNote{Title: e.T("tasksTitle"), Source: e.T("datasetSourceTasks")})
	return []Download{csv, out.download("JSON", TasksPath+"nhiem-vu.json", jb)}
}

// sourceWords is a provenance kind in words ("suy luận"), empty when the
// data does not say.
func (e Env) sourceWords(kind string) string {
	if kind == "" {
		return ""
	}
	return e.T("source-" + kind)
}

// dueApproximate reports whether a task's due date is the parser's reading
// of words that name no exact day (“Đầu tháng 7/2023”): an explicit
// han_cu_the is exact.
func dueApproximate(t *data.Task) bool { return t.DueOverride.IsZero() && t.Deadline.Approximate }

// TaskDocs are the search index's documents of the tasks.
func TaskDocs(env Env, tasks []*data.Task) []search.Doc {
	var docs []search.Doc
	for _, t := range tasks {
		text := t.Result
		if t.DeadlineText != "" {
			text = t.DeadlineText + ". " + text
		}
		docs = append(docs, search.Doc{ID: "task-" + t.Code, Title: plan.PlanCode(t.Code) + ". " + t.Title, Path: TasksPath + "#" + TaskAnchor(t.Code),
			Section: env.T("tasksTitle"), Text: text, Kind: search.KindTask})
	}
	return docs
}
