package markdown

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Shortcode is a {{< name "arg" … >}} in a body, such as
// {{< kpi "tai-khoan-vneid" >}}, or the same between {{% and %}} (Hugo's
// Markdown form, read alike here: every shortcode of tiendo writes HTML).
// Alone on its line it becomes a block of HTML; inside a paragraph
// ({{< value "id" >}}) it is Inline and becomes a piece of the line. The
// caller supplies the HTML with SetHTML before rendering; an unresolved
// shortcode renders as nothing.
//
// Arguments are positional (Args) or named (Params), as in Hugo: a value is
// "quoted" (\" and \\ escaped), `raw`, or a bare word; a name is a word
// followed by =, as in {{< figure src="/anh/a.png" alt="…" >}}. A
// shortcode ends on the line it starts on.
type Shortcode struct {
	Name   string
	Args   []string
	Params map[string]string
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
	name   string
	args   []string
	params map[string]string
	off    int
	html   string
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

// inlineShortcodeParser reads a shortcode inside a line of text, and a
// shortcode escaped for documentation ({{</* … */>}}), which renders as
// the shortcode written without /* and */, as in Hugo.
type inlineShortcodeParser struct{}

func (inlineShortcodeParser) Trigger() []byte { return []byte{'{'} }

func (inlineShortcodeParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if n := escapedShortcode(line); n > 0 {
		e := &escapedShortcodeNode{text: string(line[:3]) + string(line[5:n-5]) + string(line[n-3:n])}
		block.Advance(n)
		return e
	}
	sc, n, ok := scanShortcode(line)
	if !ok {
		return nil
	}
	sc.off = seg.Start
	block.Advance(n)
	return &inlineShortcodeNode{shortcodeData: sc}
}

// escapedShortcode returns the length of the {{</* … */>}} or
// {{%/* … */%}} at the start of line, or 0.
func escapedShortcode(line []byte) int {
	var end string
	switch {
	case bytes.HasPrefix(line, []byte("{{</*")):
		end = "*/>}}"
	case bytes.HasPrefix(line, []byte("{{%/*")):
		end = "*/%}}"
	default:
		return 0
	}
	rest := line[5:]
	if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	i := bytes.Index(rest, []byte(end))
	if i < 0 {
		return 0
	}
	return 5 + i + len(end)
}

type escapedShortcodeNode struct {
	ast.BaseInline
	text string
}

var kindEscapedShortcode = ast.NewNodeKind("EscapedShortcode")

func (n *escapedShortcodeNode) Kind() ast.NodeKind { return kindEscapedShortcode }

func (n *escapedShortcodeNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Text": n.text}, nil)
}

// scanShortcode reads the shortcode at the start of b: {{< or {{%, a name,
// arguments, and >}} or %}} on the same line. n is its length in bytes.
func scanShortcode(b []byte) (sc shortcodeData, n int, ok bool) {
	if len(b) < 3 || b[0] != '{' || b[1] != '{' || (b[2] != '<' && b[2] != '%') {
		return sc, 0, false
	}
	closing := []byte(">}}")
	if b[2] == '%' {
		closing = []byte("%}}")
	}
	i := skipBlank(b, 3)
	j := word(b, i)
	if j == i || !isLetter(b[i]) {
		return sc, 0, false
	}
	sc.name = string(b[i:j])
	for i = j; ; {
		k := skipBlank(b, i)
		if bytes.HasPrefix(b[k:], closing) {
			return sc, k + 3, true
		}
		if k == i { // arguments are separated by blanks
			return sc, 0, false
		}
		i = k
		key := ""
		if e := word(b, i); e > i && e < len(b) && b[e] == '=' && isLetter(b[i]) {
			key, i = string(b[i:e]), e+1
		}
		v, e, ok := scanValue(b, i, closing)
		if !ok {
			return sc, 0, false
		}
		if key == "" {
			sc.args = append(sc.args, v)
		} else {
			if sc.params == nil {
				sc.params = map[string]string{}
			}
			sc.params[key] = v
		}
		i = e
	}
}

// scanValue reads an argument's value at b[i:]: "quoted", `raw` or a bare
// word, and returns it and where it ends.
func scanValue(b []byte, i int, closing []byte) (string, int, bool) {
	if i >= len(b) {
		return "", 0, false
	}
	switch b[i] {
	case '"':
		var v []byte
		for j := i + 1; j < len(b) && b[j] != '\n'; j++ {
			switch b[j] {
			case '"':
				return string(v), j + 1, true
			case '\\':
				if j+1 < len(b) && (b[j+1] == '"' || b[j+1] == '\\') {
					j++
				}
			}
			v = append(v, b[j])
		}
		return "", 0, false
	case '`':
		for j := i + 1; j < len(b) && b[j] != '\n'; j++ {
			if b[j] == '`' {
				return string(b[i+1 : j]), j + 1, true
			}
		}
		return "", 0, false
	}
	j := i
	for j < len(b) && !bytes.HasPrefix(b[j:], closing) && !strings.ContainsRune(" \t\r\n\"`=", rune(b[j])) {
		j++
	}
	return string(b[i:j]), j, j > i
}

func skipBlank(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i
}

// word returns where the name that starts at b[i] ends: letters, digits,
// _ and -.
func word(b []byte, i int) int {
	for i < len(b) && (isLetter(b[i]) || b[i] >= '0' && b[i] <= '9' || b[i] == '_' || b[i] == '-') {
		i++
	}
	return i
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

type shortcodeParser struct{}

func (shortcodeParser) Trigger() []byte { return []byte{'{'} }

func (shortcodeParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	indent := skipBlank(line, 0)
	if indent > 3 {
		return nil, parser.NoChildren
	}
	sc, n, ok := scanShortcode(line[indent:])
	if !ok || len(bytes.TrimSpace(line[indent+n:])) > 0 {
		return nil, parser.NoChildren
	}
	sc.off = seg.Start + indent
	reader.Advance(seg.Len())
	return &shortcodeNode{shortcodeData: sc}, parser.Close
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
	reg.Register(kindEscapedShortcode, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(util.EscapeHTML([]byte(n.(*escapedShortcodeNode).text)))
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

// refs are the ref and relref shortcodes written as a link's destination,
// [text]({{< ref "page.md" >}}), by the placeholder that stands for each
// while goldmark parses: a link destination cannot hold the shortcode's
// spaces and quotes.
type refs struct {
	at map[string]*refLink
}

type refLink struct {
	name, arg string
	off, end  int
	used      bool // a link of the parsed body has it
}

// refLinks returns src with each ref or relref shortcode that follows "]("
// replaced by a placeholder of the same length, so every other offset
// stays the same.
func refLinks(src []byte) ([]byte, refs) {
	r := refs{}
	// A shortcode starts "{{": a rare pair, quicker to look for than "ref".
	if !bytes.Contains(src, []byte("](")) || !bytes.Contains(src, []byte("{{")) {
		return src, r
	}
	mark := "tdref"
	for i := 0; bytes.Contains(src, []byte(mark)); i++ {
		mark = "tdref" + strconv.Itoa(i) + "q"
	}
	out := src
	for off := 0; ; {
		i := bytes.Index(src[off:], []byte("]("))
		if i < 0 {
			break
		}
		at := skipBlank(src, off+i+2)
		off += i + 2
		sc, n, ok := scanShortcode(src[at:])
		if !ok || (sc.name != "ref" && sc.name != "relref") || len(sc.args) != 1 || sc.params != nil {
			continue
		}
		ph := mark + strconv.Itoa(len(r.at)) + "z"
		if len(ph) > n {
			continue
		}
		ph += strings.Repeat("z", n-len(ph))
		if r.at == nil {
			r.at, out = map[string]*refLink{}, bytes.Clone(src)
		}
		copy(out[at:], ph)
		r.at[ph] = &refLink{name: sc.name, arg: sc.args[0], off: at, end: at + n}
		off = at + n
	}
	return out, r
}

// strays finds each {{< and {{% of src that starts neither a shortcode of
// d nor an escaped one.
func strays(src []byte, d *Doc, r refs, lines *lineIndex) []Stray {
	if !bytes.Contains(src, []byte("{{<")) && !bytes.Contains(src, []byte("{{%")) {
		return nil
	}
	ends := map[int]int{} // where each shortcode read starts and ends
	for _, s := range d.Shortcodes {
		ends[s.node.off] = s.node.off + 3
	}
	for _, l := range r.at {
		if l.used {
			ends[l.off] = l.end
		}
	}
	var out []Stray
	for off := 0; off+3 <= len(src); {
		i := bytes.Index(src[off:], []byte("{{"))
		if i < 0 {
			break
		}
		at := off + i
		off = at + 1
		if at+2 >= len(src) || (src[at+2] != '<' && src[at+2] != '%') {
			continue
		}
		if e, ok := ends[at]; ok {
			off = e
			continue
		}
		if n := escapedShortcode(src[at:]); n > 0 {
			off = at + n
			continue
		}
		line, col := lines.pos(at)
		text := src[at:]
		if nl := bytes.IndexByte(text, '\n'); nl >= 0 {
			text = text[:nl]
		}
		out = append(out, Stray{Line: line, Col: col, Text: string(keepStart(text, 80))})
		off = at + 3
	}
	return out
}

// unescapeInCode writes the escaped shortcodes of code spans and blocks,
// which no inline parser sees, as Hugo does: {{</* x */>}} as {{< x >}}.
func unescapeInCode(out []byte) []byte {
	if !bytes.Contains(out, []byte("/*")) {
		return out
	}
	out = escapedLT.ReplaceAll(out, []byte("{{&lt;$1&gt;}}"))
	return escapedPct.ReplaceAll(out, []byte("{{%$1%}}"))
}

// unescapeInText is unescapeInCode for text that is not HTML.
func unescapeInText(s []byte) []byte {
	if !bytes.Contains(s, []byte("/*")) {
		return s
	}
	s = escapedLTText.ReplaceAll(s, []byte("{{<$1>}}"))
	return escapedPct.ReplaceAll(s, []byte("{{%$1%}}"))
}

var (
	escapedLTText = regexp.MustCompile(`\{\{</\*([^\n]*?)\*/>\}\}`)
	escapedLT     = regexp.MustCompile(`\{\{&lt;/\*([^\n]*?)\*/&gt;\}\}`)
	escapedPct    = regexp.MustCompile(`\{\{%/\*([^\n]*?)\*/%\}\}`)
)
