package build

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/share"
	"github.com/tiendo/tiendo/internal/view"
)

// TestShareImagesSample: every indicator, unit, weekly report page and
// the task list of the sample site has a share image: the PNG is in the
// output, decodes, is 1200×630 and within share.MaxBytes, and og:image:alt
// names the page and its figure.
func TestShareImagesSample(t *testing.T) {
	t.Parallel()
	res := absoluteSample(t)
	kinds := map[string]int{}
	for _, p := range res.Site.Pages {
		kind := p.Layout
		switch {
		case kind == "indicator", kind == "unit", kind == "report-week":
		case p.Path == "/nhiem-vu/":
		default:
			continue
		}
		kinds[kind]++
		file := strings.TrimPrefix(p.Path, "/") + "index.html"
		m := readPreview(res.Output.Files[file])
		img := m.props["og:image"]
		if want := previewAbsoluteIn + strings.TrimPrefix(p.Path, "/") + view.ShareFile; img != want {
			t.Errorf("%s: og:image %q, want %q", file, img, want)
			continue
		}
		b := res.Output.Files[strings.TrimPrefix(img, previewAbsoluteIn)]
		pic, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s: %v", img, err)
			continue
		}
		if pic.Bounds() != image.Rect(0, 0, share.Width, share.Height) || len(b) > share.MaxBytes {
			t.Errorf("%s: %v, %d bytes; want 1200×630 within %d bytes", img, pic.Bounds(), len(b), share.MaxBytes)
		}
		if m.props["og:image:width"] != "1200" || m.props["og:image:height"] != "630" || m.props["og:image:type"] != "image/png" {
			t.Errorf("%s: og:image:width/height/type %q/%q/%q", file, m.props["og:image:width"], m.props["og:image:height"], m.props["og:image:type"])
		}
		alt := m.props["og:image:alt"]
		if !strings.HasPrefix(alt, p.Title+".") || !strings.Contains(alt, "Số liệu minh họa.") || len(alt) < len(p.Title)+20 {
			t.Errorf("%s: og:image:alt %q does not say the title, the figure and that it is illustrative", file, alt)
		}
	}
	for _, k := range []string{"indicator", "unit", "report-week", "tasks"} {
		if kinds[k] == 0 {
			t.Errorf("no %s page checked", k)
		}
	}
	// The checks of a link preview hold for every page with an image.
	if n := checkPreviews(t, res.Output, previewAbsoluteIn); n == 0 {
		t.Error("no page read")
	}
}

// TestShareImageIndicator: an indicator's image says its figure and status
// in the alt text; a title with a character the font lacks leaves the page
// without an image and warns, naming the character, at the indicator.
func TestShareImageIndicator(t *testing.T) {
	t.Parallel()
	site := strings.Replace(kpiSite, `title = "KPI"`, `title = "KPI"
baseURL = "https://example.gov.vn/"`, 1)
	s := buildTxtar(t, site, Options{Now: "2023-06-30"}).ok()
	m := readPreview([]byte(s.file("chi-tieu/tai-khoan/index.html")))
	if alt := m.props["og:image:alt"]; alt != "Tài khoản. 1.250 tài khoản. Đã đạt. Mục tiêu 1.000 (31/12/2023), đạt 125,0%, tháng 6/2023. Số liệu minh họa." {
		t.Errorf("og:image:alt %q", alt)
	}
	s.contains("chi-tieu/tai-khoan/index.html", `<a href="/chi-tieu/tai-khoan/chia-se.png" download>Tải hình (PNG)</a>`)
	if _, err := png.Decode(bytes.NewReader([]byte(s.file("chi-tieu/tai-khoan/chia-se.png")))); err != nil {
		t.Error(err)
	}

	odd := buildTxtar(t, strings.Replace(site, `title = "Tài khoản"`, `title = "Tài khoản ✓"`, 1), Options{Now: "2023-06-30"}).ok()
	odd.noFile("chi-tieu/tai-khoan/chia-se.png")
	odd.notContains("chi-tieu/tai-khoan/index.html", `og:image`, "Tải hình")
	var warned bool
	for _, d := range odd.res.Diags.All() {
		if d.Code == diag.CodeShareGlyph && d.Severity == diag.Warning && d.Pos.File == "data/indicators.toml" && strings.Contains(d.Msg.Vi, "“✓” (U+2713)") {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning at the indicator for a character without a glyph:\n%s", odd.res.Diags.Format("vi"))
	}
}
