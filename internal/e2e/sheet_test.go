package e2e

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// sheetPages are the guidance pages the one-stop desk hands out printed:
// each must print on one side of A4.
var sheetPages = []string{
	"/huong-dan/vneid/kich-hoat/",
	"/huong-dan/vneid/dang-ky-muc-do-1/",
	"/huong-dan/vneid/dang-ky-muc-do-2/",
	"/huong-dan/vneid/thong-bao-luu-tru/",
}

// pdfPage matches a page object of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestGuideSheetOneA4 prints guidance pages to PDF in Chromium, on A4 with
// the page's own @page margins, and counts the pages: the printed sheet
// of a guide is one side. TIENDO_SCREENSHOTS keeps the PDFs.
func TestGuideSheetOneA4(t *testing.T) {
	t.Parallel()
	s := sampleSite(t)
	browser := browserFor(t)
	shots := os.Getenv("TIENDO_SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range sheetPages {
		t.Run(slug(p), func(t *testing.T) {
			tab, closeTab := chromedp.NewContext(browser)
			defer closeTab()
			ctx, cancel := context.WithTimeout(tab, 60*time.Second)
			defer cancel()
			if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(s.URL(p))); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, settle()); err != nil {
				t.Fatal(err)
			}
			yes := true
			var pdf []byte
			err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				r, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{
					PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: &yes, PrintBackground: &yes})
				pdf = r.Data
				return err
			}))
			if err != nil {
				t.Fatalf("print to PDF: %v", err)
			}
			if shots != "" {
				if err := os.WriteFile(filepath.Join(shots, slug(p)+".pdf"), pdf, 0o644); err != nil {
					t.Fatal(err)
				}
				// The sheet as a picture: print styles at the width of A4
				// less the 15 mm margins.
				err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
					return err
				}), chromedp.EmulateViewport(680, 1010), settle())
				if err != nil {
					t.Fatal(err)
				}
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(shots, slug(p)+"-print.png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if n := len(pdfPage.FindAll(pdf, -1)); n != 1 {
				t.Errorf("%s prints on %d A4 pages, want 1", p, n)
			}
		})
	}
}
