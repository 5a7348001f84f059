// Package content loads content/**/*.md into pages — the load stage for
// Markdown.
//
// # Files and URLs
//
// Folders are sections; a folder's _index.md holds the section's own text and
// content/_index.md is the home page. Every other .md file is a page at a
// pretty URL built from Vietnamese-correct slugs of its folder and file names
// (content/Hướng dẫn/Đăng ký.md → /huong-dan/dang-ky/); the slug key replaces
// the last segment. A file named x.en.md is the English translation of x.md,
// published under /en/.
//
// # Front matter
//
// TOML between +++ lines, or YAML between --- lines. Keys: title,
// description, date, lastmod, weight, draft, slug, aliases, menu, summary,
// layout, toc, and those of Hugo that mean something here: linkTitle,
// publishDate, expiryDate, author, images, tags, categories (read as tags:
// both are the page's topics, chủ đề), keywords; and howto and journey, the
// structured part of a guidance page and the pages that belong with it
// (howto.go). Keys are matched without
// regard to case, as Hugo does. Any other key is an error at its line,
// naming the closest known key.
//
// # Scheduled pages
//
// A page is published from its publishDate and until its expiryDate,
// judged at Options.Now, the build's moment: outside them it is left out
// like a draft, as if its file were not there. A date in the future does
// not hold a page back (unlike Hugo's buildFuture): publishDate does.
package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	asmutf8 "github.com/segmentio/asm/utf8"
	"go.yaml.in/yaml/v3"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/par"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/spill"
	"github.com/tiendo/tiendo/internal/tomlx"
	"github.com/tiendo/tiendo/internal/vi"
)

// Dir is the content folder under the site root.
const Dir = "content"

// MaxFileSize bounds one content file; larger files are refused.
const MaxFileSize = 8 << 20

// MaxNesting bounds how deeply block quotes and lists nest in a body:
// goldmark's time grows with the square of the depth (200,000 '>' take
// seconds, a megabyte of them minutes).
const MaxNesting = 100

// Options control loading.
type Options struct {
	DefaultLang string
	Languages   []string // other languages of a bilingual site
	Drafts      bool
	Location    *time.Location
	// Now is the moment scheduled pages are judged at (publishDate,
	// expiryDate); zero publishes every page.
	Now time.Time
	// Bodies keeps the page bodies Load reads until they are parsed: in
	// memory up to its budget, the rest in its temporary file (Body reads
	// them back). Nil keeps every body in memory, in Page.Body.
	Bodies *spill.Store
}

// Published reports whether p is published at o.Now: not a draft (unless
// o.Drafts), from its publishDate and until its expiryDate.
func (o Options) Published(p *site.Page) bool {
	if p.Draft && !o.Drafts {
		return false
	}
	if o.Now.IsZero() {
		return true
	}
	return !p.PublishDate.After(o.Now) && (p.ExpiryDate.IsZero() || !p.ExpiryDate.Before(o.Now))
}

// FrontMatter is the set of keys a page may set.
type FrontMatter struct {
	Title       string   `toml:"title" yaml:"title"`
	Description string   `toml:"description" yaml:"description"`
	Date        any      `toml:"date" yaml:"date"`
	Lastmod     any      `toml:"lastmod" yaml:"lastmod"`
	Weight      int      `toml:"weight" yaml:"weight"`
	Draft       bool     `toml:"draft" yaml:"draft"`
	Slug        string   `toml:"slug" yaml:"slug"`
	Aliases     []string `toml:"aliases" yaml:"aliases"`
	Menu        string   `toml:"menu" yaml:"menu"`
	Summary     string   `toml:"summary" yaml:"summary"`
	Layout      string   `toml:"layout" yaml:"layout"`
	TOC         bool     `toml:"toc" yaml:"toc"`
	LinkTitle   string   `toml:"linkTitle" yaml:"linkTitle"`
	PublishDate any      `toml:"publishDate" yaml:"publishDate"`
	ExpiryDate  any      `toml:"expiryDate" yaml:"expiryDate"`
	Author      string   `toml:"author" yaml:"author"`
	Images      []string `toml:"images" yaml:"images"`
	Tags        []string `toml:"tags" yaml:"tags"`
	Categories  []string `toml:"categories" yaml:"categories"`
	Keywords    []string `toml:"keywords" yaml:"keywords"`
	// HowTo is a guidance page's structured part; Journey the pages that
	// belong with it (howto.go).
	HowTo   *howtoFM   `toml:"howto" yaml:"howto"`
	Journey *journeyFM `toml:"journey" yaml:"journey"`

	// Where slug and each alias are written in the file; at finds the
	// keys of howto and journey.
	slugAt  diag.Pos
	aliasAt []diag.Pos
	at      locator
}

var knownKeys = []string{"title", "description", "date", "lastmod", "weight", "draft", "slug", "aliases", "menu", "summary", "layout", "toc",
	"linkTitle", "publishDate", "expiryDate", "author", "images", "tags", "categories", "keywords", "howto", "journey"}

// Load reads every .md file under content/ in fsys (the site root) and
// returns the pages, sections and home page with parents and children set.
// Pages are sorted by path. Problems are reported into l.
func Load(fsys fs.FS, o Options, l *diag.List) []*site.Page {
	var files []string
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == Dir {
				return fs.SkipDir
			}
			l.Errorf(diag.Pos{File: p}, diag.CodeContentRead,
				diag.T("không đọc được tệp hoặc thư mục", "cannot read file or folder"), diag.Text{})
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != Dir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			l.Errorf(diag.Pos{File: p}, diag.CodeContentSymlink,
				diag.T("liên kết tượng trưng (symlink) không được dùng trong content/", "symbolic links are not allowed in content/"),
				diag.T("Chép tệp thật vào thư mục content/.", "Copy the real file into content/."))
			return nil
		}
		if !d.IsDir() && strings.HasSuffix(strings.ToLower(name), ".md") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		l.Errorf(diag.Pos{File: Dir}, diag.CodeContentRead, diag.T("không đọc được thư mục content/", "cannot read the content/ folder"), diag.Text{})
	}

	byPath := map[string]*site.Page{}
	var pages []*site.Page
	for _, p := range loadFiles(fsys, files, o, l) {
		if p == nil || !o.Published(p) {
			continue
		}
		if other, dup := byPath[p.Path]; dup {
			l.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, diag.CodeContentDuplicateURL,
				diag.Tf("hai trang cùng địa chỉ %s: %s và %s", "two pages at one URL %s: %s and %s", p.Path, other.File, p.File),
				diag.T("Đổi tên tệp hoặc đặt slug khác cho một trong hai trang.", "Rename one file or give one page another slug."))
			continue
		}
		byPath[p.Path] = p
		pages = append(pages, p)
	}

	// Every folder is a section, with or without an _index.md.
	for _, p := range slices.Clone(pages) {
		for dir := parentPath(p.Path); dir != ""; dir = parentPath(dir) {
			if _, ok := byPath[dir]; ok {
				continue
			}
			// A folder without _index.md: its first page says where it is.
			s := &site.Page{Kind: site.KindSection, Path: dir, Lang: langOf(dir, o), Title: titleFromPath(dir),
				Source: diag.Pos{File: p.File, Line: 1, Col: 1}}
			if dir == "/" || dir == "/en/" {
				s.Kind = site.KindHome
			}
			byPath[dir] = s
			pages = append(pages, s)
		}
	}
	if _, ok := byPath["/"]; !ok {
		home := &site.Page{Kind: site.KindHome, Path: "/", Lang: o.DefaultLang}
		byPath["/"] = home
		pages = append(pages, home)
	}
	for _, p := range pages {
		if p.Path == "/" {
			continue
		}
		par := byPath[parentPath(p.Path)]
		p.Parent = par
		p.SectionPath = par.Path
		par.Pages = append(par.Pages, p)
	}
	// Translations: same path once the /en prefix is taken off.
	for _, p := range pages {
		if p.Lang == o.DefaultLang {
			continue
		}
		if orig, ok := byPath[strings.TrimPrefix(p.Path, "/"+p.Lang)]; ok {
			orig.Translations = append(orig.Translations, p)
			p.Translations = append(p.Translations, orig)
		}
	}
	slices.SortFunc(pages, func(a, b *site.Page) int { return strings.Compare(a.Path, b.Path) })
	for _, p := range pages {
		SortPages(p.Pages)
	}
	return pages
}

// SortPages orders a section's pages: by weight (pages without one last),
// then newest date first, then title in Vietnamese order.
func SortPages(ps []*site.Page) {
	slices.SortStableFunc(ps, func(a, b *site.Page) int {
		wa, wb := a.Weight, b.Weight
		if (wa == 0) != (wb == 0) {
			if wa == 0 {
				return 1
			}
			return -1
		}
		if wa != wb {
			return wa - wb
		}
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		if c := vi.Compare(a.Title, b.Title); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
}

// loadFiles reads and decodes files on every core — reading, UTF-8 checks
// and front matter are most of the load stage — and returns their pages in
// the order of files (nil for a file with an error).
func loadFiles(fsys fs.FS, files []string, o Options, l *diag.List) []*site.Page {
	out := make([]*site.Page, len(files))
	par.For(len(files), func(i int) {
		p := loadFile(fsys, files[i], o, l)
		if p != nil && o.Bodies != nil {
			p.BodyLater, p.Body = o.Bodies.Put(p.Body), nil
		}
		out[i] = p
	})
	return out
}

// LoadFile reads one content file as Load does, without its place in the
// site (parent, children, translations): for rebuilding one changed page.
// It returns nil, with the problems in l, when the file cannot be used.
func LoadFile(fsys fs.FS, file string, o Options, l *diag.List) *site.Page {
	return loadFile(fsys, file, o, l)
}

// Body returns p's Markdown body: Page.Body, or the one Load put in
// bodies (Options.Bodies).
func Body(bodies *spill.Store, p *site.Page) ([]byte, error) { return bodyInto(bodies, p, nil) }

func bodyInto(bodies *spill.Store, p *site.Page, buf []byte) ([]byte, error) {
	if p.Body != nil || p.BodyLater.Len() == 0 {
		return p.Body, nil
	}
	return bodies.GetInto(p.BodyLater, buf)
}

// normalize removes a byte order mark and makes line ends \n.
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.Contains(src, []byte("\r\n")) { // ReplaceAll copies even when nothing matches
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	return src
}

func loadFile(fsys fs.FS, file string, o Options, l *diag.List) *site.Page {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		l.Errorf(diag.Pos{File: file}, diag.CodeContentRead, diag.T("không đọc được tệp", "cannot read file"), diag.Text{})
		return nil
	}
	if len(src) > MaxFileSize {
		l.Errorf(diag.Pos{File: file}, diag.CodeContentTooLarge,
			diag.Tf("tệp quá lớn (%d MB, tối đa %d MB)", "file too large (%d MB, at most %d MB)", len(src)>>20, MaxFileSize>>20),
			diag.T("Chia nội dung thành nhiều trang.", "Split the content into several pages."))
		return nil
	}
	if bad := firstBadByte(src); bad >= 0 {
		line, col := lineCol(src, bad)
		l.Errorf(diag.Pos{File: file, Line: line, Col: col}, diag.CodeContentEncoding,
			diag.T("tệp không phải văn bản UTF-8 hợp lệ", "the file is not valid UTF-8 text"),
			diag.T("Lưu lại tệp với bảng mã UTF-8.", "Save the file again as UTF-8."))
		return nil
	}
	src = normalize(src)

	rel := strings.TrimPrefix(file, Dir+"/")
	p := &site.Page{File: file, Kind: site.KindPage, Lang: o.DefaultLang}
	base := path.Base(rel)
	stem := strings.TrimSuffix(base, path.Ext(base))
	for _, lang := range o.Languages {
		if strings.HasSuffix(stem, "."+lang) && lang != o.DefaultLang {
			p.Lang = lang
			stem = strings.TrimSuffix(stem, "."+lang)
		}
	}

	fm, body, bodyLine := splitFrontMatter(file, src, l)
	if fm == nil {
		return nil
	}
	if line, col, deep := deepNesting(body); deep {
		l.Errorf(diag.Pos{File: file, Line: bodyLine + line - 1, Col: col}, diag.CodeContentNesting,
			diag.Tf("trích dẫn hoặc danh sách lồng nhau quá sâu (quá %d cấp)", "block quotes or lists nested too deeply (more than %d levels)", MaxNesting),
			diag.T("Bớt các dấu > hoặc - ở đầu dòng, hoặc bớt thụt lề.", "Remove some > or - markers at the start of the line, or some indentation."))
		return nil
	}
	p.Title = vi.NFC(strings.TrimSpace(fm.Title))
	p.Description = vi.NFC(strings.TrimSpace(fm.Description))
	p.Summary = vi.NFC(strings.TrimSpace(fm.Summary))
	p.Weight, p.Draft, p.Slug, p.Menu, p.Layout, p.TOC = fm.Weight, fm.Draft, fm.Slug, fm.Menu, fm.Layout, fm.TOC
	p.Aliases, p.AliasPos, p.SlugPos = fm.Aliases, fm.aliasAt, fm.slugAt
	if len(p.AliasPos) != len(p.Aliases) { // a form the scanner does not follow
		p.AliasPos = make([]diag.Pos, len(p.Aliases))
		for i := range p.AliasPos {
			p.AliasPos[i] = diag.Pos{File: file, Line: keyLine(src, "aliases"), Col: 1}
		}
	}
	p.Body, p.BodyLine = body, bodyLine
	p.Date = parseDate(file, src, "date", fm.Date, o.Location, l)
	p.Lastmod = parseDate(file, src, "lastmod", fm.Lastmod, o.Location, l)
	p.PublishDate = parseDate(file, src, "publishDate", fm.PublishDate, o.Location, l)
	p.ExpiryDate = parseDate(file, src, "expiryDate", fm.ExpiryDate, o.Location, l)
	if !p.ExpiryDate.IsZero() && p.ExpiryDate.Before(p.PublishDate) {
		l.Errorf(diag.Pos{File: file, Line: keyLine(src, "expiryDate"), Col: 1}, diag.CodeContentDate,
			diag.T("expiryDate trước publishDate: trang không bao giờ được đăng", "expiryDate is before publishDate: the page would never be published"),
			diag.T("Sửa một trong hai ngày.", "Correct one of the two dates."))
	}
	p.LinkTitle = vi.NFC(strings.TrimSpace(fm.LinkTitle))
	p.Author = vi.NFC(strings.TrimSpace(fm.Author))
	p.Tags = topics(append(slices.Clone(fm.Tags), fm.Categories...))
	p.Keywords = topics(fm.Keywords)
	p.Images = fm.Images
	p.HowTo, p.Journey = howTo(p.Lang, fm.HowTo, fm.at, l), journey(fm.Journey, fm.at, l)
	if len(p.Images) > 0 {
		p.ImagesPos = diag.Pos{File: file, Line: keyLine(src, "images"), Col: 1}
	}
	if p.Title == "" {
		l.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, diag.CodeContentTitle,
			diag.T("trang thiếu title", "the page has no title"),
			diag.T("Thêm title = \"…\" vào phần đầu trang (front matter).", "Add title = \"…\" to the front matter."))
	}
	if p.Slug != "" && (vi.Slug(p.Slug) != p.Slug) {
		pos := p.SlugPos
		if pos.Line == 0 {
			pos = diag.Pos{File: file, Line: keyLine(src, "slug"), Col: 1}
		}
		l.Errorf(pos, diag.CodeContentSlug,
			diag.Tf("slug %q không hợp lệ", "slug %q is not valid", p.Slug),
			diag.Tf("Chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ %q.", "Use lower-case ASCII letters, digits and hyphens, e.g. %q.", vi.Slug(p.Slug)))
		p.Slug = vi.Slug(p.Slug)
	}
	for i, a := range p.Aliases {
		if _, ok := CleanAlias(a); !ok {
			l.Errorf(p.AliasPos[i], diag.CodeContentAlias,
				diag.Tf("alias %q không hợp lệ", "alias %q is not valid", a),
				diag.T("Alias là đường dẫn trong trang web, ví dụ \"/huong-dan/cu/\".", "An alias is a path within the site, e.g. \"/huong-dan/old/\"."))
		}
	}

	// URL from slugs of each folder and the file name.
	dir := path.Dir(rel)
	var segs []string
	if p.Lang != o.DefaultLang {
		segs = append(segs, p.Lang)
	}
	if dir != "." {
		for _, s := range strings.Split(dir, "/") {
			segs = append(segs, vi.Slug(s))
		}
	}
	switch {
	case stem == "_index" && len(segs) == 0 || (stem == "_index" && len(segs) == 1 && p.Lang != o.DefaultLang):
		p.Kind = site.KindHome
	case stem == "_index":
		p.Kind = site.KindSection
		if p.Slug != "" {
			segs[len(segs)-1] = p.Slug
		}
	default:
		seg := vi.Slug(stem)
		if p.Slug != "" {
			seg = p.Slug
		}
		if seg == "" {
			l.Errorf(diag.Pos{File: file}, diag.CodeContentSlug,
				diag.T("không tạo được địa chỉ từ tên tệp", "cannot make a URL from the file name"),
				diag.T("Đặt tên tệp bằng chữ cái hoặc thêm slug.", "Name the file with letters or add a slug."))
			return nil
		}
		segs = append(segs, seg)
	}
	p.Path = "/"
	if len(segs) > 0 {
		p.Path = "/" + strings.Join(segs, "/") + "/"
	}
	return p
}

// CleanAlias checks an alias, an old address that redirects to the page,
// and returns the site path it is served at: "/cu/", or "/cu.html" for a
// file-style alias. Percent-encoding is decoded, as a web server decodes
// the address before it looks for the file: "/tin-t%E1%BB%A9c/" is served
// from "/tin-tức/". It refuses what is not a plain path inside the site:
// a scheme or a host ("https://…", "//evil.example/"), "." and ".."
// segments, also encoded ("%2e%2e"), empty segments, backslashes, colons,
// queries, fragments, control characters and a % that encodes nothing.
func CleanAlias(a string) (string, bool) {
	dec, err := url.PathUnescape(a)
	if err != nil || strings.HasPrefix(dec, "//") || strings.ContainsAny(dec, "\\:?#") {
		return "", false
	}
	for _, r := range dec {
		if r < 0x20 || r == 0x7f {
			return "", false
		}
	}
	dec = vi.NFC(dec)
	trimmed := strings.TrimSuffix(strings.TrimPrefix(dec, "/"), "/")
	if trimmed == "" {
		return "", false
	}
	for _, seg := range strings.Split(trimmed, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", false
		}
	}
	if strings.HasSuffix(dec, ".html") {
		return "/" + trimmed, true
	}
	return "/" + trimmed + "/", true
}

// splitFrontMatter separates and decodes the front matter. It returns nil
// when the front matter is broken.
func splitFrontMatter(file string, src []byte, l *diag.List) (*FrontMatter, []byte, int) {
	fm := &FrontMatter{}
	var delim string
	switch {
	case bytes.HasPrefix(src, []byte("+++\n")):
		delim = "+++"
	case bytes.HasPrefix(src, []byte("---\n")):
		delim = "---"
	default:
		return fm, src, 1
	}
	rest := src[4:]
	end := -1
	lines := 1
	for off := 0; off < len(rest); {
		nl := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		lines++
		if string(bytes.TrimRight(line, " \t")) == delim {
			end = off
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		l.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, diag.CodeFrontMatterUnclosed,
			diag.Tf("phần đầu trang mở bằng %s nhưng không có dòng %s đóng lại", "front matter opened with %s has no closing %s line", delim, delim),
			diag.Tf("Thêm một dòng chỉ có %s sau phần đầu trang.", "Add a line with only %s after the front matter.", delim))
		return nil, nil, 0
	}
	block := rest[:end]
	body := rest[end:]
	if nl := bytes.IndexByte(body, '\n'); nl >= 0 {
		body = body[nl+1:]
	} else {
		body = nil
	}
	bodyLine := lines + 1
	var sub diag.List
	if delim == "+++" {
		tomlx.Decode(file, 1, block, fm, &sub)
		fm.at = tomlLocator(tomlx.Scan(file, 1, block))
		// Line 1 of the file is the opening +++.
		if at, _, ok := tomlPlaces(block, "slug"); ok {
			fm.slugAt = diag.Pos{File: file, Line: at.line + 1, Col: at.col}
		}
		if _, elems, ok := tomlPlaces(block, "aliases"); ok {
			for _, e := range elems {
				fm.aliasAt = append(fm.aliasAt, diag.Pos{File: file, Line: e.line + 1, Col: e.col})
			}
		}
	} else {
		decodeYAML(file, block, fm, &sub)
	}
	l.Merge(&sub)
	if sub.HasErrors() {
		return nil, nil, 0
	}
	return fm, body, bodyLine
}

func decodeYAML(file string, block []byte, fm *FrontMatter, l *diag.List) {
	// pos turns a YAML position into one in the file, whose line 1 is the
	// opening "---".
	pos := func(line, col int) diag.Pos {
		line, col = yamlPos(block, line, col)
		return diag.Pos{File: file, Line: line + 1, Col: col}
	}
	var node yaml.Node
	if err := yaml.Unmarshal(block, &node); err != nil {
		p := diag.Pos{File: file, Line: 2, Col: 1}
		msg := err.Error()
		var n int
		if _, e := fmt.Sscanf(strings.TrimPrefix(msg, "yaml: "), "line %d:", &n); e == nil {
			p = pos(n, 1)
		}
		l.Errorf(p, diag.CodeFrontMatterYAML,
			diag.T("cú pháp YAML của phần đầu trang không hợp lệ", "invalid YAML in the front matter"),
			diag.Tf("Kiểm tra dấu : và thụt lề; mỗi dòng có dạng khóa: giá trị.", "Check colons and indentation; each line is key: value (detail: %s).", msg))
		return
	}
	if len(node.Content) == 0 {
		return
	}
	m := node.Content[0]
	if m.Kind != yaml.MappingNode {
		l.Errorf(pos(m.Line, m.Column), diag.CodeFrontMatterYAML,
			diag.T("phần đầu trang YAML phải là các cặp khóa: giá trị", "YAML front matter must be key: value pairs"), diag.Text{})
		return
	}
	fm.at = yamlLocator(m, pos)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if i := slices.IndexFunc(knownKeys, func(key string) bool { return strings.EqualFold(key, k.Value) }); i >= 0 {
			k.Value = knownKeys[i]
		} else {
			hint := diag.Tf("Các khóa hợp lệ: %s.", "Valid keys: %s.", strings.Join(knownKeys, ", "))
			if c := vi.Closest(k.Value, knownKeys, 1); len(c) > 0 {
				hint = diag.Tf("Có phải là %q?", "Did you mean %q?", c[0])
			}
			l.Errorf(pos(k.Line, k.Column), diag.CodeTOMLUnknownKey,
				diag.Tf("khóa %q không được hỗ trợ", "unknown key %q", k.Value), hint)
			continue
		}
		v := m.Content[i+1]
		if k.Value == "howto" || k.Value == "journey" {
			yamlUnknownKeys(v, reflect.TypeOf(fieldPtr(fm, k.Value)), pos, l)
		}
		if err := v.Decode(fieldPtr(fm, k.Value)); err != nil {
			l.Errorf(pos(v.Line, v.Column), diag.CodeTOMLType,
				diag.Tf("giá trị của khóa %q sai kiểu", "the value of key %q has the wrong type", k.Value), diag.Text{})
			continue
		}
		switch k.Value {
		case "slug":
			fm.slugAt = pos(k.Line, k.Column)
		case "aliases":
			for _, e := range v.Content {
				fm.aliasAt = append(fm.aliasAt, pos(e.Line, e.Column))
			}
		}
	}
}

// yamlPos turns a line and column of the YAML parser in block into a line
// of block and a column in characters. YAML also breaks lines at a bare
// carriage return, which the rest of tiendo, like editors on Linux and
// Windows, does not.
func yamlPos(block []byte, line, col int) (int, int) {
	start := 0 // where YAML's line begins in block
	for y := 1; y < line && start < len(block); start++ {
		if block[start] == '\n' || block[start] == '\r' {
			y++
		}
	}
	if start > len(block) {
		start = len(block)
	}
	lineStart := bytes.LastIndexByte(block[:start], '\n') + 1
	return bytes.Count(block[:start], []byte{'\n'}) + 1, utf8.RuneCount(block[lineStart:start]) + max(col, 1)
}

func fieldPtr(fm *FrontMatter, key string) any {
	switch key {
	case "title":
		return &fm.Title
	case "description":
		return &fm.Description
	case "date":
		return &fm.Date
	case "lastmod":
		return &fm.Lastmod
	case "weight":
		return &fm.Weight
	case "draft":
		return &fm.Draft
	case "slug":
		return &fm.Slug
	case "aliases":
		return &fm.Aliases
	case "menu":
		return &fm.Menu
	case "summary":
		return &fm.Summary
	case "layout":
		return &fm.Layout
	case "toc":
		return &fm.TOC
	case "linkTitle":
		return &fm.LinkTitle
	case "publishDate":
		return &fm.PublishDate
	case "expiryDate":
		return &fm.ExpiryDate
	case "author":
		return &fm.Author
	case "images":
		return &fm.Images
	case "tags":
		return &fm.Tags
	case "categories":
		return &fm.Categories
	case "keywords":
		return &fm.Keywords
	case "howto":
		return &fm.HowTo
	case "journey":
		return &fm.Journey
	}
	return new(any)
}

func parseDate(file string, src []byte, key string, v any, loc *time.Location, l *diag.List) time.Time {
	switch v := v.(type) {
	case nil:
		return time.Time{}
	case time.Time:
		if v.Location() == time.Local || v.Location().String() == "" || isTOMLLocal(v) {
			return time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), 0, loc)
		}
		return v
	case string:
		for _, layout := range []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02T15:04:05", time.RFC3339, "02/01/2006"} {
			if t, err := time.ParseInLocation(layout, strings.TrimSpace(v), loc); err == nil {
				return t
			}
		}
	}
	l.Errorf(diag.Pos{File: file, Line: keyLine(src, key), Col: 1}, diag.CodeContentDate,
		diag.Tf("%s %v không phải ngày hợp lệ", "%s %v is not a valid date", key, v),
		diag.T("Dạng 2023-06-30 hoặc 2023-06-30T09:00.", "Use 2023-06-30 or 2023-06-30T09:00."))
	return time.Time{}
}

// isTOMLLocal reports whether t came from a TOML local date or date-time,
// which BurntSushi/toml gives a named "local" zone.
func isTOMLLocal(t time.Time) bool {
	name, _ := t.Zone()
	return strings.Contains(t.Location().String(), "local") || name == ""
}

// topics are the non-empty words of a list, in Unicode NFC, each once.
func topics(list []string) []string {
	var out []string
	for _, t := range list {
		if t = vi.NFC(strings.TrimSpace(t)); t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func keyLine(src []byte, key string) int {
	for i, line := range strings.Split(string(src), "\n") {
		s := strings.ToLower(strings.TrimSpace(line))
		key := strings.ToLower(key)
		if strings.HasPrefix(s, key+" ") || strings.HasPrefix(s, key+"=") || strings.HasPrefix(s, key+":") {
			return i + 1
		}
	}
	return 1
}

func parentPath(p string) string {
	if p == "/" {
		return ""
	}
	t := strings.TrimSuffix(p, "/")
	i := strings.LastIndexByte(t, '/')
	return t[:i+1]
}

func langOf(p string, o Options) string {
	for _, l := range o.Languages {
		if strings.HasPrefix(p, "/"+l+"/") && l != o.DefaultLang {
			return l
		}
	}
	return o.DefaultLang
}

func titleFromPath(p string) string {
	t := strings.TrimSuffix(p, "/")
	seg := t[strings.LastIndexByte(t, '/')+1:]
	seg = strings.ReplaceAll(seg, "-", " ")
	if seg == "" {
		return ""
	}
	return strings.ToUpper(seg[:1]) + seg[1:]
}

// firstBadByte is the offset of the first NUL byte or byte that is not
// UTF-8 in src, or -1.
func firstBadByte(src []byte) int {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return i
	}
	// segmentio/asm checks 32 bytes at a time where the CPU can (AVX2),
	// 11 times as fast as unicode/utf8 on Vietnamese text, whose accented
	// letters every few bytes keep the standard library's ASCII fast path
	// from running (4% of the CPU of building 10,000 pages). It gives the
	// same answer (TestValidSameAsStdlib, FuzzValidSameAsStdlib).
	if asmutf8.Valid(src) {
		return -1
	}
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

func lineCol(src []byte, off int) (int, int) {
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, utf8.RuneCount(src[start:off]) + 1
}

// deepNesting finds the first line of body whose block quote and list
// markers nest deeper than MaxNesting, or whose indentation could (four
// columns a level), and the column where they do.
func deepNesting(body []byte) (line, col int, deep bool) {
	n := -1
	for ln := range bytes.Lines(body) { // each with its "\n", which ends the markers as the end would
		n++
		depth, indent, i := 0, 0, 0
	markers:
		for i < len(ln) {
			switch c := ln[i]; {
			case c == ' ':
				indent, i = indent+1, i+1
				continue
			case c == '\t':
				indent, i = indent+4, i+1
				continue
			case c == '>':
				i++
			case (c == '-' || c == '*' || c == '+') && i+1 < len(ln) && (ln[i+1] == ' ' || ln[i+1] == '\t'):
				i++
			case '0' <= c && c <= '9':
				j := i
				for j < len(ln) && j-i < 9 && '0' <= ln[j] && ln[j] <= '9' {
					j++
				}
				if j+1 >= len(ln) || (ln[j] != '.' && ln[j] != ')') || (ln[j+1] != ' ' && ln[j+1] != '\t') {
					break markers
				}
				i = j + 1
			default:
				break markers
			}
			if depth++; depth > MaxNesting {
				return n + 1, utf8.RuneCount(ln[:i]), true
			}
		}
		if indent > 4*MaxNesting {
			return n + 1, utf8.RuneCount(ln[:i]), true
		}
	}
	return 0, 0, false
}
