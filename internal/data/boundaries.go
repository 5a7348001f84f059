package data

import (
	"io/fs"
	"slices"

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
	ld.set.Map = geo.Load(files, units, ld.l)
}
