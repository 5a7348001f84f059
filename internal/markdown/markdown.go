// Package markdown is the one place that knows goldmark — the render stage
// for page bodies.
//
// Rendering a page is two steps, because links between pages need every
// page's headings: Parse turns a body into a Doc (AST, headings with
// Vietnamese-correct IDs, links with their positions), and Render writes HTML
// after the caller has decided where each link goes.
//
// Options: GFM (tables, strikethrough, autolinks, task lists), footnotes,
// typographer, definition lists and {#id .class} attributes on headings. Raw
// HTML is dropped unless the site allows it. Table cell alignment becomes a
// class (no style attributes, so pages work under a strict CSP).
package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tiendo/tiendo/internal/vi"
)

// Options select Markdown features.
type Options struct {
	Unsafe      bool
	Typographer bool
}

// Converter parses and renders Markdown. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
}

// New makes a Converter.
func New(o Options) *Converter {
	exts := []goldmark.Extender{
		extension.Strikethrough, extension.Linkify, extension.TaskList,
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Footnote,
		extension.DefinitionList,
		shortcodeExt{},
	}
	if o.Typographer {
		exts = append(exts, extension.NewTypographer())
	}
	rOpts := []goldmark.Option{}
	if o.Unsafe {
		rOpts = append(rOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	md := goldmark.New(append(rOpts,
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithHeadingAttribute(),
			parser.WithASTTransformers(util.Prioritized(tableAlign{}, 100)),
		),
	)...)
	return &Converter{md: md}
}

// Heading is a heading of a page body.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is a link or image destination found in a body, with its position
// (1-based line and rune column within the body).
type Link struct {
	Dest  string
	Line  int
	Col   int
	Image bool

	node ast.Node
}

// Doc is a parsed body.
type Doc struct {
	src        []byte
	root       ast.Node
	Headings   []Heading
	Links      []*Link
	Shortcodes []*Shortcode
}

// Parse parses a Markdown body.
func (c *Converter) Parse(src []byte) *Doc {
	ids := newIDs()
	ctx := parser.NewContext(parser.WithIDs(ids))
	root := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	d := &Doc{src: src, root: root}
	lines := newLineIndex(src)
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			d.Headings = append(d.Headings, Heading{Level: n.Level, ID: string(idb), Text: plainText(n, src)})
		case *ast.Link:
			line, col := lines.pos(linkOffset(n, src))
			d.Links = append(d.Links, &Link{Dest: string(n.Destination), Line: line, Col: col, node: n})
		case *shortcodeNode:
			line, col := lines.pos(n.off)
			d.Shortcodes = append(d.Shortcodes, &Shortcode{Name: n.name, Args: n.args, Line: line, Col: col, node: n})
		case *ast.Image:
			line, col := lines.pos(linkOffset(n, src) - 1)
			d.Links = append(d.Links, &Link{Dest: string(n.Destination), Line: line, Col: col, Image: true, node: n})
		}
		return ast.WalkContinue, nil
	})
	return d
}

// SetDest changes where a link points before rendering.
func (l *Link) SetDest(dest string) {
	switch n := l.node.(type) {
	case *ast.Link:
		n.Destination = []byte(dest)
	case *ast.Image:
		n.Destination = []byte(dest)
	}
}

// Render writes the body's HTML. Tables are wrapped in a box that scrolls
// sideways on its own on narrow screens.
func (c *Converter) Render(d *Doc) ([]byte, error) {
	var b bytes.Buffer
	if err := c.md.Renderer().Render(&b, d.src, d.root); err != nil {
		return nil, err
	}
	out := b.Bytes()
	if bytes.Contains(out, []byte("<table>")) {
		out = bytes.ReplaceAll(out, []byte("<table>"), []byte(`<div class="table-scroll" tabindex="0"><table>`))
		out = bytes.ReplaceAll(out, []byte("</table>"), []byte("</table></div>"))
	}
	return out, nil
}

// PlainText returns the body's text without markup, for summaries and search.
func (d *Doc) PlainText() string {
	var b strings.Builder
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(d.src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.CodeSpan:
			b.WriteString(plainText(n, d.src))
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// FirstParagraph returns the text of the first paragraph, for summaries.
func (d *Doc) FirstParagraph() string {
	for n := d.root.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindParagraph {
			return strings.Join(strings.Fields(plainText(n, d.src)), " ")
		}
	}
	return ""
}

func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// linkOffset finds the byte offset of the '[' that opens a link: the first
// text inside it, stepped back over the bracket.
func linkOffset(n ast.Node, src []byte) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off < 0 {
		// An empty link text: fall back to the enclosing block's start.
		for p := n.Parent(); p != nil; p = p.Parent() {
			if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
				return p.Lines().At(0).Start
			}
		}
		return 0
	}
	for i := off - 1; i >= 0 && i >= off-4; i-- {
		if src[i] == '[' {
			return i
		}
	}
	return off
}

type lineIndex struct {
	src    []byte
	starts []int
}

func newLineIndex(src []byte) lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src, starts}
}

// pos converts a byte offset to a 1-based line and rune column.
func (li lineIndex) pos(off int) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > len(li.src) {
		off = len(li.src)
	}
	lo, hi := 0, len(li.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, utf8.RuneCount(li.src[li.starts[lo]:off]) + 1
}

// ids gives headings Vietnamese-correct, page-unique IDs. goldmark's default
// drops every non-ASCII letter ("Hướng dẫn" → "hng-dn").
type ids struct{ used map[string]bool }

func newIDs() *ids { return &ids{used: map[string]bool{}} }

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := vi.Slug(string(value))
	if base == "" {
		base = "muc"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }

// tableAlign turns GFM column alignment into classes and marks header cells
// as column headers.
type tableAlign struct{}

func (tableAlign) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		cell, ok := n.(*east.TableCell)
		if !ok {
			return ast.WalkContinue, nil
		}
		switch cell.Alignment {
		case east.AlignRight:
			cell.SetAttributeString("class", []byte("align-right"))
		case east.AlignCenter:
			cell.SetAttributeString("class", []byte("align-center"))
		}
		if _, ok := cell.Parent().(*east.TableHeader); ok {
			cell.SetAttributeString("scope", []byte("col"))
		}
		return ast.WalkContinue, nil
	})
}
