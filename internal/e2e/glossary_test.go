package e2e

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html"
)

// The glossary lives in the theme's Vietnamese strings: "glossary-<term>" is
// the word the site uses for a concept, "glossary-<term>-not" the words it
// must not use for it, separated by " | ". An entry starting with "re:" is a
// Go regular expression; any other entry is matched as it is, case and
// diacritics included ("thứ Ba" is a weekday, "thứ ba" may be an ordinal).
const (
	glossaryFile   = "themes/default/i18n/vi.toml"
	glossaryPrefix = "glossary-"
	glossaryNot    = "-not"
)

// pendingCode lists glossary terms whose "not this" words a page made by the
// generator (not from content/) still shows because Go code outside this
// package writes them; the owners of that code are changing it. On such pages
// the words are logged, not failed; on pages made from content/ they always
// fail. An entry whose words no longer appear anywhere fails the test, so
// that it is removed as soon as the code is fixed.
var pendingCode = map[string]string{}

type glossaryTerm struct {
	Name   string
	Chosen string
	Not    []glossaryMatcher
}

type glossaryMatcher struct {
	Text string         // as written in the i18n file
	re   *regexp.Regexp // nil for a literal
}

// find returns the matched words in text.
func (m glossaryMatcher) find(text string) []string {
	if m.re != nil {
		return m.re.FindAllString(text, -1)
	}
	var out []string
	for rest := text; ; {
		i := strings.Index(rest, m.Text)
		if i < 0 {
			return out
		}
		out = append(out, m.Text)
		rest = rest[i+len(m.Text):]
	}
}

// loadGlossary reads the glossary keys of an i18n file.
func loadGlossary(t *testing.T, file string) []glossaryTerm {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	strs := map[string]string{}
	if _, err := toml.Decode(string(b), &strs); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var terms []glossaryTerm
	for key, chosen := range strs {
		name, ok := strings.CutPrefix(key, glossaryPrefix)
		if !ok || strings.HasSuffix(name, glossaryNot) {
			continue
		}
		term := glossaryTerm{Name: name, Chosen: chosen}
		not, ok := strs[key+glossaryNot]
		if !ok {
			t.Errorf("%s: %s has no %s%s: list the words not to use", file, key, key, glossaryNot)
			continue
		}
		for _, w := range strings.Split(not, " | ") {
			w = strings.TrimSpace(w)
			if w == "" {
				continue
			}
			m := glossaryMatcher{Text: w}
			if expr, isRe := strings.CutPrefix(w, "re:"); isRe {
				re, err := regexp.Compile(expr)
				if err != nil {
					t.Errorf("%s: %s%s: %v", file, key, glossaryNot, err)
					continue
				}
				m.re = re
			}
			if len(m.find(chosen)) > 0 {
				t.Errorf("%s: %s%s entry %q matches the chosen word %q", file, key, glossaryNot, w, chosen)
			}
			term.Not = append(term.Not, m)
		}
		terms = append(terms, term)
	}
	for key := range strs {
		if name, ok := strings.CutPrefix(key, glossaryPrefix); ok && strings.HasSuffix(name, glossaryNot) {
			if _, ok := strs[strings.TrimSuffix(key, glossaryNot)]; !ok {
				t.Errorf("%s: %s has no chosen word %s", file, key, strings.TrimSuffix(key, glossaryNot))
			}
		}
	}
	slices.SortFunc(terms, func(a, b glossaryTerm) int { return strings.Compare(a.Name, b.Name) })
	return terms
}

// visibleText is the text a reader sees on an HTML page: text nodes outside
// script, style and template, one paragraph per block, whitespace collapsed.
func visibleText(body []byte) string {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "template":
				return
			}
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			b.WriteByte(' ')
		}
	}
	walk(doc)
	return strings.Join(strings.Fields(b.String()), " ")
}

// contentOutputs maps content/ files to the pages they become:
// content/a/_index.md → a/index.html, content/a/b.md → a/b/index.html.
func contentOutputs(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(strings.TrimSuffix(rel, ".md"))
		if base := path.Base(rel); base == "_index" || base == "index" {
			rel = path.Dir(rel)
		}
		out[path.Join(rel, "index.html")] = "content/" + filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// around is the text near a match, for the message.
func around(text, word string) string {
	i := strings.Index(text, word)
	if i < 0 {
		return word
	}
	from, to := max(0, i-40), min(len(text), i+len(word)+40)
	for from > 0 && !isRuneStart(text[from]) {
		from--
	}
	for to < len(text) && !isRuneStart(text[to]) {
		to++
	}
	return "…" + text[from:to] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// TestGlossary builds the sample site and fails when a page's visible text
// uses a word from a glossary term's "not this" list (see pendingCode for
// the exceptions on generated pages).
func TestGlossary(t *testing.T) {
	root := filepath.Join("..", "..")
	terms := loadGlossary(t, filepath.Join(root, filepath.FromSlash(glossaryFile)))
	if len(terms) == 0 {
		t.Fatalf("%s has no glossary-<term> keys", glossaryFile)
	}
	fromContent := contentOutputs(t, filepath.Join(root, "content"))
	s := sampleSite(t)

	seenPending := map[string]int{}
	pages := 0
	err := filepath.WalkDir(s.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		body, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.Dir, p)
		rel = filepath.ToSlash(rel)
		src, isContent := fromContent[rel]
		text := visibleText(body)
		pages++
		for _, term := range terms {
			for _, m := range term.Not {
				for _, word := range m.find(text) {
					where := rel
					if isContent {
						where = rel + " (from " + src + ")"
					}
					if reason, ok := pendingCode[term.Name]; ok && !isContent {
						seenPending[term.Name]++
						if seenPending[term.Name] == 1 {
							t.Logf("pending code change (%s): %s shows %q; %s", term.Name, rel, word, reason)
						}
						continue
					}
					t.Errorf("%s: %q is not the site's word for %s; write %q: %s",
						where, word, term.Name, term.Chosen, around(text, word))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages == 0 {
		t.Fatal("no pages in the build")
	}
	for name := range pendingCode {
		if !slices.ContainsFunc(terms, func(g glossaryTerm) bool { return g.Name == name }) {
			t.Errorf("pendingCode names %q, which is not a glossary term in %s", name, glossaryFile)
		} else if seenPending[name] == 0 {
			t.Errorf("pendingCode[%q] is no longer needed: no page shows its words; remove the entry", name)
		} else {
			t.Logf("pending code change (%s): %d occurrences on generated pages", name, seenPending[name])
		}
	}
}

// TestGlossaryMatcher checks the test's own reading of pages and words,
// without building the site.
func TestGlossaryMatcher(t *testing.T) {
	page := []byte(`<html><head><title>Báo cáo</title><style>p{content:"hằng tuần"}</style></head>` +
		`<body><p>Gửi trước 09h ngày <b>Thứ Ba</b> hằng tuần.</p><script>var s = "Trễ hạn";</script>` +
		`<p>Nhiệm vụ 3.2.4 và 3.2(4), thứ ba trong danh sách.</p></body></html>`)
	text := visibleText(page)
	if strings.Contains(text, "Trễ hạn") || strings.Contains(text, "content:") {
		t.Errorf("visibleText kept script or style: %q", text)
	}
	re := glossaryMatcher{Text: `re:\b[1-6]\.[1-7]\.[1-9]\b`, re: regexp.MustCompile(`\b[1-6]\.[1-7]\.[1-9]\b`)}
	cases := []struct {
		m    glossaryMatcher
		want int
	}{
		{glossaryMatcher{Text: "hằng tuần"}, 1},
		{glossaryMatcher{Text: "Thứ Ba"}, 1},
		{glossaryMatcher{Text: "thứ Ba"}, 0}, // "thứ ba" is an ordinal here
		{glossaryMatcher{Text: "Trễ hạn"}, 0},
		{re, 1},
	}
	for _, c := range cases {
		if got := len(c.m.find(text)); got != c.want {
			t.Errorf("%q in %q: %d matches, want %d", c.m.Text, text, got, c.want)
		}
	}
	if got := len(re.find("1.250 trường, 12/12 xã, 3.2(4), 2023-06-30")); got != 0 {
		t.Errorf("the task-code pattern matches ordinary numbers: %d", got)
	}
}
