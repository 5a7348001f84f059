package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/tiendo/tiendo/internal/vi"
)

// Paths of the task tracker.
const (
	tasksPath = "/nhiem-vu/"
	unitsPath = "/don-vi/"
)

// statusLook is how a status is shown: an icon that does not rely on colour,
// a CSS class, and a chart colour with 4.5:1 against white labels.
var statusLook = map[plan.StatusCode]struct{ icon, color string }{
	plan.DoneOnTime:  {"✓", "#1e6b34"},
	plan.DoneLate:    {"✓", "#6b4e16"},
	plan.Done:        {"✓", "#2f5d3a"},
	plan.InProgress:  {"▶", "#1f4e8c"},
	plan.DueSoon:     {"◷", "#8a4b00"},
	plan.Overdue:     {"!", "#a11d1d"},
	plan.Ongoing:     {"↻", "#3f4f63"},
	plan.NotStarted:  {"○", "#5b5b5b"},
	plan.Conditional: {"…", "#5a3d7a"},
}

// StatusBadge is a status as a layout shows it.
type StatusBadge struct {
	Slug, Label, Icon string
}

func (b *builder) taskBadge(s plan.StatusCode, lang string) StatusBadge {
	return StatusBadge{Slug: s.Slug(), Label: s.Label().In(diag.Lang(lang)), Icon: statusLook[s].icon}
}

// TaskRow is a task with its status, for layouts.
type TaskRow struct {
	*data.Task
	Status   StatusBadge
	Code     plan.StatusCode
	Anchor   string
	Lead     UnitRef
	Coord    []UnitRef
	DueText  string
	DoneText string
	Overdue  bool
}

// UnitRef links to a unit's page.
type UnitRef struct {
	ID, Name, Short, Path string
}

// StatusCount is how many tasks have a status.
type StatusCount struct {
	StatusBadge
	N     int
	color string // for charts
}

// TasksView is the data of /nhiem-vu/.
type TasksView struct {
	Rows      []*TaskRow
	Counts    []StatusCount
	Total     int
	Overdue   int
	ByStatus  *Figure
	Timeline  *Figure
	Downloads []Download
}

// UnitView is the data of /don-vi/<id>/.
type UnitView struct {
	Unit       data.Unit
	Lead       []*TaskRow
	Coord      []*TaskRow
	Overdue    int
	Indicators []*IndicatorCard
	Reports    *UnitReports
}

// UnitsView is the data of /don-vi/.
type UnitsView struct {
	Groups []UnitGroup
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

// Download is a file offered on a page and on /du-lieu/.
type Download struct {
	Label, Path, Format string
	Size                int
}

func (b *builder) unitRef(id string) UnitRef {
	u, ok := b.data.units.ByID(id)
	if !ok {
		return UnitRef{ID: id, Name: id, Short: id}
	}
	return UnitRef{ID: u.ID, Name: u.Name, Short: u.Short, Path: unitsPath + u.ID + "/"}
}

// computeTasks judges every task as of now and makes the tracker's pages.
func (b *builder) computeTasks() {
	if b.data.units == nil || (len(b.data.tasks) == 0 && len(b.data.units.All) == 0) {
		return
	}
	lang := b.cfg.LanguageCode
	loc := vi.LocaleFor(lang)
	now := b.site.Now
	var rows []*TaskRow
	for _, t := range b.data.tasks {
		code := plan.Status(t.State(), now, b.cfg.Tasks.SoonDays)
		r := &TaskRow{Task: t, Code: code, Status: b.taskBadge(code, lang), Anchor: "nv-" + vi.Slug(t.Code),
			Lead: b.unitRef(t.Lead), Overdue: code == plan.Overdue}
		for _, c := range t.Coord {
			r.Coord = append(r.Coord, b.unitRef(c))
		}
		if d := t.Due(); !d.IsZero() {
			r.DueText = loc.Date(d)
			if dueApproximate(t) {
				r.DueText = b.theme.T(lang, "approximately") + " " + r.DueText
			}
		}
		if !t.Completed.IsZero() {
			r.DoneText = loc.Date(t.Completed)
		}
		rows = append(rows, r)
	}
	slices.SortStableFunc(rows, func(a, c *TaskRow) int { return compareCodes(a.Task.Code, c.Task.Code) })

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
			view.Counts = append(view.Counts, StatusCount{StatusBadge: b.taskBadge(s, lang), N: counts[s], color: statusLook[s].color})
		}
	}
	if len(rows) > 0 {
		view.ByStatus, view.Timeline = b.taskCharts(rows, view.Counts, lang)
		view.Downloads = b.taskDownloads(rows)
	}

	tasksPage := &site.Page{Kind: site.KindGenerated, Path: tasksPath, Layout: "tasks", Lang: lang, Charts: true,
		Title: b.theme.T(lang, "tasksTitle"), Description: b.theme.T(lang, "tasksDescription"), Data: view}
	b.addGenerated(tasksPage, b.site.Home)

	// Unit pages.
	unitsPage := &site.Page{Kind: site.KindGenerated, Path: unitsPath, Layout: "units", Lang: lang,
		Title: b.theme.T(lang, "unitsTitle"), Description: b.theme.T(lang, "unitsDescription")}
	uv := &UnitsView{}
	groups := map[string]*UnitGroup{}
	for _, kind := range []string{data.KindDistrict, data.KindCommune} {
		g := &UnitGroup{Title: b.theme.T(lang, "unitKind-"+kind)}
		groups[kind] = g
	}
	for _, u := range b.data.units.All {
		v := &UnitView{Unit: u}
		for _, r := range rows {
			if r.Task.Lead == u.ID {
				v.Lead = append(v.Lead, r)
			} else if slices.Contains(r.Task.Coord, u.ID) {
				v.Coord = append(v.Coord, r)
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
		sum := UnitSummary{UnitRef: b.unitRef(u.ID), Tasks: len(v.Lead)}
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
		p := &site.Page{Kind: site.KindGenerated, Path: unitsPath + u.ID + "/", Layout: "unit", Lang: lang,
			Title: u.Name, Description: b.theme.T(lang, "unitPageDescription"), Data: v, Source: u.Pos}
		b.unitViews = append(b.unitViews, v)
		b.addGenerated(p, unitsPage)
	}
	for _, kind := range []string{data.KindDistrict, data.KindCommune} {
		if len(groups[kind].Units) > 0 {
			uv.Groups = append(uv.Groups, *groups[kind])
		}
	}
	unitsPage.Data = uv
	b.addGenerated(unitsPage, b.site.Home)
}

// addGenerated adds a page made from data under parent.
func (b *builder) addGenerated(p, parent *site.Page) {
	p.Parent = parent
	if parent != nil {
		p.SectionPath = parent.Path
	}
	b.addPages(p)
}

func (b *builder) taskCharts(rows []*TaskRow, counts []StatusCount, lang string) (*Figure, *Figure) {
	loc := vi.LocaleFor(lang)
	var cats []string
	var vals []float64
	var colors []string
	for _, c := range counts {
		cats = append(cats, c.Icon+" "+c.Label)
		vals = append(vals, float64(c.N))
		colors = append(colors, c.color)
	}
	title := b.theme.T(lang, "tasksByStatus")
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
	byStatus := b.addFigure(c1, err, title, tasksPath)

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
	var labels []string
	for _, k := range keys {
		t, _ := time.Parse("2006-01", k)
		labels = append(labels, loc.MonthYear(t.Year(), int(t.Month())))
	}
	var tseries []chart.Series
	var tcolors []string
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
			tseries = append(tseries, chart.Series{Name: statusLook[s].icon + " " + s.Label().In(diag.Lang(lang)), Values: v})
			tcolors = append(tcolors, statusLook[s].color)
		}
	}
	ttitle := b.theme.T(lang, "tasksByDueMonth")
	c2, err := chart.Stacked(chart.StackedSpec{
		Meta:       chart.Meta{ID: "nv-thoi-han", Title: ttitle, Desc: ttitle + ": " + strings.Join(labels, ", ") + ".", Lang: lang, Format: fmtInt},
		Categories: labels, Series: tseries, Colors: tcolors,
	})
	return byStatus, b.addFigure(c2, err, ttitle, tasksPath)
}

// taskDownloads writes the tasks with their parsed and computed fields as
// CSV and JSON open data.
func (b *builder) taskDownloads(rows []*TaskRow) []Download {
	type jsonTask struct {
		Code         string   `json:"ma"`
		Title        string   `json:"nhiem_vu"`
		Lead         string   `json:"don_vi_chu_tri"`
		Coord        []string `json:"don_vi_phoi_hop"`
		DeadlineText string   `json:"thoi_han"`
		Start        string   `json:"bat_dau,omitempty"`
		Due          string   `json:"han,omitempty"`
		DueApprox    bool     `json:"han_gan_dung,omitempty"`
		Recurrence   string   `json:"lap_lai"`
		Conditional  bool     `json:"co_dieu_kien"`
		Progress     string   `json:"trang_thai_bao_cao"`
		Completed    string   `json:"ngay_hoan_thanh,omitempty"`
		Status       string   `json:"trang_thai"`
		StatusLabel  string   `json:"trang_thai_chu"`
		Result       string   `json:"ket_qua,omitempty"`
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
		j := jsonTask{Code: t.Code, Title: t.Title, Lead: t.Lead, Coord: coord, DeadlineText: t.DeadlineText,
			Start: day(t.Deadline.Start), Due: day(t.Due()), DueApprox: dueApproximate(t), Recurrence: t.Deadline.Recurrence.String(),
			Conditional: t.Deadline.Conditional, Progress: t.Progress.String(), Completed: day(t.Completed),
			Status: r.Status.Slug, StatusLabel: r.Status.Label, Result: t.Result, Link: t.Link, Note: t.Note}
		js = append(js, j)
		csvRows = append(csvRows, []string{j.Code, j.Title, j.Lead, strings.Join(coord, ";"), j.DeadlineText, j.Start, j.Due,
			j.Recurrence, fmt.Sprint(j.Conditional), j.Progress, j.Completed, j.Status, j.StatusLabel, j.Result, j.Link, j.Note})
	}
	var cb bytes.Buffer
	_ = table.WriteCSV(&cb, []string{"ma", "nhiem_vu", "don_vi_chu_tri", "don_vi_phoi_hop", "thoi_han", "bat_dau", "han",
		"lap_lai", "co_dieu_kien", "trang_thai_bao_cao", "ngay_hoan_thanh", "trang_thai", "trang_thai_chu", "ket_qua", "lien_ket", "ghi_chu"}, csvRows)
	jb, _ := json.MarshalIndent(map[string]any{"as_of": b.site.Now.Format(time.RFC3339), "tasks": js}, "", "  ")
	jb = append(jb, '\n')
	b.later(tasksPath+"nhiem-vu.csv", cb.Bytes())
	b.later(tasksPath+"nhiem-vu.json", jb)
	return []Download{
		{Label: "CSV", Path: tasksPath + "nhiem-vu.csv", Format: "CSV", Size: cb.Len()},
		{Label: "JSON", Path: tasksPath + "nhiem-vu.json", Format: "JSON", Size: len(jb)},
	}
}

// dueApproximate reports whether a task's due date is the parser's reading
// of words that name no exact day (“Đầu tháng 7/2023”): an explicit
// han_cu_the is exact.
func dueApproximate(t *data.Task) bool { return t.DueOverride.IsZero() && t.Deadline.Approximate }

// later queues a file made during compute, written with the static files.
// later keeps a file made during compute for the write stage; the same path
// again replaces it.
func (b *builder) later(path string, data []byte) {
	f := extraFile{strings.TrimPrefix(path, "/"), data}
	if i, ok := b.extraIndex[f.path]; ok {
		b.extraFiles[i] = f
		return
	}
	if b.extraIndex == nil {
		b.extraIndex = map[string]int{}
	}
	b.extraIndex[f.path] = len(b.extraFiles)
	b.extraFiles = append(b.extraFiles, f)
}

type extraFile struct {
	path string
	data []byte
}

// compareCodes orders task codes as the plan numbers them: 1.2 < 1.10 <
// 2 < 3.2.1 < III.1.
func compareCodes(a, c string) int {
	pa, pc := strings.Split(a, "."), strings.Split(c, ".")
	roman := func(s string) bool { return strings.Trim(s, "IVX") == "" && s != "" }
	if roman(pa[0]) != roman(pc[0]) {
		if roman(pa[0]) {
			return 1
		}
		return -1
	}
	for i := 0; i < len(pa) && i < len(pc); i++ {
		var na, nc int
		_, ea := fmt.Sscan(pa[i], &na)
		_, ec := fmt.Sscan(pc[i], &nc)
		if ea == nil && ec == nil && na != nc {
			return na - nc
		}
		if cmp := strings.Compare(pa[i], pc[i]); (ea != nil || ec != nil) && cmp != 0 {
			return cmp
		}
	}
	return len(pa) - len(pc)
}
