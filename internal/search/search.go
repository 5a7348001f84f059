package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/par"
	"github.com/tiendo/tiendo/internal/vi"
)

// Kinds of documents. The client labels indicators and tasks in results.
const (
	KindPage      = "page"
	KindIndicator = "indicator"
	KindTask      = "task"
)

// version is the payload format's version ("v"); search.js refuses other
// versions rather than misreading them.
const version = 1

// How much of each document's body text the index keeps, in bytes, cut at
// a word boundary: an equal share of textBudget, between minText and
// maxText (see the package documentation for the sizes this gives).
const (
	maxText    = 3000
	minText    = 160
	textBudget = 400_000
)

// textRead times a document's share of text is what Index reads of its
// Text, so that enough is left for the share once white space is folded.
const textRead = 4

// maxHeadings bounds the headings kept per document, for the same reason.
const maxHeadings = 40

// Doc is one searchable thing: a page, an indicator or a task.
type Doc struct {
	// ID is unique among the documents; empty means Path.
	ID string
	// Title is shown as the result's link text.
	Title string
	// Section is the title of the section the document belongs to, shown
	// under the title; empty for none.
	Section string
	// Path is the site path the result links to ("/huong-dan/vneid/",
	// "/nhiem-vu/#nv-1-2"), below the site's base path.
	Path string
	// Text is the body as plain text; only its start is kept (textLimit).
	Text     string
	Headings []string
	// Kind is KindPage (or empty), KindIndicator or KindTask.
	Kind string
}

// PageView is the Data of the search page, for the layout search.html.
type PageView struct {
	// IndexURL is the site path of the index JSON ("/tim-kiem/index.json").
	IndexURL string
	// Groups list every page for readers without JavaScript.
	Groups []Group
}

// Group is a titled list of pages; Title may be empty for pages outside
// any section.
type Group struct {
	Title string
	Pages []Link
}

// Link is a page of Group.
type Link struct {
	Title, Path string
}

// payload is the JSON search.js loads. The names are short because they
// repeat for every document.
type payload struct {
	Version int    `json:"v"`
	Lang    string `json:"l"`
	// Sections are the distinct section titles; entries refer to them by
	// position, 1-based, so that 0 (omitted) means none.
	Sections []string `json:"s"`
	Docs     []entry  `json:"d"`
}

type entry struct {
	Title    string   `json:"t"`
	Path     string   `json:"p"`
	Section  int      `json:"s,omitempty"`
	Kind     string   `json:"k,omitempty"`
	Headings []string `json:"h,omitempty"`
	Text     string   `json:"x,omitempty"`
}

// Index returns the search index of docs as the JSON search.js loads: the
// documents themselves, in NFC with their text cut (see textLimit), in
// the order given. The browser builds the MiniSearch index from them (see
// the package documentation for why). lang is the site's language ("vi",
// "en"). It fails on a document without a title or path, an unknown kind,
// or two documents with one ID.
func Index(docs []Doc, lang string) ([]byte, error) {
	p := payload{Version: version, Lang: lang, Sections: []string{}, Docs: make([]entry, len(docs))}
	limit := textLimit(len(docs))
	seen := make(map[string]bool, len(docs))
	for i, d := range docs {
		id := d.ID
		if id == "" {
			id = d.Path
		}
		switch {
		case strings.TrimSpace(d.Title) == "":
			return nil, fmt.Errorf("search: document %d (%q): no title", i, id)
		case !strings.HasPrefix(d.Path, "/"):
			return nil, fmt.Errorf("search: document %q: path %q is not a site path", id, d.Path)
		case seen[id]:
			return nil, fmt.Errorf("search: two documents with ID %q", id)
		case d.Kind != "" && d.Kind != KindPage && d.Kind != KindIndicator && d.Kind != KindTask:
			return nil, fmt.Errorf("search: document %q: unknown kind %q", id, d.Kind)
		}
		seen[id] = true
	}
	// Cleaning the text is most of the work, and each document's is its own.
	sections := make([]string, len(docs))
	par.For(len(docs), func(i int) {
		d := docs[i]
		e := entry{Title: clean(d.Title), Path: d.Path, Text: cut(clean(cut(d.Text, textRead*limit)), limit)}
		if d.Kind == KindIndicator || d.Kind == KindTask {
			e.Kind = d.Kind
		}
		for _, h := range d.Headings[:min(len(d.Headings), maxHeadings)] {
			if h := clean(h); h != "" {
				e.Headings = append(e.Headings, h)
			}
		}
		p.Docs[i], sections[i] = e, clean(d.Section)
	})
	numbers := map[string]int{}
	for i, s := range sections {
		if s == "" {
			continue
		}
		n, ok := numbers[s]
		if !ok {
			p.Sections = append(p.Sections, s)
			n = len(p.Sections)
			numbers[s] = n
		}
		p.Docs[i].Section = n
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	// Escaping <, > and & as \u003c… would only cost bytes: the client
	// puts every string in the page with textContent.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// TextNeeded is how many bytes at the start of a document's Text Index
// reads when it indexes n or more documents. A text cut to its longest
// start of at most that many bytes that ends where a character starts
// gives the same index.
func TextNeeded(n int) int {
	return textRead*textLimit(n) + utf8.UTFMax
}

// textLimit is how many bytes of body text Index keeps of each of n
// documents.
func textLimit(n int) int {
	if n <= 0 {
		return maxText
	}
	return max(minText, min(maxText, textBudget/n))
}

// clean composes s (NFC) and makes every run of white space one space, so
// that offsets the client computes on the text are offsets in what it
// shows.
func clean(s string) string {
	s = vi.NFC(s)
	if collapsed(s) {
		return s // most text is, a page's text always
	}
	return strings.Join(strings.Fields(s), " ")
}

// collapsed reports whether the only white space in s is single spaces
// between words, so that clean need not split and join it.
func collapsed(s string) bool {
	space := true // after white space, or at the start
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if c == ' ' || '\t' <= c && c <= '\r' {
				if c != ' ' || space {
					return false
				}
				space = true
			} else {
				space = false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		space = false
		i += n
	}
	return !space || s == ""
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// cut returns s cut to at most n bytes at the last word boundary, without
// the punctuation or space before the cut.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	if r, _ := utf8.DecodeRuneInString(s[i:]); isWord(r) {
		if j := strings.LastIndexByte(s[:i], ' '); j > n/2 {
			i = j
		}
	}
	return strings.TrimRightFunc(s[:i], func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	})
}
