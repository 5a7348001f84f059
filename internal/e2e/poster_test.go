package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestPosters opens every commune's notice-board poster in Chromium under
// the strict CSP, decodes its QR code from a screenshot with zbarimg
// (zbar-tools), which must read the commune page's absolute address, and
// prints the poster to PDF on A4, which must take one page.
func TestPosters(t *testing.T) {
	s := sampleSite(t)
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		missing(t, "zbarimg not found (%v): apt-get install zbar-tools", err)
	}
	ids, err := filepath.Glob(filepath.Join(s.Dir, "don-vi", "*", "ap-phich", "index.html"))
	if err != nil || len(ids) == 0 {
		t.Fatalf("no posters under %s/don-vi/ (%v)", s.Dir, err)
	}
	browser := browserFor(t)
	dir := t.TempDir()
	for _, f := range ids {
		id := filepath.Base(filepath.Dir(filepath.Dir(f)))
		t.Run(id, func(t *testing.T) {
			tab, closeTab := chromedp.NewContext(browser)
			defer closeTab()
			ctx, cancel := context.WithTimeout(tab, 60*time.Second)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(800, 1200)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(s.URL("/don-vi/"+id+"/ap-phich/"))); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, settle()); err != nil {
				t.Fatal(err)
			}
			if shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.querySelector('button.print-page').hidden`)); err != nil || !shown {
				t.Errorf("the print button is not shown with JavaScript on (%v)", err)
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			shot := filepath.Join(dir, id+".png")
			if err := os.WriteFile(shot, png, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(zbar, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", shot).Output()
			if err != nil {
				t.Fatalf("zbarimg found no QR code in the poster (%v); screenshot %s", err, shot)
			}
			want := s.URL("/don-vi/" + id + "/")
			if got := strings.TrimSpace(string(out)); got != want {
				t.Errorf("the QR code reads %q, want %q", got, want)
			}

			yes := true
			pdf, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: &yes})
			if err != nil {
				t.Fatalf("print to PDF: %v", err)
			}
			if n := len(pdfPage.FindAll(pdf.Data, -1)); n != 1 || !bytes.HasPrefix(pdf.Data, []byte("%PDF")) {
				_ = os.WriteFile(filepath.Join(dir, id+".pdf"), pdf.Data, 0o644)
				t.Errorf("the poster prints on %d A4 pages, want 1", n)
			}
		})
	}
}

// TestCompareSortsInPlace: on /don-vi/, a sort link sorts the communes in
// place, in the order of that sort's own page (which works without
// JavaScript), and keeps the order in the address, which a reload reads.
func TestCompareSortsInPlace(t *testing.T) {
	t.Parallel()
	s := sampleSite(t)
	browser := browserFor(t)
	u := s.URL("/don-vi/")
	rec := &recorder{host: s.Host, page: u, pageStatus: 200}
	tab, closeTab := chromedp.NewContext(browser, chromedp.WithListener(rec.listen))
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	rows := chromedp.Evaluate[string](`[...document.querySelectorAll('table.compare-table tbody tr')].map(r => r.id).join(' ')`)
	// The order of the page sorted by name, as written at build time.
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(s.URL("/don-vi/xep-theo-ten/"))); err != nil {
		t.Fatal(err)
	}
	byName, err := chromedp.Run(ctx, rows)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(u)); err != nil {
		t.Fatal(err)
	}
	first, err := chromedp.Run(ctx, rows)
	if err != nil {
		t.Fatal(err)
	}
	if first == byName || first == "" {
		t.Fatalf("/don-vi/ is already in name order (%s): the test cannot tell a sort", first)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('nav.sorts a[data-sort-key="ten"]').click()`)); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, rows)
	if err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
	if err != nil {
		t.Fatal(err)
	}
	if got != byName || loc != u+"?xep-theo=ten" {
		t.Errorf("after the click: rows %s at %s;\nwant %s at %s?xep-theo=ten", got, loc, byName, u)
	}
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(loc)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, settle()); err != nil {
		t.Fatal(err)
	}
	if got, _ := chromedp.Run(ctx, rows); got != byName {
		t.Errorf("reloaded with ?xep-theo=ten: rows %s, want %s", got, byName)
	}
	rec.report(t)
}
