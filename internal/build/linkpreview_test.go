package build

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/gif"
	_ "image/jpeg"
	"image/png"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/tiendo/tiendo/internal/output"
)

// A link preview service (Zalo, Facebook, X) reads a page's Open Graph
// and Twitter card tags and shows a card: these tests read them the same
// way, on every page of a site with an absolute baseURL, and fail on a
// missing or relative value.

// previewMeta is the first value of each og:*, twitter:* and canonical
// tag of a page, as a crawler reads them, and the page's language.
type previewMeta struct {
	props     map[string]string
	lang      string
	canonical string
}

func readPreview(doc []byte) previewMeta {
	m := previewMeta{props: map[string]string{}}
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return m
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Key] = a.Val
			}
			switch tok.Data {
			case "html":
				m.lang = attr["lang"]
			case "link":
				if attr["rel"] == "canonical" {
					m.canonical = attr["href"]
				}
			case "meta":
				k := attr["property"]
				if k == "" {
					k = attr["name"]
				}
				if strings.HasPrefix(k, "og:") || strings.HasPrefix(k, "twitter:") {
					if _, seen := m.props[k]; !seen {
						m.props[k] = attr["content"]
					}
				}
			case "body":
				return m // crawlers read the head
			}
		}
	}
}

// Limits of what previews show: X cuts a title at 70 characters and a
// description at 200; Facebook needs an image of at least 200×200 and
// shows a large one from 600×315.
const (
	previewTitleMax   = 70
	previewDescMax    = 200
	previewImageMin   = 200
	ogTitleMax        = 100 // Facebook shows about this much of og:title
	previewAbsoluteIn = "https://example.gov.vn/de-an-06/"
)

// checkPreviews reads every HTML page of mem as a preview service would,
// and reports each problem.
func checkPreviews(t *testing.T, mem *output.Mem, base string) (pages int) {
	t.Helper()
	pages, problems := previewProblems(mem, base)
	for _, p := range problems {
		t.Error(p)
	}
	return pages
}

// previewProblems lists what a preview service would find missing or
// wrong on the pages of mem.
func previewProblems(mem *output.Mem, base string) (pages int, problems []string) {
	for _, name := range mem.Paths() {
		if !strings.HasSuffix(name, ".html") || name == "404.html" {
			continue // the 404 page is not shared
		}
		doc := mem.Files[name]
		if bytes.Contains(doc, []byte(`http-equiv="refresh"`)) {
			continue // an alias: a redirect, previewed as its target
		}
		pages++
		m := readPreview(doc)
		p := m.props
		errorf := func(format string, args ...any) {
			problems = append(problems, fmt.Sprintf("%s: "+format, append([]any{name}, args...)...))
		}
		for _, k := range []string{"og:title", "og:type", "og:url", "og:site_name", "og:locale", "og:description", "twitter:card", "twitter:title"} {
			if strings.TrimSpace(p[k]) == "" {
				errorf("no %s", k)
			}
		}
		want := "vi_VN"
		if m.lang == "en" {
			want = "en_GB"
		}
		if p["og:locale"] != want {
			errorf("og:locale %q on a page in %q, want %s", p["og:locale"], m.lang, want)
		}
		for _, k := range []string{"og:url", "og:image", "twitter:image"} {
			if v, ok := p[k]; ok && !absoluteUnder(v, base) {
				errorf("%s %q is not an absolute address under %s", k, v, base)
			}
		}
		if p["og:url"] != m.canonical {
			errorf("og:url %q is not the canonical address %q", p["og:url"], m.canonical)
		}
		if want := "/" + strings.TrimSuffix(name, "index.html"); !strings.HasSuffix(p["og:url"], strings.TrimPrefix(want, "/")) {
			errorf("og:url %q is not this page", p["og:url"])
		}
		if n := utf8.RuneCountInString(p["og:title"]); n > ogTitleMax {
			errorf("og:title has %d characters, more than %d", n, ogTitleMax)
		}
		if n := utf8.RuneCountInString(p["twitter:title"]); n > previewTitleMax {
			errorf("twitter:title has %d characters, more than %d", n, previewTitleMax)
		}
		for _, k := range []string{"og:description", "twitter:description"} {
			if n := utf8.RuneCountInString(p[k]); n > previewDescMax {
				errorf("%s has %d characters, more than %d", k, n, previewDescMax)
			}
		}
		img, hasImage := p["og:image"]
		switch card := p["twitter:card"]; {
		case hasImage && card != "summary_large_image":
			errorf("twitter:card %q with an og:image, want summary_large_image", card)
		case !hasImage && card != "summary":
			errorf("twitter:card %q without an image, want summary", card)
		}
		if !hasImage {
			continue
		}
		rel := strings.TrimPrefix(img, base)
		file, ok := mem.Files[rel]
		if !ok {
			errorf("og:image %s: no such file in the output", img)
			continue
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(file))
		if err != nil {
			errorf("og:image %s is not an image a preview can show: %v", img, err)
			continue
		}
		if cfg.Width < previewImageMin || cfg.Height < previewImageMin {
			errorf("og:image %s is %d×%d, smaller than %d×%d", img, cfg.Width, cfg.Height, previewImageMin, previewImageMin)
		}
		if w, h := p["og:image:width"], p["og:image:height"]; w != "" || h != "" {
			if w != strconv.Itoa(cfg.Width) || h != strconv.Itoa(cfg.Height) {
				errorf("og:image:width/height %s×%s, the %s is %d×%d", w, h, format, cfg.Width, cfg.Height)
			}
		}
		if t := p["og:image:type"]; t != "" && t != "image/"+format {
			errorf("og:image:type %s, the file is %s", t, format)
		}
	}
	return pages, problems
}

// absoluteUnder reports whether v is an absolute http(s) URL under base.
func absoluteUnder(v, base string) bool {
	u, err := url.Parse(v)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && strings.HasPrefix(v, base)
}

var (
	absSampleOnce sync.Once
	absSample     *Result
)

// absoluteSample is the sample site built with an absolute baseURL, once.
func absoluteSample(t *testing.T) *Result {
	t.Helper()
	absSampleOnce.Do(func() {
		absSample = Run(Options{Source: "../..", Sink: output.NewMem(), Now: "2023-06-30", Charts: sampleCharts(t), BaseURL: previewAbsoluteIn})
	})
	if !absSample.OK() {
		t.Fatal(absSample.Diags.Format("vi"))
	}
	return absSample
}

func TestLinkPreviewsSample(t *testing.T) {
	t.Parallel()
	if n := checkPreviews(t, absoluteSample(t).Output, previewAbsoluteIn); n < 150 {
		t.Errorf("only %d pages read", n)
	}
}

// TestLinkPreviewsShareImage: a content page's share image (front matter
// images) is an absolute og:image with a large card; one too small for a
// preview is caught.
func TestLinkPreviewsShareImage(t *testing.T) {
	t.Parallel()
	pic := func(w, h int) []byte {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := range img.Pix {
			img.Pix[i] = 0xff
		}
		img.Set(0, 0, color.Black)
		var b bytes.Buffer
		_ = png.Encode(&b, img)
		return b.Bytes()
	}
	site := `
-- config.toml --
title = "Lộc Hà"
description = "Tiến độ kế hoạch của huyện."
baseURL = "https://example.gov.vn/de-an-06/"
-- content/_index.md --
+++
title = "Trang chủ"
description = "Tiến độ kế hoạch."
+++
-- content/tin-tuc/a.md --
+++
title = "Tin có ảnh"
description = "Một tin có ảnh chia sẻ."
images = ["/anh/chia-se.png"]
+++
Nội dung.
`
	s := buildTxtarFiles(t, site, map[string][]byte{"static/anh/chia-se.png": pic(1200, 630)}, Options{Now: "2023-06-30"}).ok()
	checkPreviews(t, s.res.Output, "https://example.gov.vn/de-an-06/")
	m := readPreview(s.res.Output.Files["tin-tuc/a/index.html"])
	if m.props["og:image"] != "https://example.gov.vn/de-an-06/anh/chia-se.png" || m.props["twitter:card"] != "summary_large_image" {
		t.Errorf("share image %q, card %q", m.props["og:image"], m.props["twitter:card"])
	}

	// The same checks fail on an image too small to preview.
	small := buildTxtarFiles(t, site, map[string][]byte{"static/anh/chia-se.png": pic(100, 50)}, Options{Now: "2023-06-30"}).ok()
	if _, errs := previewProblems(small.res.Output, "https://example.gov.vn/de-an-06/"); !strings.Contains(strings.Join(errs, "\n"), "is 100×50, smaller than 200×200") {
		t.Errorf("a 100×50 share image passes: %q", errs)
	}
	// And on a relative og:url.
	rel := buildTxtarFiles(t, strings.Replace(site, "https://example.gov.vn/de-an-06/", "/de-an-06/", 1), map[string][]byte{"static/anh/chia-se.png": pic(1200, 630)}, Options{Now: "2023-06-30"}).ok()
	if _, errs := previewProblems(rel.res.Output, "https://example.gov.vn/de-an-06/"); !strings.Contains(strings.Join(errs, "\n"), "index.html: no og:url") {
		t.Errorf("a site without an absolute baseURL passes: %q", errs)
	}
}
