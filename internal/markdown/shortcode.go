package markdown

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Shortcode is a {{< name "arg" … >}} in a body, such as
// {{< kpi "tai-khoan-vneid" >}}. Alone on its line it becomes a block of
// HTML; inside a paragraph ({{< value "id" >}}) it is Inline and becomes a
// piece of the line. The caller supplies the HTML with SetHTML before
// rendering; an unresolved shortcode renders as nothing.
type Shortcode struct {
	Name   string
	Args   []string
	Line   int
	Col    int
	Inline bool

	node *shortcodeData
}

// SetHTML sets the HTML the shortcode renders as.
func (s *Shortcode) SetHTML(html string) { s.node.html = html }

var (
	kindShortcode       = ast.NewNodeKind("Shortcode")
	kindInlineShortcode = ast.NewNodeKind("InlineShortcode")
)

// shortcodeData is what a shortcode node holds, block or inline.
type shortcodeData struct {
	name string
	args []string
	off  int
	html string
}

type shortcodeNode struct {
	ast.BaseBlock
	shortcodeData
}

func (n *shortcodeNode) Kind() ast.NodeKind { return kindShortcode }

func (n *shortcodeNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.name}, nil)
}

type inlineShortcodeNode struct {
	ast.BaseInline
	shortcodeData
}

func (n *inlineShortcodeNode) Kind() ast.NodeKind { return kindInlineShortcode }

func (n *inlineShortcodeNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.name}, nil)
}

var shortcodeRe = regexp.MustCompile(`^\s{0,3}\{\{<\s*([a-zA-Z][a-zA-Z0-9_-]*)((?:\s+"[^"\n]*")*)\s*>\}\}\s*$`)
var inlineShortcodeRe = regexp.MustCompile(`^\{\{<\s*([a-zA-Z][a-zA-Z0-9_-]*)((?:\s+"[^"\n]*")*)\s*>\}\}`)
var argRe = regexp.MustCompile(`"([^"\n]*)"`)

// inlineShortcodeParser reads a shortcode inside a line of text.
type inlineShortcodeParser struct{}

func (inlineShortcodeParser) Trigger() []byte { return []byte{'{'} }

func (inlineShortcodeParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	m := inlineShortcodeRe.FindSubmatch(line)
	if m == nil {
		return nil
	}
	n := &inlineShortcodeNode{shortcodeData: shortcodeData{name: string(m[1]), off: seg.Start}}
	for _, a := range argRe.FindAllSubmatch(m[2], -1) {
		n.args = append(n.args, string(a[1]))
	}
	block.Advance(len(m[0]))
	return n
}

type shortcodeParser struct{}

func (shortcodeParser) Trigger() []byte { return []byte{'{'} }

func (shortcodeParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	m := shortcodeRe.FindSubmatch(line)
	if m == nil {
		return nil, parser.NoChildren
	}
	n := &shortcodeNode{shortcodeData: shortcodeData{name: string(m[1]), off: seg.Start + strings.Index(string(line), "{{<")}}
	for _, a := range argRe.FindAllSubmatch(m[2], -1) {
		n.args = append(n.args, string(a[1]))
	}
	reader.Advance(seg.Len())
	return n, parser.Close
}

func (shortcodeParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}
func (shortcodeParser) Close(ast.Node, text.Reader, parser.Context) {}
func (shortcodeParser) CanInterruptParagraph() bool                 { return true }
func (shortcodeParser) CanAcceptIndentedLine() bool                 { return false }

type shortcodeRenderer struct{}

func (shortcodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindShortcode, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*shortcodeNode).html)
			_ = w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(kindInlineShortcode, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*inlineShortcodeNode).html)
		}
		return ast.WalkSkipChildren, nil
	})
}

type shortcodeExt struct{}

func (shortcodeExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(shortcodeParser{}, 50)),
		parser.WithInlineParsers(util.Prioritized(inlineShortcodeParser{}, 50)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(shortcodeRenderer{}, 50)))
}
