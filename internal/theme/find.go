package theme

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"path"
	"strings"

	"github.com/tiendo/tiendo/internal/chart/echarts"
	"github.com/tiendo/tiendo/internal/diag"
)

// Sources are where a site's layouts and strings come from: its theme —
// themes/<name>/ of the site, else tiendo's built-in theme of that name —
// and the site's own layouts/ and i18n/, when it has them.
type Sources struct {
	Theme         Source
	Layouts, I18n *Source
	// copy is set when the site's theme is a copy of the built-in one of
	// that name: the same layouts and charts, byte for byte.
	copy bool
}

// Builtin reports whether every layout is tiendo's own, so that what each
// reads is known: the site has no layouts/, and its theme is built in or a
// copy of it (the repository's sample site holds the very files tiendo
// embeds).
func (s Sources) Builtin() bool {
	return s.Layouts == nil && (strings.HasPrefix(s.Theme.Name, "(tiendo)") || s.copy)
}

// Find finds the sources of the theme name in the site site, with the
// built-in themes in builtin; a missing theme is an error in l.
func Find(site, builtin fs.FS, name string, l *diag.List) (Sources, bool) {
	var s Sources
	if fi, err := fs.Stat(site, path.Join("themes", name)); err == nil && fi.IsDir() {
		sub, _ := fs.Sub(site, path.Join("themes", name))
		s.Theme = Source{FS: sub, Name: path.Join("themes", name)}
		if own, err := fs.Sub(builtin, name); err == nil && exists(own, "layouts/base.html") {
			s.copy = sameFiles(sub, own, "layouts") && sameFiles(sub, own, "static/"+echarts.Dir)
		}
	} else if sub, err := fs.Sub(builtin, name); err == nil && exists(sub, "layouts/base.html") {
		s.Theme = Source{FS: sub, Name: "(tiendo) themes/" + name}
	} else {
		l.Errorf(diag.Pos{File: "config.toml", Line: 1, Col: 1}, diag.CodeThemeMissing,
			diag.Tf("không tìm thấy giao diện %q", "theme %q not found", name),
			diag.T("Dùng theme = \"default\" hoặc tạo thư mục themes/<tên>.", "Use theme = \"default\" or create themes/<name>."))
		return s, false
	}
	if sub, err := fs.Sub(site, "layouts"); err == nil && exists(site, "layouts") {
		s.Layouts = &Source{FS: sub, Name: "layouts"}
	}
	if sub, err := fs.Sub(site, "i18n"); err == nil && exists(site, "i18n") {
		s.I18n = &Source{FS: sub, Name: "i18n"}
	}
	return s, true
}

// sameFiles reports whether the folder dir holds the same files in a as in
// b, byte for byte; a folder missing from both is the same.
func sameFiles(a, b fs.FS, dir string) bool {
	read := func(fsys fs.FS) (map[string][]byte, bool) {
		files, ok := map[string][]byte{}, true
		_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				ok = ok && (err == nil || p == dir && errors.Is(err, fs.ErrNotExist))
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			files[p], ok = data, ok && err == nil
			return nil
		})
		return files, ok
	}
	fa, okA := read(a)
	fb, okB := read(b)
	return okA && okB && maps.EqualFunc(fa, fb, bytes.Equal)
}

func exists(fsys fs.FS, p string) bool {
	_, err := fs.Stat(fsys, p)
	return err == nil
}
