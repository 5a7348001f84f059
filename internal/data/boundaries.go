package data

import (
	"io/fs"
	"slices"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/geo"
)

// boundaries reads the communes' boundaries, data/ban-do/*.geojson (see
// package geo).
func (ld *loader) boundaries() {
	names, _ := fs.Glob(ld.fsys, geo.Dir+"/*.geojson")
	slices.Sort(names)
	var files []geo.File
	for _, name := range names {
		if src, ok := ld.read(name); ok {
			files = append(files, geo.File{Name: name, Src: src})
		}
	}
	if len(files) > 0 && !ld.set.Used[UnitsFile] { // missing, not unreadable
		for _, f := range files {
			ld.l.Add(RegistryMissing(diag.Pos{File: f.Name}, UnitsFile))
		}
		return
	}
	us := ld.set.Units
	units := geo.Units{
		Lookup: func(text string) (string, bool, bool) {
			u, ok := us.Lookup(text)
			return u.ID, u.IsCommune(), ok
		},
		Suggest: func(text string) []string { return us.suggest(text, Unit.IsCommune) },
	}
	for _, u := range us.All {
		if u.IsCommune() {
			units.Communes = append(units.Communes, [2]string{u.ID, u.Name})
		}
	}
	// Features matched to no unit, and communes without one, only follow
	// from a units.toml that could not be read.
	l := &diag.List{}
	ld.set.Map = geo.Load(files, units, l)
	for _, d := range l.All() {
		if d.Code == diag.CodeMapUnmatched || d.Code == diag.CodeMapMissing {
			d.Needing(UnitsFile)
		}
		ld.l.Add(d)
	}
}
