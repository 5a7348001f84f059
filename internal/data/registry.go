package data

import (
	"io/fs"
	"maps"
	"slices"

	"github.com/tiendo/tiendo/internal/diag"
)

// registries are the data files that other files refer into by id, each
// with the registries its own entries refer into: a service's and an
// indicator's lead is a unit, and an indicator may name its plan task. A problem about such a reference carries the
// registry in diag.Diagnostic.Needs.
var registries = map[string][]string{
	UnitsFile:      nil,
	ServicesFile:   {UnitsFile},
	IndicatorsFile: {UnitsFile},
	TasksFile:      {UnitsFile},
}

// ExplainFailures leaves out the problems that only follow from a registry
// that is missing or could not be read — the unknown units of every row of
// tasks.csv when units.toml has a syntax error — and says in one line how
// many it left out, next to the cause, which comes first. A missing
// registry is an error in each file that refers into it, at its first
// reference.
func ExplainFailures(fsys fs.FS, l *diag.List) {
	broken := map[string]*diag.Diagnostic{} // registry → why it was not read; nil when missing
	for f := range registries {
		if d, ok := Unreadable(l, TableFile(fsys, f)); ok {
			broken[f] = d
		} else if !exists(fsys, TableFile(fsys, f)) {
			broken[f] = nil
		}
	}
	// cause is the registry whose failure explains a reference into reg.
	var cause func(reg string) (string, bool)
	cause = func(reg string) (string, bool) {
		if _, ok := broken[reg]; ok {
			return reg, true
		}
		for _, dep := range registries[reg] {
			if c, ok := cause(dep); ok {
				return c, true
			}
		}
		return "", false
	}
	dropped := l.Drop(func(d *diag.Diagnostic) bool {
		_, ok := cause(d.Needs)
		return d.Needs != "" && ok
	})
	byCause := map[string][]*diag.Diagnostic{}
	for _, d := range dropped {
		c, _ := cause(d.Needs)
		byCause[c] = append(byCause[c], d)
	}
	for _, reg := range slices.Sorted(maps.Keys(byCause)) {
		ds := byCause[reg]
		at := diag.Pos{File: reg}
		why := diag.Tf("%d lỗi khác do %s không đọc được đã được bỏ qua", "%d other problems that follow from %s being unreadable were left out", len(ds), reg)
		if root := broken[reg]; root != nil {
			at = root.Pos
		} else {
			why = diag.Tf("%d lỗi khác do thiếu %s đã được bỏ qua", "%d other problems that follow from the missing %s were left out", len(ds), reg)
			first := map[string]bool{}
			for _, d := range ds {
				if d.Needs != reg || first[d.File] {
					continue
				}
				if len(first) == 0 {
					at = d.Pos
				}
				first[d.File] = true
				l.Add(RegistryMissing(d.Pos, reg))
			}
		}
		note := diag.NewWarning(at, diag.CodeDataSuppressed, why,
			diag.T("Sửa lỗi ở trên rồi chạy lại: các lỗi này có thể tự hết.", "Fix the problem above and run again: these may go away with it."))
		note.Root = true
		l.Add(note)
	}
}

// RegistryMissing is the error at a reference into reg, a registry that
// does not exist.
func RegistryMissing(pos diag.Pos, reg string) *diag.Diagnostic {
	hint := diag.Tf("Tạo %s (xem README, mục %s).", "Create %s (see the README, section %s).", reg, reg)
	switch reg {
	case UnitsFile:
		hint = diag.T("Tạo data/units.toml với một bảng [[unit]] cho mỗi đơn vị (xem README, mục data/units.toml).",
			"Create data/units.toml with a [[unit]] table for each unit (see the README, section data/units.toml).")
	case IndicatorsFile:
		hint = diag.T("Tạo data/indicators.toml (tiendo new indicator <mã>), hoặc bỏ mã chỉ tiêu này khỏi trang.",
			"Create data/indicators.toml (tiendo new indicator <id>), or remove this indicator id from the page.")
	case ServicesFile:
		hint = diag.T("Tạo data/services.toml với các bảng [[service]] (xem README, mục data/services.toml), hoặc xoá thư mục data/reports/ nếu không theo dõi báo cáo tuần.",
			"Create data/services.toml with [[service]] tables (see the README, section data/services.toml), or delete the data/reports/ folder if weekly reports are not followed.")
	}
	d := diag.New(pos, diag.CodeDataRegistryMissing,
		diag.Tf("tệp này dùng mã trong %s, nhưng không có tệp đó", "this file refers to %s, which does not exist", reg), hint)
	d.Root = true
	return d
}

func exists(fsys fs.FS, p string) bool {
	_, err := fs.Stat(fsys, p)
	return err == nil
}
