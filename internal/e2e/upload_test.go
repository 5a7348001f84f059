package e2e

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"github.com/tiendo/tiendo/internal/server"
)

// TestServeUpload is a unit's week sent as the workbook the site offers
// it, uploaded to tiendo serve in a real browser without typing a figure:
// the template is downloaded from the unit's page, filled in, uploaded;
// the changes are shown and nothing is written until the button; then
// the file holds the row and the week's page shows the figure.
func TestServeUpload(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const csvName = "data/reports/don-vi-a.csv"
	files := map[string]string{
		"config.toml":       "title = \"Thử\"\nbaseURL = \"/\"\n",
		"content/_index.md": "+++\ntitle = \"Trang chủ\"\n+++\n",
		"data/units.toml":   "[[unit]]\nid = \"don-vi-a\"\nname = \"Đơn vị A\"\nshort = \"A\"\nkind = \"huyen\"\nreports = true\n",
		"data/services.toml": "[[sector]]\nid = \"lv\"\nname = \"Lĩnh vực\"\nnameEn = \"Sector\"\n\n" +
			"[[service]]\nid = \"dv\"\nname = \"Dịch vụ một\"\nnameEn = \"Service\"\nsector = \"lv\"\nlead = \"don-vi-a\"\nonline = \"toan-trinh\"\nde_an_06 = true\n",
		csvName: "tuan,dich_vu,tiep_nhan_truc_tuyen,tiep_nhan_truc_tiep,ky_truoc_chuyen_sang,giai_quyet_truoc_han,giai_quyet_dung_han,giai_quyet_qua_han,dang_giai_quyet_trong_han,dang_giai_quyet_qua_han,da_tra_ket_qua,khong_tiep_nhan,tra_lai_bo_sung,ngay_gui\n" +
			"2023-W10,dv,4,5,0,4,5,0,0,0,9,0,0,2023-03-13 16:52\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := server.Start(server.Options{Source: dir, Port: 0, Now: "2023-06-30", NoHistory: true, Quiet: 50 * time.Millisecond, MaxWait: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(context.Background())

	// The template, as the unit downloads it, filled in.
	resp, err := http.Get(srv.URL() + "don-vi/don-vi-a/mau-bao-cao-tuan.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	tpl, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	f, err := excelize.OpenReader(bytes.NewReader(tpl))
	if err != nil {
		t.Fatalf("the unit's template (status %d): %v", resp.StatusCode, err)
	}
	sheet := f.GetSheetList()[0]
	for i, v := range []int{4321, 1, 0, 0, 4322, 0, 0, 0, 4322, 0, 0} {
		cell, _ := excelize.CoordinatesToCellName(3+i, 6)
		f.SetCellInt(sheet, cell, int64(v))
	}
	f.SetCellStr(sheet, "Q6", "2023-03-20 08:30")
	book := filepath.Join(t.TempDir(), "bao-cao-tuan-11.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}

	browser := browserFor(t)
	tab, closeTab := chromedp.NewContext(browser)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, 180*time.Second)
	defer cancel()
	csv := filepath.Join(dir, filepath.FromSlash(csvName))
	before, _ := os.ReadFile(csv)
	waitFor := func(what, js string) string {
		t.Helper()
		deadline := time.Now().Add(70 * time.Second) // past waitBuild's minute
		for time.Now().Before(deadline) {
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
			if err == nil && got != "" {
				return got
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%s: timed out", what)
		return ""
	}
	do := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	js := func(code string) chromedp.Action[chromedp.Void] { return chromedp.Evaluate[chromedp.Void](code) }

	do(chromedp.Navigate(srv.URL() + "nhap-lieu/"))
	do(js(`document.querySelector('a[href$="nhap-lieu/tai-len"]').click()`))
	waitFor("the upload page", `document.querySelector('input[type=file]') ? 'ok' : ''`)
	do(js(`document.querySelector('#chon-tuan').value = '14/03/2023'`),
		chromedp.SetUploadFiles(chromedp.CSS(`#tep`), []string{book}),
		js(`document.querySelector('form.chooser button').click()`))
	text := waitFor("the changes", `(() => { const e = document.getElementById('thay-doi'); return e ? e.parentElement.textContent : ''; })()`)
	for _, want := range []string{"Dịch vụ một", "dòng mới", "Tiếp nhận trực tuyến: 4321", "1 dòng mới, 0 dòng thay đổi, 0 dòng không đổi."} {
		if !strings.Contains(text, want) {
			t.Errorf("the changes lack %q:\n%s", want, text)
		}
	}
	if after, _ := os.ReadFile(csv); !bytes.Equal(after, before) {
		t.Fatal("showing the changes wrote the file")
	}
	if os.Getenv("TIENDO_AXE_JS") != "" || inCI() {
		axe, err := os.ReadFile(toolFile(t, "TIENDO_AXE_JS", "axe-core"))
		if err != nil {
			t.Fatal(err)
		}
		checkAxe(t, ctx, string(axe))
	}
	if os.Getenv("TIENDO_VNU_JAR") != "" || inCI() {
		checkNuFile(t, "<!DOCTYPE html>\n"+waitFor("the page's HTML", `document.documentElement.outerHTML`))
	}
	do(js(`document.querySelector('input[name=xac_nhan]').form.querySelector('button').click()`))
	waitFor("the week's page", `location.pathname.endsWith('/bao-cao/2023-w11/') && document.querySelector('main') ? 'ok' : ''`)
	if text := waitFor("page text", `document.querySelector('main').textContent`); !strings.Contains(text, "4.321") {
		t.Errorf("the week's page does not show the new figure 4.321:\n%s", text)
	}
	after, _ := os.ReadFile(csv)
	if want := string(before) + "2023-W11,dv,4321,1,0,0,4322,0,0,0,4322,0,0,2023-03-20 08:30\n"; string(after) != want {
		t.Errorf("file:\n%s\nwant:\n%s", after, want)
	}
}
