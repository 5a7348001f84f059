package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/server"
)

// shutdownTimeout bounds how long Ctrl-C waits for requests in flight.
const shutdownTimeout = 3 * time.Second

func (a *App) serve(args []string) int {
	lang := langFromArgs(args)
	var o server.Options
	var langFlag string
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.Source, "s", ".", "")
	fs.StringVar(&o.Source, "source", ".", "")
	fs.StringVar(&o.Bind, "bind", server.DefaultBind, "")
	fs.IntVar(&o.Port, "port", server.DefaultPort, "")
	fs.StringVar(&o.Now, "now", "", "")
	fs.BoolVar(&o.Drafts, "drafts", false, "")
	fs.BoolVar(&o.NoHistory, "no-history", false, "")
	fs.StringVar(&langFlag, "lang", "vi", "")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintln(a.Stderr, diag.FlagError(err).In(lang))
		fmt.Fprintln(a.Stderr, diag.T("Xem: tiendo help", "See: tiendo help --lang en").In(lang))
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintln(a.Stderr, diag.Tf("đối số thừa: %s", "unexpected argument: %s", strings.Join(fs.Args(), " ")).In(lang))
		return 2
	case langFlag != "vi" && langFlag != "en":
		fmt.Fprintln(a.Stderr, diag.Tf("--lang phải là vi hoặc en, không phải %q", "--lang must be vi or en, not %q", langFlag).In(lang))
		return 2
	case o.Port < 0 || o.Port > 65535:
		fmt.Fprintln(a.Stderr, diag.Tf("--port phải từ 0 đến 65535, không phải %d", "--port must be from 0 to 65535, not %d", o.Port).In(lang))
		return 2
	case o.Bind == "":
		fmt.Fprintln(a.Stderr, diag.T("--bind không được để trống", "--bind must not be empty").In(lang))
		return 2
	}
	if fi, err := os.Stat(o.Source); err != nil || !fi.IsDir() {
		fmt.Fprintln(a.Stderr, diag.Tf("không tìm thấy thư mục trang web %q", "site folder %q not found", o.Source).In(lang))
		return 2
	}
	o.Lang = diag.Lang(langFlag)
	o.Stdout, o.Stderr = a.Stdout, a.Stderr

	// Catch Ctrl-C before the server starts, so none is lost.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	s, err := server.Start(o)
	if err != nil {
		var d *diag.Diagnostic
		if errors.As(err, &d) {
			fmt.Fprintln(a.Stderr, d.Format(o.Lang))
		} else {
			fmt.Fprintln(a.Stderr, diag.T("không khởi động được máy chủ xem thử", "cannot start the preview server").In(o.Lang))
		}
		return 1
	}
	fmt.Fprintln(a.Stdout, diag.Tf("Xem trang web tại %s — lưu tệp là trang tự cập nhật. Nhấn Ctrl+C để dừng.",
		"View the site at %s — saving a file updates the page. Press Ctrl+C to stop.", s.URL()).In(o.Lang))
	if pw := s.FormPassword(); pw != "" {
		fmt.Fprintln(a.Stdout, diag.Tf("Nhập số liệu báo cáo tuần và chỉ tiêu tại %s — mật khẩu: %s (chỉ đưa cho người được phép nhập số liệu).",
			"Enter weekly reports and indicator figures at %s — password: %s (give it only to those allowed to enter figures).", s.FormURL(), pw).In(o.Lang))
	} else {
		fmt.Fprintln(a.Stdout, diag.Tf("Nhập số liệu báo cáo tuần và chỉ tiêu tại %s", "Enter weekly reports and indicator figures at %s", s.FormURL()).In(o.Lang))
	}

	<-ctx.Done()
	stop()
	fmt.Fprintln(a.Stdout)
	fmt.Fprintln(a.Stdout, diag.T("Đang dừng…", "Stopping…").In(o.Lang))
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := s.Close(sctx); err != nil {
		fmt.Fprintln(a.Stderr, diag.T("máy chủ dừng khi còn yêu cầu chưa xong", "the server stopped with requests unfinished").In(o.Lang))
	}
	fmt.Fprintln(a.Stdout, diag.T("Đã dừng.", "Stopped.").In(o.Lang))
	return 0
}
