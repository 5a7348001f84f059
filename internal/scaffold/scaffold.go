// Package scaffold writes the files of `tiendo new`: a starter site, a new
// page, a new indicator. It stands before the pipeline: it writes the input
// that staff then fill in, and never touches a build's output.
//
// The starter site is embedded (starter/), so `tiendo new site` works with
// the binary alone. It builds as it is, and every file says in Vietnamese
// what to replace. Nothing is ever overwritten: each function refuses a
// file or folder that already holds something, and reports it as a
// *diag.Diagnostic worded for staff.
package scaffold

import (
	"embed"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/vi"
)

//go:embed all:starter
var starter embed.FS

// Site writes the starter site into dir, creating it if needed. It refuses
// a dir that exists and is not empty. It returns the files written,
// relative to dir.
func Site(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return nil, diag.New(diag.Pos{File: dir}, diag.CodeNewSiteNotEmpty,
			diag.Tf("thư mục %s đã có tệp; không ghi đè", "folder %s is not empty; nothing is overwritten", dir),
			diag.T("Chọn một thư mục mới hoặc trống, ví dụ: tiendo new site trang-moi", "Choose a new or empty folder, for example: tiendo new site new-site"))
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
			return nil, diag.New(diag.Pos{File: dir}, diag.CodeNewSiteNotDir,
				diag.Tf("%s là một tệp, không phải thư mục", "%s is a file, not a folder", dir), diag.Text{})
		}
		return nil, cannot(dir, diag.CodeNewSiteRead)
	}
	sub, _ := fs.Sub(starter, "starter")
	var written []string
	err = fs.WalkDir(sub, ".", func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if de.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		if err := writeNew(target, data); err != nil {
			return err
		}
		written = append(written, p)
		return nil
	})
	if err != nil {
		return written, cannot(dir, diag.CodeNewSiteWrite)
	}
	return written, nil
}

// Page writes a new Markdown page at rel, a path below root ("content/…"
// may be left out), with its front matter filled: the title from the file
// name, date the day of now, draft = false and an empty description. It
// returns the path written, relative to root.
func Page(root, rel string, now time.Time) (string, error) {
	rel = filepath.ToSlash(strings.TrimSpace(rel))
	clean := path.Clean(rel)
	if rel == "" || path.IsAbs(rel) || filepath.IsAbs(rel) || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", diag.New(diag.Pos{File: rel}, diag.CodeNewPagePath,
			diag.Tf("đường dẫn %q phải nằm trong thư mục content/", "path %q must be inside the content/ folder", rel),
			diag.T("Ví dụ: tiendo new page content/huong-dan/ten-trang.md", "For example: tiendo new page content/huong-dan/page-name.md"))
	}
	if !strings.HasPrefix(clean+"/", "content/") {
		clean = path.Join("content", clean)
	}
	if path.Ext(clean) == "" {
		clean += ".md"
	}
	if path.Ext(clean) != ".md" || clean == "content/.md" {
		return "", diag.New(diag.Pos{File: clean}, diag.CodeNewPageExt,
			diag.Tf("trang mới phải là tệp .md, không phải %s", "a new page must be a .md file, not %s", path.Base(clean)),
			diag.T("Ví dụ: tiendo new page content/huong-dan/ten-trang.md", "For example: tiendo new page content/huong-dan/page-name.md"))
	}
	target := filepath.Join(root, filepath.FromSlash(clean))
	if _, err := os.Lstat(target); err == nil {
		return "", diag.New(diag.Pos{File: clean}, diag.CodeNewPageExists,
			diag.Tf("tệp %s đã có; không ghi đè", "file %s already exists; nothing is overwritten", clean),
			diag.T("Mở tệp đó để sửa, hoặc chọn tên khác.", "Open that file to edit it, or choose another name."))
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return "", cannot(clean, diag.CodeNewPageWrite)
	}
	var b strings.Builder
	b.WriteString("+++\n")
	b.WriteString("title = " + tomlString(pageTitle(clean)) + "\n")
	b.WriteString("description = \"\"\n")
	b.WriteString("date = " + now.Format("2006-01-02") + "\n")
	b.WriteString("draft = false\n")
	b.WriteString("+++\n\n")
	if err := writeNew(target, []byte(b.String())); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", diag.New(diag.Pos{File: clean}, diag.CodeNewPageExists,
				diag.Tf("tệp %s đã có; không ghi đè", "file %s already exists; nothing is overwritten", clean), diag.Text{})
		}
		return "", cannot(clean, diag.CodeNewPageWrite)
	}
	return clean, nil
}

// pageTitle is the title a page gets from its file name; an _index.md takes
// its folder's name.
func pageTitle(rel string) string {
	name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	if name == "_index" || name == "index" {
		dir := path.Dir(rel)
		if dir == "content" || dir == "." {
			return "Trang chủ"
		}
		name = path.Base(dir)
	}
	return Title(name)
}

// Title turns a file name into a title: "abc-def" → "Abc def",
// "dang-ky_khai-sinh" → "Dang ky khai sinh", "đăng-ký" → "Đăng ký". Words
// keep their letters and marks; only the first letter is capitalised, as
// Vietnamese titles are written.
func Title(name string) string {
	name = vi.NFC(name)
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) })
	s := strings.Join(words, " ")
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return ""
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789ABCDEF"[r>>4])
			b.WriteByte("0123456789ABCDEF"[r&0xf])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeNew creates name with data, failing if it exists.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	return f.Close()
}

// cannot is the error for a file the system would not let us write.
func cannot(file, code string) *diag.Diagnostic {
	return diag.New(diag.Pos{File: file}, code,
		diag.Tf("không ghi được vào %s", "cannot write to %s", file),
		diag.T("Kiểm tra quyền ghi vào thư mục và dung lượng ổ đĩa.", "Check the folder's write permission and the free disk space."))
}
