// Command release builds tiendo's downloadable archives: the tiendo program
// for each platform staff use, with the README and the licences of the
// libraries built into it, and a SHA256SUMS file.
//
//	go run ./internal/release            # into dist/
//	go run ./internal/release -out /tmp/dist -version v1.2.0
//
// The archives are reproducible: the same commit and the same Go release
// give the same bytes, on any machine. Binaries are built with -trimpath
// (no path of the build machine), without cgo, with the version stamped
// into internal/cli.Version and no VCS stamp of their own; archive entries
// are sorted, owned by nobody, and dated with the commit's time (or
// SOURCE_DATE_EPOCH), never the clock.
//
// The version is `git describe --tags --always --dirty` (a commit hash
// until the repository has tags; "-dirty" when the working tree has
// uncommitted changes, which no published release should have).
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Target is a platform a release is built for.
type Target struct{ OS, Arch string }

// Targets are the platforms of a release: the office's Windows PC, Linux
// servers and single-board computers, and Apple silicon Macs.
var Targets = []Target{
	{"windows", "amd64"},
	{"linux", "amd64"},
	{"linux", "arm64"},
	{"darwin", "arm64"},
}

// extras are the files each archive carries besides the program, by their
// path in the repository and in the archive.
var extras = [][2]string{
	{"README.md", "README.md"},
	{"internal/chart/echarts/LICENSE", "licenses/echarts/LICENSE"},
	{"internal/chart/echarts/NOTICE", "licenses/echarts/NOTICE"},
	{"internal/chart/echarts/LICENSE-d3", "licenses/echarts/LICENSE-d3"},
	{"internal/chart/echarts/LICENSE-zrender", "licenses/echarts/LICENSE-zrender"},
	{"themes/default/static/vendor/minisearch/LICENSE", "licenses/minisearch/LICENSE"},
}

// versionVar is where the version is stamped.
const versionVar = "github.com/tiendo/tiendo/internal/cli.Version"

// Options say what to release and where.
type Options struct {
	// Root is the repository; Out the folder the archives are written to.
	Root, Out string
	// Version and Time stamp the release; empty and zero mean the
	// commit's (see the package comment).
	Version string
	Time    time.Time
	// Targets default to Targets.
	Targets []Target
	// Log receives one line per archive; nil for none.
	Log io.Writer
}

func main() {
	var o Options
	flag.StringVar(&o.Out, "out", "dist", "folder for the archives and SHA256SUMS")
	flag.StringVar(&o.Version, "version", "", "version to stamp (default: git describe --tags --always --dirty)")
	flag.Parse()
	o.Root, o.Log = ".", os.Stdout
	if err := Run(o); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

// Run builds every target's archive into o.Out and writes SHA256SUMS.
func Run(o Options) error {
	root, err := filepath.Abs(o.Root)
	if err != nil {
		return err
	}
	if o.Version == "" {
		if o.Version, err = git(root, "describe", "--tags", "--always", "--dirty"); err != nil {
			return fmt.Errorf("version: %w", err)
		}
	}
	if o.Time.IsZero() {
		if o.Time, err = sourceTime(root); err != nil {
			return err
		}
	}
	o.Time = o.Time.UTC().Truncate(time.Second)
	if len(o.Targets) == 0 {
		o.Targets = Targets
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return err
	}
	bin, err := os.MkdirTemp("", "tiendo-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(bin)

	var sums bytes.Buffer
	for _, t := range o.Targets {
		exe := filepath.Join(bin, t.OS+"-"+t.Arch, program(t))
		if err := compile(root, exe, t, o.Version); err != nil {
			return fmt.Errorf("%s/%s: %w", t.OS, t.Arch, err)
		}
		name, data, err := archive(root, exe, t, o)
		if err != nil {
			return fmt.Errorf("%s/%s: %w", t.OS, t.Arch, err)
		}
		if err := os.WriteFile(filepath.Join(o.Out, name), data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(data), name)
		if o.Log != nil {
			fmt.Fprintf(o.Log, "%s  %d bytes\n", filepath.Join(o.Out, name), len(data))
		}
	}
	return os.WriteFile(filepath.Join(o.Out, "SHA256SUMS"), sums.Bytes(), 0o644)
}

func program(t Target) string {
	if t.OS == "windows" {
		return "tiendo.exe"
	}
	return "tiendo"
}

// compile builds cmd/tiendo for t as a release binary.
func compile(root, exe string, t Target, version string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false",
		"-ldflags", "-s -w -buildid= -X "+versionVar+"="+version,
		"-o", exe, "./cmd/tiendo")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS="+t.OS, "GOARCH="+t.Arch, "CGO_ENABLED=0", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %w\n%s", err, out)
	}
	return nil
}

// entry is one file of an archive.
type entry struct {
	name string
	data []byte
	exec bool
}

// archive packs the program and the extras, under one folder named like
// the archive: a zip for Windows, where Explorer opens it, a .tar.gz
// elsewhere.
func archive(root, exe string, t Target, o Options) (string, []byte, error) {
	base := "tiendo_" + o.Version + "_" + t.OS + "_" + t.Arch
	prog, err := os.ReadFile(exe)
	if err != nil {
		return "", nil, err
	}
	entries := []entry{{name: base + "/" + program(t), data: prog, exec: true}}
	for _, x := range extras {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(x[0])))
		if err != nil {
			return "", nil, err
		}
		if t.OS == "windows" {
			data = crlf(data) // Notepad before Windows 10 shows LF text on one line
		}
		entries = append(entries, entry{name: base + "/" + x[1], data: data})
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.name, b.name) })
	if t.OS == "windows" {
		data, err := zipOf(entries, o.Time)
		return base + ".zip", data, err
	}
	data, err := tarGzOf(entries, o.Time)
	return base + ".tar.gz", data, err
}

func crlf(b []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}

func zipOf(entries []entry, mtime time.Time) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: mtime}
		h.SetMode(mode(e))
		f, err := w.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := f.Write(e.data); err != nil {
			return nil, err
		}
	}
	err := w.Close()
	return buf.Bytes(), err
}

func tarGzOf(entries []entry, mtime time.Time) ([]byte, error) {
	var buf bytes.Buffer
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	gz.ModTime = mtime
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Mode: int64(mode(e)), Size: int64(len(e.data)),
			ModTime: mtime, Typeflag: tar.TypeReg, Format: tar.FormatUSTAR}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	err = gz.Close()
	return buf.Bytes(), err
}

func mode(e entry) os.FileMode {
	if e.exec {
		return 0o755
	}
	return 0o644
}

// sourceTime is SOURCE_DATE_EPOCH when set (reproducible-builds.org),
// else the time of the commit.
func sourceTime(root string) (time.Time, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		var err error
		if s, err = git(root, "log", "-1", "--format=%ct"); err != nil {
			return time.Time{}, fmt.Errorf("commit time: %w", err)
		}
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH or commit time %q: %w", s, err)
	}
	return time.Unix(sec, 0), nil
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, ee.Stderr)
		}
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}
