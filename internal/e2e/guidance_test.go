package e2e

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html"
)

// guideDir is where the guidance pages are built.
const guideDir = "huong-dan"

// guideBudget bounds what one guidance page costs a phone on a slow
// connection: the page, pictures included, and every file of the site it
// loads, each compressed with gzip.
const guideBudget = 30 << 10

// maxSentenceWords is the longest sentence plain language allows.
const maxSentenceWords = 30

// guidePages returns the built guidance pages (path under the output → parsed HTML).
func guidePages(t *testing.T, dir string) map[string]*html.Node {
	t.Helper()
	out := map[string]*html.Node{}
	err := filepath.WalkDir(filepath.Join(dir, guideDir), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = doc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 10 {
		t.Fatalf("only %d guidance pages under %s", len(out), guideDir)
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, c string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), c)
}

func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// TestGuidanceBudget weighs every guidance page as a phone loads it: the
// HTML with its inline pictures, the style sheet, scripts and images it
// asks for, each gzipped.
func TestGuidanceBudget(t *testing.T) {
	t.Parallel()
	s := sampleSite(t)
	gz := func(p string) int {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(b)
		w.Close()
		return buf.Len()
	}
	for rel, doc := range guidePages(t, s.Dir) {
		total := gz(filepath.Join(s.Dir, rel))
		parts := []string{fmt.Sprintf("%s %d", rel, total)}
		for _, n := range find(doc, func(n *html.Node) bool {
			return (n.Data == "link" && attr(n, "rel") == "stylesheet") || (n.Data == "script" || n.Data == "img") && attr(n, "src") != ""
		}) {
			ref := attr(n, "href") + attr(n, "src")
			if strings.Contains(ref, "://") {
				t.Errorf("%s loads %s from another host", rel, ref)
				continue
			}
			f := path.Join(path.Dir(rel), ref)
			if strings.HasPrefix(ref, "/") {
				f = strings.TrimPrefix(strings.TrimPrefix(ref, basePath), "/")
			}
			size := gz(filepath.Join(s.Dir, filepath.FromSlash(f)))
			total += size
			parts = append(parts, fmt.Sprintf("%s %d", f, size))
		}
		if total > guideBudget {
			t.Errorf("%s weighs %d bytes compressed, over the %d of a guidance page: %s", rel, total, guideBudget, strings.Join(parts, ", "))
		}
		if rel == "huong-dan/vneid/kich-hoat/index.html" {
			t.Logf("%s: %d bytes gzipped (%s)", rel, total, strings.Join(parts, ", "))
		}
	}
}

// TestGuidancePattern checks the pattern on every page of content/huong-dan/
// that is not a section: the how-to facts, the numbered steps, and for each
// step that asks to press something on a screen (“bấm”), a picture whose
// text alternative is the step and a caption “Hình minh họa…”.
func TestGuidancePattern(t *testing.T) {
	t.Parallel()
	s := sampleSite(t)
	pages := guidePages(t, s.Dir)
	sections := map[string]bool{}
	filepath.WalkDir(filepath.Join("..", "..", "content", guideDir), func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			rel, _ := filepath.Rel(filepath.Join("..", "..", "content"), p)
			sections[filepath.ToSlash(rel)+"/index.html"] = true
		}
		return nil
	})
	for rel, doc := range pages {
		if sections[rel] {
			continue
		}
		if len(find(doc, func(n *html.Node) bool { return n.Data == "dl" && hasClass(n, "howto-facts") })) != 1 {
			t.Errorf("%s: no how-to facts (who, what you need, how long, fee, where)", rel)
		}
		steps := find(doc, func(n *html.Node) bool { return n.Data == "li" && hasClass(n, "step") })
		if len(steps) == 0 {
			t.Errorf("%s: no steps", rel)
		}
		for i, st := range steps {
			h := find(st, func(n *html.Node) bool { return n.Data == "h3" })
			p := find(st, func(n *html.Node) bool { return n.Data == "p" })
			if len(h) != 1 || len(p) != 1 {
				t.Errorf("%s step %d: want one heading and one paragraph", rel, i+1)
				continue
			}
			title := strings.TrimPrefix(text(h[0]), fmt.Sprintf("Bước %d: ", i+1))
			say := text(p[0])
			svgs := find(st, func(n *html.Node) bool { return n.Data == "svg" })
			if !strings.Contains(strings.ToLower(say), "bấm") {
				continue
			}
			if len(svgs) != 1 {
				t.Errorf("%s step %d (%q) is done on a phone but has %d pictures", rel, i+1, title, len(svgs))
				continue
			}
			want := fmt.Sprintf("Bước %d: %s. %s", i+1, title, say)
			if got := attr(svgs[0], "aria-label"); got != want || attr(svgs[0], "role") != "img" {
				t.Errorf("%s step %d: picture's text alternative %q, want the step %q", rel, i+1, got, want)
			}
			caps := find(st, func(n *html.Node) bool { return n.Data == "figcaption" })
			if len(caps) != 1 || !strings.HasPrefix(text(caps[0]), "Hình minh họa") {
				t.Errorf("%s step %d: no caption “Hình minh họa…”", rel, i+1)
			}
		}
	}
}

// TestJourneyPanel checks, in the HTML as served (no script runs), that
// every page of the VNeID journey shows the journey twice — a <details>
// for phones and a side panel — each marking this page, and only it, as
// the current step with the words “bạn đang ở đây”.
func TestJourneyPanel(t *testing.T) {
	t.Parallel()
	s := sampleSite(t)
	pages := guidePages(t, s.Dir)
	journey := []string{
		"huong-dan/vneid/dang-ky-muc-do-1/index.html",
		"huong-dan/vneid/kich-hoat/index.html",
		"huong-dan/vneid/dang-ky-muc-do-2/index.html",
		"huong-dan/cccd/kham-benh-bhyt/index.html",
		"huong-dan/vneid/thong-bao-luu-tru/index.html",
		"huong-dan/dich-vu-cong/nop-ho-so/index.html",
	}
	for i, rel := range journey {
		doc := pages[rel]
		if doc == nil {
			t.Errorf("%s not built", rel)
			continue
		}
		narrow := find(doc, func(n *html.Node) bool { return n.Data == "details" && hasClass(n, "journey-narrow") })
		wide := find(doc, func(n *html.Node) bool { return n.Data == "aside" && hasClass(n, "journey-wide") })
		if len(narrow) != 1 || len(wide) != 1 {
			t.Errorf("%s: %d <details> and %d side panels of the journey, want 1 and 1", rel, len(narrow), len(wide))
			continue
		}
		for _, panel := range []*html.Node{narrow[0], wide[0]} {
			items := find(panel, func(n *html.Node) bool { return n.Data == "li" })
			if len(items) != len(journey) {
				t.Errorf("%s: %d steps in the journey, want %d", rel, len(items), len(journey))
				continue
			}
			for j, li := range items {
				cur := find(li, func(n *html.Node) bool { return attr(n, "aria-current") == "step" })
				links := find(li, func(n *html.Node) bool { return n.Data == "a" })
				if j == i && (len(cur) != 1 || len(links) != 0 || !strings.Contains(text(li), "bạn đang ở đây")) {
					t.Errorf("%s: step %d is this page but is not marked “bạn đang ở đây” (or links to itself)", rel, j+1)
				}
				if j != i && (len(cur) != 0 || len(links) != 1) {
					t.Errorf("%s: step %d is another page but is not a plain link", rel, j+1)
				}
			}
		}
	}
}

// plainRules are what the plain-language test reads from the theme's
// Vietnamese strings, next to the glossary: "abbr-<X>" spells out the
// abbreviation X, and "plain-jargon" lists the words of the plan (entries
// as in the glossary: " | " between them, "re:" for a regular expression)
// that citizen pages do not use.
type plainRules struct {
	abbr   map[string]string
	jargon []glossaryMatcher
}

func loadPlainRules(t *testing.T) plainRules {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(glossaryFile)))
	if err != nil {
		t.Fatal(err)
	}
	strs := map[string]string{}
	if _, err := toml.Decode(string(b), &strs); err != nil {
		t.Fatal(err)
	}
	r := plainRules{abbr: map[string]string{}}
	for k, v := range strs {
		if x, ok := strings.CutPrefix(k, "abbr-"); ok {
			r.abbr[x] = v
		}
	}
	for _, w := range strings.Split(strs["plain-jargon"], " | ") {
		if w = strings.TrimSpace(w); w == "" {
			continue
		}
		m := glossaryMatcher{Text: w}
		if expr, ok := strings.CutPrefix(w, "re:"); ok {
			m.re = regexp.MustCompile(expr)
		}
		r.jargon = append(r.jargon, m)
	}
	if len(r.abbr) < 5 || len(r.jargon) == 0 {
		t.Fatalf("%s: want abbr-<X> keys and plain-jargon", glossaryFile)
	}
	return r
}

// blockTexts is the reader's text of the page's article, one string per
// block (paragraph, list item, heading, cell, caption), without the
// navigation and the pictures.
func blockTexts(doc *html.Node) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	block := map[string]bool{"p": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true, "dt": true, "dd": true,
		"td": true, "th": true, "figcaption": true, "summary": true, "blockquote": true, "div": true, "section": true, "ul": true, "ol": true}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "nav" || n.Data == "svg" || n.Data == "script" || n.Data == "aside", hasClass(n, "journey"), hasClass(n, "page-foot"):
				return
			}
			if block[n.Data] {
				flush()
			}
		}
		if n.Type == html.TextNode {
			cur.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && block[n.Data] {
			flush()
		}
	}
	for _, a := range find(doc, func(n *html.Node) bool { return n.Data == "article" }) {
		walk(a)
	}
	flush()
	return out
}

var sentenceEnd = regexp.MustCompile(`[.!?…]["”’)]*\s+`)

// TestPlainLanguage reads every guidance page as a citizen does and
// reports sentences longer than maxSentenceWords words, an abbreviation
// used before it is spelled out on the page (the words of its abbr-<X>
// before it, or within a few words after it: “mã OTP (mật khẩu dùng một
// lần)”), and the plan's jargon.
func TestPlainLanguage(t *testing.T) {
	t.Parallel()
	rules := loadPlainRules(t)
	s := sampleSite(t)
	for rel, doc := range guidePages(t, s.Dir) {
		blocks := blockTexts(doc)
		all := strings.Join(blocks, "\n")
		for _, b := range blocks {
			for _, sent := range sentenceEnd.Split(b, -1) {
				if n := len(strings.Fields(sent)); n > maxSentenceWords {
					t.Errorf("%s: a sentence of %d words (at most %d): %q", rel, n, maxSentenceWords, sent)
				}
			}
		}
		lower := strings.ToLower(all)
		for x, spelled := range rules.abbr {
			re := regexp.MustCompile(`(^|[^\pL\pN])` + regexp.QuoteMeta(x) + `($|[^\pL\pN])`)
			loc := re.FindStringIndex(all)
			if loc == nil {
				continue
			}
			after := loc[1]
			for k := 0; k < 60 && after < len(all); k++ {
				_, w := utf8.DecodeRuneInString(all[after:])
				after += w
			}
			if !strings.Contains(lower[:after], strings.ToLower(spelled)) {
				t.Errorf("%s: %s is used before it is spelled out (%q): %s", rel, x, spelled, around(all, all[loc[0]:loc[1]]))
			}
		}
		for _, m := range rules.jargon {
			for _, w := range m.find(all) {
				t.Errorf("%s: plan jargon %q on a citizen page: %s", rel, w, around(all, w))
			}
		}
	}
}
