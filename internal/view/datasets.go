package view

import (
	"bytes"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/opendata"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/site"
)

// Open is what config.toml says about the site's open data.
type Open struct {
	Title, Description string
	// Publisher is organisation.name; empty when not set.
	Publisher string
	Licence   opendata.Licence
	// Citation is config.toml's citation, empty for the default.
	Citation string
	// Sample marks every figure of the site as illustrative.
	Sample bool
	URLs   site.URLs
}

// DatasetsView is the data of /du-lieu/: the catalogue of every dataset.
type DatasetsView struct {
	Sets []Dataset
	// Package (datapackage.json) and Zip (everything in one file).
	Package, Zip Download
	Licence      opendata.Licence
	// LicenceText is what the licence lets a reader do.
	LicenceText string
	// Citation is how to cite the data, with the date judged at.
	Citation string
	// JSONLD is the catalogue as DCAT-style JSON-LD, for a
	// <script type="application/ld+json">.
	JSONLD template.JS
}

// Dataset is one dataset of the catalogue.
type Dataset struct {
	// ID is its anchor on /du-lieu/ and its name in datapackage.json.
	ID, Title, Description string
	// Path is the page that shows it, empty when none does.
	Path string
	// Kind says what it is ("Chỉ tiêu", "Nhiệm vụ").
	Kind    string
	Columns []opendata.Field
	Rows    string
	// Coverage is the periods the rows cover, in words; empty when the
	// rows have no period.
	Coverage string
	// Source is where the data comes from; Illustrative says it is made
	// up for the sample.
	Source       string
	Illustrative bool
	Downloads    []Download
}

// DatasetPages is /du-lieu/ and its files.
type DatasetPages struct {
	Page *site.Page // nil when the site has no data
	View *DatasetsView
	Out
}

// Datasets makes /du-lieu/, the catalogue of every dataset the other
// pages offer and of the registries (units, services), with the same
// CSV files under /du-lieu/ described by datapackage.json, and all of
// them in one zip. The files are the bytes the other pages offer: one
// figure, one source.
func Datasets(env Env, d *data.Set, inds IndicatorPages, tasks TaskPages, reps ReportPages, units UnitPages) (out DatasetPages) {
	defer func() { out.makeTwins() }()
	v := &DatasetsView{Licence: env.Open.Licence, Citation: env.citation()}
	var res []opendata.Resource
	add := func(ds Dataset, r opendata.Resource, file []byte) {
		r.Name, r.Title, r.Description, r.Fields = ds.ID, ds.Title, ds.Description, ds.Columns
		r.Source, r.Illustrative, r.Data = ds.Source, ds.Illustrative, file
		if env.Open.URLs.Origin != "" && ds.Path != "" {
			r.Page = env.Open.URLs.Abs(ds.Path)
		}
		ds.Rows = env.loc().Int(int64(max(bytes.Count(file, []byte("\r\n"))-1, 0)))
		copyPath := DatasetsPath + r.Path
		if i := slices.IndexFunc(ds.Downloads, func(dl Download) bool { return dl.Format == "CSV" }); i < 0 {
			ds.Downloads = append([]Download{out.download("CSV", copyPath, file)}, ds.Downloads...)
		} else if ds.Downloads[i].Path != copyPath {
			out.Files = append(out.Files, File{Path: strings.TrimPrefix(copyPath, "/"), Data: file})
		}
		v.Sets = append(v.Sets, ds)
		res = append(res, r)
	}
	for i, p := range inds.Pages {
		iv, k := inds.Views[i], d.Indicators[i]
		ds := Dataset{ID: "chi-tieu-" + k.Ind.ID, Title: p.Title, Path: p.Path, Kind: env.T("datasetKindIndicator"),
			Description: iv.Card.Sentence, Columns: indicatorColumns(k.Ind, len(k.Future) > 0),
			Source: k.Ind.Source, Illustrative: k.Ind.Illustrative || env.Open.Sample, Downloads: iv.Downloads}
		var ps []period.Period
		for _, o := range append(slices.Clip(k.Obs), k.Future...) {
			ps = append(ps, o.Period)
		}
		if k.Ind.Dimension != indicator.NoDimension {
			// Figures by commune, unit or service: the breakdown is the point.
			ds.Kind += ", " + env.T("by") + " " + strings.ToLower(env.T("dim-"+string(k.Ind.Dimension)))
		}
		r := opendata.Resource{Path: "chi-tieu/" + k.Ind.ID + ".csv", PrimaryKey: indicatorKey(k.Ind)}
		ds.Coverage, r.From, r.To = env.coverage(ps)
		add(ds, r, csvOf(iv.Downloads, inds.Out))
	}
	if tasks.Page != nil && len(tasks.View.Downloads) > 0 {
		add(Dataset{ID: "nhiem-vu", Title: tasks.Page.Title, Path: tasks.Page.Path, Kind: env.T("datasetKindTasks"), Description: tasks.Page.Description,
			Columns: taskColumns, Source: env.T("datasetSourceTasks"), Illustrative: env.Open.Sample, Downloads: tasks.View.Downloads},
			opendata.Resource{Path: "nhiem-vu.csv", PrimaryKey: []string{"ma"}}, csvOf(tasks.View.Downloads, tasks.Out))
	}
	if reps.Page != nil {
		var ps []period.Period
		for _, f := range d.Weekly.Files {
			for _, row := range f.Rows {
				ps = append(ps, row.Week)
			}
		}
		for _, row := range d.Weekly.Future {
			ps = append(ps, row.Week)
		}
		cols := weekColumns(len(d.Weekly.Future) > 0)
		ds := Dataset{ID: "bao-cao-tuan", Title: reps.Page.Title, Path: ReportsPath, Kind: env.T("datasetKindReports"), Description: reps.Page.Description,
			Columns: cols, Source: env.T("datasetSourceReports"), Illustrative: env.Open.Sample, Downloads: reps.View.Downloads}
		r := opendata.Resource{Path: "bao-cao-tuan.csv", PrimaryKey: []string{"tuan", "don_vi_ma", "dich_vu_ma"}}
		ds.Coverage, r.From, r.To = env.coverage(ps)
		add(ds, r, csvOf(reps.View.Downloads, reps.Out))
	}
	if ds := units.Dataset; ds != nil {
		r := opendata.Resource{Path: ScoresFile + ".csv", PrimaryKey: []string{"don_vi_ma", "chi_tieu_ma"}}
		add(*ds, r, csvOf(ds.Downloads, units.Out))
	}
	// The registries are files of /du-lieu/ only, in both formats.
	registry := func(ds Dataset, file string, rows [][]string, key string) {
		ds.Downloads = []Download{env.tableDownload(&out.Out, DatasetsPath+file, ds.Columns, rows, tableNote{Title: ds.Title, Source: ds.Source})}
		add(ds, opendata.Resource{Path: file, PrimaryKey: []string{key}}, csvOf(ds.Downloads, out.Out))
	}
	if d.Units != nil && len(d.Units.All) > 0 {
		registry(Dataset{ID: "don-vi", Title: env.T("datasetUnitsTitle"), Path: UnitsPath, Kind: env.T("datasetKindRegistry"),
			Description: env.T("datasetUnitsDescription"), Columns: unitColumns, Source: env.T("datasetSourceUnits")},
			"don-vi.csv", unitRows(d.Units), "don_vi_ma")
	}
	if d.Weekly != nil && d.Weekly.Services != nil && len(d.Weekly.Services.All) > 0 {
		registry(Dataset{ID: "dich-vu", Title: env.T("datasetServicesTitle"), Kind: env.T("datasetKindRegistry"),
			Description: env.T("datasetServicesDescription"), Columns: serviceColumns, Source: env.T("datasetSourceServices")},
			"dich-vu.csv", env.serviceRows(d.Weekly.Services), "dich_vu_ma")
	}
	if len(v.Sets) == 0 {
		return out
	}
	pkg := opendata.Package{Name: "tiendo-du-lieu", Title: env.Open.Title, Description: env.Open.Description, Publisher: env.Open.Publisher,
		Licence: env.Open.Licence, Citation: v.Citation, Created: env.Now, Resources: res}
	if env.Open.URLs.Origin != "" {
		pkg.Homepage = env.Open.URLs.Abs(DatasetsPath)
	}
	if env.Lang == "vi" {
		v.LicenceText = env.Open.Licence.Vi
	}
	dp := opendata.DataPackage(pkg)
	v.Package = out.download("JSON", DatasetsPath+"datapackage.json", dp)
	zipFiles := []opendata.ZipFile{{Name: "datapackage.json", Data: dp}, {Name: "README.md", Data: env.readme(pkg, v.Sets)}}
	for _, r := range res {
		zipFiles = append(zipFiles, opendata.ZipFile{Name: r.Path, Data: r.Data})
	}
	v.Zip = out.download("ZIP", DatasetsPath+opendata.ZipName, opendata.Zip(zipFiles))
	v.JSONLD = template.JS(opendata.DCAT(pkg, func(p string) string {
		if env.Open.URLs.Origin != "" {
			return env.Open.URLs.Abs(p)
		}
		return env.Open.URLs.Link(DatasetsPath, p)
	}))
	out.View = v
	out.Page = env.page(&site.Page{Path: DatasetsPath, Layout: "datasets",
		Title: env.T("datasetsTitle"), Description: env.T("datasetsDescription"), Data: v}, nil)
	return out
}

// csvOf is the bytes of the CSV among a page's downloads, which o holds.
func csvOf(list []Download, o Out) []byte {
	for _, d := range list {
		if d.Format != "CSV" {
			continue
		}
		for _, f := range o.Files {
			if "/"+f.Path == d.Path {
				return f.Data
			}
		}
	}
	return nil
}

// coverage is the span of ps in words, and its first and last day.
func (e Env) coverage(ps []period.Period) (words, from, to string) {
	if len(ps) == 0 {
		return "", "", ""
	}
	first, last := slices.MinFunc(ps, period.Compare), slices.MaxFunc(ps, period.Compare)
	day := func(y int, m time.Month, d int) string {
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	from, to = day(first.First()), day(last.Last())
	words = first.Label(e.dl())
	if last != first {
		words += " – " + last.Label(e.dl())
	}
	return words, from, to
}

// citation is how to cite the data: config.toml's citation, or the
// publisher and title, with the date judged at and the catalogue's
// address when the site has one.
func (e Env) citation() string {
	c := e.Open.Citation
	if c == "" {
		c = e.Open.Title
		if e.Open.Publisher != "" {
			c = e.Open.Publisher + ". " + c
		}
	}
	c = strings.TrimRight(c, ". ") + ". " + e.T("citationAsOf") + " " + e.loc().Date(e.Now.In(e.Location)) + ". " +
		e.T("licence") + " " + e.Open.Licence.Title + "."
	if e.Open.URLs.Origin != "" {
		c += " " + e.Open.URLs.Abs(DatasetsPath) // last, so no full stop sticks to it
	}
	return c
}

// unitKindWords are the kinds of units in words, for don-vi.csv.
var unitKindWords = map[string]string{data.KindDistrict: "Cơ quan cấp huyện", data.KindCommune: "Xã", data.KindTown: "Thị trấn"}

// unitRows are data/units.toml as the rows of don-vi.csv.
func unitRows(us *data.Units) [][]string {
	var rows [][]string
	for _, u := range us.All {
		var groups []string
		for _, g := range us.Groups {
			if slices.Contains(g.Units, u.ID) {
				groups = append(groups, g.ID)
			}
		}
		rows = append(rows, []string{u.ID, u.Name, u.Short, unitKindWords[u.Kind], u.Kind, yesNo(u.Reports), strings.Join(groups, ";")})
	}
	return rows
}

// onlineWords are the levels of online service in words.
var onlineWords = map[string]string{data.OnlineFull: "toàn trình", data.OnlinePartial: "một phần"}

// serviceRows are data/services.toml as the rows of dich-vu.csv.
func (e Env) serviceRows(ss *data.Services) [][]string {
	var rows [][]string
	for _, s := range ss.All {
		sector, _ := ss.Sector(s.Sector)
		rows = append(rows, []string{s.ID, s.Name, s.Short, sector.Name, s.Sector, e.Unit(s.Lead).Name, s.Lead, onlineWords[s.Online], s.Online})
	}
	return rows
}

// readme is the README.md of the zip, in Vietnamese: what each file is,
// its columns, the licence and how to cite.
func (e Env) readme(p opendata.Package, sets []Dataset) []byte {
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
		b.WriteByte('\n')
	}
	w("# ", p.Title, ": dữ liệu mở")
	w()
	if p.Description != "" {
		w(p.Description)
		w()
	}
	w("Số liệu tính đến ngày ", e.Now.In(e.Location).Format("02/01/2006"), ".")
	if p.Publisher != "" {
		w("Đơn vị công bố: ", p.Publisher, ".")
	}
	if p.Homepage != "" {
		w("Trang dữ liệu: ", p.Homepage)
	}
	if e.Open.Sample {
		w()
		w("**Số liệu minh họa.** Ngoài chỉ tiêu và thời hạn của kế hoạch, các số liệu trong gói này là số liệu minh họa, không phải số liệu thật.")
	}
	w()
	w("## Giấy phép và cách trích dẫn")
	w()
	w("Dữ liệu được công bố theo giấy phép ", p.Licence.Title, " (", p.Licence.URL, "): ", p.Licence.Vi, ".")
	w()
	w("Khi dùng lại, xin trích dẫn: ", p.Citation)
	w()
	w("## Các tệp")
	w()
	w("Các tệp CSV mã hóa UTF-8 có BOM (Excel mở đúng tiếng Việt), dấu phẩy ngăn cột, dấu chấm thập phân, ngày viết YYYY-MM-DD. ",
		"Cột kết thúc bằng `_ma` chứa mã cho máy đọc; cột cùng tên không có `_ma` chứa tên bằng chữ. Ô trống là không có số liệu. ",
		"Tệp `datapackage.json` mô tả mọi tệp và cột theo chuẩn Frictionless Data Package (Table Schema).")
	for i, ds := range sets {
		r := p.Resources[i]
		w()
		w("### ", r.Path, ": ", ds.Title)
		w()
		if ds.Description != "" {
			w(ds.Description)
			w()
		}
		if ds.Coverage != "" {
			w("- Thời gian: ", ds.Coverage)
		}
		w("- Số dòng: ", ds.Rows)
		if ds.Source != "" {
			w("- Nguồn: ", ds.Source)
		}
		if ds.Illustrative {
			w("- Số liệu minh họa")
		}
		w()
		w("| Cột | Nội dung | Kiểu | Đơn vị tính |")
		w("|---|---|---|---|")
		for _, f := range ds.Columns {
			title := f.Title
			if f.Description != "" {
				title += ". " + f.Description
			}
			w("| `", f.Name, "` | ", strings.ReplaceAll(title, "|", "/"), " | ", typeWords[f.Type], " | ", f.Unit, " |")
		}
	}
	return []byte(b.String())
}

// typeWords are the Table Schema types in words.
var typeWords = map[string]string{opendata.TypeString: "chữ", opendata.TypeInteger: "số nguyên", opendata.TypeNumber: "số",
	opendata.TypeBoolean: "có/không", opendata.TypeDate: "ngày"}
