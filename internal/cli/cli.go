// Package cli is the tiendo command line: it parses arguments, runs a
// command and returns the exit code (0 success, 1 site errors, 2 usage
// error). main only wires it to the process, so tests run commands without
// one.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/tiendo/tiendo/internal/config"
	"github.com/tiendo/tiendo/internal/diag"
)

// Version is set at link time (-ldflags "-X …/cli.Version=v1.2.3"); otherwise
// the module version from the build info is used.
var Version = ""

// App runs one command.
type App struct {
	Stdout, Stderr io.Writer
	// Stdin answers questions (tiendo nhap's confirmation); nil answers no.
	Stdin io.Reader
	// Getenv reads the environment (NO_COLOR, TIENDO_LANG); default os.Getenv.
	Getenv func(string) string
}

// MemoryLimit is the soft limit on the memory the Go runtime holds that
// tiendo sets for itself unless GOMEMLIMIT is set: the garbage collector
// works harder as the heap nears it, so that a build of 100,000 pages peaks
// under 1 GiB of resident memory (the binary's own pages are the rest). It
// is soft: a site whose pages need more is built anyway, with the collector
// taking at most about half the CPU, past the limit rather than failing.
const MemoryLimit = 960 << 20

// Main runs tiendo with args (without the program name) and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	limitMemory(os.Getenv)
	return (&App{Stdout: stdout, Stderr: stderr, Stdin: os.Stdin, Getenv: os.Getenv}).Run(args)
}

// limitMemory sets MemoryLimit, unless GOMEMLIMIT says how much memory
// the process may use (the runtime has read it already): GOMEMLIMIT=4GiB
// lets a large site build faster with more memory, GOMEMLIMIT=off removes
// the limit.
func limitMemory(getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
}

// Run dispatches to a command.
func (a *App) Run(args []string) int {
	if len(args) == 0 {
		a.usage(a.Stderr, langFromArgs(args))
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return a.build(rest)
	case "check":
		return a.check(rest)
	case "serve":
		return a.serve(rest)
	case "new":
		return a.newCmd(rest)
	case "nhap":
		return a.nhap(rest)
	case "help", "-h", "--help", "-help":
		a.usage(a.Stdout, langFromArgs(rest))
		return 0
	case "version", "--version", "-version":
		fmt.Fprintln(a.Stdout, "tiendo", version())
		return 0
	default:
		lang := langFromArgs(rest)
		fmt.Fprintln(a.Stderr, diag.Tf("lệnh không có: %q", "unknown command: %q", cmd).In(lang))
		a.usage(a.Stderr, lang)
		return 2
	}
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// langFromArgs finds --lang before flags are parsed, so usage errors are in
// the right language too.
func langFromArgs(args []string) diag.Lang {
	for i, a := range args {
		v := ""
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 < len(args) {
				v = args[i+1]
			}
		case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
			v = a[strings.IndexByte(a, '=')+1:]
		}
		if v == "en" {
			return diag.EN
		}
	}
	return diag.VI
}

func (a *App) usage(w io.Writer, lang diag.Lang) {
	if lang == diag.EN {
		fmt.Fprint(w, `tiendo — static site generator for the public progress of a government plan

Usage:
  tiendo build [flags]   build the site into public/
  tiendo check [flags]   check everything build checks, writing nothing
  tiendo serve [flags]   preview the site at http://127.0.0.1:1313/, rebuilt
                         and reloaded on every save, errors shown on the page;
                         weekly reports can be typed in at /nhap-lieu/
  tiendo new site DIR               write a starter site into DIR
  tiendo new page content/x/y.md    a new page, front matter filled in
  tiendo new indicator ID           a new indicator and its CSV file
  tiendo nhap FILE.xlsx --don-vi UNIT --tuan 2023-W25
                         import a unit's weekly workbook (or .csv) into
                         data/reports/UNIT.csv: shows what would change,
                         writes after "c" (--yes: without asking;
                         --thu: only show)
  tiendo version         print the version
  tiendo help            this help

Flags of build and check:
  -s, --source DIR         site root (default .)
  -d, --destination DIR    output folder (default public/ under the source):
                           missing, empty, or an earlier output of tiendo;
                           a build replaces all of it
      --baseURL URL        override baseURL of config.toml
      --now YYYY-MM-DD[THH:MM]  the moment statuses are judged at
      --drafts             include pages with draft = true
      --compress           (build) also write .gz and .br copies of text files
      --no-history         do not read the revision history from git
      --archive            (build) also keep today's data downloads under
                           /du-lieu/ban-luu/<date>/
      --lang vi|en         language of messages (default vi)
      --format text|json   (check) output format
  -q, --quiet              print nothing on success, no progress line
      --timings            print the time each stage of the build took

Flags of serve: -s, --now, --drafts, --no-history, --lang as above, and
      --bind ADDRESS       address to listen on (default 127.0.0.1)
      --port N             port (default 1313)

Flags of new page and new indicator: -s DIR (site root), --now (the page's date).
Flags of nhap: -s DIR, --now (the moment judged at), --lang, --yes, --thu.

Exit codes: 0 success, 1 the site has errors, 2 usage error.
`)
		return
	}
	fmt.Fprint(w, `tiendo — tạo trang web tĩnh công khai tiến độ kế hoạch

Cách dùng:
  tiendo build [tùy chọn]   dựng trang web vào public/
  tiendo check [tùy chọn]   kiểm tra như build nhưng không ghi gì
  tiendo serve [tùy chọn]   xem thử trang tại http://127.0.0.1:1313/; tự dựng lại
                            và tải lại mỗi lần lưu tệp, lỗi hiện ngay trên trang;
                            nhập số liệu báo cáo tuần và chỉ tiêu tại /nhap-lieu/
  tiendo new site THƯ_MỤC             tạo một trang web mẫu trong THƯ_MỤC
  tiendo new page content/x/y.md      tạo trang mới, điền sẵn phần đầu trang
  tiendo new indicator MÃ             thêm một chỉ tiêu và tệp CSV của nó
  tiendo nhap TỆP.xlsx --don-vi MÃ --tuan 2023-W25
                            nhập sổ báo cáo tuần (.xlsx hoặc .csv) của một đơn vị
                            vào data/reports/MÃ.csv: in các thay đổi, chỉ ghi khi
                            trả lời "c" (--yes: không hỏi; --thu: chỉ xem)
  tiendo version            in phiên bản
  tiendo help               trợ giúp này

Tùy chọn của build và check:
  -s, --source THƯ_MỤC       thư mục gốc của trang (mặc định .)
  -d, --destination THƯ_MỤC  thư mục kết quả (mặc định public/ trong thư mục gốc):
                             chưa có, trống, hoặc kết quả cũ của tiendo;
                             mỗi lần dựng thay toàn bộ thư mục
      --baseURL URL          thay baseURL trong config.toml
      --now YYYY-MM-DD[THH:MM]  thời điểm dùng để đánh giá tiến độ
      --drafts               đưa cả các trang nháp (draft = true)
      --compress             (build) ghi thêm bản nén .gz và .br của các tệp văn bản
      --no-history           không đọc lịch sử sửa đổi từ git
      --archive              (build) lưu thêm bản dữ liệu tải về của hôm nay vào
                             /du-lieu/ban-luu/<ngày>/
      --lang vi|en           ngôn ngữ thông báo (mặc định vi)
      --format text|json     (check) dạng kết quả
  -q, --quiet                không in gì khi thành công, không hiện dòng tiến trình
      --timings              in thời gian của từng bước dựng

Tùy chọn của serve: -s, --now, --drafts, --no-history, --lang như trên, và
      --bind ĐỊA_CHỈ         địa chỉ lắng nghe (mặc định 127.0.0.1)
      --port SỐ              cổng (mặc định 1313)

Tùy chọn của new page và new indicator: -s THƯ_MỤC (gốc trang web), --now (ngày của trang).
Tùy chọn của nhap: -s THƯ_MỤC, --now (thời điểm đánh giá), --lang, --yes, --thu.

Mã thoát: 0 thành công, 1 trang web có lỗi, 2 dùng lệnh sai.
`)
}

// siteFlags are the flags build and check share.
type siteFlags struct {
	source, dest, baseURL, now, lang, format string
	drafts, quiet, compress, timings         bool
	noHistory, archive                       bool
}

func (a *App) parseFlags(name string, args []string, withFormat bool) (*siteFlags, diag.Lang, bool) {
	lang := langFromArgs(args)
	f := &siteFlags{}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&f.source, "s", ".", "")
	fs.StringVar(&f.source, "source", ".", "")
	fs.StringVar(&f.dest, "d", "", "")
	fs.StringVar(&f.dest, "destination", "", "")
	fs.StringVar(&f.baseURL, "baseURL", "", "")
	fs.StringVar(&f.now, "now", "", "")
	fs.StringVar(&f.lang, "lang", "vi", "")
	fs.BoolVar(&f.drafts, "drafts", false, "")
	fs.BoolVar(&f.compress, "compress", false, "")
	fs.BoolVar(&f.quiet, "quiet", false, "")
	fs.BoolVar(&f.quiet, "q", false, "")
	fs.BoolVar(&f.timings, "timings", false, "")
	fs.BoolVar(&f.noHistory, "no-history", false, "")
	fs.BoolVar(&f.archive, "archive", false, "")
	if withFormat {
		fs.StringVar(&f.format, "format", "text", "")
	}
	if err := fs.Parse(args); err != nil {
		fmt.Fprintln(a.Stderr, diag.FlagError(err).In(lang))
		fmt.Fprintln(a.Stderr, diag.T("Xem: tiendo help", "See: tiendo help --lang en").In(lang))
		return nil, lang, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(a.Stderr, diag.Tf("đối số thừa: %s", "unexpected argument: %s", strings.Join(fs.Args(), " ")).In(lang))
		return nil, lang, false
	}
	if f.lang != "vi" && f.lang != "en" {
		fmt.Fprintln(a.Stderr, diag.Tf("--lang phải là vi hoặc en, không phải %q", "--lang must be vi or en, not %q", f.lang).In(lang))
		return nil, lang, false
	}
	if f.baseURL != "" && !config.ValidBaseURL(f.baseURL) {
		fmt.Fprintln(a.Stderr, diag.Tf("--baseURL %q không hợp lệ", "--baseURL %q is not valid", f.baseURL).In(lang))
		fmt.Fprintln(a.Stderr, config.BaseURLHint.In(lang))
		return nil, lang, false
	}
	if withFormat && f.format != "text" && f.format != "json" {
		fmt.Fprintln(a.Stderr, diag.Tf("--format phải là text hoặc json, không phải %q", "--format must be text or json, not %q", f.format).In(lang))
		return nil, lang, false
	}
	return f, lang, true
}
