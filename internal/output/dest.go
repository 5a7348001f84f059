package output

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Marker is the file a build writes first into its folder, so that every
// output of tiendo carries it — a finished one, and the temporary folder of
// a build that was killed. A build replaces only a folder holding it (or an
// empty one), and removes only temporary folders holding it.
//
// The marker holds no path: public/ is uploaded as it is, and the site's
// folder on the staff member's computer is nobody's business.
const Marker = ".tiendo-output"

// markerText is the marker's content: a format line, then a note for
// whoever opens it.
const markerText = "tiendo-output 1\n" +
	"# Thư mục này do tiendo ghi; mỗi lần dựng thay toàn bộ nội dung của nó.\n" +
	"# Written by tiendo; every build replaces all of its content.\n"

// DestProblem says why a folder may not be a build's destination.
type DestProblem int

const (
	// DestIsSource: the destination is the site's root folder.
	DestIsSource DestProblem = iota + 1
	// DestHoldsSource: the site's root folder is inside the destination.
	DestHoldsSource
	// DestInSource: the destination is, or is inside, one of the site's
	// inputs (content/, data/, config.toml, …); Input names it.
	DestInSource
	// DestNotFolder: the destination is a file.
	DestNotFolder
	// DestSite: the destination holds a site of its own (content/ or
	// config.toml) and no marker.
	DestSite
	// DestForeign: the destination holds files and no marker.
	DestForeign
	// DestUnreadable: the destination could not be looked into; Err says why.
	DestUnreadable
)

// DestError is a destination refused before a build starts.
type DestError struct {
	Problem DestProblem
	// Dest is the destination, absolute, with symbolic links resolved;
	// Source the site's root folder, likewise.
	Dest, Source string
	// Input is the input Dest is in, for DestInSource: "content/" for a
	// folder, "config.toml" for a file.
	Input string
	Err   error
}

func (e *DestError) Error() string {
	msg := "destination " + e.Dest + " refused"
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *DestError) Unwrap() error { return e.Err }

// CheckDest decides, before a build starts, whether dest may be replaced
// by a build of the site at source, whose inputs (folders and files at its
// root) are listed. It returns dest made absolute with symbolic links
// resolved: the folder to build, so that a public/ linked elsewhere is
// replaced where it really is.
//
// A destination may be missing, empty, or an earlier output of tiendo: a
// folder holding the Marker, or the output of a tiendo from before the
// marker (see oldOutput). It may not be or hold the site's root folder, nor
// lie within an input.
func CheckDest(source, dest string, inputs []string) (string, error) {
	src, err := resolve(source)
	if err != nil {
		return "", &DestError{Problem: DestUnreadable, Dest: dest, Err: err}
	}
	dst, err := resolve(dest)
	if err != nil {
		return "", &DestError{Problem: DestUnreadable, Dest: dest, Err: err}
	}
	refuse := func(p DestProblem, input string) (string, error) {
		return "", &DestError{Problem: p, Dest: dst, Source: src, Input: input}
	}
	switch {
	case dst == src:
		return refuse(DestIsSource, "")
	case within(src, dst):
		return refuse(DestHoldsSource, "")
	}
	for _, in := range inputs {
		if p := filepath.Join(src, in); dst == p || within(dst, p) {
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				return refuse(DestInSource, in)
			}
			return refuse(DestInSource, in+"/")
		}
	}

	entries, err := os.ReadDir(dst)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return dst, nil
	case err != nil:
		if fi, serr := os.Stat(dst); serr == nil && !fi.IsDir() {
			return refuse(DestNotFolder, "")
		}
		return "", &DestError{Problem: DestUnreadable, Dest: dst, Source: src, Err: err}
	case len(entries) == 0, hasMarker(dst), oldOutput(dst):
		return dst, nil
	}
	for _, e := range entries {
		if e.Name() == "content" || e.Name() == "config.toml" {
			return refuse(DestSite, "")
		}
	}
	return refuse(DestForeign, "")
}

// resolve makes p absolute and resolves the symbolic links of the part of
// it that exists.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(append([]string{abs}, rest...)...), nil
		}
		rest = append([]string{filepath.Base(abs)}, rest...)
		abs = parent
	}
}

// within reports whether p lies strictly inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// hasMarker reports whether dir holds tiendo's marker.
func hasMarker(dir string) bool {
	f, err := os.Open(filepath.Join(dir, Marker))
	if err != nil {
		return false
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	head := make([]byte, len("tiendo-output "))
	n, _ := io.ReadFull(f, head)
	return string(head[:n]) == "tiendo-output "
}

func writeMarker(dir string) error {
	return os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644)
}

// robotsRe is robots.txt exactly as Robots writes it.
var robotsRe = regexp.MustCompile(`\AUser-agent: \*\nAllow: /\n(?:Sitemap: https?://[^\s]+\n)?\z`)

// oldOutput reports whether dir is the output of a tiendo from before the
// marker, by three files every such build wrote: robots.txt exactly as
// Robots writes it, sitemap.xml as Sitemap begins it, and 404.html. A
// folder of documents has none of them; another generator's output is
// unlikely to have tiendo's robots.txt byte for byte. Refusing such a
// public/ would stop every existing site's next build; the build that
// replaces it writes the marker.
func oldOutput(dir string) bool {
	robots, err := os.ReadFile(filepath.Join(dir, "robots.txt"))
	if err != nil || !robotsRe.Match(robots) {
		return false
	}
	f, err := os.Open(filepath.Join(dir, "sitemap.xml"))
	if err != nil {
		return false
	}
	defer f.Close()
	want := []byte(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	head := make([]byte, len(want))
	if n, _ := io.ReadFull(f, head); !bytes.Equal(head[:n], want) {
		return false
	}
	fi, err := os.Stat(filepath.Join(dir, "404.html"))
	return err == nil && fi.Mode().IsRegular()
}
