package cli

import (
	"bufio"
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
	"github.com/tiendo/tiendo/internal/entry"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/vi"
)

// nhap runs `tiendo nhap FILE --don-vi UNIT --tuan WEEK`: a unit's weekly
// workbook into its report file, after showing what would change and a
// confirmation.
func (a *App) nhap(args []string) int {
	lang := langFromArgs(args)
	var source, unit, week, now, langFlag string
	var yes, dry bool
	fs := flag.NewFlagSet("nhap", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&source, "s", ".", "")
	fs.StringVar(&source, "source", ".", "")
	fs.StringVar(&unit, "don-vi", "", "")
	fs.StringVar(&week, "tuan", "", "")
	fs.StringVar(&now, "now", "", "")
	fs.StringVar(&langFlag, "lang", "vi", "")
	fs.BoolVar(&yes, "yes", false, "")
	fs.BoolVar(&yes, "y", false, "")
	fs.BoolVar(&dry, "thu", false, "")
	usage := diag.T("Cách dùng: tiendo nhap TỆP.xlsx --don-vi MÃ_ĐƠN_VỊ --tuan 2023-W25 [--thu] [--yes] [-s THƯ_MỤC]",
		"Usage: tiendo nhap FILE.xlsx --don-vi UNIT_ID --tuan 2023-W25 [--thu] [--yes] [-s DIR]")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		fmt.Fprintln(a.Stderr, diag.FlagError(err).In(lang))
		fmt.Fprintln(a.Stderr, usage.In(lang))
		return 2
	}
	if langFlag != "vi" && langFlag != "en" {
		fmt.Fprintln(a.Stderr, diag.Tf("--lang phải là vi hoặc en, không phải %q", "--lang must be vi or en, not %q", langFlag).In(lang))
		return 2
	}
	lang = diag.Lang(langFlag)
	switch {
	case len(pos) != 1:
		if len(pos) > 1 {
			fmt.Fprintln(a.Stderr, diag.Tf("đối số thừa: %s", "unexpected argument: %s", strings.Join(pos[1:], " ")).In(lang))
		}
		fmt.Fprintln(a.Stderr, usage.In(lang))
		return 2
	case unit == "" || week == "":
		fmt.Fprintln(a.Stderr, diag.T("Cần cả --don-vi (mã đơn vị trong data/units.toml) và --tuan (ví dụ 2023-W25 hoặc 20/06/2023).",
			"Both --don-vi (the unit's id in data/units.toml) and --tuan (such as 2023-W25 or 20/06/2023) are needed.").In(lang))
		fmt.Fprintln(a.Stderr, usage.In(lang))
		return 2
	case !isSiteRoot(source):
		fmt.Fprintln(a.Stderr, diag.Tf("%s không phải thư mục gốc của một trang web (không có config.toml hay content/)",
			"%s is not the root folder of a site (no config.toml or content/)", source).In(lang))
		return 2
	}
	file := pos[0]
	switch strings.ToLower(filepath.Ext(file)) {
	case ".xlsx", ".csv":
	case ".xls", ".ods":
		fmt.Fprintln(a.Stderr, diag.Tf("%s: tiendo chỉ đọc sổ Excel .xlsx hoặc tệp .csv. Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng Sổ làm việc Excel (.xlsx).",
			"%s: tiendo reads only .xlsx workbooks or .csv files. Open the file in Excel or LibreOffice and save it as an Excel Workbook (.xlsx).", file).In(lang))
		return 1
	default:
		fmt.Fprintln(a.Stderr, diag.Tf("%s: tiendo chỉ nhập sổ Excel .xlsx hoặc tệp .csv.", "%s: tiendo imports only .xlsx workbooks or .csv files.", file).In(lang))
		return 1
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintln(a.Stderr, diag.Tf("Không đọc được %s.", "Cannot read %s.", file).In(lang))
		return 1
	}
	s, ok := a.judged(source, now, lang)
	if !ok {
		return 1
	}
	im, problem, l := entry.ReadImport(source, s, filepath.ToSlash(file), raw, unit, week)
	if im == nil || !problem.IsZero() {
		fmt.Fprintln(a.Stderr, problem.In(lang))
		return 1
	}
	if l.HasErrors() {
		warned := &diag.List{}
		warned.Add(l.All()...)
		warned.Add(im.Warnings...)
		fmt.Fprint(a.Stderr, warned.Format(lang))
		fmt.Fprintln(a.Stderr, diag.Tf("Không ghi gì: %s giữ nguyên.", "Nothing written: %s is unchanged.", im.File).In(lang))
		return 1
	}
	fmt.Fprint(a.Stdout, im.Summary(lang))
	if len(im.Warnings) > 0 {
		w := &diag.List{}
		w.Add(im.Warnings...)
		fmt.Fprint(a.Stdout, w.Format(lang))
	}
	switch {
	case !im.Changes():
		fmt.Fprintln(a.Stdout, diag.Tf("Không có gì thay đổi: %s giữ nguyên.", "Nothing changes: %s is left as it is.", im.File).In(lang))
		return 0
	case dry:
		fmt.Fprintln(a.Stdout, diag.Tf("Chạy thử (--thu): không ghi gì vào %s.", "Dry run (--thu): nothing written to %s.", im.File).In(lang))
		return 0
	case !yes:
		fmt.Fprint(a.Stdout, diag.Tf("Ghi vào %s? (c/k) ", "Write to %s? (c/k) ", im.File).In(lang))
		if !a.confirmed() {
			fmt.Fprintln(a.Stdout, diag.Tf("Không ghi gì: %s giữ nguyên.", "Nothing written: %s is unchanged.", im.File).In(lang))
			return 0
		}
	}
	backup, err := im.Write()
	if err != nil {
		switch {
		case errors.Is(err, entry.ErrChanged):
			d := diag.New(diag.Pos{File: im.File}, diag.CodeImportChanged,
				diag.T("Tệp vừa bị thay đổi trong lúc chờ xác nhận nên không ghi gì", "The file changed while waiting for the confirmation, so nothing was written"),
				diag.T("Chạy lại lệnh để xem các thay đổi so với tệp mới", "Run the command again to see the changes against the new file"))
			fmt.Fprintln(a.Stderr, d.Format(lang))
		default:
			fmt.Fprintln(a.Stderr, diag.Tf("Không ghi được %s. Nếu tệp đang mở trong Excel, đóng tệp rồi chạy lại.",
				"Cannot write %s. If the file is open in Excel, close it and run again.", im.File).In(lang))
		}
		return 1
	}
	fmt.Fprintln(a.Stdout, diag.Tf("Đã ghi %s.", "Wrote %s.", im.File).In(lang))
	if backup != "" {
		if rel, err := filepath.Rel(source, backup); err == nil {
			backup = filepath.ToSlash(rel)
		}
		fmt.Fprintln(a.Stdout, diag.Tf("Bản cũ được lưu ở %s.", "The previous version is kept at %s.", backup).In(lang))
	}
	fmt.Fprintln(a.Stdout, diag.T("Chạy tiendo build để cập nhật trang web.", "Run tiendo build to update the site.").In(lang))
	return 0
}

// confirmed reads one answer: "c" (có) or "y" (yes) is yes, anything else
// or nothing is no.
func (a *App) confirmed() bool {
	if a.Stdin == nil {
		return false
	}
	line, _ := bufio.NewReader(a.Stdin).ReadString('\n')
	if f, ok := a.Stdin.(*os.File); !ok || !isTerminal(f) {
		fmt.Fprintln(a.Stdout) // no Enter was echoed after the question
	}
	switch vi.FoldKey(line) {
	case "c", "co", "y", "yes":
		return true
	}
	return false
}

// judged is the site at source as a build judges it: its config, and the
// moment (--now, else the config's asOf, else now in the site's zone).
func (a *App) judged(source, now string, lang diag.Lang) (*site.Site, bool) {
	src, err := os.ReadFile(filepath.Join(source, config.File))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(a.Stderr, diag.Tf("Không đọc được %s.", "Cannot read %s.", config.File).In(lang))
		return nil, false
	}
	l := &diag.List{}
	cfg := config.Parse(config.File, src, l)
	if l.HasErrors() {
		fmt.Fprint(a.Stderr, l.Format(lang))
		return nil, false
	}
	moment := time.Now().In(cfg.Location).Truncate(time.Minute)
	switch {
	case now != "":
		t, ok := config.ParseMoment(now, cfg.Location)
		if !ok {
			fmt.Fprintln(a.Stderr, diag.Tf("--now %q không phải ngày hợp lệ", "--now %q is not a valid date", now).In(lang))
			return nil, false
		}
		moment = t
	case cfg.AsOf != "":
		moment, _ = config.ParseMoment(cfg.AsOf, cfg.Location)
	}
	return &site.Site{Config: cfg, Now: moment}, true
}
