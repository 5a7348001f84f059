package build

import (
	"io/fs"
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
}

// readData reads a data file, reporting anything but absence. ok is false
// when the file does not exist.
func (b *builder) readData(name string) ([]byte, bool) {
	if link, ok := symlinkIn(b.fsys, name); ok {
		b.diags.Errorf(diag.Pos{File: link}, "data-symlink",
			diag.T("liên kết tượng trưng (symlink) không được dùng trong data/", "symbolic links are not allowed in data/"),
			diag.T("Chép tệp thật vào thư mục data/.", "Copy the real file into data/."))
		return nil, false
	}
	src, err := fs.ReadFile(b.fsys, name)
	if err != nil {
		if !isNotExist(err) {
			b.diags.Errorf(diag.Pos{File: name}, "data-read", diag.T("không đọc được tệp", "cannot read the file"), diag.Text{})
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
	b.data.units = data.ParseUnits(data.Dir+"/units.toml", nil, &diag.List{})
	if src, ok := b.readData(data.Dir + "/units.toml"); ok {
		b.data.units = data.ParseUnits(data.Dir+"/units.toml", src, b.diags)
	}
	b.loadIndicators()
	b.loadReports()
	if t, ok := b.readTable(data.TasksFile, table.Options{}); ok {
		b.data.tasksTable = t
		ctx := plan.Context{Year: b.planYear(), PlanDate: b.planDate()}
		b.data.tasks = data.ParseTasks(t, b.data.units, ctx, b.cfg.Location, b.diags)
	}
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
