// Package site is tiendo's shared model: the pages of a site and the menus
// and sections that tie them together. Loaders fill it, later stages read it.
package site

import (
	"github.com/tiendo/tiendo/internal/spill"
	"html/template"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/config"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/markdown"
)

// Kind is what a page is.
type Kind string

const (
	KindHome    Kind = "home"
	KindSection Kind = "section"
	KindPage    Kind = "page"
	// KindGenerated is a page made from data (indicators, tasks, reports),
	// rendered with its own layout.
	KindGenerated Kind = "generated"
)

// Page is one page of the site.
type Page struct {
	Kind Kind
	// File is the source path relative to the site root, "" for generated pages.
	File string
	Lang string

	Title       string
	Description string
	Summary     string
	Layout      string
	Date        time.Time
	Lastmod     time.Time
	Weight      int
	Draft       bool
	TOC         bool
	Slug        string
	Aliases     []string
	Menu        string
	// LinkTitle is the short title of menus and breadcrumbs (front matter
	// linkTitle); see ShortTitle.
	LinkTitle string
	// PublishDate and ExpiryDate bound when the page is published: from
	// the one, until the other (zero: no bound). A page outside them at
	// the build's moment is not loaded at all.
	PublishDate, ExpiryDate time.Time
	// Author is the front matter's author as written; Byline what the page
	// shows, linked to the unit's page when Author is a unit's id.
	Author string
	Byline Link
	// Tags are the page's topics as written (tags, and categories, of the
	// front matter); Topics their pages, once made.
	Tags   []string
	Topics []Link
	// Images are files of the site; the first is the image shown when the
	// page is shared (og:image). ImagesPos is where the key is written.
	Images    []string
	ImagesPos diag.Pos
	// ShareImage is the site path of the first of Images, once checked, or
	// of the image tiendo draws for a page made from data (view.Shares),
	// which also sets ShareAlt, the image in words, and its size.
	ShareImage              string
	ShareAlt                string
	ShareWidth, ShareHeight int
	Keywords                []string
	// SlugPos is where slug is written in the front matter; AliasPos[i]
	// where Aliases[i] is (for a string, its opening quote).
	SlugPos  diag.Pos
	AliasPos []diag.Pos
	// Source is, for a page made from data, the entry of data/ it shows:
	// the [[indicator]], [[unit]] or [[service]] table; it is empty for the
	// pages every site has (lists, the method page, search). For a section
	// without _index.md, it is the first page in its folder.
	Source diag.Pos

	// Path is the URL path below the site's base path, beginning and ending
	// with "/": "/huong-dan/vneid/". The home page is "/".
	Path string
	// SectionPath is the Path of the section holding the page ("/" for the
	// home page's children).
	SectionPath string
	Parent      *Page
	// Pages are a section's children, sorted for listing.
	Pages []*Page
	// Translations are the same page in the site's other languages.
	Translations []*Page

	// Body is the Markdown body; BodyLine the file line its first line is on.
	// BodyLater holds Body instead, when the load stage keeps bodies in a
	// spill store to bound a large site's memory (content.Body).
	Body      []byte
	BodyLine  int
	BodyLater spill.Ref
	Doc       *markdown.Doc
	Content   template.HTML
	Headings  []markdown.Heading
	Plain     string

	// HowTo is the structured guidance of the page ([howto]), nil for
	// none; Journey the journey its front matter declares, nil for none.
	HowTo   *HowTo
	Journey *Journey

	// Data carries what a generated page's layout needs, and a guidance
	// page's view (view.GuideView).
	Data any
	// Charts is set when the page holds charts, so the layout loads the
	// script that makes them interactive.
	Charts bool
	// Feed is the site path of the page's own Atom feed, "" for none; the
	// layout links it with <link rel="alternate"> and in the page.
	Feed string
}

// Link is a title and the site path it links to ("" for none).
type Link struct {
	Title, Path string
}

// ShortTitle is the title menus and breadcrumbs show: LinkTitle, else
// Title.
func (p *Page) ShortTitle() string {
	if p.LinkTitle != "" {
		return p.LinkTitle
	}
	return p.Title
}

// IsSection reports whether the page lists others (home or a section).
func (p *Page) IsSection() bool { return p.Kind == KindHome || p.Kind == KindSection }

// Ancestors returns the chain from the home page down to the page's parent.
func (p *Page) Ancestors() []*Page {
	var out []*Page
	for a := p.Parent; a != nil; a = a.Parent {
		out = append([]*Page{a}, out...)
	}
	return out
}

// TOCHeadings returns the headings between levels from and to.
func (p *Page) TOCHeadings(from, to int) []markdown.Heading {
	var out []markdown.Heading
	for _, h := range p.Headings {
		if h.Level >= from && h.Level <= to {
			out = append(out, h)
		}
	}
	return out
}

// OutputFile is where the page is written, relative to the output root.
func (p *Page) OutputFile() string {
	if p.Path == "/404/" {
		return "404.html"
	}
	return strings.TrimPrefix(p.Path, "/") + "index.html"
}

// MenuItem is a link in a menu, resolved to a site path or external URL.
type MenuItem struct {
	Name   string
	Path   string
	Weight int
	// External is set when Path is a full URL.
	External bool
}

// Site is everything a layout can see of the whole site.
type Site struct {
	Config config.Config
	// Now is the moment everything time-dependent is judged at (--now).
	Now time.Time
	// Clock says that Now is the wall clock when the site was built (no
	// asOf, no --now): the footer then says when the pages were made.
	Clock bool
	URLs  URLs
	Home  *Page
	Pages []*Page
	Menus map[string][]MenuItem
	// ByFile finds a content page by its source path.
	ByFile map[string]*Page
	// ByPath finds any page by its URL path.
	ByPath map[string]*Page
}

// Languages returns the site's languages, the default first.
func (s *Site) Languages() []string {
	out := []string{s.Config.LanguageCode}
	for _, l := range s.Config.Languages {
		if l != s.Config.LanguageCode {
			out = append(out, l)
		}
	}
	return out
}
