package view

import (
	"slices"
	"strings"

	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/vi"
)

// TopicsPath lists the topics (chủ đề): the tags, and categories, of the
// content pages' front matter. Each topic has its page below it, at the
// Vietnamese slug of its name, with an Atom feed.
const TopicsPath = "/chu-de/"

// TopicsView is the view of /chu-de/: every topic, in Vietnamese order.
type TopicsView struct {
	Topics []TopicRef
}

// TopicRef is a topic and how many pages it has, formatted.
type TopicRef struct {
	Name, Path string
	Count      string
}

// TopicView is the view of /chu-de/<slug>/: the topic's pages, newest
// first, then by title; Feed is the site path of its Atom feed, "" when
// the site's addresses are not absolute (a feed needs them).
type TopicView struct {
	Name  string
	Pages []*site.Page
	Feed  string
}

// FeedOptions is what an Atom feed says of the site.
type FeedOptions struct {
	Absolute      bool
	Title, Author string
	URLs          site.URLs
}

// Topics makes the topic pages of the pages in the site's language and
// sets each page's Topics; tags whose slugs are the same are one topic,
// named as its first page, in path order, writes it. It returns the pages
// (none without tags) and, in Out, one feed per topic.
func Topics(env Env, pages []*site.Page, feed FeedOptions) ([]*site.Page, Out) {
	type topic struct {
		ref   TopicRef
		pages []*site.Page
	}
	bySlug := map[string]*topic{}
	var slugs []string
	for _, p := range pages {
		p.Topics = nil
		if p.File == "" || p.Lang != env.Lang || p.IsSection() {
			continue
		}
		for _, tag := range p.Tags {
			slug := vi.Slug(tag)
			if slug == "" {
				continue
			}
			t, ok := bySlug[slug]
			if !ok {
				t = &topic{ref: TopicRef{Name: tag, Path: TopicsPath + slug + "/"}}
				bySlug[slug] = t
				slugs = append(slugs, slug)
			}
			if !slices.Contains(t.pages, p) {
				t.pages = append(t.pages, p)
				p.Topics = append(p.Topics, site.Link{Title: t.ref.Name, Path: t.ref.Path})
			}
		}
	}
	if len(slugs) == 0 {
		return nil, Out{}
	}
	index := env.page(&site.Page{Path: TopicsPath, Layout: "topics", Title: env.T("topicsTitle"), Description: env.T("topicsDescription")}, nil)
	iv := &TopicsView{}
	out := []*site.Page{index}
	var o Out
	slices.SortFunc(slugs, func(a, b string) int { return vi.Compare(bySlug[a].ref.Name, bySlug[b].ref.Name) })
	for _, slug := range slugs {
		t := bySlug[slug]
		t.ref.Count = env.loc().Int(int64(len(t.pages)))
		iv.Topics = append(iv.Topics, t.ref)
		slices.SortStableFunc(t.pages, func(a, b *site.Page) int {
			if c := b.Date.Compare(a.Date); c != 0 {
				return c
			}
			return vi.Compare(a.Title, b.Title)
		})
		tv := &TopicView{Name: t.ref.Name, Pages: t.pages}
		var titles []string
		for _, p := range t.pages {
			titles = append(titles, p.Title)
		}
		tp := env.page(&site.Page{Path: t.ref.Path, Layout: "topic", Title: t.ref.Name, Data: tv,
			Description: env.T("topicDescription") + " " + t.ref.Name + ".", Plain: strings.Join(titles, ". ")}, index)
		if feed.Absolute {
			tv.Feed = t.ref.Path + "atom.xml"
			o.Files = append(o.Files, File{Path: strings.TrimPrefix(tv.Feed, "/"), Data: topicFeed(env, feed, t.ref, t.pages)})
		}
		out = append(out, tp)
	}
	index.Data = iv
	return out, o
}

// topicFeed is the Atom feed of a topic: its 30 latest dated pages.
func topicFeed(env Env, feed FeedOptions, t TopicRef, pages []*site.Page) []byte {
	var entries []output.FeedEntry
	for _, p := range pages {
		if !p.Updated().IsZero() {
			entries = append(entries, output.FeedEntry{Title: p.Title, URL: feed.URLs.Abs(p.Path), Summary: p.Summary, Updated: p.Updated()})
		}
	}
	slices.SortStableFunc(entries, func(a, c output.FeedEntry) int {
		if d := c.Updated.Compare(a.Updated); d != 0 {
			return d
		}
		return strings.Compare(a.URL, c.URL)
	})
	return output.Atom(env.Lang, feed.Title+" – "+t.Name, feed.Author, feed.URLs.Abs(t.Path), feed.URLs.Abs(t.Path+"atom.xml"), entries[:min(len(entries), 30)])
}

// Bylines sets the byline of each page with an author: linked to the
// unit's page when the author is the id of a unit of data/units.toml, as
// written otherwise.
func Bylines(env Env, pages []*site.Page) {
	for _, p := range pages {
		p.Byline = site.Link{}
		if p.Author == "" {
			continue
		}
		p.Byline.Title = p.Author
		if env.Units != nil {
			if u, ok := env.Units.ByID(p.Author); ok {
				p.Byline = site.Link{Title: u.Name, Path: UnitsPath + u.ID + "/"}
			}
		}
	}
}
