// Package theme loads a theme's layouts, partials and interface strings and
// renders pages with them — the render stage for HTML.
//
// A theme is a folder with layouts/ (base.html, home.html, section.html,
// single.html, 404.html, other page layouts, and partials/), static/ (copied
// to the output) and i18n/ (vi.toml, en.toml: interface strings). The site's
// own layouts/ and i18n/ override the theme's file by file. The default theme
// is embedded in the binary, so a site without a themes/ folder still builds.
//
// Layouts are html/template files; each page layout defines "main" (and may
// define "head" or "scripts"), which base.html places. Template errors name
// the template file and line. Besides Funcs, layouts may call partial, a
// {{ template }} whose output is reused from page to page when it can be
// (see partial.go): base.html calls the header and footer with it.
package theme

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/tiendo/tiendo/internal/diag"
)

// Source is one place layouts come from, with the prefix its files are named
// by in messages ("themes/default", "layouts").
type Source struct {
	FS fs.FS
	// Name is the folder relative to the site root, for messages.
	Name string
}

// Theme is a parsed set of layouts and strings.
type Theme struct {
	layouts map[string]*template.Template
	files   map[string]string // template name → file for messages
	strings map[string]map[string]string
	// Static lists the theme's static file systems, lowest priority first.
	Static []fs.FS
}

// Load parses the theme from its sources: the theme itself first, then the
// site's overrides. siteLayouts may be nil.
func Load(themeSrc Source, siteLayouts, siteI18n *Source, funcs template.FuncMap, l *diag.List) *Theme {
	t := &Theme{layouts: map[string]*template.Template{}, files: map[string]string{}, strings: map[string]map[string]string{}}
	files := map[string][]byte{}
	collect := func(fsys fs.FS, prefix, label string) {
		_ = fs.WalkDir(fsys, prefix, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				l.Errorf(diag.Pos{File: path.Join(label, p)}, diag.CodeThemeSymlink,
					diag.T("liên kết tượng trưng (symlink) không được dùng trong giao diện", "symbolic links are not allowed in layouts"),
					diag.T("Chép tệp thật vào thư mục layouts/.", "Copy the real file into layouts/."))
				return nil
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				l.Errorf(diag.Pos{File: path.Join(label, p)}, diag.CodeThemeRead, diag.T("không đọc được tệp giao diện", "cannot read layout file"), diag.Text{})
				return nil
			}
			name := strings.TrimPrefix(strings.TrimPrefix(p, prefix), "/")
			files[name] = b
			t.files[name] = path.Join(label, p)
			return nil
		})
	}
	collect(themeSrc.FS, "layouts", themeSrc.Name)
	if siteLayouts != nil {
		collect(siteLayouts.FS, ".", siteLayouts.Name)
	}
	if sub, err := fs.Sub(themeSrc.FS, "static"); err == nil {
		t.Static = append(t.Static, sub)
	}
	for _, lang := range []string{"vi", "en"} {
		t.strings[lang] = map[string]string{}
		t.loadStrings(themeSrc.FS, "i18n/"+lang+".toml", path.Join(themeSrc.Name, "i18n", lang+".toml"), lang, l)
		if siteI18n != nil {
			t.loadStrings(siteI18n.FS, lang+".toml", path.Join(siteI18n.Name, lang+".toml"), lang, l)
		}
	}

	if _, ok := files["base.html"]; !ok {
		l.Errorf(diag.Pos{File: path.Join(themeSrc.Name, "layouts/base.html")}, diag.CodeThemeMissing,
			diag.T("giao diện thiếu layouts/base.html", "the theme has no layouts/base.html"), diag.Text{})
		return t
	}
	root := template.New("base.html").Funcs(funcs)
	// partial must be known to parse; each layout's set gets its own below.
	root.Funcs(template.FuncMap{"partial": partialFunc(root, nil)})
	names := slices.Sorted(maps.Keys(files))
	for _, name := range names {
		if name != "base.html" && !strings.HasPrefix(name, "partials/") {
			continue
		}
		tpl := root
		if name != "base.html" {
			tpl = root.New(name)
		}
		if _, err := tpl.Parse(string(files[name])); err != nil {
			l.Add(t.templateError(err))
			return t
		}
	}
	if err := checkPartials(root); err != nil {
		l.Add(t.templateError(err))
		return t
	}
	for _, name := range names {
		if name == "base.html" || strings.HasPrefix(name, "partials/") {
			continue
		}
		c, err := root.Clone()
		if err != nil {
			l.Add(t.templateError(err))
			continue
		}
		if _, err := c.New(name).Parse(string(files[name])); err != nil {
			l.Add(t.templateError(err))
			continue
		}
		if err := checkPartials(c); err != nil {
			l.Add(t.templateError(err))
			continue
		}
		c.Funcs(template.FuncMap{"partial": partialFunc(c, partialMemos(c))})
		t.layouts[name] = c
	}
	return t
}

func (t *Theme) loadStrings(fsys fs.FS, p, label, lang string, l *diag.List) {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return
	}
	m := map[string]string{}
	if _, err := toml.Decode(string(b), &m); err != nil {
		line := 1
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line = pe.Position.Line
		}
		l.Errorf(diag.Pos{File: label, Line: line, Col: 1}, diag.CodeThemeI18n,
			diag.T("tệp chuỗi giao diện không hợp lệ (cần key = \"chuỗi\")", "invalid interface strings file (need key = \"text\")"), diag.Text{})
		return
	}
	for k, v := range m {
		t.strings[lang][k] = v
	}
}

// HasLayout reports whether the theme has the named layout.
func (t *Theme) HasLayout(name string) bool { _, ok := t.layouts[name]; return ok }

// T returns the interface string key in lang, falling back to Vietnamese and
// then to the key itself.
func (t *Theme) T(lang, key string) string {
	if s, ok := t.strings[lang][key]; ok {
		return s
	}
	if s, ok := t.strings["vi"][key]; ok {
		return s
	}
	return key
}

// Render executes layout with data into w, in one Write once the whole page
// is done: a failed page never reaches w.
func (t *Theme) Render(w io.Writer, layout string, data any) error {
	tpl, ok := t.layouts[layout]
	if !ok {
		return fmt.Errorf("layout %q not found", layout)
	}
	// Templates write in many small pieces; into a reused buffer they cost
	// no allocation, where a fresh bytes.Buffer per page would grow (and
	// copy) itself a dozen times.
	b := pages.Get().(*bytes.Buffer)
	b.Reset()
	defer func() {
		if b.Cap() <= 1<<20 {
			pages.Put(b)
		}
	}()
	if err := tpl.ExecuteTemplate(b, "base.html", data); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

var pages = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// RenderError turns an error from Render into a diagnostic naming the
// template file and line; page names the page being rendered.
func (t *Theme) RenderError(err error, page string) *diag.Diagnostic {
	d := t.templateError(err)
	d.Msg = diag.Tf("lỗi khi dựng trang %s: %s", "error rendering page %s: %s", page, d.Msg.Vi)
	return d
}

// tplErrRe finds the last position in an error: one inside a partial names
// the layout that called it first, and the partial's own line last.
var tplErrRe = regexp.MustCompile(`^.*template: ([^:]+):(\d+)(?::(\d+))?: (.*)`)

func (t *Theme) templateError(err error) *diag.Diagnostic {
	msg := err.Error()
	pos := diag.Pos{File: "layouts"}
	if m := tplErrRe.FindStringSubmatch(msg); m != nil {
		pos.File = m[1]
		if f, ok := t.files[m[1]]; ok {
			pos.File = f
		}
		pos.Line, _ = strconv.Atoi(m[2])
		pos.Col, _ = strconv.Atoi(m[3])
		msg = m[4]
	}
	return diag.New(pos, diag.CodeTemplate,
		diag.Tf("lỗi mẫu giao diện: %s", "template error: %s", msg),
		diag.T("Sửa mẫu ở vị trí này; xem tài liệu html/template của Go.", "Fix the template here; see Go's html/template documentation."))
}

// RenderBytes renders into memory, so a failed page never reaches the output.
func (t *Theme) RenderBytes(layout string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := t.Render(&b, layout, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Partial executes one partial template (e.g. "partials/kpi-card.html") with
// data, for HTML placed inside page bodies.
func (t *Theme) Partial(name string, data any) (string, error) {
	for _, tpl := range t.layouts {
		var b bytes.Buffer
		if err := tpl.ExecuteTemplate(&b, name, data); err != nil {
			return "", err
		}
		return b.String(), nil
	}
	return "", fmt.Errorf("no layouts")
}
