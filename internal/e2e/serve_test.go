package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tiendo/tiendo/internal/server"
)

const serveSite = `title = "Thử"
[indicators]
from = "2022-01"
to = "2023-12"
`

// TestServeReloadAndOverlay is the staff loop in a real browser: open a
// KPI page under tiendo serve, change a CSV cell on disk, and the page
// reloads with the new number; break the CSV, and an overlay shows the
// right file:line:col while the old page stays; fix it, and the overlay goes.
// Then a saved content page reloads in its own tab and not in the KPI tab,
// which it does not change.
func TestServeReloadAndOverlay(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"config.toml":     serveSite,
		"data/units.toml": "[[unit]]\nid = \"cong-an-huyen\"\nname = \"Công an huyện\"\nshort = \"Công an\"\nkind = \"huyen\"\n",
		"data/indicators.toml": `[[group]]
code = "3.4"
title = "Công dân số"
[[indicator]]
id = "tai-khoan"
title = "Tài khoản định danh"
unit = "tài khoản"
measure = "count"
baseline = { period = "2022-12", value = 0 }
lead = "cong-an-huyen"
source = "Minh họa"
frequency = "monthly"
file = "chi-tieu/tai-khoan.csv"
group = "3.4"
illustrative = true
[[indicator.target]]
value = 50000
deadline = "2023-06-30"
`,
		"data/chi-tieu/tai-khoan.csv": "ky,gia_tri\n2023-05,41000\n2023-06,47024\n",
		"content/_index.md":           "+++\ntitle = \"Trang chủ\"\n+++\n",
		"content/gioi-thieu.md":       "+++\ntitle = \"Giới thiệu\"\n+++\nĐoạn đầu.\n",
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
	srv, err := server.Start(server.Options{Source: dir, Port: 0, Now: "2023-06-30", Quiet: 50 * time.Millisecond, MaxWait: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(context.Background())

	browser := browserFor(t)
	tab, closeTab := chromedp.NewContext(browser)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	page := strings.TrimSuffix(srv.URL(), "/") + "/chi-tieu/tai-khoan/"
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(page)); err != nil {
		t.Fatal(err)
	}
	// waitFor polls js from Go: a reload destroys the page's JavaScript
	// context, so a wait inside the page would die with it.
	waitFor := func(what, js string) string {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
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
	waitFor("first page", `document.querySelector('.kpi-headline .value') && document.querySelector('.kpi-headline .value').textContent.includes('47.024') ? 'ok' : ''`)
	csv := filepath.Join(dir, "data/chi-tieu/tai-khoan.csv")

	// One cell changed: the page reloads by itself with the new number.
	if err := os.WriteFile(csv, []byte("ky,gia_tri\n2023-05,41000\n2023-06,48123\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("reload with the new number", `document.querySelector('.kpi-headline .value') && document.querySelector('.kpi-headline .value').textContent.includes('48.123') ? 'ok' : ''`)

	// A broken cell: the overlay names file:line:col; the old page stays.
	if err := os.WriteFile(csv, []byte("ky,gia_tri\n2023-05,41000\n2023-06,48x23\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pos := waitFor("overlay", `(() => { const o = document.getElementById('tiendo-overlay'); return o ? o.textContent : ''; })()`)
	if !strings.Contains(pos, "data/chi-tieu/tai-khoan.csv:3:9") {
		t.Errorf("overlay does not name data/chi-tieu/tai-khoan.csv:3:9; it says: %s", pos)
	}
	still, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.kpi-headline .value').textContent`))
	if err != nil || !strings.Contains(still, "48.123") {
		t.Errorf("the last good page should stay under the overlay; got %q (%v)", still, err)
	}

	// Fixed: the overlay goes and the page shows the fixed number.
	if err := os.WriteFile(csv, []byte("ky,gia_tri\n2023-05,41000\n2023-06,48223\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("overlay gone", `!document.getElementById('tiendo-overlay') && document.querySelector('.kpi-headline .value') && document.querySelector('.kpi-headline .value').textContent.includes('48.223') ? 'ok' : ''`)

	// A second tab on a guidance page; a mark in each tab's window tells
	// whether it reloaded.
	tab2, closeTab2 := chromedp.NewContext(browser)
	defer closeTab2()
	ctx2, cancel2 := context.WithTimeout(tab2, 60*time.Second)
	defer cancel2()
	if _, err := chromedp.Run(ctx2, chromedp.NavigateResponse(strings.TrimSuffix(srv.URL(), "/")+"/gioi-thieu/")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []context.Context{ctx, ctx2} {
		if _, err := chromedp.Run(c, chromedp.Evaluate[bool](`window.tiendoMark = true`)); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.OpenFile(filepath.Join(dir, "content", "gioi-thieu.md"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\nĐoạn thứ hai, mới lưu.\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	deadline := time.Now().Add(20 * time.Second)
	for {
		got, err := chromedp.Run(ctx2, chromedp.Evaluate[string](`!window.tiendoMark && document.body.textContent.includes('Đoạn thứ hai, mới lưu.') ? 'ok' : ''`))
		if err == nil && got == "ok" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the saved page did not reload with its new text")
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // both tabs had the event; give the other time to act on it
	if kept, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.tiendoMark === true`)); err != nil || !kept {
		t.Errorf("the KPI tab reloaded after a change to another page (mark kept: %v, %v)", kept, err)
	}
}
