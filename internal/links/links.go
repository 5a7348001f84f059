// Package links resolves the links of parsed pages, in the validate stage:
// a link to a content file (../vneid/kich-hoat.md#buoc-2) becomes that
// page's URL, its anchor checked against the page's headings; a link to any
// other file of the site becomes a Check, made once the output is written.
// Links are read as URLs: the names of the files they lead to are
// percent-decoded, as the browser and the web server will; the page keeps
// the link as written. Only http:, https:, mailto: and tel: links may leave
// the site.
package links

import (
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/tiendo/tiendo/internal/config"
	"github.com/tiendo/tiendo/internal/content"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/keep"
	"github.com/tiendo/tiendo/internal/site"
)

// Check is a link to a file that must be among the files written.
type Check struct {
	Pos  diag.Pos
	File string // output file that must exist
	Dest string // the link as written
}

// texts carve the destinations that pages keep from blocks (see package
// keep).
var texts = sync.Pool{New: func() any { return new(keep.Text) }}

func kept(s string) string {
	t := texts.Get().(*keep.Text)
	defer texts.Put(t)
	return t.String(s)
}

// allowedSchemes are the link schemes a page may carry; javascript:, data:
// and the like are refused.
var allowedSchemes = []string{"http", "https", "mailto", "tel"}

// Resolve resolves the links of p, a parsed page: each link to a page
// becomes that page's URL, and one to another file a Check; problems go
// into l. The destinations are then final (markdown.Doc.Resolved): p's
// Doc no longer lists its links. An anchor that a link names in another
// page is checked by a, once every page is parsed (nil: at once). Resolve
// may run for several pages at once.
func Resolve(s *site.Site, p *site.Page, a *Anchors, diags *diag.List) (checks []Check) {
	for i := range p.Doc.Links {
		l := &p.Doc.Links[i]
		pos := diag.Pos{File: p.File, Line: p.BodyLine + int(l.Line) - 1, Col: int(l.Col)}
		dest := strings.TrimSpace(l.Dest)
		switch {
		case dest == "":
			diags.Errorf(pos, diag.CodeLinkEmpty, diag.T("liên kết không có địa chỉ", "link without a destination"), diag.Text{})
		case l.Ref != "":
			if to, ok := resolveRef(s, a, diags, p, pos, l.Ref, dest); ok {
				l.SetDest(s.URLs.Link(p.Path, to))
			}
		default:
			if l.Image && strings.TrimSpace(l.Alt) == "" {
				diags.Errorf(pos, diag.CodeImageAlt,
					diag.Tf("ảnh %s không có lời mô tả (alt)", "the image %s has no text alternative (alt)", dest),
					diag.T("Viết lời mô tả ảnh trong ngoặc vuông: ![Ảnh chụp màn hình bước 2](…). Người dùng trình đọc màn hình chỉ biết ảnh qua lời mô tả này.",
						"Describe the image between the brackets: ![Screenshot of step 2](…). Screen-reader users know the image only by this text."))
			}
			to, set, c := resolveDest(s, a, diags, p, pos, dest)
			if c != nil {
				checks = append(checks, *c)
			}
			if set {
				l.SetDest(to)
			}
		}
	}
	checks = append(checks, hugoShortcodes(s, a, p, diags)...)
	checks = append(checks, shareImages(s, a, p, diags)...)
	p.Doc.Resolved()
	return checks
}

// resolveDest resolves dest, a link's destination that is not empty, for
// the page p: to is where the link goes, set whether it changed, c a
// file that must be among those written.
func resolveDest(s *site.Site, a *Anchors, diags *diag.List, p *site.Page, pos diag.Pos, dest string) (to string, set bool, c *Check) {
	switch {
	case site.IsExternal(dest):
		scheme := strings.ToLower(dest[:strings.IndexByte(dest, ':')+1])
		if strings.HasPrefix(dest, "//") {
			scheme = "https:"
		}
		if !slices.Contains(allowedSchemes, strings.TrimSuffix(scheme, ":")) {
			diags.Errorf(pos, diag.CodeLinkScheme,
				diag.Tf("liên kết dạng %q không được phép", "links of the form %q are not allowed", scheme),
				diag.T("Chỉ dùng http:, https:, mailto: hoặc tel:.", "Use only http:, https:, mailto: or tel:."))
			return "#", true, nil
		}
		return dest, false, nil
	case strings.HasPrefix(dest, "#"):
		frag, ok := Unescape(diags, pos, dest, dest[1:])
		if ok && !hasAnchor(p, frag) {
			diags.Errorf(pos, diag.CodeLinkAnchor,
				diag.Tf("không có mục %q trong trang này", "no heading %q on this page", dest),
				anchorHint(p))
		}
		return dest, false, nil
	}
	// The link is written as a URL: the names of the files it leads to are
	// percent-decoded, as the browser and the web server will
	// (/bao%20cao.pdf is static/bao cao.pdf); the page keeps it as written.
	rawTarget, rawFrag, _ := strings.Cut(dest, "#")
	if q := strings.IndexByte(rawTarget, '?'); q >= 0 {
		rawTarget = rawTarget[:q]
	}
	target, ok := Unescape(diags, pos, dest, rawTarget)
	if !ok {
		return dest, false, nil
	}
	frag, ok := Unescape(diags, pos, dest, rawFrag)
	if !ok {
		return dest, false, nil
	}
	if isMarkdown(target) {
		tp, ok := resolvePageLink(s, a, diags, p.File, pos, target, frag)
		if !ok {
			return dest, false, nil
		}
		to := tp.Path
		if rawFrag != "" {
			to += "#" + rawFrag
		}
		if link := s.URLs.Link(p.Path, to); link != tp.Path {
			// A new string, which the page keeps until it is rendered.
			return kept(link), true, nil
		}
		return tp.Path, true, nil
	}
	sitePath := target
	if !strings.HasPrefix(target, "/") {
		sitePath = path.Join(p.Path, target)
		if strings.HasSuffix(target, "/") {
			sitePath += "/"
		}
	}
	if strings.Contains(sitePath, "..") || !strings.HasPrefix(path.Clean(sitePath), "/") {
		diags.Errorf(pos, diag.CodeLinkOutside, diag.Tf("liên kết %q ra ngoài trang web", "link %q leaves the site", dest), diag.Text{})
		return dest, false, nil
	}
	file := strings.TrimPrefix(sitePath, "/")
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	to = rawTarget
	if !strings.HasPrefix(rawTarget, "/") {
		to = path.Join(p.Path, rawTarget)
		if strings.HasSuffix(rawTarget, "/") {
			to += "/"
		}
	}
	if rawFrag != "" {
		to += "#" + rawFrag
	}
	return s.URLs.Link(p.Path, to), true, &Check{Pos: pos, File: file, Dest: dest}
}

// Unescape percent-decodes s, a part of the link dest; a malformed escape
// is an error at the link.
func Unescape(diags *diag.List, pos diag.Pos, dest, s string) (string, bool) {
	u, err := url.PathUnescape(s)
	if err != nil {
		diags.Errorf(pos, diag.CodeLinkEscape,
			diag.Tf("liên kết %q có mã “%%” không hợp lệ", "link %q has a malformed “%%” escape", dest),
			diag.T("Sau dấu % phải là hai chữ số hệ 16, ví dụ %20 cho dấu cách; dấu % trong tên tệp viết là %25. "+
				"Cũng có thể viết tên tệp như nó có, trong <…>: [báo cáo](</bao cao.pdf>).",
				"A % must be followed by two hexadecimal digits, e.g. %20 for a space; a % in a file name is written %25. "+
					"The name may also be written as it is, within <…>: [report](</bao cao.pdf>)."))
		return "", false
	}
	return u, true
}

// ContentFile finds the page of a content file that data names, such as a
// service's guide = "huong-dan/dich-vu-cong/nop-ho-so.md#buoc-2": name is
// relative to content/ and may end in an anchor, checked against the
// page's headings. It returns the page and the site path to link to (with
// the anchor); problems go into diags at pos, as for a link in a page.
func ContentFile(s *site.Site, diags *diag.List, pos diag.Pos, name string) (*site.Page, string, bool) {
	target, frag, _ := strings.Cut(name, "#")
	if !isMarkdown(target) {
		diags.Errorf(pos, diag.CodeLinkMissing,
			diag.Tf("%s không phải tệp .md trong content/", "%s is not a .md file in content/", name),
			diag.T(`Ghi đường dẫn tính từ thư mục content/, ví dụ "huong-dan/dich-vu-cong/nop-ho-so.md".`,
				`Write the path from the content/ folder, e.g. "huong-dan/dich-vu-cong/nop-ho-so.md".`))
		return nil, "", false
	}
	tp, ok := resolvePageLink(s, nil, diags, "", pos, "/"+strings.TrimPrefix(target, "/"), frag)
	if !ok {
		return nil, "", false
	}
	to := tp.Path
	if frag != "" {
		to += "#" + frag
	}
	return tp, to, true
}

// isMarkdown reports whether target names a Markdown file: it ends in
// ".md", in any case.
func isMarkdown(target string) bool {
	return len(target) >= 3 && strings.EqualFold(target[len(target)-3:], ".md")
}

// resolvePageLink finds the page of a link from the content file from to a
// content file, target and frag decoded.
func resolvePageLink(s *site.Site, a *Anchors, diags *diag.List, from string, pos diag.Pos, target, frag string) (*site.Page, bool) {
	// path.Join cleans what it joins.
	file := path.Join(content.Dir, target)
	if !strings.HasPrefix(target, "/") {
		file = path.Join(path.Dir(from), target)
	}
	tp, ok := s.ByFile[file]
	if !ok {
		hint := diag.T("Kiểm tra tên tệp và đường dẫn tương đối (../).", "Check the file name and the relative path (../).")
		if strings.HasPrefix(file, content.Dir+"/") {
			var names []string
			for f := range s.ByFile {
				if path.Dir(f) == path.Dir(file) {
					names = append(names, path.Base(f))
				}
			}
			slices.Sort(names)
			if len(names) > 0 {
				hint = diag.Tf("Các tệp trong thư mục đó: %s.", "Files in that folder: %s.", strings.Join(names, ", "))
			}
		}
		diags.Errorf(pos, diag.CodeLinkMissing,
			diag.Tf("liên kết tới trang không tồn tại: %s", "link to a page that does not exist: %s", target), hint)
		return nil, false
	}
	if frag != "" && !a.check(diags, pos, from, tp, frag) {
		return nil, false
	}
	return tp, true
}

// Anchors are the anchors that links name in other pages, checked once
// every page is parsed: validate resolves each page's links as soon as the
// page is parsed, so that what its links were is not kept meanwhile, but
// another page's headings are known only then. The nil *Anchors checks at
// once, for when every page is parsed already. Safe for concurrent use.
type Anchors struct {
	mu   sync.Mutex
	list []anchor
}

type anchor struct {
	pos  diag.Pos
	page *site.Page
	frag string
}

// check reports whether tp has the anchor frag, named by a link in the
// file from at pos, or puts off the check until Check when tp is another
// page and a is not nil; an anchor it finds missing goes into diags.
func (a *Anchors) check(diags *diag.List, pos diag.Pos, from string, tp *site.Page, frag string) bool {
	if a != nil && tp.File != from {
		a.mu.Lock()
		a.list = append(a.list, anchor{pos, tp, frag})
		a.mu.Unlock()
		return true
	}
	if !hasAnchor(tp, frag) {
		anchorMissing(diags, pos, tp, frag)
		return false
	}
	return true
}

// Check checks the anchors put off, once every page is parsed.
func (a *Anchors) Check(diags *diag.List) {
	for _, an := range a.list {
		if !hasAnchor(an.page, an.frag) {
			anchorMissing(diags, an.pos, an.page, an.frag)
		}
	}
	a.list = nil
}

func anchorMissing(diags *diag.List, pos diag.Pos, tp *site.Page, frag string) {
	diags.Errorf(pos, diag.CodeLinkAnchor,
		diag.Tf("trang %s không có mục #%s", "page %s has no heading #%s", tp.File, frag), anchorHint(tp))
}

func hasAnchor(p *site.Page, id string) bool {
	for _, h := range p.Headings {
		if h.ID == id {
			return true
		}
	}
	return p.HowTo.HasStep(id) || strings.HasPrefix(id, "fn:") || strings.HasPrefix(id, "fnref:")
}

func anchorHint(p *site.Page) diag.Text {
	var ids []string
	for _, h := range p.Headings {
		ids = append(ids, "#"+h.ID)
	}
	if p.HowTo != nil {
		for _, s := range p.HowTo.Steps {
			ids = append(ids, "#"+s.ID)
		}
	}
	if len(ids) == 0 {
		return diag.T("Trang đó không có tiêu đề mục nào.", "That page has no headings.")
	}
	if len(ids) > 12 {
		ids = append(ids[:12], "…")
	}
	return diag.Tf("Các mục có: %s.", "Headings there: %s.", strings.Join(ids, ", "))
}

// Menus makes the site's menus: the entries of config.toml, whose links
// are resolved here (a file link becomes a Check), and the pages of lang
// that name a menu, each menu in order of weight, then path.
func Menus(configured map[string][]config.MenuEntry, s *site.Site, lang string, diags *diag.List) (menus map[string][]site.MenuItem, checks []Check) {
	menus = map[string][]site.MenuItem{}
	for name, entries := range configured {
		for _, e := range entries {
			item := site.MenuItem{Name: e.Name, Weight: e.Weight}
			switch {
			case e.Page != "":
				p, ok := s.ByFile[path.Join(content.Dir, e.Page)]
				if !ok {
					diags.Errorf(e.Pos, diag.CodeMenuPage,
						diag.Tf("menu %q trỏ tới trang không tồn tại %s", "menu %q points to a missing page %s", name, e.Page), diag.Text{})
					continue
				}
				item.Path = p.Path
			case site.IsExternal(e.URL):
				item.Path, item.External = e.URL, true
			default:
				item.Path = e.URL
				if !strings.HasPrefix(item.Path, "/") {
					item.Path = "/" + item.Path
				}
				file, _, _ := strings.Cut(strings.TrimPrefix(item.Path, "/"), "#")
				file, _, _ = strings.Cut(file, "?")
				file, ok := Unescape(diags, e.Pos, e.URL, file)
				if !ok {
					continue
				}
				if file == "" || strings.HasSuffix(file, "/") {
					file += "index.html"
				}
				checks = append(checks, Check{Pos: e.Pos, File: file, Dest: e.URL})
			}
			menus[name] = append(menus[name], item)
		}
	}
	for _, p := range s.Pages {
		if p.Menu != "" && p.Lang == lang {
			menus[p.Menu] = append(menus[p.Menu], site.MenuItem{Name: p.ShortTitle(), Path: p.Path, Weight: p.Weight})
		}
	}
	for name := range menus {
		slices.SortStableFunc(menus[name], func(a, c site.MenuItem) int {
			if a.Weight != c.Weight {
				return a.Weight - c.Weight
			}
			return strings.Compare(a.Path, c.Path)
		})
	}
	return menus, checks
}
