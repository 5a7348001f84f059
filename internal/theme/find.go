package theme

import (
	"io/fs"
	"path"
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
)

// Sources are where a site's layouts and strings come from: its theme —
// themes/<name>/ of the site, else tiendo's built-in theme of that name —
// and the site's own layouts/ and i18n/, when it has them.
type Sources struct {
	Theme         Source
	Layouts, I18n *Source
}

// Builtin reports whether every layout is tiendo's own, so that what each
// reads is known.
func (s Sources) Builtin() bool {
	return s.Layouts == nil && strings.HasPrefix(s.Theme.Name, "(tiendo)")
}

// Find finds the sources of the theme name in the site site, with the
// built-in themes in builtin; a missing theme is an error in l.
func Find(site, builtin fs.FS, name string, l *diag.List) (Sources, bool) {
	var s Sources
	if fi, err := fs.Stat(site, path.Join("themes", name)); err == nil && fi.IsDir() {
		sub, _ := fs.Sub(site, path.Join("themes", name))
		s.Theme = Source{FS: sub, Name: path.Join("themes", name)}
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

func exists(fsys fs.FS, p string) bool {
	_, err := fs.Stat(fsys, p)
	return err == nil
}
