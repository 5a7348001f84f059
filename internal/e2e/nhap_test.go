package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/cli"
	"github.com/xuri/excelize/v2"
)

// The sample's week 25 of Công an huyện, first service, as the file has it
// and as the workbooks below change it (9 → 10 online).
const (
	policeFile = "data/reports/cong-an-huyen.csv"
	policeOld  = "2023-W25,xac-nhan-so-cmnd,9,6,0,10,5,0,0,0,15,0,0,,,,2023-06-27 08:33"
	policeNew  = "2023-W25,xac-nhan-so-cmnd,10,6,0,11,5,0,0,0,16,0,0,,,,2023-06-27 08:33"
	// The row in the site's weekly download, after the import.
	policeDownload = "2023-W25,Công an huyện Lộc Hà,cong-an-huyen,Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân,xac-nhan-so-cmnd,10,6,0,11,5,0,0,0,16,0,0"
)

// sampleCopy copies what a build of the sample reads into a new folder.
func sampleCopy(t *testing.T) (root, site string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	site = t.TempDir()
	for _, dir := range []string{"config.toml", "content", "data", "static", "layouts", "i18n", "themes", ".tiendo-cache/charts"} {
		copyTree(t, filepath.Join(root, dir), filepath.Join(site, dir))
	}
	return root, site
}

func nhap(t *testing.T, answer string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = (&cli.App{Stdout: &o, Stderr: &e, Stdin: strings.NewReader(answer), Getenv: func(string) string { return "" }}).Run(append([]string{"nhap"}, args...))
	return code, o.String(), e.String()
}

// TestNhapRoundTrip takes the template the site offers Công an huyện,
// fills in a week as staff would, imports it, and builds the site: the
// report file holds the figures and the site shows them.
func TestNhapRoundTrip(t *testing.T) {
	root, site := sampleCopy(t)
	tpl, ok := sampleInMemory(t, root)["don-vi/cong-an-huyen/mau-bao-cao-tuan.xlsx"]
	if !ok {
		t.Fatal("the sample offers Công an huyện no template")
	}
	f, err := excelize.OpenReader(bytes.NewReader(tpl))
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[0]
	if name, _ := f.GetCellValue(sheet, "B6"); !strings.HasPrefix(name, "Xác nhận số Chứng minh nhân dân") {
		t.Fatalf("the template's first service is %q", name)
	}
	for i, v := range []int{10, 6, 0, 11, 5, 0, 0, 0, 16, 0, 0} {
		cell, _ := excelize.CoordinatesToCellName(3+i, 6)
		f.SetCellInt(sheet, cell, int64(v))
	}
	f.SetCellStr(sheet, "Q6", "2023-06-27 08:33")
	book := filepath.Join(t.TempDir(), "mau-bao-cao-tuan.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	code, out, errs := nhap(t, "c\n", book, "--don-vi", "cong-an-huyen", "--tuan", "2023-W25", "-s", site)
	if code != 0 {
		t.Fatalf("nhap: exit %d\n%s%s", code, out, errs)
	}
	csv, err := os.ReadFile(filepath.Join(site, policeFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(csv, []byte(policeNew+"\n")) || bytes.Contains(csv, []byte(policeOld)) {
		t.Fatalf("%s after the import lacks %q", policeFile, policeNew)
	}
	built := buildToMemory(t, site)
	if !bytes.Contains(built["bao-cao/bao-cao-tuan.csv"], []byte(policeDownload+"\r\n")) {
		t.Errorf("the site's weekly download lacks the imported row %q", policeDownload)
	}
}

// TestNhapLibreOffice imports a workbook LibreOffice wrote from a district's
// own layout (testdata/nhap/so-bao-cao-tuan.fods): title rows, two merged
// heading rows, STT, short and unmarked names, a total row, date cells.
func TestNhapLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		missing(t, "soffice (LibreOffice Calc; Debian: libreoffice-calc-nogui) not found: cannot write the workbook to import")
	}
	fods, err := os.ReadFile(filepath.Join("testdata", "nhap", "so-bao-cao-tuan.fods"))
	if err != nil {
		t.Fatal(err)
	}
	// The same workbook with Lưu trú's online count (C12) typed as words.
	online := `office:value-type="float" office:value="25"><text:p>25</text:p>`
	if bytes.Count(fods, []byte(online)) != 1 {
		t.Fatal("the fixture's C12 is not where the test expects it")
	}
	bad := bytes.Replace(fods, []byte(online), []byte(`office:value-type="string"><text:p>hai lăm</text:p>`), 1)
	profile := "file://" + filepath.ToSlash(t.TempDir())
	convert := func(src []byte) string {
		dir := t.TempDir()
		in := filepath.Join(dir, "so-bao-cao-tuan.fods")
		if err := os.WriteFile(in, src, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--convert-to", "xlsx", "--outdir", dir, in).CombinedOutput()
		book := filepath.Join(dir, "so-bao-cao-tuan.xlsx")
		if _, serr := os.Stat(book); err != nil || serr != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
		return book
	}
	good, wrong := convert(fods), convert(bad)

	_, site := sampleCopy(t)
	before, err := os.ReadFile(filepath.Join(site, policeFile))
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"--don-vi", "cong-an-huyen", "--tuan", "2023-W25", "-s", site}
	unchanged := func(when string) {
		t.Helper()
		if now, _ := os.ReadFile(filepath.Join(site, policeFile)); !bytes.Equal(now, before) {
			t.Errorf("%s: %s changed", when, policeFile)
		}
	}

	// "k": the changes shown, nothing written.
	code, out, errs := nhap(t, "k\n", append([]string{good}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{
		"~ Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân (BaoCao!B7): thay đổi",
		"Tiếp nhận trực tuyến: 9 → 10",
		"= Đăng ký thường trú (BaoCao!B9): không đổi",
		"= Thông báo lưu trú (BaoCao!B12): không đổi",
		"0 dòng mới, 1 dòng thay đổi, 5 dòng không đổi.",
		"Ghi vào data/reports/cong-an-huyen.csv? (c/k)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	unchanged(`answer "k"`)

	// A bad cell: its place and the build's words, exit 1, nothing written.
	code, out, errs = nhap(t, "c\n", append([]string{wrong}, args...)...)
	if code != 1 || !strings.Contains(errs, "so-bao-cao-tuan.xlsx: BaoCao!C12: ") || !strings.Contains(errs, `"hai lăm"`) {
		t.Errorf("bad cell: exit %d\n%s%s", code, out, errs)
	}
	unchanged("bad cell")

	// "c": one row replaced, every other byte kept; the site builds.
	code, out, errs = nhap(t, "c\n", append([]string{good}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	now, _ := os.ReadFile(filepath.Join(site, policeFile))
	if want := bytes.Replace(before, []byte(policeOld), []byte(policeNew), 1); !bytes.Equal(now, want) {
		t.Errorf("%s after the import is not the file with one row changed", policeFile)
	}
	if built := buildToMemory(t, site); !bytes.Contains(built["bao-cao/bao-cao-tuan.csv"], []byte(policeDownload+"\r\n")) {
		t.Errorf("the site's weekly download lacks the imported row %q", policeDownload)
	}
}
