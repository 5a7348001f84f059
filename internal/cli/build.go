package cli

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/diag"
)

func (a *App) build(args []string) int {
	f, lang, ok := a.parseFlags("build", args, false)
	if !ok {
		return 2
	}
	if fi, err := os.Stat(f.source); err != nil || !fi.IsDir() {
		fmt.Fprintln(a.Stderr, diag.Tf("không tìm thấy thư mục trang web %q", "site folder %q not found", f.source).In(lang))
		return 2
	}
	stop := a.progress(lang, f.quiet)
	res := build.Run(build.Options{
		Source: f.source, Destination: f.dest, BaseURL: f.baseURL, Now: f.now, Drafts: f.drafts, Compress: f.compress, History: !f.noHistory,
		Archive: f.archive,
	})
	stop()
	if f.timings {
		a.printTimings(res, lang)
	}
	if res.Diags.Len() > 0 {
		fmt.Fprint(a.Stderr, res.Diags.Format(lang))
	}
	if !res.OK() && len(res.Stages) == 0 {
		// Refused before any stage ran: the destination, or the site
		// folder, was not fit to build.
		fmt.Fprintln(a.Stderr, diag.T("Không xuất bản: không tệp nào được ghi hay xóa.",
			"Nothing published: no file was written or deleted.").In(lang))
		return 1
	}
	if !res.OK() {
		fmt.Fprintln(a.Stderr, diag.T("Không xuất bản: thư mục kết quả giữ nguyên như lần dựng thành công trước.",
			"Nothing published: the output folder is unchanged since the last good build.").In(lang))
		return 1
	}
	if !f.quiet {
		fmt.Fprintln(a.Stdout, diag.Tf("Đã dựng %d trang, ghi %d tệp (%s) trong %d ms.",
			"Built %d pages, wrote %d files (%s) in %d ms.",
			res.Pages, res.Files, sizeString(res.Bytes), res.Duration.Milliseconds()).In(lang))
	}
	return 0
}

func (a *App) check(args []string) int {
	f, lang, ok := a.parseFlags("check", args, true)
	if !ok {
		return 2
	}
	if fi, err := os.Stat(f.source); err != nil || !fi.IsDir() {
		fmt.Fprintln(a.Stderr, diag.Tf("không tìm thấy thư mục trang web %q", "site folder %q not found", f.source).In(lang))
		return 2
	}
	stop := a.progress(lang, f.quiet)
	res := build.Run(build.Options{
		Source: f.source, BaseURL: f.baseURL, Now: f.now, Drafts: f.drafts, Check: true, History: !f.noHistory,
	})
	stop()
	if f.timings {
		a.printTimings(res, lang)
	}
	if f.format == "json" {
		b, _ := res.Diags.MarshalJSONIn(lang)
		fmt.Fprintln(a.Stdout, string(b))
	} else if res.Diags.Len() > 0 {
		fmt.Fprint(a.Stdout, res.Diags.Format(lang))
	} else if !f.quiet {
		fmt.Fprintln(a.Stdout, diag.Tf("Không có lỗi: %d trang.", "No errors: %d pages.", res.Pages).In(lang))
	}
	if !res.OK() {
		return 1
	}
	return 0
}

// stageNames are the stages of build.Run in the words of the messages.
var stageNames = map[string]diag.Text{
	"load":        diag.T("đọc tệp", "load"),
	"validate":    diag.T("kiểm tra", "validate"),
	"compute":     diag.T("tính toán", "compute"),
	"plan":        diag.T("lập danh sách tệp", "plan"),
	"charts":      diag.T("vẽ biểu đồ", "charts"),
	"render":      diag.T("dựng trang", "render"),
	"write":       diag.T("ghi tệp", "write"),
	"check links": diag.T("kiểm tra liên kết", "check links"),
	"commit":      diag.T("thay thư mục kết quả", "commit"),
}

// printTimings writes the time of each stage to stderr (--timings).
func (a *App) printTimings(res *build.Result, lang diag.Lang) {
	fmt.Fprintln(a.Stderr, diag.T("Thời gian từng bước:", "Time per stage:").In(lang))
	for _, st := range res.Stages {
		name := st.Name
		if t, ok := stageNames[name]; ok {
			name = t.In(lang)
		}
		fmt.Fprintf(a.Stderr, "  %-22s %6d ms\n", name, st.Duration.Milliseconds())
	}
}

func sizeString(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// progressAfter is how long a build runs before the progress line appears.
const progressAfter = time.Second

// progress shows "Đang dựng… 1,2 s" on one line of the terminal while a
// build runs longer than progressAfter, and clears it when stop is called.
// Nothing is shown with --quiet or when stderr is not a terminal (a pipe,
// a file, a test).
func (a *App) progress(lang diag.Lang, quiet bool) (stop func()) {
	f, ok := a.Stderr.(*os.File)
	if quiet || !ok || !isTerminal(f) {
		return func() {}
	}
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		start := time.Now()
		wait := time.NewTimer(progressAfter)
		defer wait.Stop()
		select {
		case <-done:
			return
		case <-wait.C:
		}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		width := 0
		for {
			line := progressLine(time.Since(start), lang)
			width = max(width, len([]rune(line)))
			fmt.Fprint(f, "\r"+pad(line, width))
			select {
			case <-done:
				fmt.Fprint(f, "\r"+pad("", width)+"\r")
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// progressLine is the text of the progress line after d.
func progressLine(d time.Duration, lang diag.Lang) string {
	secs := strconv.FormatFloat(d.Seconds(), 'f', 1, 64)
	if lang == diag.EN {
		return "Building… " + secs + " s"
	}
	return "Đang dựng… " + strings.Replace(secs, ".", ",", 1) + " s"
}

// pad fills s with spaces to width, so it covers a longer line before it.
func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(width-len([]rune(s)), 0))
}

// isTerminal reports whether f is a terminal, without a dependency: a
// character device (a pipe or a file is not).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
