// Package server is the development server behind `tiendo serve`: it runs
// the pipeline of internal/build in memory, serves the result, and after
// every save builds again what the saved files change (see build.Session:
// a page alone, the pages made from data, or everything).
//
// # Serving
//
// Each build goes to memory, never to public/. Only a build without
// errors replaces the site being served, with one atomic pointer swap, so a
// half-built or broken site is never served: after a failed rebuild the last
// good site stays up. The site is served at the base path of its baseURL
// (a config with baseURL "https://example.gov.vn/de-an-06/" is served at
// http://127.0.0.1:1313/de-an-06/), with index.html for folders, the site's
// 404.html with status 404, HEAD, and ETags.
//
// # Watching
//
// config.toml and the folders content/, data/, layouts/, static/, themes/
// and i18n/ are watched recursively with fsnotify; folders created later are
// added as they appear. public/, .tiendo-cache/, hidden files and the
// temporary files editors write while saving (name~, .name.swp, .#name,
// 4913) are ignored. An editor's burst of saves gives one rebuild: it starts
// once no change has arrived for Options.Quiet (100 ms), and at the latest
// Options.MaxWait (500 ms) after the first change.
//
// # Reloading and errors
//
// Every HTML page served gets one tag before </body>:
//
//	<script src="/__tiendo/reload.js" defer></script>
//
// — an external script, so the site keeps working under a strict
// Content-Security-Policy. Built sites never carry it. The script listens to
// Server-Sent Events at /__tiendo/events:
//
//	hello   sent on connect while the site is good: {"build": id}
//	reload  a rebuild succeeded: {"build": id, "changed": [...], "ms": n}
//	        with "all": true, or after a partial rebuild "pages": the URL
//	        paths of the pages it changed; other pages do not reload
//	errors  a rebuild failed: the diagnostics, in the language of --lang,
//	        with the words of the overlay
//
// On "errors" the script lays an overlay over the page listing each problem
// (file:line:col, message, hint), built with DOM calls and textContent only
// and styled by /__tiendo/overlay.css. The overlay stays until a good build,
// which reloads the page. A page opened while the site is broken gets the
// errors on connect; a page that reconnects after a restart of the server
// reloads if the site changed meanwhile.
//
// # Data entry
//
// <base path>nhap-lieu/ is the data-entry form of package entry: staff
// type a unit's weekly report, which is checked by the build's loader and
// written to the unit's file; the watcher then rebuilds as for any save.
// It is served here only, never built. Listening beyond this computer, the
// server makes a password for it (FormPassword), which `tiendo serve` prints.
package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/config"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/entry"
	"github.com/tiendo/tiendo/themes"
)

// Defaults of Options.
const (
	DefaultBind    = "127.0.0.1"
	DefaultPort    = 1313
	DefaultQuiet   = 100 * time.Millisecond
	DefaultMaxWait = 500 * time.Millisecond
)

// Options configure a Server.
type Options struct {
	// Source is the site root.
	Source string
	// Bind is the address to listen on (default 127.0.0.1); the server
	// listens on nothing else.
	Bind string
	// Port is the TCP port; 0 picks a free one (tests).
	Port int
	// Now and Drafts are passed to every build (see build.Options);
	// NoHistory leaves the git history unread (build.Options.History).
	Now       string
	Drafts    bool
	NoHistory bool
	// Lang is the language of every message, in the terminal and the browser.
	Lang diag.Lang
	// Stdout receives one line per build; Stderr the problems of a build.
	// nil discards.
	Stdout, Stderr io.Writer
	// Quiet and MaxWait bound the wait before a rebuild (see the package doc).
	Quiet, MaxWait time.Duration
}

// Server is a running development server.
type Server struct {
	o      Options
	ln     net.Listener
	http   *http.Server
	host   string // "http://127.0.0.1:1313", for baseURL
	watch  *watcher
	events hub
	site   atomic.Pointer[snapshot]
	idBase string
	seq    int
	// loopback is set when the server listens on this computer only; it
	// then answers only requests addressed to it by a loopback name.
	loopback bool
	// session, charts and chartsJS (the ECharts build charts draws with)
	// belong to the goroutine that rebuilds.
	session  build.Session
	charts   *chart.Cache
	chartsJS []byte
	// form is the data-entry form (/nhap-lieu/), pw its password ("" on
	// this computer alone); builds counts finished
	// builds, good or not, for it to wait on after a save.
	form    *entry.Handler
	pw      string
	builds  atomic.Uint64
	closing chan struct{}
	loop    sync.WaitGroup
	served  chan error
	once    sync.Once
}

// Start listens, builds the site once and starts watching it. The first
// build may fail: the server then shows the errors until the site is fixed.
// The error returned is a *diag.Diagnostic, worded for staff.
func Start(o Options) (*Server, error) {
	if o.Bind == "" {
		o.Bind = DefaultBind
	}
	if o.Quiet <= 0 {
		o.Quiet = DefaultQuiet
	}
	if o.MaxWait < o.Quiet {
		o.MaxWait = max(DefaultMaxWait, o.Quiet)
	}
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	if o.Lang == "" {
		o.Lang = diag.VI
	}
	if fi, err := os.Stat(o.Source); err != nil || !fi.IsDir() {
		return nil, diag.New(diag.Pos{File: o.Source}, diag.CodeServeSource,
			diag.Tf("không tìm thấy thư mục trang web %q", "site folder %q not found", o.Source), diag.Text{})
	}

	addr := net.JoinHostPort(o.Bind, strconv.Itoa(o.Port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, listenError(o, err)
	}
	s := &Server{
		o:       o,
		ln:      ln,
		closing: make(chan struct{}),
		served:  make(chan error, 1),
		idBase:  strconv.FormatInt(time.Now().UnixNano(), 36),
	}
	port := ln.Addr().(*net.TCPAddr).Port
	s.host = "http://" + net.JoinHostPort(urlHost(o.Bind), strconv.Itoa(port))
	s.loopback = isLoopback(o.Bind)
	if d := bindWarning(o.Bind, port); d != nil {
		fmt.Fprintln(o.Stderr, d.Format(o.Lang))
	}
	s.form = s.newForm()
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}

	// Watch before the first build, so a save during it is not lost.
	s.watch, err = newWatcher(o.Source, s.warn)
	if err != nil {
		ln.Close()
		return nil, diag.New(diag.Pos{File: o.Source}, diag.CodeServeWatch,
			diag.T("không theo dõi được các tệp của trang web", "cannot watch the files of the site"),
			diag.T("Hệ thống đang theo dõi quá nhiều tệp; đóng bớt chương trình rồi thử lại.",
				"The system is watching too many files; close some programs and try again."))
	}
	s.rebuild(nil)

	s.loop.Add(1)
	go s.watchLoop()
	go func() { s.served <- s.http.Serve(ln) }()
	return s, nil
}

// URL is the address of the site's home page.
func (s *Server) URL() string {
	bp := "/"
	if snap := s.site.Load(); snap != nil {
		bp = snap.basePath
	}
	return s.host + bp
}

// Close stops watching, ends the open event streams and shuts the HTTP
// server down, waiting at most until ctx is done.
func (s *Server) Close(ctx context.Context) error {
	var err error
	s.once.Do(func() {
		close(s.closing)
		s.watch.close()
		s.loop.Wait()
		err = s.http.Shutdown(ctx)
		if errors.Is(err, context.DeadlineExceeded) {
			err = s.http.Close()
		}
		if e := <-s.served; err == nil && !errors.Is(e, http.ErrServerClosed) {
			err = e
		}
	})
	return err
}

// rebuild builds the site into memory and swaps it in if it is good.
// changed lists the files that caused it (nil for the first build).
func (s *Server) rebuild(changed []string) {
	start := time.Now()
	cfg := siteConfig(s.o.Source)
	bp := cfg.BasePath
	res := s.session.Build(build.Options{
		Source:  s.o.Source,
		BaseURL: s.host + bp,
		Now:     s.o.Now,
		Drafts:  s.o.Drafts,
		History: !s.o.NoHistory,
		Charts:  s.chartCache(cfg.Theme),
	}, changed)
	s.seq++
	defer s.builds.Add(1)
	id := s.idBase + "-" + strconv.Itoa(s.seq)
	lang := s.o.Lang
	if !res.OK() {
		good := s.site.Load() != nil
		ev := errorsEvent(res.Diags, good, lang)
		s.events.publish(ev, ev)
		if changed == nil {
			fmt.Fprintln(s.o.Stdout, diag.T("Lần dựng đầu tiên có lỗi:", "The first build has errors:").In(lang))
		} else {
			fmt.Fprintln(s.o.Stdout, diag.Tf("Dựng lại sau khi đổi %s: có lỗi", "Rebuilt after %s changed: errors",
				changedList(changed, lang)).In(lang))
		}
		fmt.Fprint(s.o.Stderr, res.Diags.Format(lang))
		if good {
			fmt.Fprintln(s.o.Stderr, diag.T("Vẫn phục vụ bản dựng tốt gần nhất; sửa lỗi rồi lưu tệp, trang sẽ tự tải lại.",
				"Still serving the last good build; fix the errors and save, the page reloads by itself.").In(lang))
		}
		return
	}
	s.site.Store(&snapshot{files: res.Output.Files, basePath: bp, id: id, site: res.Site})
	ms := time.Since(start).Milliseconds()
	var pages []string // nil: all
	if res.Partial {
		pages = changedPages(res.Written, bp)
	}
	s.events.publish(reloadEvent(id, changed, ms, pages), helloEvent(id))
	if changed == nil {
		fmt.Fprintln(s.o.Stdout, diag.Tf("Đã dựng %d trang trong %d ms.", "Built %d pages in %d ms.", res.Pages, ms).In(lang))
	} else {
		fmt.Fprintln(s.o.Stdout, diag.Tf("Dựng lại sau khi đổi %s: %d ms", "Rebuilt after %s changed: %d ms",
			changedList(changed, lang), ms).In(lang))
	}
	if res.Diags.Len() > 0 {
		fmt.Fprint(s.o.Stderr, res.Diags.Format(lang))
	}
}

func (s *Server) warn(t diag.Text) {
	fmt.Fprintln(s.o.Stderr, diag.Tf("cảnh báo: %s", "warning: %s", t.In(s.o.Lang)).In(s.o.Lang))
}

// siteConfig reads config.toml for what the server needs before a build:
// the base path of baseURL, so the server keeps the site's own subpath, and
// the theme. A broken config.toml gives the defaults; the build reports it.
func siteConfig(root string) config.Config {
	src, _ := os.ReadFile(filepath.Join(root, config.File))
	return config.Parse(config.File, src, &diag.List{})
}

// chartCache keeps one chart cache, and so one running ECharts, across
// rebuilds: a changed figure is redrawn without starting ECharts again. A
// new cache is made when the ECharts build in use changes (a theme's own,
// else tiendo's; see build.ECharts).
func (s *Server) chartCache(theme string) *chart.Cache {
	var themeFS fs.FS
	if dir := filepath.Join(s.o.Source, "themes", theme); isDir(dir) {
		themeFS = os.DirFS(dir)
	} else if sub, err := fs.Sub(themes.FS, theme); err == nil {
		themeFS = sub
	}
	js := build.ECharts(themeFS)
	if s.charts == nil || !bytes.Equal(js, s.chartsJS) {
		s.charts = chart.NewCache(filepath.Join(s.o.Source, build.CacheDir, "charts"), js)
		s.chartsJS = js
	}
	return s.charts
}

func isDir(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
}

func changedList(changed []string, lang diag.Lang) string {
	switch len(changed) {
	case 0:
		return "?"
	case 1:
		return changed[0]
	}
	return diag.Tf("%s (và %d tệp khác)", "%s (and %d other files)", changed[0], len(changed)-1).In(lang)
}

// isLoopback reports whether bind is an address of this computer alone.
func isLoopback(bind string) bool {
	if strings.EqualFold(bind, "localhost") {
		return true
	}
	ip := net.ParseIP(bind)
	return ip != nil && ip.IsLoopback()
}

// loopbackHost reports whether the Host header of a request names this
// computer: localhost or a loopback address, with or without a port. A
// page elsewhere can point a name it owns at 127.0.0.1 (DNS rebinding) and
// read the preview through the visitor's browser; such a request carries
// that name.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	} else {
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	}
	return isLoopback(host)
}

// bindWarning is the warning for a server listening beyond this computer,
// nil for a loopback address.
func bindWarning(bind string, port int) *diag.Diagnostic {
	if isLoopback(bind) {
		return nil
	}
	return diag.NewWarning(diag.Pos{File: "--bind"}, diag.CodeServeBindNetwork,
		diag.Tf("máy chủ xem thử lắng nghe ở %s, cổng %d: mọi máy trong cùng mạng đều xem được trang (cả bản nháp với --drafts)",
			"the preview listens on %s, port %d: every computer on the same network can view the site (drafts too, with --drafts)", bind, port),
		diag.T("Chỉ dùng trên mạng tin cậy. Bỏ --bind để chỉ máy này xem được (127.0.0.1).",
			"Use it on a trusted network only. Leave out --bind so that only this computer can view it (127.0.0.1)."))
}

// urlHost is the host to put in URLs for a bind address: a browser cannot
// open the unspecified address.
func urlHost(bind string) string {
	if ip := net.ParseIP(bind); ip != nil && ip.IsUnspecified() {
		return "localhost"
	}
	return bind
}

// Windows Sockets' codes for the three failures listenError words, which
// Go's syscall constants do not match on Windows.
const (
	wsaAccess       = 10013 // WSAEACCES
	wsaAddrInUse    = 10048 // WSAEADDRINUSE
	wsaAddrNotAvail = 10049 // WSAEADDRNOTAVAIL
)

// isErrno reports whether err is the system error number n.
func isErrno(err error, n uintptr) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && uintptr(errno) == n
}

// listenError words a failure to listen for staff.
func listenError(o Options, err error) *diag.Diagnostic {
	addr := net.JoinHostPort(o.Bind, strconv.Itoa(o.Port))
	pos := diag.Pos{File: "--port"}
	switch {
	case errors.Is(err, syscall.EADDRINUSE) || isErrno(err, wsaAddrInUse):
		return diag.New(pos, diag.CodeServePortBusy,
			diag.Tf("cổng %d đang được chương trình khác dùng", "port %d is already used by another program", o.Port),
			diag.Tf("Dừng chương trình đó, hoặc chọn cổng khác: --port %d.", "Stop that program, or choose another port: --port %d.", o.Port+1))
	case errors.Is(err, syscall.EACCES) || isErrno(err, wsaAccess):
		return diag.New(pos, diag.CodeServePortDenied,
			diag.Tf("không được phép mở cổng %d", "not allowed to open port %d", o.Port),
			diag.T("Dùng cổng từ 1024 trở lên, ví dụ --port 1313.", "Use a port from 1024 up, for example --port 1313."))
	case errors.Is(err, syscall.EADDRNOTAVAIL) || isErrno(err, wsaAddrNotAvail):
		return diag.New(diag.Pos{File: "--bind"}, diag.CodeServeBind,
			diag.Tf("địa chỉ %s không thuộc máy này", "address %s does not belong to this machine", o.Bind),
			diag.T("Bỏ --bind để dùng 127.0.0.1.", "Leave out --bind to use 127.0.0.1."))
	}
	return diag.New(pos, diag.CodeServeListen,
		diag.Tf("không mở được địa chỉ %s", "cannot listen on %s", addr),
		diag.T("Kiểm tra --bind và --port, ví dụ --bind 127.0.0.1 --port 1313.",
			"Check --bind and --port, for example --bind 127.0.0.1 --port 1313."))
}
