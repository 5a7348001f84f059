package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/output"
)

// Issue 13, item 1: -d names a folder the build replaces whole. A folder
// that is not tiendo's output — the site itself, its content/, a folder of
// someone's documents — is refused before any work, and left as it was.

// destSite writes basicSite into root/site and returns its path.
func destSite(t *testing.T, root string) string {
	t.Helper()
	src := filepath.Join(root, "site")
	writeSite(t, src, basicSite)
	return src
}

// filesUnder reads every regular file under dir, keyed by slash path;
// symbolic links are not followed.
func filesUnder(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestBuildRefusesDestinationItDidNotWrite(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// dest returns the destination, made under root for the site src.
		dest func(t *testing.T, root, src string) string
		code string
		want string // in the Vietnamese message
	}{
		{"site root", func(t *testing.T, root, src string) string { return src },
			"output-dest-site-root", "là thư mục gốc của trang web"},
		{"content", func(t *testing.T, root, src string) string { return filepath.Join(src, "content") },
			"output-dest-in-source", "nằm trong content/"},
		{"data", func(t *testing.T, root, src string) string {
			writeFiles(t, filepath.Join(src, "data"), toBytes(map[string]string{"units.toml": ""}))
			return filepath.Join(src, "data")
		}, "output-dest-in-source", "nằm trong data/"},
		{"missing folder inside static", func(t *testing.T, root, src string) string {
			return filepath.Join(src, "static", "ra")
		}, "output-dest-in-source", "nằm trong static/"},
		{"config.toml", func(t *testing.T, root, src string) string { return filepath.Join(src, "config.toml") },
			"output-dest-in-source", "config.toml"},
		{"folder holding the site", func(t *testing.T, root, src string) string { return root },
			"output-dest-contains-site", "chứa thư mục trang web"},
		{"thesis and photos", func(t *testing.T, root, src string) string {
			other := filepath.Join(root, "other")
			writeFiles(t, other, toBytes(map[string]string{"luan-van.docx": "chương 1", "anh/1.jpg": "ảnh"}))
			return other
		}, "output-dest-foreign", "có tệp không do tiendo ghi"},
		{"another site", func(t *testing.T, root, src string) string {
			other := filepath.Join(root, "trang-khac")
			writeFiles(t, other, toBytes(map[string]string{"config.toml": "title = \"Khác\"\n", "content/_index.md": "+++\n+++\n"}))
			return other
		}, "output-dest-foreign", "là thư mục của một trang web"},
		{"a file", func(t *testing.T, root, src string) string {
			f := filepath.Join(root, "ghi-chu.txt")
			writeFiles(t, root, toBytes(map[string]string{"ghi-chu.txt": "ghi chú"}))
			return f
		}, "output-dest-not-folder", "là một tệp"},
		{"symbolic link to content", func(t *testing.T, root, src string) string {
			link := filepath.Join(root, "ra")
			if err := os.Symlink(filepath.Join(src, "content"), link); err != nil {
				t.Skipf("cannot make a symbolic link here: %v", err)
			}
			return link
		}, "output-dest-in-source", "nằm trong content/"},
		{"symbolic link to the site", func(t *testing.T, root, src string) string {
			link := filepath.Join(root, "ra")
			if err := os.Symlink(src, link); err != nil {
				t.Skipf("cannot make a symbolic link here: %v", err)
			}
			return filepath.Join(link, ".")
		}, "output-dest-site-root", "là thư mục gốc của trang web"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			src := destSite(t, root)
			dest := tc.dest(t, root, src)
			before := filesUnder(t, root)

			res := Run(Options{Source: src, Destination: dest, Now: "2023-06-30"})
			if res.OK() {
				t.Fatalf("build into %s succeeded, want it refused", dest)
			}
			var codes []string
			for _, d := range res.Diags.All() {
				codes = append(codes, d.Code)
			}
			if len(codes) != 1 || codes[0] != tc.code {
				t.Errorf("codes: got %v, want [%s]", codes, tc.code)
			}
			msg := res.Diags.Format("vi")
			if !strings.Contains(msg, tc.want) {
				t.Errorf("message lacks %q; got:\n%s", tc.want, msg)
			}
			if !strings.Contains(msg, filepath.Base(dest)) {
				t.Errorf("message does not name the folder %s; got:\n%s", dest, msg)
			}
			if len(res.Stages) != 0 {
				t.Errorf("stages ran before the refusal: %v", res.Stages)
			}
			after := filesUnder(t, root)
			if len(after) != len(before) {
				t.Errorf("files under the test folder: %d before, %d after", len(before), len(after))
			}
			for p, data := range before {
				if after[p] != data {
					t.Errorf("%s changed or disappeared", p)
				}
			}
			for _, dir := range []string{root, src, filepath.Dir(dest)} {
				entries, _ := os.ReadDir(dir)
				for _, e := range entries {
					if strings.Contains(e.Name(), ".tmp-") {
						t.Errorf("temporary folder %s made in %s", e.Name(), dir)
					}
				}
			}
		})
	}
}

func TestBuildRefusesDestinationInEnglish(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	src := destSite(t, root)
	res := Run(Options{Source: src, Destination: filepath.Join(src, "content"), Now: "2023-06-30"})
	got := res.Diags.Format("en")
	for _, want := range []string{"is inside content/ of the site", filepath.Join(src, "content")} {
		if !strings.Contains(got, want) {
			t.Errorf("English message lacks %q; got:\n%s", want, got)
		}
	}
}

func TestBuildAcceptsDestinationItWrote(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		prepare func(t *testing.T, dest string)
	}{
		{"missing", func(t *testing.T, dest string) {}},
		{"empty", func(t *testing.T, dest string) {
			if err := os.MkdirAll(dest, 0o755); err != nil {
				t.Fatal(err)
			}
		}},
		{"built before", func(t *testing.T, dest string) {
			res := Run(Options{Source: filepath.Join(filepath.Dir(dest), "site"), Destination: dest, Now: "2023-06-30"})
			if !res.OK() {
				t.Fatal(res.Diags.Format("vi"))
			}
			writeFiles(t, dest, toBytes(map[string]string{"cu/index.html": "trang cũ"}))
		}},
		{"built by a tiendo without the marker", func(t *testing.T, dest string) {
			res := Run(Options{Source: filepath.Join(filepath.Dir(dest), "site"), Destination: dest, Now: "2023-06-30"})
			if !res.OK() {
				t.Fatal(res.Diags.Format("vi"))
			}
			if err := os.Remove(filepath.Join(dest, output.Marker)); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			src := destSite(t, root)
			dest := filepath.Join(root, "public")
			tc.prepare(t, dest)
			res := Run(Options{Source: src, Destination: dest, Now: "2023-06-30"})
			if !res.OK() {
				t.Fatalf("build into %s refused:\n%s", tc.name, res.Diags.Format("vi"))
			}
			got := readTree(t, dest)
			if _, ok := got[output.Marker]; !ok {
				t.Errorf("no %s in the output", output.Marker)
			}
			if _, ok := got["cu/index.html"]; ok {
				t.Error("a file of the previous output survived")
			}
			// The marker is tiendo's bookkeeping, not a file of the site.
			if res.Files != len(got)-1 {
				t.Errorf("Result.Files = %d, want %d (the files but the marker)", res.Files, len(got)-1)
			}
		})
	}
}

// TestBuildDefaultDestination: the default public/ under the site follows
// the same rule as -d.
func TestBuildDefaultDestinationHoldingOtherFilesIsRefused(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	src := destSite(t, root)
	writeFiles(t, filepath.Join(src, "public"), toBytes(map[string]string{"bao-cao.xlsx": "số liệu"}))
	res := Run(Options{Source: src, Now: "2023-06-30"})
	if res.OK() {
		t.Fatal("build into a public/ of other files succeeded")
	}
	if got := res.Diags.Format("vi"); !strings.Contains(got, "public") || !strings.Contains(got, "có tệp không do tiendo ghi") {
		t.Errorf("message: %s", got)
	}
	if b, err := os.ReadFile(filepath.Join(src, "public", "bao-cao.xlsx")); err != nil || string(b) != "số liệu" {
		t.Errorf("public/bao-cao.xlsx: %q, %v", b, err)
	}
}

// TestOldCopyKeptIsWarningThatSaysPublished (issue 13, item 8): the swap
// succeeded and the old tree could not be removed — a warning that says
// the site is published and where the old copy is, never "nothing
// published". (output's TestCommitPublishesWhenOldCopyCannotBeRemoved
// makes the failure with real renames.)
func TestOldCopyKeptIsWarningThatSaysPublished(t *testing.T) {
	t.Parallel()
	kept := &output.LeftoverError{Path: "/srv/site/.public.tmp-123",
		Err: &fs.PathError{Op: "unlinkat", Path: "/srv/site/.public.tmp-123/khoa", Err: syscall.EACCES}}
	d := output.OldKept("public", "/srv/site/public", kept)
	if d.Severity != diag.Warning || d.Code != "output-old-kept" {
		t.Errorf("severity %v, code %q", d.Severity, d.Code)
	}
	vi, en := d.Format(diag.VI), d.Format(diag.EN)
	for _, want := range []string{"đã xuất bản vào /srv/site/public", "/srv/site/.public.tmp-123", "không có quyền", "Lần dựng sau sẽ xóa"} {
		if !strings.Contains(vi, want) {
			t.Errorf("Vietnamese lacks %q: %s", want, vi)
		}
	}
	for _, want := range []string{"published to /srv/site/public", "is left at /srv/site/.public.tmp-123", "The next build removes"} {
		if !strings.Contains(en, want) {
			t.Errorf("English lacks %q: %s", want, en)
		}
	}
	if strings.Contains(vi+en, "unlinkat") {
		t.Errorf("Go's error text reaches the user: %s", en)
	}
}

// TestBuildRemovesKilledBuildsTempFolder (issue 13, item 9): a
// .public.tmp-* folder with the marker beside public/ — what a build
// killed mid-write leaves — is gone after the next build; a folder of that
// name without the marker stays.
func TestBuildRemovesKilledBuildsTempFolder(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	src := destSite(t, root)
	writeFiles(t, filepath.Join(src, ".public.tmp-4242"), toBytes(map[string]string{
		output.Marker: "tiendo-output 1\n", "huong-dan/index.html": "nửa chừng"}))
	writeFiles(t, filepath.Join(src, ".public.tmp-ghi-chu"), toBytes(map[string]string{"ghi-chu.txt": "của tôi"}))
	if res := Run(Options{Source: src, Now: "2023-06-30"}); !res.OK() || res.Diags.Len() != 0 {
		t.Fatalf("build:\n%s", res.Diags.Format("vi"))
	}
	if _, err := os.Stat(filepath.Join(src, ".public.tmp-4242")); !os.IsNotExist(err) {
		t.Errorf("the killed build's folder is still there: %v", err)
	}
	if _, err := os.Stat(filepath.Join(src, ".public.tmp-ghi-chu", "ghi-chu.txt")); err != nil {
		t.Errorf("a folder without the marker was touched: %v", err)
	}
}

// TestBuildIntoLinkedPublicReplacesTheFolderItLinksTo: public/ may be a
// symbolic link to where the web server reads; the link stays, and the
// folder it leads to holds the new site.
func TestBuildIntoLinkedPublicReplacesTheFolderItLinksTo(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	src := destSite(t, root)
	www := filepath.Join(root, "www", "de-an-06")
	if err := os.MkdirAll(www, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(www, filepath.Join(src, "public")); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	for range 2 {
		if res := Run(Options{Source: src, Now: "2023-06-30"}); !res.OK() {
			t.Fatalf("build:\n%s", res.Diags.Format("vi"))
		}
	}
	if fi, err := os.Lstat(filepath.Join(src, "public")); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("public/ is no longer a symbolic link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(www, "index.html")); err != nil {
		t.Errorf("the linked folder does not hold the site: %v", err)
	}
}
