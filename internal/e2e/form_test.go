package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tiendo/tiendo/internal/server"
)

// TestServeForm is a unit's week typed into the data-entry form of tiendo
// serve in a real browser: a post without its token is refused; a bad date is answered with the build's own
// message at file:line:col and the file stays byte for byte as it was; a
// good week is written to the unit's CSV, and the week's report page,
// where the form leads, shows the new figure. Then the same for an
// indicator's month: a bad figure is refused with the file untouched, a
// good one is written and the indicator's page shows it.
func TestServeForm(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const csvName = "data/reports/don-vi-a.csv"
	const indName = "data/chi-tieu/dich-vu.csv"
	files := map[string]string{
		"data/indicators.toml": "[[indicator]]\nid = \"dich-vu\"\ntitle = \"Dịch vụ công được triển khai\"\nunit = \"dịch vụ\"\n" +
			"measure = \"count\"\nfrequency = \"monthly\"\nfile = \"chi-tieu/dich-vu.csv\"\nbaseline = { period = \"2023-03\", value = 20 }\n" +
			"lead = \"don-vi-a\"\nsource = \"Thử\"\nillustrative = true\n\n[[indicator.target]]\nvalue = 9000\ndeadline = \"2023-12-31\"\n",
		indName:             "ky,gia_tri,ghi_chu\n2023-04,25,\n2023-05,30,\n",
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

	browser := browserFor(t)
	tab, closeTab := chromedp.NewContext(browser)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, 180*time.Second)
	defer cancel()
	csv := filepath.Join(dir, filepath.FromSlash(csvName))
	before, _ := os.ReadFile(csv)

	// waitFor polls js from Go until it gives a non-empty string: a form
	// submission replaces the page and its JavaScript context.
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
	do := func(js string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](js)); err != nil {
			t.Fatal(err)
		}
	}

	// Choose the unit and the week in the first form, as staff would.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL()+"nhap-lieu/")); err != nil {
		t.Fatal(err)
	}
	do(`document.querySelector('#chon-tuan').value = '2023-W11'; document.querySelector('.chooser button').click()`)
	waitFor("the week's form", `document.querySelector('form.entry') ? 'ok' : ''`)
	fill := func(date string) {
		do(`(() => {
			const set = (n, v) => { document.querySelector('form.entry [name="' + n + '"]').value = v; };
			set('tiep_nhan_truc_tuyen', '4321'); set('tiep_nhan_truc_tiep', '1');
			set('giai_quyet_dung_han', '4322'); set('da_tra_ket_qua', '4322');
			set('ngay_gui', '` + date + `');
			document.querySelector('form.entry button').click();
		})()`)
	}
	// Without its token the form is refused, and nothing is written.
	do(`document.querySelector('form.entry [name="token"]').remove(); document.querySelector('form.entry button').click()`)
	waitFor("the refusal", `document.body.textContent.includes('thiếu mã bảo vệ') ? 'ok' : ''`)
	if after, _ := os.ReadFile(csv); !bytes.Equal(after, before) {
		t.Fatalf("a POST without the token changed the file:\n%s", after)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL()+"nhap-lieu/?don_vi=don-vi-a&chon_tuan=2023-W11")); err != nil {
		t.Fatal(err)
	}
	waitFor("the week's form again", `document.querySelector('form.entry') ? 'ok' : ''`)

	// A date the build cannot read: its message, at its cell, and the file unchanged.
	fill("hôm qua")
	text := waitFor("the error", `(() => { const e = document.getElementById('loi'); return e ? e.textContent : ''; })()`)
	if !strings.Contains(text, csvName+":3:") || !strings.Contains(text, `"hôm qua" không phải ngày giờ gửi`) {
		t.Errorf("the error does not give the build's message at file:line:col: %s", text)
	}
	if after, _ := os.ReadFile(csv); !bytes.Equal(after, before) {
		t.Fatalf("a refused week changed the file:\n%s", after)
	}
	if waitFor("invalid field", `document.querySelector('#ngay-gui[aria-invalid="true"]') ? 'ok' : 'no'`) != "ok" {
		t.Error("the date field is not marked invalid")
	}
	// The form with its errors is accessible and valid HTML.
	if os.Getenv("TIENDO_AXE_JS") != "" || inCI() {
		axe, err := os.ReadFile(toolFile(t, "TIENDO_AXE_JS", "axe-core"))
		if err != nil {
			t.Fatal(err)
		}
		checkAxe(t, ctx, string(axe))
	}
	if os.Getenv("TIENDO_VNU_JAR") != "" || inCI() {
		html := waitFor("the page's HTML", `document.documentElement.outerHTML`)
		checkNuFile(t, "<!DOCTYPE html>\n"+html)
	}
	// The figures typed are still there; a good date saves them, and the
	// browser lands on the week's report page, built with them.
	if v := waitFor("typed value", `document.querySelector('form.entry [name="tiep_nhan_truc_tuyen"]').value`); v != "4321" {
		t.Errorf("after the error the form shows %q, want what was typed", v)
	}
	fill("2023-03-20 08:30")
	waitFor("the week's page", `location.pathname.endsWith('/bao-cao/2023-w11/') && document.querySelector('main') ? 'ok' : ''`)
	text = waitFor("page text", `document.querySelector('main').textContent`)
	if !strings.Contains(text, "4.321") {
		t.Errorf("the week's page does not show the new figure 4.321:\n%s", text)
	}
	after, _ := os.ReadFile(csv)
	if want := string(before) + "2023-W11,dv,4321,1,,,4322,,,,4322,,,2023-03-20 08:30\n"; string(after) != want {
		t.Errorf("file:\n%s\nwant:\n%s", after, want)
	}

	// An indicator's month, chosen in the second chooser of the first page.
	indFile := filepath.Join(dir, filepath.FromSlash(indName))
	indBefore, _ := os.ReadFile(indFile)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL()+"nhap-lieu/")); err != nil {
		t.Fatal(err)
	}
	do(`document.querySelector('#chon-chi-tieu').value = 'dich-vu'; document.querySelector('#chon-ky').value = '6/2023'; document.querySelector('#chon-ky').form.querySelector('button').click()`)
	waitFor("the indicator's form", `document.querySelector('form.entry [name="gia_tri"]') ? 'ok' : ''`)
	setValue := func(v string) {
		do(`document.querySelector('form.entry [name="gia_tri"]').value = '` + v + `'; document.querySelector('form.entry button').click()`)
	}
	// The browser's own check stops letters; a negative count reaches the
	// build's check.
	setValue("-7")
	if got := waitFor("the browser's check", `document.querySelector('form.entry [name="gia_tri"]').validity.patternMismatch ? 'stopped' : 'sent'`); got != "stopped" {
		t.Errorf("the browser sent a value its pattern refuses: %s", got)
	}
	do(`document.querySelector('form.entry').noValidate = true; document.querySelector('form.entry button').click()`)
	text = waitFor("the indicator's error", `(() => { const e = document.getElementById('loi'); return e ? e.textContent : ''; })()`)
	if !strings.Contains(text, indName+":4:") || !strings.Contains(text, "Số âm") {
		t.Errorf("the error does not give the build's message at file:line:col: %s", text)
	}
	if after, _ := os.ReadFile(indFile); !bytes.Equal(after, indBefore) {
		t.Fatalf("a refused figure changed the file:\n%s", after)
	}
	if os.Getenv("TIENDO_AXE_JS") != "" || inCI() {
		axe, err := os.ReadFile(toolFile(t, "TIENDO_AXE_JS", "axe-core"))
		if err != nil {
			t.Fatal(err)
		}
		checkAxe(t, ctx, string(axe))
		checkNuFile(t, "<!DOCTYPE html>\n"+waitFor("the page's HTML", `document.documentElement.outerHTML`))
	}
	setValue("4567")
	waitFor("the indicator's page", `location.pathname.endsWith('/chi-tieu/dich-vu/') && document.querySelector('main') ? 'ok' : ''`)
	if text := waitFor("page text", `document.querySelector('main').textContent`); !strings.Contains(text, "4.567") {
		t.Errorf("the indicator's page does not show the new figure 4.567:\n%s", text)
	}
	if after, _ := os.ReadFile(indFile); string(after) != string(indBefore)+"2023-06,4567,\n" {
		t.Errorf("indicator file:\n%s", after)
	}
}

// checkNuFile checks one page with the Nu HTML Checker.
func checkNuFile(t *testing.T, html string) {
	t.Helper()
	jar := toolFile(t, "TIENDO_VNU_JAR", "the Nu HTML Checker")
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "java not found: cannot run the Nu HTML Checker (apt-get install default-jre-headless)")
	}
	page := filepath.Join(t.TempDir(), "nhap-lieu.html")
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(t.Context(), java, "-jar", jar, "--errors-only", "--format", "json", page)
	cmd.Stderr = &stderr
	runErr := cmd.Run()
	var report struct {
		Messages []nuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
		t.Fatalf("vnu.jar: %v (%v)\n%s", runErr, err, stderr.Bytes())
	}
	for _, m := range report.Messages {
		t.Errorf("%s", m.format(filepath.Dir(page)))
	}
}
