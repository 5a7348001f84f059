package cli

import (
	"fmt"
	"os"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/output"
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
	res := build.Run(build.Options{
		Source: f.source, Destination: f.dest, BaseURL: f.baseURL, Now: f.now, Drafts: f.drafts,
	})
	if res.Diags.Len() > 0 {
		fmt.Fprint(a.Stderr, res.Diags.Format(lang))
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
	res := build.Run(build.Options{
		Source: f.source, BaseURL: f.baseURL, Now: f.now, Drafts: f.drafts, Sink: output.NewMem(),
	})
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

func sizeString(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
