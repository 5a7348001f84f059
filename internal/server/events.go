package server

import (
	"encoding/json"
	"net/http"
	"path"
	"slices"
	"sync"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
)

// hub fans build events out to the open pages.
type hub struct {
	mu      sync.Mutex
	clients map[chan []byte]struct{}
	// state is what a page gets on connect: "hello" while the site is good,
	// the last "errors" while it is broken.
	state []byte
}

// subscribe registers a client and returns its channel and the current state.
func (h *hub) subscribe() (chan []byte, []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.clients == nil {
		h.clients = map[chan []byte]struct{}{}
	}
	ch := make(chan []byte, 16)
	h.clients[ch] = struct{}{}
	return ch, h.state
}

func (h *hub) unsubscribe(ch chan []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[ch]; ok {
		delete(h.clients, ch)
		close(ch)
	}
}

// publish sends ev to every client and makes state what later clients
// get on connect.
func (h *hub) publish(ev, state event) {
	msg := ev.bytes()
	h.mu.Lock()
	defer h.mu.Unlock()
	h.state = state.bytes()
	for ch := range h.clients {
		select {
		case ch <- msg:
		default:
			// A page that does not keep up is dropped; its browser
			// reconnects and gets the current state.
			delete(h.clients, ch)
			close(ch)
		}
	}
}

type event struct {
	name string
	data any
}

// bytes is the event in the text/event-stream format; JSON never holds a
// raw newline, so the data is one line.
func (e event) bytes() []byte {
	b, err := json.Marshal(e.data)
	if err != nil {
		b = []byte("{}")
	}
	return []byte("event: " + e.name + "\ndata: " + string(b) + "\n\n")
}

func helloEvent(id string) event {
	return event{name: "hello", data: map[string]any{"build": id}}
}

// reloadEvent tells pages that a build succeeded. pages lists the URL paths
// of the pages it changed; nil means every page may have changed.
func reloadEvent(id string, changed []string, ms int64, pages []string) event {
	if changed == nil {
		changed = []string{}
	}
	d := map[string]any{"build": id, "changed": changed, "ms": ms}
	if pages == nil {
		d["all"] = true
	} else {
		d["pages"] = pages
	}
	return event{name: "reload", data: d}
}

// changedPages turns the files a partial build wrote into the URL paths of
// the pages to reload: a page for its HTML file, and for a data file
// (.json, .csv, .xml, .txt) the page of its folder, which may show or
// fetch it. Any other file — a style sheet, a script, an image, the 404
// page — may be used by any page: nil, reload them all.
func changedPages(written []string, basePath string) []string {
	pages := []string{}
	for _, name := range written {
		dir, file := path.Split(name)
		switch path.Ext(file) {
		case ".html":
			if file != "index.html" {
				return nil
			}
		case ".json", ".csv", ".xml", ".txt":
		default:
			return nil
		}
		p := basePath + dir
		if !slices.Contains(pages, p) {
			pages = append(pages, p)
		}
	}
	return pages
}

// overlayError is one line of the overlay.
type overlayError struct {
	Pos      string `json:"pos"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// maxOverlayErrors keeps a hopeless build from sending megabytes to every page.
const maxOverlayErrors = 200

// errorsEvent carries a failed build's diagnostics and every word of the
// overlay, so reload.js needs no language of its own.
func errorsEvent(l *diag.List, good bool, lang diag.Lang) event {
	all := l.All()
	list := make([]overlayError, 0, min(len(all), maxOverlayErrors))
	for _, d := range all[:min(len(all), maxOverlayErrors)] {
		sev := "error"
		if d.Severity == diag.Warning {
			sev = "warning"
		}
		list = append(list, overlayError{
			Pos: d.Pos.String(), File: d.File, Line: d.Line, Column: d.Col, Severity: sev,
			Message: d.Msg.In(lang), Hint: d.Hint.In(lang),
		})
	}
	e, w := l.Counts()
	note := diag.T("Trang đang hiện là bản dựng tốt gần nhất. Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự tải lại.",
		"You are seeing the last good build. Fix the errors below and save; the page reloads by itself.")
	if !good {
		note = diag.T("Trang web chưa dựng được lần nào. Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự tải lại.",
			"The site has not been built yet. Fix the errors below and save; the page reloads by itself.")
	}
	return event{name: "errors", data: map[string]any{
		"title":        diag.T("Trang web có lỗi", "The site has errors").In(lang),
		"note":         note.In(lang),
		"count":        diag.Tf("%d lỗi, %d cảnh báo", "%d error(s), %d warning(s)", e, w).In(lang),
		"hintLabel":    diag.T("Gợi ý", "Hint").In(lang),
		"warningLabel": diag.T("Cảnh báo", "Warning").In(lang),
		"close":        diag.T("Ẩn", "Hide").In(lang),
		"lang":         string(lang),
		"errors":       list,
	}}
}

// keepAlive is how often an idle stream gets a comment line, so a page that
// went away is noticed.
const keepAlive = 20 * time.Second

func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	ch, state := s.events.subscribe()
	defer s.events.unsubscribe(ch)
	// retry: how soon a browser reconnects after the server restarts.
	if _, err := w.Write(append([]byte("retry: 1000\n\n"), state...)); err != nil {
		return
	}
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		var msg []byte
		select {
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		case <-tick.C:
			msg = []byte(": ping\n\n")
		case m, ok := <-ch:
			if !ok {
				return
			}
			msg = m
		}
		if _, err := w.Write(msg); err != nil {
			return
		}
		if rc.Flush() != nil {
			return
		}
	}
}
