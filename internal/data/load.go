package data

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/geo"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/table"
)

// IndicatorsFile is the indicator registry under the site root.
const IndicatorsFile = Dir + "/indicators.toml"

// Set is everything the load stage read from data/.
type Set struct {
	Units      *Units
	Tasks      []*Task
	Indicators []Series
	// Weekly is the weekly service reports, nil without data/services.toml.
	Weekly *Weekly
	// Map is the communes' boundaries, nil without data/ban-do/*.geojson.
	Map *geo.Map
	// Used are the files under data/ the load stage read or reported a
	// problem with; every other file there is reported as unused.
	Used map[string]bool
}

// Series is an indicator with the observations its CSV holds.
type Series struct {
	Ind *indicator.Indicator
	Obs []indicator.Observation
	// Future holds the figures of periods that start after the moment
	// judged at: in the CSV download, marked, and nowhere else.
	Future []indicator.Observation
}

// Weekly is what was read of the weekly service reports.
type Weekly struct {
	Services *Services
	Files    []*Report
	Rule     report.Rule
	// Future holds the rows of weeks that start after the moment judged
	// at: in the CSV download, marked, and nowhere else.
	Future []report.Row
}

// LoadOptions are the settings Load reads data/ with.
type LoadOptions struct {
	Location *time.Location
	// Now is the moment judged at; PlanDate the day the plan was issued,
	// zero when not known ([tasks] planDate unset).
	Now, PlanDate time.Time
	// From and To bound the indicators' periods ([indicators] from, to).
	From, To string
	// WeeklyRule is [reports] weekly, the deadline of a weekly report.
	WeeklyRule string
}

func (o LoadOptions) planContext() plan.Context {
	// Deadline words without a year are in the plan's year, else in the
	// year judged at.
	year := o.Now.Year()
	if !o.PlanDate.IsZero() {
		year = o.PlanDate.Year()
	}
	return plan.Context{Year: year, PlanDate: o.PlanDate}
}

// Load reads data/: units, then what refers to them. Every problem goes
// into l; what could be read is returned.
func Load(fsys fs.FS, o LoadOptions, l *diag.List) *Set {
	ld := &loader{fsys: fsys, o: o, l: l, set: &Set{Used: map[string]bool{}}}
	s := ld.set
	s.Units = ParseUnits(UnitsFile, nil, &diag.List{})
	if src, ok := ld.read(UnitsFile); ok {
		s.Units = ParseUnits(UnitsFile, src, l)
	}
	ld.indicators()
	ld.weekly()
	ld.fromReports()
	if ld.indicatorsSrc != nil {
		var inds []*indicator.Indicator
		for _, k := range s.Indicators {
			inds = append(inds, k.Ind)
		}
		CrossCheck(ParseChecks(IndicatorsFile, ld.indicatorsSrc, inds, l), s.Indicators, o.Now, l)
	}
	t, haveTasks := ld.table(ld.tableFile(TasksFile), table.Options{})
	if haveTasks {
		s.Tasks = ParseTasks(t, s.Units, o.planContext(), o.Location, l)
	}
	// A tasks file that could not be read is reported once, as itself.
	if haveTasks || !exists(fsys, TableFile(fsys, TasksFile)) {
		LinkTasks(s.Indicators, s.Tasks, haveTasks, s.Units, l)
	}
	ld.boundaries()
	ld.reportUnused()
	return s
}

type loader struct {
	// indicatorsSrc is data/indicators.toml, for its [[check]] tables once
	// every indicator's figures are read.
	indicatorsSrc []byte
	fsys          fs.FS
	o             LoadOptions
	l             *diag.List
	set           *Set
}

// read reads a data file, reporting anything but absence. ok is false
// when the file does not exist.
func (ld *loader) read(name string) ([]byte, bool) {
	if _, err := fs.Lstat(ld.fsys, name); IsNotExist(err) {
		return nil, false
	}
	ld.set.Used[name] = true
	if link, ok := symlinkIn(ld.fsys, name); ok {
		ld.l.Errorf(diag.Pos{File: link}, diag.CodeDataSymlink,
			diag.T("liên kết tượng trưng (symlink) không được dùng trong data/", "symbolic links are not allowed in data/"),
			diag.T("Chép tệp thật vào thư mục data/.", "Copy the real file into data/."))
		return nil, false
	}
	src, err := fs.ReadFile(ld.fsys, name)
	if err != nil {
		if !IsNotExist(err) {
			ld.l.Errorf(diag.Pos{File: name}, diag.CodeDataRead, diag.T("không đọc được tệp", "cannot read the file"), diag.Reason(err))
		}
		return nil, false
	}
	return src, true
}

// table reads a data table as staff save it: a CSV file or an Excel
// workbook. An empty name, a table saved in both forms, reads nothing.
func (ld *loader) table(name string, opts table.Options) (*table.Table, bool) {
	if name == "" {
		return nil, false
	}
	src, ok := ld.read(name)
	if !ok {
		return nil, false
	}
	t, l := table.Open(name, src, opts)
	ld.l.Merge(l)
	return t, t != nil && !l.HasErrors()
}

// TableFile returns the file the table name (data/tasks.csv) is read
// from: name, or the Excel workbook of the same name (data/tasks.xlsx)
// when only that exists.
func TableFile(fsys fs.FS, name string) string {
	if xlsx := workbookTwin(name); !exists(fsys, name) && exists(fsys, xlsx) {
		return xlsx
	}
	return name
}

func workbookTwin(csvName string) string {
	return strings.TrimSuffix(csvName, path.Ext(csvName)) + ".xlsx"
}

// tableFile is TableFile, reporting a table kept both as CSV and as a
// workbook (then "", nothing is read: which one is current cannot be told).
func (ld *loader) tableFile(name string) string {
	xlsx := workbookTwin(name)
	if exists(ld.fsys, name) && exists(ld.fsys, xlsx) {
		ld.set.Used[name], ld.set.Used[xlsx] = true, true
		ld.l.Errorf(diag.Pos{File: xlsx}, diag.CodeDataTwoFormats,
			diag.Tf("bảng này có hai tệp, %s và %s: không biết tệp nào mới", "this table has two files, %s and %s: which one is current cannot be told", path.Base(name), path.Base(xlsx)),
			diag.T("Giữ một tệp (Excel .xlsx hoặc CSV) và xoá hoặc chuyển tệp kia ra ngoài thư mục data/.",
				"Keep one file (Excel .xlsx or CSV) and delete the other or move it out of the data/ folder."))
		return ""
	}
	return TableFile(ld.fsys, name)
}

// indicators reads the registry and every indicator's CSV.
func (ld *loader) indicators() {
	src, ok := ld.read(IndicatorsFile)
	if !ok {
		return
	}
	units := ld.set.Units
	inds := ParseIndicators(IndicatorsFile, src, units, ld.o.Location, ld.l)
	ld.indicatorsSrc = src
	if _, bad := Unreadable(ld.l, IndicatorsFile); !bad {
		for _, f := range NamedFiles(src) {
			ld.set.Used[f] = true
		}
	}
	from, _ := period.Parse(ld.o.From)
	to, _ := period.Parse(ld.o.To)
	for _, ind := range inds {
		ld.set.Indicators = append(ld.set.Indicators, Series{Ind: ind})
		k := &ld.set.Indicators[len(ld.set.Indicators)-1]
		if ind.FromReports != "" {
			continue // computed once the reports are read (fromReports)
		}
		name := FilePath(ind)
		raw, ok := ld.read(name)
		if !ok {
			ld.l.Add(MissingFile(ind))
			continue
		}
		opts := table.Options{DecimalComma: ind.DecimalComma, Sheet: ind.Sheet, SheetPos: ind.SheetPos,
			DialectSetting: diag.Tf("cho chỉ tiêu \"%s\" trong data/indicators.toml (dòng %d)", "for indicator \"%s\" in data/indicators.toml (line %d)", ind.ID, ind.Pos.Line)}
		t, l := table.Open(name, raw, opts)
		ld.l.Merge(l)
		if t == nil || l.HasErrors() {
			continue
		}
		k.Obs = ParseObservations(ind, t, units, from, to, ld.l)
		k.Obs, k.Future = SetAsideFuture(t, k.Obs, ld.o.Now, ld.l)
	}
}

// weekly reads data/services.toml and every data/reports/*.csv.
func (ld *loader) weekly() {
	files := ld.reportFiles()
	src, ok := ld.read(ServicesFile)
	if !ok {
		for _, f := range files {
			ld.set.Used[f] = true
			if !ld.set.Used[ServicesFile] { // missing, not unreadable
				d := RegistryMissing(diag.Pos{File: f}, ServicesFile)
				d.Msg = diag.Tf("báo cáo tuần cần danh sách dịch vụ trong %s, nhưng không có tệp này",
					"weekly reports need the list of services in %s, which does not exist", ServicesFile)
				ld.l.Add(d)
			}
		}
		return
	}
	units := ld.set.Units
	w := &Weekly{Services: ParseServices(ServicesFile, src, units, ld.l), Rule: report.DefaultRule()}
	w.Rule.Location = ld.o.Location
	if d, err := plan.ParseDeadline(ld.o.WeeklyRule, ld.o.planContext()); err == nil {
		if rule, ok := report.RuleOf(d); ok {
			rule.Location = ld.o.Location
			w.Rule = rule
		}
	} else {
		ld.l.Errorf(diag.Pos{File: "config.toml", Line: 1}, diag.CodeConfigReports,
			diag.Tf("không đọc được quy định báo cáo tuần “%s”", "cannot read the weekly report rule “%s”", ld.o.WeeklyRule),
			diag.T("Ví dụ: weekly = \"trước 09h ngày Thứ 3 hàng tuần\".", "For example: weekly = \"trước 09h ngày Thứ 3 hàng tuần\"."))
	}
	for _, f := range files {
		t, ok := ld.table(f, reportOptions(units, f))
		if !ok {
			continue
		}
		if rep := ParseReport(t, units, w.Services, w.Rule, ld.l); rep != nil {
			w.Future = append(w.Future, rep.SetAsideFuture(ld.o.Now, ld.l)...)
			w.Files = append(w.Files, rep)
		}
	}
	ld.set.Weekly = w
}

// reportFiles returns the weekly report files, data/reports/*.csv and
// *.xlsx, sorted, reporting a unit's report kept in both forms.
func (ld *loader) reportFiles() []string {
	csvs, _ := fs.Glob(ld.fsys, ReportsDir+"/*.csv")
	xlsxs, _ := fs.Glob(ld.fsys, ReportsDir+"/*.xlsx")
	var files []string
	for _, f := range csvs {
		if f := ld.tableFile(f); f != "" {
			files = append(files, f)
		}
	}
	for _, f := range xlsxs {
		if csv := strings.TrimSuffix(f, path.Ext(f)) + ".csv"; !slices.Contains(csvs, csv) {
			files = append(files, f)
		}
	}
	slices.Sort(files)
	return files
}

// fromReports computes the figures of the indicators defined from the
// weekly reports: week by week and reporting unit by unit, the measure's
// numerator and denominator summed over the services it covers, from the
// rows reported by the moment judged at (report.Rule.ReportedBy) — the
// rows and the sums /bao-cao/ shows, so both show one number.
func (ld *loader) fromReports() {
	for i := range ld.set.Indicators {
		k := &ld.set.Indicators[i]
		ind := k.Ind
		if ind.FromReports == "" {
			continue
		}
		w := ld.set.Weekly
		if w == nil {
			ld.l.Add(RegistryMissing(ind.Pos, ServicesFile))
			continue
		}
		var scope map[string]bool
		if len(ind.Services) > 0 {
			scope = map[string]bool{}
			for _, id := range ind.Services {
				s, ok := w.Services.ByID(id)
				if !ok {
					ld.l.Add(diag.New(ind.ServicesPos, diag.CodeIndicatorReports,
						diag.Tf("không có dịch vụ %q trong %s", "there is no service %q in %s", id, ServicesFile),
						diag.T("Dùng mã (id) của một dịch vụ trong data/services.toml.", "Use the id of a service in data/services.toml.")).
						Needing(ServicesFile))
					continue
				}
				scope[s.ID] = true
			}
		}
		k.Obs = ReportObservations(ind, w, scope, ld.o.Now)
		if ind.Baseline.FromData {
			var num, den float64
			for _, o := range k.Obs {
				if o.Period == ind.Baseline.Period {
					num, den = num+o.Num, den+o.Den
				}
			}
			if den == 0 {
				ld.l.Add(diag.New(ind.BaselinePos, diag.CodeIndicatorBaseline,
					diag.Tf("báo cáo tuần không có số liệu cho kỳ xuất phát %s", "the weekly reports have no figures for the baseline period %s", ind.Baseline.Period),
					diag.T("Chọn kỳ xuất phát là một tuần có báo cáo, hoặc ghi value = … cho giá trị xuất phát.", "Choose a week the reports cover as the baseline period, or write value = … for the baseline.")).
					Needing(ServicesFile))
				continue
			}
			ind.Baseline.Value = num / den * 100
		}
	}
}

// ReportObservations sums ind's measure over the rows of w reported by now,
// for the services in scope (nil: all), per week and, for an indicator by
// unit, per reporting unit. A group with nothing to divide by has no figure.
func ReportObservations(ind *indicator.Indicator, w *Weekly, scope map[string]bool, now time.Time) []indicator.Observation {
	type key struct {
		week period.Period
		unit string
	}
	sums := map[key]report.Ratio{}
	var keys []key
	for _, f := range w.Files {
		for _, row := range f.Rows {
			if !w.Rule.ReportedBy(row, now) || (scope != nil && !scope[row.Service]) {
				continue
			}
			k := key{week: row.Week}
			if ind.Dimension == indicator.ByUnit {
				k.unit = row.Unit
			}
			r := row.Counts.OnlineRate()
			if ind.FromReports == indicator.ReportOnTime {
				r = row.Counts.OnTimeRate()
			}
			sum, seen := sums[k]
			if !seen {
				keys = append(keys, k)
			}
			sums[k] = report.Ratio{Num: sum.Num + r.Num, Den: sum.Den + r.Den}
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := period.Compare(a.week, b.week); c != 0 {
			return c
		}
		return strings.Compare(a.unit, b.unit)
	})
	var obs []indicator.Observation
	for _, k := range keys {
		s := sums[k]
		if s.Den == 0 {
			continue
		}
		num, den := float64(s.Num), float64(s.Den)
		obs = append(obs, indicator.Observation{Period: k.week, Dim: k.unit, Num: num, Den: den, Value: num / den * 100})
	}
	return obs
}

// reportOptions reads file with the number dialect its unit declares.
func reportOptions(units *Units, file string) table.Options {
	id := strings.TrimSuffix(path.Base(file), path.Ext(file))
	u, ok := units.ByID(id)
	if !ok {
		return table.Options{}
	}
	return table.Options{DecimalComma: u.DecimalComma,
		DialectSetting: diag.Tf("cho đơn vị \"%s\" trong data/units.toml (dòng %d)", "for unit \"%s\" in data/units.toml (line %d)", u.ID, u.Pos.Line)}
}

// reportUnused warns of every file under data/ that the load stage did not
// read, so that no file staff put there is ignored in silence. Hidden
// files (LibreOffice's .~lock.x.csv#, macOS's .DS_Store) and those
// Microsoft Office and Windows leave behind are skipped.
func (ld *loader) reportUnused() {
	// A registry that cannot be read may name any file.
	_, indicatorsUnreadable := Unreadable(ld.l, IndicatorsFile)
	_ = fs.WalkDir(ld.fsys, Dir, func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case name != Dir && hiddenData(d.Name()) && d.IsDir():
			return fs.SkipDir
		case d.IsDir() || hiddenData(d.Name()) || ld.set.Used[name]:
			return nil
		}
		w := diag.NewWarning(diag.Pos{File: name}, diag.CodeDataUnused,
			diag.T("tệp này không được dùng: không có gì trong trang web đọc nó", "this file is not used: nothing in the site reads it"),
			unusedHint(name))
		if indicatorsUnreadable {
			w.Needing(IndicatorsFile)
		}
		ld.l.Add(w)
		return nil
	})
}

// hiddenData reports whether a file under data/ is one no one put there on
// purpose: a hidden file or the lock and thumbnail files of office
// programs and file managers.
func hiddenData(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") ||
		lower == "thumbs.db" || lower == "desktop.ini"
}

// dataFiles are the files under data/ that tiendo reads by name.
var dataFiles = []string{UnitsFile, IndicatorsFile, TasksFile, workbookTwin(TasksFile), ServicesFile}

func unusedHint(name string) diag.Text {
	for _, f := range dataFiles {
		if strings.EqualFold(name, f) {
			return diag.Tf("Có phải là %s? Tên tệp phân biệt chữ hoa và chữ thường.", "Did you mean %s? File names are case-sensitive.", f)
		}
	}
	switch ext := strings.ToLower(path.Ext(name)); {
	case ext == ".xlsx" && !strings.HasPrefix(name, ReportsDir+"/"):
		return diag.T(`Số liệu của một chỉ tiêu chỉ được đọc khi data/indicators.toml ghi tên tệp, ví dụ file = "chi-tieu/ten-tep.xlsx" (và sheet = "Tên trang tính" nếu không phải trang tính đầu tiên). Nếu không còn cần tệp này, hãy xoá nó.`,
			`An indicator's figures are read only when data/indicators.toml names the file, e.g. file = "chi-tieu/file-name.xlsx" (and sheet = "Sheet name" if it is not the first sheet). If the file is no longer needed, delete it.`)
	case ext == ".xls" || ext == ".ods" || ext == ".numbers":
		return diag.T("tiendo đọc tệp CSV và sổ làm việc Excel (.xlsx): trong Excel hoặc LibreOffice, lưu bảng dưới dạng Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8 (.csv).",
			"tiendo reads CSV files and Excel workbooks (.xlsx): in Excel or LibreOffice, save the table as an Excel Workbook (.xlsx) or CSV UTF-8 (.csv).")
	case strings.HasPrefix(name, ReportsDir+"/"):
		return diag.T("Báo cáo tuần là tệp data/reports/<mã đơn vị>.csv hoặc .xlsx (đuôi viết thường).",
			"A weekly report is a file data/reports/<unit id>.csv or .xlsx (with the extension in lower case).")
	case ext == ".csv":
		return diag.T(`Số liệu của một chỉ tiêu chỉ được đọc khi data/indicators.toml ghi tên tệp, ví dụ file = "chi-tieu/ten-tep.csv". Nếu không còn cần tệp này, hãy xoá nó.`,
			`An indicator's figures are read only when data/indicators.toml names the file, e.g. file = "chi-tieu/file-name.csv". If the file is no longer needed, delete it.`)
	}
	return diag.T("Thư mục data/ chỉ chứa units.toml, indicators.toml, tasks.csv (hoặc tasks.xlsx), services.toml, reports/ và các tệp CSV hoặc Excel (.xlsx) mà indicators.toml ghi tên. Chuyển tệp này ra ngoài data/ hoặc xoá nó.",
		"The data/ folder holds only units.toml, indicators.toml, tasks.csv (or tasks.xlsx), services.toml, reports/ and the CSV or Excel (.xlsx) files indicators.toml names. Move this file out of data/ or delete it.")
}

// Unreadable returns the problem in l that stopped file from being read at
// all, if there is one.
func Unreadable(l *diag.List, file string) (*diag.Diagnostic, bool) {
	for _, d := range l.All() {
		if d.Root && d.File == file && d.Severity == diag.Error {
			return d, true
		}
	}
	return nil, false
}

// IsNotExist reports whether err says a file does not exist.
func IsNotExist(err error) bool {
	return err != nil && (os.IsNotExist(err) || strings.Contains(err.Error(), "not exist"))
}

// symlinkIn returns the first element of name, a slash path, that is a
// symbolic link.
func symlinkIn(fsys fs.FS, name string) (string, bool) {
	for i := 0; i <= len(name); i++ {
		if i < len(name) && name[i] != '/' {
			continue
		}
		fi, err := fs.Lstat(fsys, name[:i])
		if err != nil {
			return "", false
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return name[:i], true
		}
	}
	return "", false
}
