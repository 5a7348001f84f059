package build

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
)

// Issue 13, "messages without a place": whatever is wrong with a site,
// every message names a file of the site and, where there is one, the line
// and column, in words for staff — never a Go error.

// buildToDir builds files onto disk, as `tiendo build` does, so that what
// only a real folder refuses is refused too.
func buildToDir(tb testing.TB, files map[string][]byte) *Result {
	tb.Helper()
	fsys := fstest.MapFS{}
	for name, b := range files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return Run(Options{FS: fsys, Destination: filepath.Join(tb.TempDir(), "public"), Now: "2023-06-30", Charts: sharedCharts(tb)})
}

// goWords are pieces of the text of Go and library errors, which staff
// should never read.
var goWords = []string{"search:", "open ", "no such file", "invalid output path", "not a directory", "is a directory",
	"%!", "runtime error", "<nil>", "toml:", "yaml:", "EOF"}

func TestEveryMessageHasAPlace(t *testing.T) {
	t.Parallel()
	page := func(front string) []byte { return []byte("+++\ntitle = \"Trang\"\n" + front + "+++\nNội dung.\n") }
	for _, c := range []struct {
		name    string
		changes map[string][]byte
		// wants are in the Vietnamese output, with their place.
		wants []string
	}{
		{name: "a page on the address of the unit list",
			changes: map[string][]byte{"content/don-vi.md": page("")},
			wants:   []string{"content/don-vi.md:1:1: địa chỉ /don-vi/ thuộc về trang tiendo tạo từ dữ liệu"}},
		{name: "a section on the address of the unit list",
			changes: map[string][]byte{"content/don-vi/_index.md": page("")},
			wants:   []string{"content/don-vi/_index.md:1:1: địa chỉ /don-vi/ thuộc về trang tiendo tạo từ dữ liệu"}},
		{name: "a folder on the address of the unit list",
			changes: map[string][]byte{"content/don-vi/a.md": page("")},
			wants:   []string{"content/don-vi/a.md:1:1: thư mục content/don-vi/ là một mục ở địa chỉ /don-vi/"}},
		{name: "a slug onto the task list",
			changes: map[string][]byte{"content/x.md": page("weight = 2\nslug = \"nhiem-vu\"\n")},
			wants:   []string{"content/x.md:4:1: địa chỉ /nhiem-vu/ thuộc về trang tiendo tạo từ dữ liệu"}},
		{name: "an indicator on the address of the method page",
			changes: map[string][]byte{data.IndicatorsFile: replaceIn(t, data.IndicatorsFile, `id = "ty-le"`, `id = "phuong-phap"`)},
			wants:   []string{"data/indicators.toml:4:1: địa chỉ /chi-tieu/phuong-phap/"}},
		{name: "a task code twice",
			changes: map[string][]byte{data.TasksFile: []byte(string(hostileFiles(nil)[data.TasksFile]) +
				"1.2,Lặp lại,cong-an-huyen,,trước ngày 30/04/2023,,hoàn thành,2023-04-20,,,\n")},
			wants: []string{"data/tasks.csv:3:1: mã nhiệm vụ 1.2 trùng với dòng 2"}},
		{name: "an alias onto the home page's file",
			changes: map[string][]byte{"content/x.md": page("aliases = [\"/cu/\", \"/index.html\"]\n")},
			wants:   []string{"content/x.md:3:20: alias \"/index.html\""}},
		{name: "an alias onto a stylesheet as a folder",
			changes: map[string][]byte{"content/x.md": page("aliases = [\"/css/site.css/\"]\n")},
			wants:   []string{"content/x.md:3:12: alias \"/css/site.css/\""}},
		{name: "an alias onto the sitemap as a folder",
			changes: map[string][]byte{"content/x.md": page("aliases = [\"/sitemap.xml/\"]\n")},
			wants:   []string{"content/x.md:3:12: alias \"/sitemap.xml/\""}},
		{name: "units that cannot be read",
			changes: map[string][]byte{"data/units.toml": replaceIn(t, "data/units.toml", `name = "Xã An"`, `name = "Xã An`)},
			wants:   []string{"data/units.toml:8:", "đã được bỏ qua"}},
		{name: "a weekly report without services",
			changes: map[string][]byte{"data/reports/xa-a.csv": []byte("tuan,dich_vu\n")},
			wants:   []string{"data/reports/xa-a.csv: báo cáo tuần cần danh sách dịch vụ trong data/services.toml"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := buildToDir(t, hostileFiles(c.changes))
			if res.OK() {
				t.Fatal("build succeeded")
			}
			for _, d := range res.Diags.All() {
				if d.File == "" {
					t.Errorf("no file: %s", d.Format(diag.VI))
				}
				for _, text := range []string{d.Msg.Vi, d.Msg.En, d.Hint.Vi, d.Hint.En} {
					for _, w := range goWords {
						if strings.Contains(text, w) {
							t.Errorf("%q is Go's words: %s", w, text)
						}
					}
				}
			}
			got := res.Diags.Format(diag.VI)
			for _, w := range c.wants {
				if !strings.Contains(got, w) {
					t.Errorf("messages do not contain %q:\n%s", w, got)
				}
			}
		})
	}
}
