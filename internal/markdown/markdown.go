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
//
// # Budget
//
// goldmark's parser takes time quadratic in the length of some inputs
// (goldmark v1.8.7; BenchmarkGoldmarkQuadratic shows it):
//
//   - parser/link.go, (*linkParser).Parse → parseLink → parseLinkDestination:
//     at each “](” the destination is looked for to the end of the line;
//     when no “)” closes it the position is reset and the next “](” looks
//     again: “![](” repeated, “[](”, “[a](b”.
//   - parser/link.go, (*linkParser).containsLink: each “]” walks every node
//     after its “[”, up to 999 brackets from the end of a run: “[” ×n then
//     “]” ×n.
//   - parser/delimiter.go, ProcessDelimiters: each closing “*” or “_” is
//     tried against every opener before it: “*a_ ” repeated.
//   - parser/link_ref.go, (*linkReferenceParagraphTransformer).Transform:
//     each link reference definition is cut from its paragraph by copying
//     the rest of the paragraph.
//   - parser/list.go: list markers nested on one line (“* * * … a”); pages
//     are refused past 100 levels before this (internal/content).
//
// Options.ParseBudget bounds the time one Parse may take. goldmark cannot be
// cancelled, so the Converter watches from inside it (budget.go): an inline
// parser placed before all others on the characters that start links,
// emphasis and code, the delimiters it meets, and the reader of the body's
// lines look at the clock every few dozen steps and, past the deadline,
// end the parse with a panic the Converter recovers. The parse stops within
// milliseconds of its budget and leaves no goroutine behind, so a dev
// server cannot pile up abandoned parses. A paragraph with more than
// 10,000 link reference definitions in a row is refused at once, as
// goldmark removes them without any step the watch could see. A body parsed
// within its budget gives exactly what it gives without one
// (FuzzParseBudget).
package markdown

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tiendo/tiendo/internal/spill"
	"github.com/tiendo/tiendo/internal/vi"
)

// Options select Markdown features.
type Options struct {
	Unsafe      bool
	Typographer bool
	// PlainTextMax bounds what Doc.PlainText keeps of a body's text: its
	// start, at most this many bytes, cut where a character starts. Zero
	// keeps the whole text. A site's search index reads only the start of
	// each page, and every page's Doc is held until all are rendered.
	PlainTextMax int
	// ParseBudget bounds how long parsing one body may take; zero means no
	// bound. A body that takes longer gives a Doc whose Err is
	// ErrTooComplex (see budget.go).
	ParseBudget time.Duration
	// Spill keeps each Doc's pre-rendered body between Parse and Render:
	// in memory up to its budget, beyond it in a temporary file (see
	// internal/spill). Nil keeps every body in memory.
	Spill *spill.Store
}

// Converter parses and renders Markdown. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
	// noLinkify is md without the extension that turns bare URLs and
	// e-mail addresses into links, for the bodies that have none (see
	// parse).
	noLinkify goldmark.Markdown
	unsafe    bool
	plainMax  int
	budget    time.Duration
	spill     *spill.Store
}

// New makes a Converter.
func New(o Options) *Converter {
	return &Converter{md: newGoldmark(o, true), noLinkify: newGoldmark(o, false), unsafe: o.Unsafe, plainMax: o.PlainTextMax,
		budget: o.ParseBudget, spill: o.Spill}
}

func newGoldmark(o Options, linkify bool) goldmark.Markdown {
	exts := []goldmark.Extender{
		extension.Strikethrough, extension.TaskList,
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Footnote,
		extension.DefinitionList,
		shortcodeExt{},
	}
	if linkify {
		exts = append(exts, extension.Linkify)
	}
	if o.Typographer {
		exts = append(exts, extension.NewTypographer())
	}
	rOpts := []goldmark.Option{}
	if o.Unsafe {
		rOpts = append(rOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	pOpts := []parser.Option{
		parser.WithAutoHeadingID(),
		parser.WithHeadingAttribute(),
	}
	if o.ParseBudget > 0 {
		pOpts = append(pOpts, parser.WithInlineParsers(util.Prioritized(watchdog{quotes: o.Typographer}, 0)),
			parser.WithParagraphTransformers(util.Prioritized(refRuns{}, 0)))
	}
	return goldmark.New(append(rOpts,
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(pOpts...),
		// Of two renderers of a kind of node, goldmark keeps the one of lower
		// priority: this one replaces the table extension's (500) for cells.
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(tableCells{}, 100))),
	)...)
}

// Heading is a heading of a page body.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is a link or image destination found in a body, with its position
// (1-based line and rune column within the body).
//
// Every link of every page waits in one of these from parse to link
// resolution (a million at 100,000 pages), so the fields are packed into
// 80 bytes: the syntax-tree node is in Doc.nodes, lines and columns are
// 32-bit.
type Link struct {
	Dest string
	// Alt is an image's text alternative, as plain text.
	Alt string
	// Ref is "ref" or "relref" for a link whose destination was Hugo's
	// shortcode, [text]({{< ref "page.md" >}}): Dest is its argument, and
	// Line and Col the shortcode's place.
	Ref string
	// dest is what SetDest chose; set tells it was called.
	dest      string
	Line, Col int32
	Image     bool
	set       bool
}

// Doc is a parsed body.
//
// A site's pages are all parsed before any is rendered (links need every
// page's headings), so what a Doc holds in between is multiplied by the
// number of pages: a goldmark AST is about nine times the size of its
// source, 500 MB for 10,000 pages of 6 KB. Parse therefore renders the body
// at once, with a placeholder where each link destination and shortcode
// goes, and drops the AST; Render only splices in the destinations and
// shortcode HTML chosen meanwhile. The output is byte for byte what
// rendering the AST would give. A body whose placeholders cannot be found
// exactly once each keeps its AST and is rendered from it.
type Doc struct {
	Headings   []Heading
	Links      []Link
	Shortcodes []*Shortcode
	// Stray are the places where {{< or {{% starts something that is not
	// a shortcode tiendo read, nor one escaped ({{</* … */>}}): one in
	// code, across lines, or malformed. Hugo would have run it, so it
	// must not reach the page as text.
	Stray []Stray

	plain, first string

	// html is the pre-rendered body, kept by the Converter's spill store,
	// and slots the placeholders in it, in order of offset.
	html  spill.Ref
	slots []slot

	// src and root are kept only when the body could not be pre-rendered;
	// nodes[i] is then the node of Links[i].
	src   []byte
	root  ast.Node
	nodes []ast.Node

	err error
}

// Stray is a {{< or {{% that starts no shortcode: its place in the body
// and the text from there to the end of its line.
type Stray struct {
	Line, Col int
	Text      string
}

// Err is ErrTooComplex when the body took longer to parse than
// Options.ParseBudget; the Doc is then empty.
func (d *Doc) Err() error { return d.err }

// slot is a placeholder in Doc.html: bytes [start, end) stand for a link's
// destination or a shortcode's HTML.
type slot struct {
	start, end int
	link       *Link
	sc         *Shortcode
	// dest is the link's destination once the Doc is Resolved, link nil.
	dest string
}

// Parse parses a Markdown body.
func (c *Converter) Parse(src []byte) *Doc {
	var w *watch
	if c.budget > 0 {
		w = &watch{deadline: time.Now().Add(c.budget)}
	}
	parsed, refs := refLinks(src)
	root, ids := c.parseWithin(parsed, w)
	if w != nil && (w.fired || time.Now().After(w.deadline)) {
		// A parse that ended past its deadline without meeting the
		// watchdog fails too, so that the budget means the same whatever
		// the body.
		return &Doc{err: ErrTooComplex}
	}
	k := keepers.Get().(*keeper)
	defer keepers.Put(k)
	d := k.docs.New()
	*d = Doc{src: src, root: root}
	lines := newLineIndex(src)
	seen := map[string]bool{}
	// One walk collects headings, links and shortcodes and writes the plain
	// text; none of the former can sit inside what the plain text skips.
	plain := spaceCollapser{b: getBuffer()}
	defer putBuffer(plain.b)
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				plain.space()
			}
			return ast.WalkContinue, nil
		}
		// Once the plain text holds more than it keeps, nothing written
		// after changes what it keeps (keepStart).
		more := c.plainMax == 0 || plain.b.Len() <= c.plainMax
		switch n := n.(type) {
		case *ast.Text:
			if more {
				plain.write(n.Segment.Value(src))
			}
			if n.SoftLineBreak() || n.HardLineBreak() {
				plain.space()
			}
		case *ast.String:
			if more {
				plain.write(n.Value)
			}
		case *ast.CodeSpan:
			if more {
				plain.write(unescapeInText([]byte(plainText(n, src))))
			}
			return ast.WalkSkipChildren, nil
		case *escapedShortcodeNode:
			if more {
				plain.write([]byte(n.text))
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			if len(idb) == 0 || seen[string(idb)] {
				// {#} or an id already taken: a unique one, as for a
				// heading without one.
				base := idb
				if len(base) == 0 {
					base = []byte(plainText(n, src))
				}
				idb = ids.Generate(base, n.Kind())
				n.SetAttributeString("id", idb)
			}
			seen[string(idb)] = true
			// {style=…}: the pages' CSP refuses inline styles.
			if _, ok := n.AttributeString("style"); ok {
				attrs := n.Attributes()
				n.RemoveAttributes()
				for _, a := range attrs {
					if string(a.Name) != "style" {
						n.SetAttribute(a.Name, a.Value)
					}
				}
			}
			d.Headings = append(d.Headings, Heading{Level: n.Level, ID: string(idb), Text: plainText(n, src)})
		case *ast.Link:
			if r, ok := refs.at[string(n.Destination)]; ok && !r.used {
				r.used = true
				n.Destination = []byte(r.arg)
				line, col := lines.pos(r.off)
				d.Links = append(d.Links, Link{Dest: r.arg, Line: int32(line), Col: int32(col), Ref: r.name})
				d.nodes = append(d.nodes, n)
				break
			}
			line, col := lines.pos(linkOffset(n, src))
			d.Links = append(d.Links, Link{Dest: string(n.Destination), Line: int32(line), Col: int32(col)})
			d.nodes = append(d.nodes, n)
		case *shortcodeNode:
			line, col := lines.pos(n.off)
			d.Shortcodes = append(d.Shortcodes, &Shortcode{Name: n.name, Args: n.args, Params: n.params, Line: line, Col: col, node: &n.shortcodeData})
		case *inlineShortcodeNode:
			line, col := lines.pos(n.off)
			d.Shortcodes = append(d.Shortcodes, &Shortcode{Name: n.name, Args: n.args, Params: n.params, Line: line, Col: col, Inline: true, node: &n.shortcodeData})
		case *ast.Image:
			line, col := lines.pos(linkOffset(n, src) - 1)
			d.Links = append(d.Links, Link{Dest: string(n.Destination), Line: int32(line), Col: int32(col), Image: true, Alt: plainText(n, src)})
			d.nodes = append(d.nodes, n)
		}
		return ast.WalkContinue, nil
	})
	d.Stray = strays(src, d, refs, lines)
	d.plain = k.text.Bytes(keepStart(plain.b.Bytes(), c.plainMax))
	d.first = d.firstParagraph()
	d.Headings = k.headings(d.Headings)
	c.prerender(d)
	d.slots = k.slots.Copy(d.slots)
	return d
}

// ParseLent is Parse for a src that the caller reuses once it returns. A
// Doc keeps nothing of its source, except one that keeps its tree (see
// Doc): that one is parsed again, from a copy.
func (c *Converter) ParseLent(src []byte) *Doc {
	d := c.Parse(src)
	if d.src != nil {
		return c.Parse(bytes.Clone(src))
	}
	return d
}

// parse parses src into a tree, with the IDs its headings took.
//
// Linkify, which makes links of bare URLs and e-mail addresses, costs a
// fifth of the parsing time even in bodies without any: goldmark offers it
// every space. So src is parsed without it, and again with it only if it
// could have made a link: if some text of the tree holds the start of
// "http:", "https:", "ftp:" or "www." or an "@" (where an e-mail address
// could begin, its "@" is text too). Up to the first link Linkify makes,
// the two parses differ only in where text is cut into nodes, at each
// space with Linkify, which changes no output but at the end of a line
// ending in white space, of which goldmark trims only the last node: such
// bodies are parsed with Linkify at once.
func (c *Converter) parse(src []byte) (ast.Node, *ids) { return c.parseWithin(src, nil) }

// parseWithin is parse within the budget of w, if any. When the watch
// fires, the tree is nil.
func (c *Converter) parseWithin(src []byte, w *watch) (ast.Node, *ids) {
	if !spaceAtLineEnd(src) {
		root, ids := parseWithin(c.noLinkify, src, w)
		if root == nil {
			return nil, ids
		}
		if at := linkifyCandidates(src); len(at) == 0 || !textAt(root, at) {
			return root, ids
		}
	}
	return parseWithin(c.md, src, w)
}

func parseWith(md goldmark.Markdown, src []byte) (ast.Node, *ids) { return parseWithin(md, src, nil) }

func parseWithin(md goldmark.Markdown, src []byte, w *watch) (root ast.Node, _ *ids) {
	ids := newIDs()
	pc := parser.NewContext(parser.WithIDs(ids))
	if w != nil {
		pc.Set(watchKey, w)
		defer func() {
			// Only the watch's own panic is recovered; any other goes on
			// with its stack.
			if w.fired {
				recover()
				root = nil
			}
		}()
	}
	var r text.Reader = text.NewReader(src)
	if w != nil {
		r = watchedReader{r, w}
	}
	return md.Parser().Parse(r, parser.WithContext(pc)), ids
}

// spaceAtLineEnd reports whether a line of src ends in two or more
// white-space characters, other than the two spaces of a line break.
func spaceAtLineEnd(src []byte) bool {
	for len(src) > 0 {
		line, rest, newline := bytes.Cut(src, []byte{'\n'})
		n := util.TrimRightSpaceLength(line)
		if n >= 2 && !(n == 2 && newline && line[len(line)-1] == ' ' && line[len(line)-2] == ' ') {
			return true
		}
		src = rest
	}
	return false
}

// linkifyCandidates returns, in order, the offsets in src where Linkify
// might find a link: each "http:", "https:", "ftp:", "www." and "@".
// Linkify starts a URL only at one of those, so the search for the first
// three starts at each ":", far rarer in prose than the "h" of "http",
// which stopped bytes.Index at every "nh" and "th" of Vietnamese.
func linkifyCandidates(src []byte) []int {
	var at []int
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], ':')
		if i < 0 {
			break
		}
		i += off
		switch {
		case bytes.HasSuffix(src[:i], []byte("http")):
			at = append(at, i-len("http"))
		case bytes.HasSuffix(src[:i], []byte("https")):
			at = append(at, i-len("https"))
		case bytes.HasSuffix(src[:i], []byte("ftp")):
			at = append(at, i-len("ftp"))
		}
		off = i + 1
	}
	at = appendOffsets(at, src, []byte("www."))
	at = appendOffsets(at, src, []byte("@"))
	slices.Sort(at)
	return at
}

// appendOffsets appends to at where each sep in s starts, in order.
func appendOffsets(at []int, s, sep []byte) []int {
	for off := 0; ; {
		i := bytes.Index(s[off:], sep)
		if i < 0 {
			return at
		}
		at = append(at, off+i)
		off += i + len(sep)
	}
}

// textAt reports whether a text node of the tree covers one of the sorted
// offsets.
func textAt(root ast.Node, offsets []int) bool {
	found := false
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		i, _ := slices.BinarySearch(offsets, t.Segment.Start)
		if i < len(offsets) && offsets[i] < t.Segment.Stop {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// slotPrefix starts every placeholder; letters only, so URL and HTML
// escaping leave it alone and no scheme makes it look dangerous. It starts
// with "zq", which Vietnamese text and HTML hardly ever hold: bytes.Index
// stops at each byte equal to the first one, and the "tiendoslot" this
// replaced, stopping at every "t", cost 10 times as much to look for
// (30 ms against 3 over the 62 MB of the 10,000-page benchmark corpus).
const slotPrefix = "zqslot"

// prerender renders d with placeholders and drops its AST (see Doc).
func (c *Converter) prerender(d *Doc) {
	b := getBuffer()
	defer putBuffer(b)
	n := len(d.Links) + len(d.Shortcodes)
	if n == 0 {
		out, err := c.renderAST(b, d.root, d.src)
		if err == nil {
			d.html, d.src, d.root = c.spill.PutCopy(out), nil, nil
		}
		return
	}
	// A marker that the source does not contain, so any placeholder found in
	// the output is one of ours.
	mark := slotPrefix
	for i := 0; bytes.Contains(d.src, []byte(mark)); i++ {
		mark = slotPrefix + strconv.Itoa(i) + "q"
	}
	token := func(i int) string { return mark + "n" + strconv.Itoa(i) + "z" }
	origDest := make([][]byte, len(d.Links))
	for i := range d.Links {
		origDest[i] = setNodeDest(d.nodes[i], []byte(token(i)))
	}
	for i, s := range d.Shortcodes {
		s.node.html = token(len(d.Links) + i)
	}
	out, err := c.renderAST(b, d.root, d.src)
	var slots []slot
	if err == nil {
		slots = findSlots(out, mark, d)
	}
	if slots == nil {
		// Keep the AST, as it was parsed.
		for i := range d.Links {
			setNodeDest(d.nodes[i], origDest[i])
		}
		for _, s := range d.Shortcodes {
			s.node.html = ""
		}
		return
	}
	d.nodes = nil
	for _, s := range d.Shortcodes {
		// A node of its own, so SetHTML keeps working without holding the
		// tree.
		s.node = &shortcodeData{name: s.node.name, args: s.node.args, off: s.node.off}
	}
	d.html, d.slots, d.src, d.root = c.spill.PutCopy(out), slots, nil, nil
}

func setNodeDest(n ast.Node, dest []byte) (old []byte) {
	switch n := n.(type) {
	case *ast.Link:
		old, n.Destination = n.Destination, dest
	case *ast.Image:
		old, n.Destination = n.Destination, dest
	}
	return old
}

// findSlots finds each placeholder of d in out, or returns nil unless every
// one occurs exactly once.
func findSlots(out []byte, mark string, d *Doc) []slot {
	nl := len(d.Links)
	want := nl + len(d.Shortcodes)
	seen := make([]bool, want)
	slots := make([]slot, 0, want)
	for off := 0; ; {
		i := bytes.Index(out[off:], []byte(mark))
		if i < 0 {
			break
		}
		start := off + i
		j := start + len(mark)
		if j >= len(out) || out[j] != 'n' {
			return nil
		}
		j++
		k := j
		for k < len(out) && out[k] >= '0' && out[k] <= '9' {
			k++
		}
		if k == j || k >= len(out) || out[k] != 'z' {
			return nil
		}
		idx, err := strconv.Atoi(string(out[j:k]))
		if err != nil || idx >= want || seen[idx] {
			return nil
		}
		seen[idx] = true
		s := slot{start: start, end: k + 1}
		if idx < nl {
			s.link = &d.Links[idx]
		} else {
			s.sc = d.Shortcodes[idx-nl]
		}
		slots = append(slots, s)
		off = k + 1
	}
	if len(slots) != want {
		return nil
	}
	return slots
}

// Resolved says that every link's destination is final (SetDest will not
// be called again): each placeholder keeps only the destination it gets,
// and Links is emptied, so that what waits for rendering is one string
// per link rather than the link's whole description. A site's pages are
// all resolved before any is rendered. Render gives the same bytes.
func (d *Doc) Resolved() {
	if d.root != nil || d.err != nil {
		return // the AST is rendered with the Links' nodes
	}
	for i := range d.slots {
		if l := d.slots[i].link; l != nil {
			d.slots[i].dest, d.slots[i].link = l.Dest, nil
			if l.set {
				d.slots[i].dest = l.dest
			}
		}
	}
	d.Links = nil
}

// SetDest changes where a link points before rendering.
func (l *Link) SetDest(dest string) { l.dest, l.set = dest, true }

// Render returns the body's HTML. Tables are wrapped in a box that scrolls
// sideways on its own on narrow screens.
func (c *Converter) Render(d *Doc) (string, error) {
	if d.err != nil {
		return "", d.err
	}
	if d.root != nil {
		for i := range d.Links {
			if l := &d.Links[i]; l.set {
				setNodeDest(d.nodes[i], []byte(l.dest))
			}
		}
		b := getBuffer()
		defer putBuffer(b)
		out, err := c.renderAST(b, d.root, d.src)
		if err != nil {
			return "", err
		}
		return wrapTables(out), nil
	}
	// A body the spill store keeps in its file is read into a buffer of the
	// pool: the HTML a page keeps is made once, by wrapTables.
	scratch := getBuffer()
	defer putBuffer(scratch)
	scratch.Grow(d.html.Len())
	pre, err := c.spill.GetInto(d.html, scratch.AvailableBuffer())
	if err != nil {
		return "", err
	}
	if len(d.slots) == 0 {
		return wrapTables(pre), nil
	}
	b := getBuffer()
	defer putBuffer(b)
	b.Grow(len(pre) + 64*len(d.slots))
	prev := 0
	for _, s := range d.slots {
		b.Write(pre[prev:s.start])
		switch {
		case s.sc != nil:
			b.WriteString(s.sc.node.html)
		case s.link == nil:
			b.Write(c.escapeDest([]byte(s.dest)))
		case s.link.set:
			b.Write(c.escapeDest([]byte(s.link.dest)))
		default:
			b.Write(c.escapeDest([]byte(s.link.Dest)))
		}
		prev = s.end
	}
	b.Write(pre[prev:])
	return wrapTables(b.Bytes()), nil
}

// escapeDest writes a destination as goldmark's link and image renderers
// do.
func (c *Converter) escapeDest(dest []byte) []byte {
	u := util.URLEscape(dest, true)
	// Every scheme IsDangerousURL refuses ends in ":"; without one it only
	// lowercases a copy of the start, for each of a site's million links.
	if !c.unsafe && bytes.IndexByte(u, ':') >= 0 && html.IsDangerousURL(u) {
		return nil
	}
	return util.EscapeHTML(u)
}

// renderAST renders a tree into b, which the result may share.
func (c *Converter) renderAST(b *bytes.Buffer, root ast.Node, src []byte) ([]byte, error) {
	b.Grow(len(src) + len(src)/2)
	if err := c.md.Renderer().Render(bufWriter{b}, src, root); err != nil {
		return nil, err
	}
	return unescapeInCode(b.Bytes()), nil
}

var (
	tableOpen      = []byte("<table>")
	tableClose     = []byte("</table>")
	tableOpenWrap  = []byte(`<div class="table-scroll" tabindex="0"><table>`)
	tableCloseWrap = []byte("</table></div>")
)

// wrapTables returns out with every table in its scroll box, as a new
// string exactly as long as needed: pages keep their HTML until written.
// It looks for "<table>" and "</table>" apart, where one search for
// "table>" stopped at every "t" of the text: a third faster on the sample
// site's pages (BenchmarkWrapTables).
func wrapTables(out []byte) string {
	// Where each tag starts; "<table>" and "</table>" cannot overlap. Few
	// pages have more tables than the array holds.
	var arr [32]int
	at := appendOffsets(arr[:0], out, tableOpen)
	if len(at) == 0 {
		return string(out)
	}
	nOpen := len(at)
	at = appendOffsets(at, out, tableClose)
	nClose := len(at) - nOpen
	if nClose > 0 {
		slices.Sort(at)
	}
	var w strings.Builder
	w.Grow(len(out) + nOpen*(len(tableOpenWrap)-len(tableOpen)) + nClose*(len(tableCloseWrap)-len(tableClose)))
	prev := 0
	for _, i := range at {
		w.Write(out[prev:i])
		if out[i+1] == '/' {
			w.Write(tableCloseWrap)
			prev = i + len(tableClose)
		} else {
			w.Write(tableOpenWrap)
			prev = i + len(tableOpen)
		}
	}
	w.Write(out[prev:])
	return w.String()
}

// bufWriter lets goldmark write straight into a bytes.Buffer instead of
// through a bufio.Writer of its own for every page.
type bufWriter struct{ *bytes.Buffer }

func (bufWriter) Buffered() int { return 0 }
func (bufWriter) Flush() error  { return nil }

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer {
	b := buffers.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 { // a huge page's buffer is not kept for the others
		buffers.Put(b)
	}
}

// keepStart returns the longest start of p that is at most max bytes and
// ends where a character starts; all of p when max is 0.
func keepStart(p []byte, max int) []byte {
	if max <= 0 || len(p) <= max {
		return p
	}
	i := max
	for i > 0 && !utf8.RuneStart(p[i]) {
		i--
	}
	return p[:i]
}

// PlainText returns the body's text without markup, for search: all of it,
// or its start (Options.PlainTextMax).
func (d *Doc) PlainText() string { return d.plain }

// FirstParagraph returns the text of the first paragraph, for summaries.
func (d *Doc) FirstParagraph() string { return d.first }

// DropFirstParagraph forgets the first paragraph once the summary is made
// of it: a site's Docs are all held until the last page is rendered, and at
// 100,000 pages their first paragraphs are 60 MB.
func (d *Doc) DropFirstParagraph() { d.first = "" }

func (d *Doc) firstParagraph() string {
	for n := d.root.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindParagraph {
			w := spaceCollapser{b: getBuffer()}
			defer putBuffer(w.b)
			w.write([]byte(plainText(n, d.src)))
			return w.String()
		}
	}
	return ""
}

// spaceCollapser writes text with every run of white space made one space
// and none at either end — strings.Join(strings.Fields(s), " ") without
// the slice of words.
type spaceCollapser struct {
	b       *bytes.Buffer
	pending bool // white space seen since the last word
}

func (w *spaceCollapser) space() { w.pending = true }

func (w *spaceCollapser) write(p []byte) {
	run := 0 // start of the bytes not yet written
	for i := 0; i < len(p); {
		c := p[i]
		if c > ' ' && c < 0xC2 || c > 0xE3 { // cannot start white space
			i++
			continue
		}
		if c == ' ' && i > run && i+1 < len(p) && spaceAt(p, i+1) == 0 {
			// One space between two words stays in the run: written as it
			// is, with the words around it in one Write.
			i++
			continue
		}
		n := spaceAt(p, i)
		if n == 0 {
			i++
			continue
		}
		w.word(p[run:i])
		w.pending = true
		i += n
		run = i
	}
	w.word(p[run:])
}

// word writes a run of bytes without white space, after one space if any
// came before it.
func (w *spaceCollapser) word(p []byte) {
	if len(p) == 0 {
		return
	}
	if w.pending && w.b.Len() > 0 {
		w.b.WriteByte(' ')
	}
	w.pending = false
	w.b.Write(p)
}

// spaceAt returns the length of the white-space rune at p[i], or 0: the
// runes unicode.IsSpace accepts, matched byte by byte so that Vietnamese
// letters are never decoded. Only a valid encoding matches, as decoding
// would find.
func spaceAt(p []byte, i int) int {
	switch p[i] {
	case '\t', '\n', '\v', '\f', '\r', ' ':
		return 1
	case 0xC2: // U+0085, U+00A0
		if i+1 < len(p) && (p[i+1] == 0x85 || p[i+1] == 0xA0) {
			return 2
		}
	case 0xE1: // U+1680
		if i+2 < len(p) && p[i+1] == 0x9A && p[i+2] == 0x80 {
			return 3
		}
	case 0xE2: // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
		if i+2 < len(p) {
			b1, b2 := p[i+1], p[i+2]
			if b1 == 0x80 && (b2 >= 0x80 && b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) || b1 == 0x81 && b2 == 0x9F {
				return 3
			}
		}
	case 0xE3: // U+3000
		if i+2 < len(p) && p[i+1] == 0x80 && p[i+2] == 0x80 {
			return 3
		}
	}
	return 0
}

func (w *spaceCollapser) String() string { return w.b.String() }

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
		// An empty link text: the first "[](" of the enclosing block, with
		// the destination if it can be found, else the block's start.
		for p := n.Parent(); p != nil; p = p.Parent() {
			if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
				lines := p.Lines()
				start, end := lines.At(0).Start, lines.At(lines.Len()-1).Stop
				var dest []byte
				switch n := n.(type) {
				case *ast.Link:
					dest = n.Destination
				case *ast.Image:
					dest = n.Destination
				}
				block := src[start:min(end, len(src))]
				if i := bytes.Index(block, append([]byte("[]("), dest...)); i >= 0 {
					return start + i + 1
				}
				if i := bytes.Index(block, []byte("[](")); i >= 0 {
					return start + i + 1
				}
				return start
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
	// The last conversion: links come in order, so counting on from it
	// costs O(line) for all the links of a line, not O(links × line).
	line, off, col int
}

func newLineIndex(src []byte) *lineIndex {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts}
}

// pos converts a byte offset to a 1-based line and rune column.
func (li *lineIndex) pos(off int) (int, int) {
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
	if li.line != lo+1 || li.off > off {
		li.line, li.off, li.col = lo+1, li.starts[lo], 1
	}
	li.col += utf8.RuneCount(li.src[li.off:off])
	li.off = off
	return lo + 1, li.col
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

// tableCells renders the cells of GFM tables with their column's alignment
// as a class (the pages' CSP refuses inline styles) and header cells marked
// as column headers: <th scope="col" …>. It writes what goldmark's table
// renderer writes for cells given those attributes, without giving each
// cell a slice of attributes: 800 MB of garbage at 100,000 pages.
type tableCells struct{}

func (tableCells) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTableCell, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		tag := "td"
		if n.Parent().Kind() == east.KindTableHeader {
			tag = "th"
		}
		if !entering {
			_, _ = w.WriteString("</" + tag + ">\n")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("<" + tag)
		switch n.(*east.TableCell).Alignment {
		case east.AlignRight:
			_, _ = w.WriteString(` class="align-right"`)
		case east.AlignCenter:
			_, _ = w.WriteString(` class="align-center"`)
		}
		if tag == "th" {
			_, _ = w.WriteString(` scope="col"`)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	})
}
