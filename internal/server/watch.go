package server

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/tiendo/tiendo/internal/config"
	"github.com/tiendo/tiendo/internal/diag"
)

// watchedDirs are the folders of a site whose files feed a build.
var watchedDirs = []string{"content", "data", "layouts", "static", "themes", "i18n"}

// watcher reports changes to the inputs of a site.
type watcher struct {
	root string
	fs   *fsnotify.Watcher
	warn func(diag.Text)
}

func newWatcher(root string, warn func(diag.Text)) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fs: fw, warn: warn}
	// The root itself, not recursively: config.toml, and the watched
	// folders when they are created.
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		w.addTree(filepath.Join(root, d))
	}
	return w, nil
}

func (w *watcher) close() { _ = w.fs.Close() }

// addTree watches dir and every folder below it.
func (w *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, de fs.DirEntry, err error) error {
		if err != nil || !de.IsDir() {
			return nil
		}
		if p != dir && ignored(de.Name()) {
			return fs.SkipDir
		}
		if err := w.fs.Add(p); err != nil {
			rel, _ := filepath.Rel(w.root, p)
			w.warn(diag.Tf("không theo dõi được thư mục %s; đổi tệp trong đó sẽ không tự dựng lại",
				"cannot watch the folder %s; changes in it will not trigger a rebuild", filepath.ToSlash(rel)))
			return fs.SkipDir
		}
		return nil
	})
}

// relevant reports whether ev changes an input of the build, and returns
// its path relative to the root. A new folder is watched at once.
func (w *watcher) relevant(ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod {
		return "", false
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if !isInput(rel) {
		return "", false
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			w.addTree(ev.Name)
		}
	}
	return rel, true
}

// isInput reports whether rel, a slash path below the root, is read by a
// build: config.toml or a file under a watched folder, other than the
// temporary files editors write.
func isInput(rel string) bool {
	if rel == config.File {
		return true
	}
	first, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(watchedDirs, first) {
		return false // public/, .tiendo-cache/, README.md, …
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if ignored(seg) {
			return false
		}
	}
	return true
}

// ignored reports whether a file or folder name is hidden or an editor's
// temporary file: vim's .x.swp and 4913, emacs' .#x and #x#, backups x~,
// JetBrains' x___jb_tmp___, and the ~$x.xlsx Excel keeps beside a workbook
// it has open (LibreOffice's .~lock.x# is hidden). data.Load skips the
// same names.
func ignored(name string) bool {
	switch {
	case name == "4913",
		strings.HasPrefix(name, "."),
		strings.HasPrefix(name, "~$"),
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".tmp"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"):
		return true
	}
	return false
}

// watchLoop gathers changes into bursts and rebuilds after each.
func (s *Server) watchLoop() {
	defer s.loop.Done()
	var (
		pending []string
		first   time.Time
	)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	note := func(rel string) {
		now := time.Now()
		if len(pending) == 0 {
			first = now
		}
		if !slices.Contains(pending, rel) {
			pending = append(pending, rel)
		}
		// Wait for a quiet moment, but never past MaxWait after the first change.
		timer.Reset(max(0, min(s.o.Quiet, s.o.MaxWait-now.Sub(first))))
	}
	for {
		select {
		case <-s.closing:
			return
		case ev, ok := <-s.watch.fs.Events:
			if !ok {
				return
			}
			if rel, ok := s.watch.relevant(ev); ok {
				note(rel)
			}
		case err, ok := <-s.watch.fs.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Changes were lost: rebuild everything to be safe.
				note(config.File)
				continue
			}
			s.warn(diag.T("hệ thống báo lỗi khi theo dõi tệp; nếu trang không tự dựng lại, hãy khởi động lại tiendo serve",
				"the system reported an error while watching files; if the site stops rebuilding, restart tiendo serve"))
		case <-timer.C:
			changed := existingFirst(s.o.Source, pending)
			pending = nil
			s.rebuild(changed)
		}
	}
}

// existingFirst puts the changed paths that still exist before those that
// do not, keeping their order otherwise, so that the rebuild message names
// the file saved rather than the temporary file an editor wrote and renamed
// over it (sed -i's sedXXXXXX, LibreOffice's lu…tmp).
func existingFirst(root string, changed []string) []string {
	var here, gone []string
	for _, rel := range changed {
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel))); err == nil {
			here = append(here, rel)
		} else {
			gone = append(gone, rel)
		}
	}
	return append(here, gone...)
}
