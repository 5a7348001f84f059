package links

import (
	"html"
	"path"
	"slices"
	"strings"

	"github.com/tiendo/tiendo/internal/content"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/markdown"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/vi"
)

// What Hugo's content brings: the ref, relref and figure shortcodes, which
// lead to pages and files and so are resolved here with the links, the
// share images of front matter, and whatever looked like a shortcode but
// was none (markdown.Doc.Stray).

// figureParams are the arguments {{< figure >}} takes; Hugo's others
// (link, target, rel, attr, loading…) are refused.
var figureParams = []string{"src", "alt", "caption", "title", "width", "height"}

// hugoShortcodes resolves the ref, relref and figure shortcodes of p and
// reports its strays.
func hugoShortcodes(s *site.Site, a *Anchors, p *site.Page, diags *diag.List) (checks []Check) {
	for _, st := range p.Doc.Stray {
		diags.Errorf(diag.Pos{File: p.File, Line: p.BodyLine + st.Line - 1, Col: st.Col}, diag.CodeShortcodeSyntax,
			diag.Tf("không đọc được shortcode: %s", "cannot read this shortcode: %s", st.Text),
			diag.T(`Một shortcode nằm trọn trên một dòng, dạng {{< tên "đối số" khóa="giá trị" >}}, và không nằm trong mã (code); shortcode có phần đóng ({{< /tên >}}) không được hỗ trợ. Để viết về shortcode, thoát nó: {{</* tên */>}} hiện thành {{< tên >}}.`,
				`A shortcode stands on one line, as {{< name "argument" key="value" >}}, and not inside code; shortcodes with a closing part ({{< /name >}}) are not supported. To write about a shortcode, escape it: {{</* name */>}} shows as {{< name >}}.`))
	}
	for _, sc := range p.Doc.Shortcodes {
		pos := diag.Pos{File: p.File, Line: p.BodyLine + sc.Line - 1, Col: sc.Col}
		switch sc.Name {
		case "ref", "relref":
			if len(sc.Args) != 1 || len(sc.Params) > 0 {
				diags.Errorf(pos, diag.CodeShortcodeArgs,
					diag.Tf("shortcode %s cần đúng một tệp trang", "shortcode %s needs exactly one page file", sc.Name),
					diag.Tf(`Ví dụ: {{< %s "/huong-dan/vneid/kich-hoat.md" >}}`, `For example: {{< %s "/huong-dan/vneid/kich-hoat.md" >}}`, sc.Name))
				continue
			}
			if to, ok := resolveRef(s, a, diags, p, pos, sc.Name, sc.Args[0]); ok {
				title := s.ByPath[strings.SplitN(to, "#", 2)[0]].ShortTitle()
				sc.SetHTML(`<a href="` + html.EscapeString(s.URLs.Link(p.Path, to)) + `">` + html.EscapeString(title) + `</a>`)
			}
		case "figure":
			if c, ok := figure(s, a, p, diags, pos, sc); ok && c != nil {
				checks = append(checks, *c)
			}
		}
	}
	return checks
}

// figure writes {{< figure src="…" alt="…" [caption="…"] [title="…"]
// [width=…] [height=…] >}}: the image with its caption. alt is required
// (alt="" says the image is decorative); src is checked like an image's.
func figure(s *site.Site, a *Anchors, p *site.Page, diags *diag.List, pos diag.Pos, sc *markdown.Shortcode) (*Check, bool) {
	example := diag.T(`Ví dụ: {{< figure src="/anh/buoc-2.png" alt="Màn hình nhập mã OTP" caption="Bước 2" >}}`,
		`For example: {{< figure src="/anh/buoc-2.png" alt="The screen to enter the OTP code" caption="Step 2" >}}`)
	var unknown []string
	for k := range sc.Params {
		if !slices.Contains(figureParams, k) {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	src, hasSrc := sc.Params["src"]
	alt, hasAlt := sc.Params["alt"]
	switch {
	case sc.Inline:
		diags.Errorf(pos, diag.CodeShortcodeArgs,
			diag.T("shortcode figure phải đứng riêng một dòng", "shortcode figure must stand on a line of its own"), example)
		return nil, false
	case len(sc.Args) > 0 || len(unknown) > 0:
		what := strings.Join(unknown, ", ")
		if len(sc.Args) > 0 {
			what = strings.Join(sc.Args, ", ")
		}
		diags.Errorf(pos, diag.CodeShortcodeArgs,
			diag.Tf("shortcode figure không nhận %s", "shortcode figure does not take %s", what),
			diag.Tf("figure nhận %s, đều có tên (src=\"…\"). %s", "figure takes %s, all named (src=\"…\"). %s", strings.Join(figureParams, ", "), example.Vi))
		return nil, false
	case !hasSrc || strings.TrimSpace(src) == "":
		diags.Errorf(pos, diag.CodeShortcodeArgs, diag.T("shortcode figure thiếu src", "shortcode figure lacks src"), example)
		return nil, false
	case !hasAlt:
		diags.Errorf(pos, diag.CodeImageAlt,
			diag.Tf("ảnh %s không có lời mô tả (alt)", "the image %s has no text alternative (alt)", src),
			diag.T(`Thêm alt="…" mô tả ảnh cho người dùng trình đọc màn hình (alt="" nếu ảnh chỉ để trang trí và chú thích đã nói đủ).`,
				`Add alt="…" describing the image for screen-reader users (alt="" when the image is decoration and the caption says it all).`))
		return nil, false
	}
	var size string
	for _, k := range []string{"width", "height"} {
		v, ok := sc.Params[k]
		if !ok {
			continue
		}
		if v == "" || strings.Trim(v, "0123456789") != "" {
			diags.Errorf(pos, diag.CodeShortcodeArgs,
				diag.Tf("%s của figure phải là số điểm ảnh, không phải %q", "the %s of a figure must be a number of pixels, not %q", k, v), example)
			return nil, false
		}
		size += ` ` + k + `="` + v + `"`
	}
	to, _, c := resolveDest(s, a, diags, p, pos, strings.TrimSpace(src))
	var b strings.Builder
	b.WriteString(`<figure><img src="` + html.EscapeString(to) + `" alt="` + html.EscapeString(alt) + `"` + size + `>`)
	title, caption := sc.Params["title"], sc.Params["caption"]
	if title != "" || caption != "" {
		b.WriteString("<figcaption>")
		if title != "" {
			b.WriteString("<strong>" + html.EscapeString(title) + "</strong>")
			if caption != "" {
				b.WriteString(" ")
			}
		}
		b.WriteString(html.EscapeString(caption) + "</figcaption>")
	}
	b.WriteString("</figure>")
	sc.SetHTML(b.String())
	return c, true
}

// resolveRef finds the page of a ref or relref shortcode's argument as
// Hugo does — "/a/b.md" from content/, "b.md" from the page's folder, then
// anywhere when only one file has that name; ".md", "/_index.md" or
// "/index.md" may be left out; "#id" alone is the page's own heading —
// and returns its path with the anchor. Both give the same link, the one
// a .md link gives.
func resolveRef(s *site.Site, a *Anchors, diags *diag.List, p *site.Page, pos diag.Pos, name, arg string) (string, bool) {
	target, frag, _ := strings.Cut(strings.TrimSpace(arg), "#")
	tp := p
	if target != "" {
		var ok bool
		if tp, ok = findRef(s, p, target); !ok {
			var files []string
			for f := range s.ByFile {
				files = append(files, strings.TrimPrefix(f, content.Dir))
			}
			hint := diag.T("Đường dẫn bắt đầu bằng / tính từ thư mục content/.", "A path starting with / is relative to content/.")
			if c := vi.Closest(target, files, 1); len(c) > 0 {
				hint = diag.Tf("Có phải là %q?", "Did you mean %q?", c[0])
			}
			diags.Errorf(pos, diag.CodeLinkMissing,
				diag.Tf("%s tới trang không tồn tại: %s", "%s to a page that does not exist: %s", name, target), hint)
			return "", false
		}
	}
	to := tp.Path
	if frag != "" {
		if !a.check(diags, pos, p.File, tp, frag) {
			return "", false
		}
		to += "#" + frag
	}
	return to, true
}

func findRef(s *site.Site, p *site.Page, target string) (*site.Page, bool) {
	bases := []string{path.Join(content.Dir, target)}
	if !strings.HasPrefix(target, "/") {
		bases = []string{path.Join(path.Dir(p.File), target), path.Join(content.Dir, target)}
	}
	for _, b := range bases {
		for _, f := range []string{b, b + ".md", b + "/_index.md", b + "/index.md"} {
			if tp, ok := s.ByFile[f]; ok {
				return tp, true
			}
		}
	}
	if strings.Contains(strings.Trim(target, "/"), "/") {
		return nil, false
	}
	var found *site.Page
	for f, tp := range s.ByFile {
		if b := path.Base(f); b == target || b == target+".md" {
			if found != nil {
				return nil, false // two pages of that name: say which
			}
			found = tp
		}
	}
	return found, found != nil
}

// shareImages checks the images of p's front matter, files of the site,
// and sets its share image, the first.
func shareImages(s *site.Site, a *Anchors, p *site.Page, diags *diag.List) (checks []Check) {
	p.ShareImage = ""
	for i, img := range p.Images {
		img = strings.TrimSpace(img)
		if img == "" || site.IsExternal(img) || strings.HasPrefix(img, "#") || strings.HasSuffix(strings.ToLower(img), ".md") {
			diags.Errorf(p.ImagesPos, diag.CodeContentImages,
				diag.Tf("images: %q không phải tệp ảnh của trang web", "images: %q is not an image file of the site", img),
				diag.T(`Đặt ảnh trong static/ và ghi đường dẫn của nó: images = ["/anh/chia-se.png"].`, `Put the image in static/ and give its path: images = ["/anh/share.png"].`))
			continue
		}
		_, _, c := resolveDest(s, a, diags, p, p.ImagesPos, img)
		if c == nil {
			continue
		}
		checks = append(checks, *c)
		if i == 0 && strings.HasPrefix(img, "/") {
			p.ShareImage = img
		} else if i == 0 {
			p.ShareImage = path.Join(p.Path, img)
		}
	}
	return checks
}
