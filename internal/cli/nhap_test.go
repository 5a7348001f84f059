package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/workbook"
	"github.com/xuri/excelize/v2"
)

// sampleData copies the sample's config.toml and data/ into a new folder.
func sampleData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(filepath.Join(root, "data"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		writeFiles(t, dir, map[string]string{rel: string(b)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"config.toml": string(cfg)})
	return dir
}

// policeWeek is Công an huyện's template with one service filled in;
// its week 25 in the sample is 9 online, 6 in person, 10 early, 5 on
// time, 15 returned.
func policeWeek(t *testing.T, dir string, online, early, returned any) string {
	t.Helper()
	tpl, err := workbook.Template("cong-an-huyen", "Công an huyện", []string{"Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(tpl))
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range []any{online, 6, 0, early, 5, 0, 0, 0, returned, 0, 0} {
		cell, _ := excelize.CoordinatesToCellName(3+i, workbook.HeaderRow+1)
		f.SetCellValue(workbook.Sheet, cell, v)
	}
	name := filepath.Join(dir, "bao-cao-tuan-25.xlsx")
	if err := f.SaveAs(name); err != nil {
		t.Fatal(err)
	}
	return name
}

func runIn(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = (&App{Stdout: &o, Stderr: &e, Stdin: strings.NewReader(stdin), Getenv: func(string) string { return "" }}).Run(args)
	return code, o.String(), e.String()
}

func TestNhap(t *testing.T) {
	site := sampleData(t)
	csv := filepath.Join(site, "data", "reports", "cong-an-huyen.csv")
	before, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	book := policeWeek(t, t.TempDir(), 10, 11, 16)
	args := []string{"nhap", book, "--don-vi", "cong-an-huyen", "--tuan", "2023-W25", "-s", site}

	for _, c := range []struct {
		name, stdin string
		extra       []string
	}{{"answer k", "k\n", nil}, {"no answer", "", nil}, {"dry run", "c\n", []string{"--thu"}}} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runIn(t, c.stdin, append(args, c.extra...)...)
			if code != 0 {
				t.Fatalf("exit %d:\n%s%s", code, out, errs)
			}
			for _, want := range []string{"Tiếp nhận trực tuyến: 9 → 10", "Giải quyết trước hạn: 10 → 11", "Đã trả kết quả: 15 → 16",
				"· Cấp lại, đổi thẻ Căn cước công dân: không có trong sổ, giữ nguyên trong tệp", "0 dòng mới, 1 dòng thay đổi, 0 dòng không đổi"} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			if prompt := "Ghi vào data/reports/cong-an-huyen.csv? (c/k)"; strings.Contains(out, prompt) == (c.name == "dry run") {
				t.Errorf("prompt shown: %v, want %v:\n%s", !strings.Contains(out, prompt), c.name != "dry run", out)
			}
			if now, _ := os.ReadFile(csv); !bytes.Equal(now, before) {
				t.Error("the report file changed")
			}
		})
	}

	// A bad cell: the build's message at the workbook's cell, exit 1.
	bad := policeWeek(t, t.TempDir(), "mười", 11, 16)
	code, out, errs := runIn(t, "c\n", "nhap", bad, "--don-vi", "cong-an-huyen", "--tuan", "2023-W25", "-s", site)
	if code != 1 || !strings.Contains(errs, "bao-cao-tuan-25.xlsx: 'Báo cáo tuần'!C6: ") || !strings.Contains(errs, "mười") ||
		!strings.Contains(errs, "Không ghi gì: data/reports/cong-an-huyen.csv giữ nguyên.") {
		t.Errorf("exit %d:\n%s%s", code, out, errs)
	}
	if now, _ := os.ReadFile(csv); !bytes.Equal(now, before) {
		t.Error("the report file changed after a bad workbook")
	}

	// "c" writes: the row replaced in place, the rest byte for byte.
	code, out, errs = runIn(t, "c\n", args...)
	if code != 0 || !strings.Contains(out, "Đã ghi data/reports/cong-an-huyen.csv.") {
		t.Fatalf("exit %d:\n%s%s", code, out, errs)
	}
	now, _ := os.ReadFile(csv)
	want := bytes.Replace(before, []byte("2023-W25,xac-nhan-so-cmnd,9,6,0,10,5,0,0,0,15,"), []byte("2023-W25,xac-nhan-so-cmnd,10,6,0,11,5,0,0,0,16,"), 1)
	if bytes.Equal(want, before) || !bytes.Equal(now, want) {
		t.Errorf("the file after the import is not the file with one row changed")
	}
	code, out, _ = runIn(t, "", args...)
	if code != 0 || !strings.Contains(out, "Không có gì thay đổi") {
		t.Errorf("a second import: exit %d:\n%s", code, out)
	}
}

func TestNhapUsage(t *testing.T) {
	site := sampleData(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"nhap", "x.xlsx", "-s", site}, 2, "Cần cả --don-vi"},
		{[]string{"nhap", "x.xls", "--don-vi", "a", "--tuan", "2023-W25", "-s", site}, 1, "lưu lại dạng Sổ làm việc Excel (.xlsx)"},
		{[]string{"nhap", filepath.Join(site, "data", "reports", "bhxh-huyen.csv"), "--don-vi", "khong-co", "--tuan", "2023-W25", "-s", site}, 1, "\"khong-co\" không phải mã của một đơn vị báo cáo tuần. Các đơn vị báo cáo tuần (data/units.toml): cong-an-huyen, "},
		{[]string{"nhap", filepath.Join(site, "data", "reports", "bhxh-huyen.csv"), "--don-vi", "bhxh-huyen", "--tuan", "tuần 25", "-s", site}, 1, "không phải là tuần"},
	} {
		code, out, errs := runIn(t, "", c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, want %d and %q:\n%s%s", c.args, code, c.code, c.want, out, errs)
		}
	}
}
