package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/config"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/scaffold"
)

// newCmd runs `tiendo new site DIR`, `tiendo new page PATH` and
// `tiendo new indicator ID`.
func (a *App) newCmd(args []string) int {
	lang := langFromArgs(args)
	var source, now, langFlag string
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&source, "s", ".", "")
	fs.StringVar(&source, "source", ".", "")
	fs.StringVar(&now, "now", "", "")
	fs.StringVar(&langFlag, "lang", "vi", "")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		fmt.Fprintln(a.Stderr, diag.FlagError(err).In(lang))
		fmt.Fprintln(a.Stderr, diag.T("Xem: tiendo help", "See: tiendo help --lang en").In(lang))
		return 2
	}
	if langFlag != "vi" && langFlag != "en" {
		fmt.Fprintln(a.Stderr, diag.Tf("--lang phải là vi hoặc en, không phải %q", "--lang must be vi or en, not %q", langFlag).In(lang))
		return 2
	}
	lang = diag.Lang(langFlag)
	usage := diag.T("Cách dùng: tiendo new site THƯ_MỤC | tiendo new page content/muc/ten-trang.md | tiendo new indicator MÃ",
		"Usage: tiendo new site DIR | tiendo new page content/section/page-name.md | tiendo new indicator ID")
	if len(pos) != 2 {
		if len(pos) > 2 {
			fmt.Fprintln(a.Stderr, diag.Tf("đối số thừa: %s", "unexpected argument: %s", strings.Join(pos[2:], " ")).In(lang))
		}
		fmt.Fprintln(a.Stderr, usage.In(lang))
		return 2
	}
	what, arg := pos[0], pos[1]
	switch what {
	case "site":
		return a.newSite(arg, lang)
	case "page", "indicator":
		if !isSiteRoot(source) {
			fmt.Fprintln(a.Stderr, diag.Tf("%s không phải thư mục gốc của một trang web (không có config.toml hay content/)",
				"%s is not the root folder of a site (no config.toml or content/)", source).In(lang))
			fmt.Fprintln(a.Stderr, diag.T("Chạy lệnh trong thư mục gốc của trang, hoặc thêm -s THƯ_MỤC.",
				"Run the command in the site's root folder, or add -s DIR.").In(lang))
			return 2
		}
		moment, ok := a.newMoment(source, now, lang)
		if !ok {
			return 2
		}
		if what == "page" {
			return a.newPage(source, arg, moment, lang)
		}
		return a.newIndicator(source, arg, moment, lang)
	}
	fmt.Fprintln(a.Stderr, diag.Tf("không tạo được %q", "cannot create a %q", what).In(lang))
	fmt.Fprintln(a.Stderr, usage.In(lang))
	return 2
}

func (a *App) newSite(dir string, lang diag.Lang) int {
	files, err := scaffold.Site(dir)
	if err != nil {
		return a.newFailed(err, lang)
	}
	fmt.Fprintln(a.Stdout, diag.Tf("Đã tạo trang web mới trong %s (%d tệp).", "Created a new site in %s (%d files).", dir, len(files)).In(lang))
	fmt.Fprintln(a.Stdout, diag.Tf(`Tiếp theo:
  cd %s
  tiendo serve    xem thử trên máy; trang tự cập nhật mỗi lần lưu tệp
  tiendo build    dựng trang vào thư mục public/ để đưa lên máy chủ
Để trang tự dựng lại và đưa lên mỗi ngày, xem đầu tệp .github/workflows/xuat-ban.yml
(GitHub) hoặc .gitlab-ci.yml (GitLab).`, `Next:
  cd %s
  tiendo serve    preview on this computer; the page updates on every save
  tiendo build    build the site into public/ for the web server
To rebuild and publish the site every day, read the top of .github/workflows/xuat-ban.yml
(GitHub) or .gitlab-ci.yml (GitLab).`, dir).In(lang))
	return 0
}

func (a *App) newPage(root, rel string, now time.Time, lang diag.Lang) int {
	file, err := scaffold.Page(root, rel, now)
	if err != nil {
		return a.newFailed(err, lang)
	}
	fmt.Fprintln(a.Stdout, diag.Tf("Đã tạo %s. Viết nội dung bên dưới dòng +++ thứ hai, và điền description.",
		"Created %s. Write the content below the second +++ line, and fill in the description.", file).In(lang))
	return 0
}

func (a *App) newIndicator(root, id string, now time.Time, lang diag.Lang) int {
	files, err := scaffold.Indicator(root, id, now)
	if err != nil {
		return a.newFailed(err, lang)
	}
	fmt.Fprintln(a.Stdout, diag.Tf("Đã thêm chỉ tiêu %q vào %s và tạo %s.", "Added indicator %q to %s and created %s.",
		id, files[0], files[1]).In(lang))
	fmt.Fprintln(a.Stdout, diag.T("Sửa tên, đơn vị tính, giá trị xuất phát và mục tiêu cho đúng kế hoạch, rồi nhập số liệu vào tệp CSV.",
		"Set the title, unit, baseline and target as in the plan, then enter the figures in the CSV file.").In(lang))
	return 0
}

// newMoment is today in the site's time zone, or --now.
func (a *App) newMoment(root, now string, lang diag.Lang) (time.Time, bool) {
	// A missing or broken config.toml still gives a time zone: the default.
	src, _ := os.ReadFile(filepath.Join(root, config.File))
	loc := config.Parse(config.File, src, &diag.List{}).Location
	if now == "" {
		return time.Now().In(loc), true
	}
	t, ok := config.ParseMoment(now, loc)
	if !ok {
		fmt.Fprintln(a.Stderr, diag.Tf("--now %q không phải ngày hợp lệ", "--now %q is not a valid date", now).In(lang))
		return time.Time{}, false
	}
	return t, true
}

func (a *App) newFailed(err error, lang diag.Lang) int {
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		fmt.Fprintln(a.Stderr, d.Format(lang))
	} else {
		fmt.Fprintln(a.Stderr, diag.T("không tạo được tệp", "cannot create the file").In(lang))
	}
	return 1
}

// isSiteRoot reports whether dir holds a site: a config.toml or a content/
// folder.
func isSiteRoot(dir string) bool {
	if fi, err := os.Stat(filepath.Join(dir, config.File)); err == nil && !fi.IsDir() {
		return true
	}
	fi, err := os.Stat(filepath.Join(dir, "content"))
	return err == nil && fi.IsDir()
}

// parseInterspersed parses flags placed before, between or after the
// positional arguments, as staff type them: `new page a.md -s site`.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
