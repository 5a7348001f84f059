// Package view is the template contract: every value a layout of the
// compute stage's pages sees, and the pure functions that make those values
// from computed domain results. It sits between compute and render:
//
//	data/*.csv → internal/data (typed rows) → indicator, plan, report (results)
//	          → view (views, chart specs, download files) → build (pages)
//	          → chart (drawn figures) → theme (layouts)
//
// # Pages
//
// A page made from data carries its view in site.Page.Data, which a layout
// reads as {{ .Page.Data }}:
//
//	/chi-tieu/              *IndicatorsView   layout indicators
//	/chi-tieu/<id>/         *IndicatorView    layout indicator (and embed, at …/nhung/)
//	/nhiem-vu/              *TasksView        layout tasks
//	/don-vi/                *UnitsView        layout units (and its sorts, /don-vi/xep-theo-<key>/)
//	/don-vi/<id>/           *UnitView         layout unit
//	/don-vi/<id>/ap-phich/  *PosterView       layout poster (communes only)
//	/bao-cao/               *ReportsView      layout reports
//	/bao-cao/<week>/        *WeekView         layout report-week
//	/dich-vu/<id>/          *ServiceView      layout service
//	/du-lieu/               *DatasetsView     layout datasets
//	/chu-de/                *TopicsView       layout topics
//	/chu-de/<slug>/         *TopicView        layout topic (and its feed, atom.xml)
//
// A content page with a [howto] table or in a journey carries a *GuideView
// (Guidance), which single.html and section.html read through the
// context's Guide.
//
// Every text a view holds is formatted already, in the site's language
// (numbers, dates, percentages, status labels): a layout places strings and
// makes no decision but whether to show a part.
//
// # Figures
//
// A chart on a page is a *Figure: its ID, caption and whether it is static
// (a sparkline, never made live). A nil *Figure is a chart the page does
// not have. The figure holds no drawing: the functions of this package
// return the chart specs (chart.Chart) next to the views, the chart stage
// draws them all, and the layout asks for the drawing by the figure:
//
//	{{ with $v.Line }}{{ $.Figure . }}{{ end }}          the figure markup
//	{{ with .Sparkline }}{{ $ctx.FigureSVG . }}{{ end }}  the SVG alone
//
// (theme.Ctx's Figure and FigureSVG, which look the figure up in Figures).
//
// # Making views
//
// Indicators, Tasks, Reports, Units and Datasets take the computed results
// and an Env (language, theme strings, units, the moment judged at) and
// return the views, the pages that carry them, and, in an Out, the charts
// to draw, the files to write and the problems found. They write nowhere:
// the build keeps what they return.
package view

import (
	"fmt"
	"html"
	"html/template"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/geo"
	"github.com/tiendo/tiendo/internal/provenance"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/vi"
)

// Paths of the pages made from data.
const (
	IndicatorsPath = "/chi-tieu/"
	MethodPath     = "/chi-tieu/phuong-phap/"
	DatasetsPath   = "/du-lieu/"
	TasksPath      = "/nhiem-vu/"
	UnitsPath      = "/don-vi/"
	ReportsPath    = "/bao-cao/"
	ServicesPath   = "/dich-vu/"
)

// Env is what views are made in: the site's language and strings, its
// units, and the moment judged at.
type Env struct {
	Lang string
	// T returns the theme's interface string key in Lang.
	T     func(key string) string
	Units *data.Units
	// Map is the communes' boundaries, nil for none.
	Map      *geo.Map
	Now      time.Time
	Location *time.Location
	// Home is the parent of the top pages made from data.
	Home *site.Page
	// Open is what the site says about its open data (config.toml).
	Open Open
}

func (e Env) loc() vi.Locale { return vi.LocaleFor(e.Lang) }

func (e Env) dl() diag.Lang { return DiagLang(e.Lang) }

// DiagLang is the diag.Lang of a site language.
func DiagLang(lang string) diag.Lang {
	if lang == "en" {
		return diag.EN
	}
	return diag.VI
}

// page is a generated page under parent.
func (e Env) page(p *site.Page, parent *site.Page) *site.Page {
	p.Kind, p.Lang = site.KindGenerated, e.Lang
	if parent == nil {
		parent = e.Home
	}
	p.Parent = parent
	if parent != nil {
		p.SectionPath = parent.Path
	}
	return p
}

// UnitRef links to a unit's page. A group of units (data/units.toml
// [[group]]) has no page: its Path is empty and Members lists its units.
type UnitRef struct {
	ID, Name, Short, Path string
	Members               []UnitRef
}

// Unit is the reference to the unit or group id; an unknown id names
// itself.
func (e Env) Unit(id string) UnitRef {
	if e.Units != nil {
		if u, ok := e.Units.ByID(id); ok {
			return UnitRef{ID: u.ID, Name: u.Name, Short: u.Short, Path: UnitsPath + u.ID + "/"}
		}
		if g, ok := e.Units.Group(id); ok {
			r := UnitRef{ID: g.ID, Name: g.Name, Short: g.Name}
			for _, m := range g.Units {
				r.Members = append(r.Members, e.Unit(m))
			}
			return r
		}
	}
	return UnitRef{ID: id, Name: id, Short: id}
}

// Source is where a value comes from, as a layout shows it next to the
// value: "(suy luận)" with the reason a tap away. Slug is the data's word
// (provenance.Kind), Label its words on the page, BasisLabel what Basis is
// ("Lý do", "Kế hoạch ghi").
type Source struct {
	Slug, Label, Basis, BasisLabel string
}

// source is the view of p; nil when the data does not say.
func (e Env) source(p provenance.Of) *Source {
	if p.Kind == provenance.Unstated {
		return nil
	}
	s := &Source{Slug: string(p.Kind), Label: e.T("source-" + string(p.Kind)), Basis: p.Basis}
	if p.Basis != "" {
		s.BasisLabel = e.T("sourceBasis-" + string(p.Kind))
		if p.Kind == provenance.Plan {
			s.Basis = "“" + strings.Trim(p.Basis, "“”\"") + "”"
		}
	}
	return s
}

// StatusBadge is a status as a layout shows it.
type StatusBadge struct {
	Slug, Label, Icon string
}

// StatusCount is how many indicators or tasks have a status.
type StatusCount struct {
	StatusBadge
	N     int
	color string // for charts
}

// Download is a file offered on a page and on /du-lieu/.
type Download struct {
	Label, Path, Format string
	Size                int
	// Excel is a table's Excel twin (the same name, .xlsx), linked
	// beside it; nil for none.
	Excel *Download `json:",omitempty"`
}

// File is a file made from data, to be written at Path (relative to the
// output folder, no leading slash).
type File struct {
	Path string
	Data []byte
	// Make, when set, makes the file's bytes when it is written, instead
	// of Data: for a large file made from every page (the search index),
	// so that it is not held in memory while the pages are rendered.
	Make func() ([]byte, error)
}

// Contents are the file's bytes: Data, or what Make makes.
func (f File) Contents() ([]byte, error) {
	if f.Make != nil {
		return f.Make()
	}
	return f.Data, nil
}

// Files are files by path, in the order first put; a path put again
// replaces its file.
type Files struct {
	List  []File
	index map[string]int
}

// Put adds file, or replaces the file at its path.
func (f *Files) Put(file File) {
	if i, ok := f.index[file.Path]; ok {
		f.List[i] = file
		return
	}
	if f.index == nil {
		f.index = map[string]int{}
	}
	f.index[file.Path] = len(f.List)
	f.List = append(f.List, file)
}

// Get returns the file at path p.
func (f *Files) Get(p string) (File, bool) {
	i, ok := f.index[p]
	if !ok {
		return File{}, false
	}
	return f.List[i], true
}

// Out is what making views yields besides the views: the charts to draw,
// the files to write and the problems found.
type Out struct {
	Charts   []chart.Chart
	Files    []File
	Problems []*diag.Diagnostic
	// twins are the Excel twins still to make (makeTwins).
	twins []*twin
}

// Add appends o2's charts, files and problems to o's.
func (o *Out) Add(o2 Out) {
	o.Charts = append(o.Charts, o2.Charts...)
	o.Files = append(o.Files, o2.Files...)
	o.Problems = append(o.Problems, o2.Problems...)
	o.twins = append(o.twins, o2.twins...)
}

// figure keeps a chart to draw; a chart that cannot be built is an error
// naming what it was for.
func (o *Out) figure(c chart.Chart, err error, caption, what string) *Figure {
	if err != nil {
		o.Problems = append(o.Problems, diag.New(diag.Pos{File: what}, diag.CodeChart,
			diag.Tf("không tạo được biểu đồ: %v", "cannot build the chart: %v", err), diag.Text{}))
		return nil
	}
	o.Charts = append(o.Charts, c)
	return &Figure{ID: c.ID, Caption: caption}
}

// download keeps a file to write and returns its entry in a list.
func (o *Out) download(label, path string, b []byte) Download {
	o.Files = append(o.Files, File{Path: strings.TrimPrefix(path, "/"), Data: b})
	return Download{Label: label, Path: path, Format: label, Size: len(b)}
}

// Figure is a chart on a page, by the ID of its chart.
type Figure struct {
	ID      string
	Caption string
	// Static leaves out the option JSON, so the chart is never made live
	// (sparklines on cards).
	Static bool
}

// Drawn is a chart as the chart stage drew it.
type Drawn struct {
	chart.Drawing        // the static SVG, and the wide one for screens from 48rem
	Option        []byte // the ECharts option, for the live chart
}

// Figures are the drawn charts of a build, by chart ID.
type Figures map[string]Drawn

// HTML is the figure markup of the chart contract (see package chart).
func (fs Figures) HTML(f *Figure) template.HTML {
	if f == nil {
		return ""
	}
	d := fs[f.ID]
	var b strings.Builder
	if f.Static {
		b.WriteString(`<figure class="chart chart-static">`)
	} else {
		fmt.Fprintf(&b, `<figure class="chart" data-chart-id="%s">`, html.EscapeString(f.ID))
	}
	if d.Wide != nil {
		// The theme's CSS shows one: each keeps its text at about its
		// drawn size, 12 px, on the screens it is for.
		b.WriteString(`<div class="chart-svg chart-narrow">`)
		b.Write(d.SVG)
		b.WriteString(`</div><div class="chart-svg chart-wide">`)
		b.Write(d.Wide)
		b.WriteString(`</div>`)
	} else {
		b.WriteString(`<div class="chart-svg">`)
		b.Write(d.SVG)
		b.WriteString(`</div>`)
	}
	if !f.Static {
		b.WriteString(`<script type="application/json" class="chart-option">`)
		b.Write(d.Option) // '<', '>' and '&' are escaped by package chart
		b.WriteString(`</script>`)
	}
	if f.Caption != "" {
		b.WriteString(`<figcaption>`)
		b.WriteString(html.EscapeString(f.Caption))
		b.WriteString(`</figcaption>`)
	}
	b.WriteString(`</figure>`)
	return template.HTML(b.String())
}

// SVG is the figure's static SVG alone (for cards).
func (fs Figures) SVG(f *Figure) template.HTML {
	if f == nil {
		return ""
	}
	return template.HTML(fs[f.ID].SVG)
}

// futureColumn marks, in a CSV download, the rows of periods that start
// after the moment judged at, which the site counts nowhere.
const futureColumn = "sau_ngay_danh_gia"

// futureNote is the futureColumn cell of such a row.
func (e Env) futureNote() string {
	d := e.Now.Format("02/01/2006")
	return "sau ngày đánh giá " + d + ", không tính / after the as-of date " + d + ", not counted"
}
