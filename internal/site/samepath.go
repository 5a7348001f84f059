package site

import (
	"path"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
)

// SamePath is the error of page p, added after first, on first's address:
// at the content file that asks for the address when there is one, else
// at the data a page comes from.
func SamePath(first, p *Page) *diag.Diagnostic {
	fix := diag.T("Đổi tên tệp hoặc đặt slug khác.", "Rename the file or set another slug.")
	switch {
	case p.File != "" && first.File != "":
		return diag.New(pagePos(p), diag.CodeContentDuplicateURL,
			diag.Tf("hai trang cùng địa chỉ %s: %s và %s", "two pages at one URL %s: %s and %s", p.Path, first.File, p.File), fix)
	case p.Kind == KindGenerated && first.Kind == KindGenerated:
		at, other := p, first
		if at.Source.File == "" {
			at, other = first, p
		}
		pos := at.Source
		if pos.File == "" {
			pos = diag.Pos{File: "data"} // cannot happen while ids are checked
		}
		return diag.New(pos, diag.CodeDataDuplicateURL,
			diag.Tf("địa chỉ %s đã là của trang “%s” mà tiendo tạo", "the address %s is already that of the page “%s” tiendo makes", p.Path, other.Title),
			diag.T("Đổi mã (id) để trang có địa chỉ khác.", "Change the id so that the page has another address."))
	}
	written, made := p, first
	if p.Kind == KindGenerated {
		written, made = first, p
	}
	if written.File == "" { // a folder without _index.md
		dir := path.Dir(written.Source.File) + "/"
		return diag.New(written.Source, diag.CodeContentDuplicateURL,
			diag.Tf("thư mục %s là một mục ở địa chỉ %s, nhưng địa chỉ đó thuộc về trang tiendo tạo từ dữ liệu (“%s”)",
				"the folder %s is a section at %s, but that address belongs to a page tiendo makes from data (“%s”)", dir, p.Path, made.Title),
			diag.T("Đổi tên thư mục: tiendo luôn tạo trang ở địa chỉ đó.", "Rename the folder: tiendo always makes a page at that address."))
	}
	return diag.New(pagePos(written), diag.CodeContentDuplicateURL,
		diag.Tf("địa chỉ %s thuộc về trang tiendo tạo từ dữ liệu (“%s”)", "the address %s belongs to a page tiendo makes from data (“%s”)", p.Path, made.Title),
		diag.T("Đặt slug khác cho trang này hoặc đổi tên tệp: tiendo luôn tạo trang ở địa chỉ đó.",
			"Set another slug for this page or rename the file: tiendo always makes a page at that address."))
}

// pagePos is where a page's address is decided: its slug, else the top of
// its file.
func pagePos(p *Page) diag.Pos {
	if p.Slug != "" && p.SlugPos.File != "" {
		return p.SlugPos
	}
	return diag.Pos{File: p.File, Line: 1, Col: 1}
}

// Updated is when the page last changed: lastmod, else its date.
func (p *Page) Updated() time.Time {
	if !p.Lastmod.IsZero() {
		return p.Lastmod
	}
	return p.Date
}
