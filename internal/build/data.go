package build

import (
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/table"
)

// siteData is what the load stage read from data/.
type siteData struct {
	units *data.Units
	tasks []*data.Task
	kpis  []*kpi
	// reports are the weekly service reports, nil without data/services.toml.
	reports *reports
	// sources are the raw bytes of data files offered for download.
	tasksTable *table.Table
	// used are the files under data/ the load stage read or reported a
	// problem with; every other file there is reported as unused.
	used map[string]bool
}

// readData reads a data file, reporting anything but absence. ok is false
// when the file does not exist.
func (b *builder) readData(name string) ([]byte, bool) {
	if _, err := fs.Lstat(b.fsys, name); isNotExist(err) {
		return nil, false
	}
	b.data.used[name] = true
	if link, ok := symlinkIn(b.fsys, name); ok {
		b.diags.Errorf(diag.Pos{File: link}, diag.CodeDataSymlink,
			diag.T("liên kết tượng trưng (symlink) không được dùng trong data/", "symbolic links are not allowed in data/"),
			diag.T("Chép tệp thật vào thư mục data/.", "Copy the real file into data/."))
		return nil, false
	}
	src, err := fs.ReadFile(b.fsys, name)
	if err != nil {
		if !isNotExist(err) {
			b.diags.Errorf(diag.Pos{File: name}, diag.CodeDataRead, diag.T("không đọc được tệp", "cannot read the file"), diag.Text{})
		}
		return nil, false
	}
	return src, true
}

// readTable reads a CSV data file as staff save it.
func (b *builder) readTable(name string, opts table.Options) (*table.Table, bool) {
	src, ok := b.readData(name)
	if !ok {
		return nil, false
	}
	t, l := table.Read(name, src, opts)
	b.diags.Merge(l)
	return t, t != nil && !l.HasErrors()
}

// loadData reads data/: units, then what refers to them.
func (b *builder) loadData() {
	b.data.used = map[string]bool{}
	b.data.units = data.ParseUnits(data.UnitsFile, nil, &diag.List{})
	if src, ok := b.readData(data.UnitsFile); ok {
		b.data.units = data.ParseUnits(data.UnitsFile, src, b.diags)
	}
	b.loadIndicators()
	b.loadReports()
	if t, ok := b.readTable(data.TasksFile, table.Options{}); ok {
		b.data.tasksTable = t
		ctx := plan.Context{Year: b.planYear(), PlanDate: b.planDate()}
		b.data.tasks = data.ParseTasks(t, b.data.units, ctx, b.cfg.Location, b.diags)
	}
	b.reportUnused()
}

// reportUnused warns of every file under data/ that the load stage did not
// read, so that no file staff put there is ignored in silence. Hidden
// files (LibreOffice's .~lock.x.csv#, macOS's .DS_Store) and those
// Microsoft Office and Windows leave behind are skipped.
func (b *builder) reportUnused() {
	// A registry that cannot be read may name any file.
	_, indicatorsUnreadable := b.unreadable(IndicatorsFile)
	_ = fs.WalkDir(b.fsys, data.Dir, func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case name != data.Dir && hiddenData(d.Name()) && d.IsDir():
			return fs.SkipDir
		case d.IsDir() || hiddenData(d.Name()) || b.data.used[name]:
			return nil
		}
		w := diag.NewWarning(diag.Pos{File: name}, diag.CodeDataUnused,
			diag.T("tệp này không được dùng: không có gì trong trang web đọc nó", "this file is not used: nothing in the site reads it"),
			unusedHint(name))
		if indicatorsUnreadable {
			w.Needing(IndicatorsFile)
		}
		b.diags.Add(w)
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
var dataFiles = []string{data.UnitsFile, IndicatorsFile, data.TasksFile, data.ServicesFile}

func unusedHint(name string) diag.Text {
	for _, f := range dataFiles {
		if strings.EqualFold(name, f) {
			return diag.Tf("Có phải là %s? Tên tệp phân biệt chữ hoa và chữ thường.", "Did you mean %s? File names are case-sensitive.", f)
		}
	}
	switch ext := strings.ToLower(path.Ext(name)); {
	case ext == ".xlsx" || ext == ".xls" || ext == ".ods" || ext == ".numbers":
		return diag.T("tiendo chỉ đọc tệp CSV: trong Excel hoặc LibreOffice, lưu bảng dưới dạng CSV UTF-8 (.csv).",
			"tiendo reads CSV files only: in Excel or LibreOffice, save the table as CSV UTF-8 (.csv).")
	case strings.HasPrefix(name, data.ReportsDir+"/"):
		return diag.T("Báo cáo tuần là tệp data/reports/<mã đơn vị>.csv (đuôi .csv viết thường).",
			"A weekly report is a file data/reports/<unit id>.csv (with .csv in lower case).")
	case ext == ".csv":
		return diag.T(`Số liệu của một chỉ tiêu chỉ được đọc khi data/indicators.toml ghi tên tệp, ví dụ file = "chi-tieu/ten-tep.csv". Nếu không còn cần tệp này, hãy xoá nó.`,
			`An indicator's figures are read only when data/indicators.toml names the file, e.g. file = "chi-tieu/file-name.csv". If the file is no longer needed, delete it.`)
	}
	return diag.T("Thư mục data/ chỉ chứa units.toml, indicators.toml, tasks.csv, services.toml, reports/ và các tệp CSV mà indicators.toml ghi tên. Chuyển tệp này ra ngoài data/ hoặc xoá nó.",
		"The data/ folder holds only units.toml, indicators.toml, tasks.csv, services.toml, reports/ and the CSV files indicators.toml names. Move this file out of data/ or delete it.")
}

// unreadable returns the problem that stopped file from being read at all,
// if there is one.
func (b *builder) unreadable(file string) (*diag.Diagnostic, bool) {
	for _, d := range b.diags.All() {
		if d.Root && d.File == file && d.Severity == diag.Error {
			return d, true
		}
	}
	return nil, false
}

// planDate is the date the plan was issued ([tasks] planDate), else the
// start of the year being judged.
func (b *builder) planDate() time.Time {
	if b.cfg.Tasks.PlanDate != "" {
		if t, err := time.ParseInLocation("2006-01-02", b.cfg.Tasks.PlanDate, b.cfg.Location); err == nil {
			return t
		}
	}
	return time.Date(b.site.Now.Year(), 1, 1, 0, 0, 0, 0, b.cfg.Location)
}

func (b *builder) planYear() int { return b.planDate().Year() }

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
