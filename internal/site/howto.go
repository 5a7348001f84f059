package site

import (
	"reflect"
	"slices"
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
)

// HowTo is a guidance page's structured part, the [howto] table of its
// front matter: who it is for, what to bring, how long it takes, the fee,
// where it is done, then the steps. The theme shows it the same way on
// every page that has one.
type HowTo struct {
	Who      string
	Needs    []string
	Duration string // "" when the page does not know: the theme says whom to ask
	Fee      string // "" likewise; never guessed
	Place    string
	// URL is the official site where it is done ("" for none), an http or
	// https address.
	URL string
	// Unit is the id of a unit of data/units.toml where the citizen can
	// ask or go ("" for none); UnitPos is where it is written.
	Unit    string
	UnitPos diag.Pos
	Steps   []Step
}

// Step is one numbered step. A step done on a phone names the screen it
// happens on and the button to press; the build draws a schematic
// picture of that screen.
type Step struct {
	// ID is the step's anchor, made like a heading's from "Bước N: Title"
	// ("Step N: …" on an English page), so a link can point at a step.
	ID             string
	Title, Text    string
	Screen, Button string
}

// OnPhone reports whether the step happens on a phone screen.
func (s Step) OnPhone() bool { return s.Screen != "" }

// Journey is a set of guidance pages that belong together, in the order a
// citizen follows them, declared once in the front matter of one page
// (journey = {title, pages}).
type Journey struct {
	Title string
	// Files are the content files as written (from content/), FilePos
	// where each is written; Pages the pages, once resolved.
	Files   []string
	FilePos []diag.Pos
	Pages   []*Page
	// Owner is the page declaring the journey.
	Owner *Page
}

// SameGuide reports whether two versions of a page hold the same how-to
// and declare the same journey (as written: the pages it names are
// resolved by the build).
func SameGuide(a, c *Page) bool {
	if (a.Journey == nil) != (c.Journey == nil) {
		return false
	}
	if a.Journey != nil && (a.Journey.Title != c.Journey.Title || !slices.Equal(a.Journey.Files, c.Journey.Files)) {
		return false
	}
	return reflect.DeepEqual(a.HowTo, c.HowTo)
}

// Plain is the text of the how-to for the search index: every fact and
// step, one paragraph each; "" for none.
func (h *HowTo) Plain() string {
	if h == nil {
		return ""
	}
	parts := append([]string{h.Who}, h.Needs...)
	parts = append(parts, h.Duration, h.Fee, h.Place)
	for _, s := range h.Steps {
		parts = append(parts, s.Title, s.Text)
	}
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), "\n\n") + "\n\n"
}

// HasStep reports whether one of the how-to's steps has the anchor id.
func (h *HowTo) HasStep(id string) bool {
	return h != nil && slices.ContainsFunc(h.Steps, func(s Step) bool { return s.ID == id })
}
