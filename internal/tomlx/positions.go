package tomlx

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/diag"
)

// Node is where one part of a TOML source is written: the whole file, a
// table, a key or an element of an array. Scan builds the tree of a source;
// Key and Elem walk it.
//
// A walk never fails: a key or element the source does not write is a
// node that is not Found and sits where its nearest written ancestor is, so
// that a message about a missing key points at the table that lacks it.
type Node struct {
	pos   diag.Pos
	found bool
	// implicit is true while the node is known only as part of a longer
	// name ([a.b] or a.b = 1 for a); where it is written itself wins.
	implicit bool
	keys     map[string]*Node
	// elems are the tables of an array of tables ([[a]]) or the elements
	// of an array value, in source order.
	elems []*Node
}

// Pos is where the node is written: the first character of its key (of the
// whole dotted key, for a.b.c = 1), the '[' of its table header, or the
// first character of an array element. The whole file is at its first line.
func (n *Node) Pos() diag.Pos { return n.pos }

// Found reports whether the source writes this node.
func (n *Node) Found() bool { return n.found }

// Key walks the keys of path down from n: Key("markup", "parseBudget") is
// parseBudget in [markup]. It does not step into arrays; use Elem for that.
func (n *Node) Key(path ...string) *Node {
	for _, k := range path {
		c, ok := n.keys[k]
		if !ok {
			return &Node{pos: n.pos}
		}
		n = c
	}
	return n
}

// Elem is the i-th table of an array of tables ([[indicator]] number i,
// from 0) or the i-th element of an array value.
func (n *Node) Elem(i int) *Node {
	if i >= 0 && i < len(n.elems) {
		return n.elems[i]
	}
	return &Node{pos: n.pos}
}

// find returns every node at path below n, in source order, stepping into
// every element of the arrays on the way: the keys BurntSushi/toml reports
// (toml.Key) name no array index.
func (n *Node) find(path []string) []*Node {
	cur := []*Node{n}
	for _, k := range path {
		var next []*Node
		for _, c := range cur {
			c.each(func(m *Node) {
				if ch, ok := m.keys[k]; ok {
					next = append(next, ch)
				}
			})
		}
		cur = next
	}
	slices.SortStableFunc(cur, func(a, b *Node) int {
		return cmp.Or(cmp.Compare(a.pos.Line, b.pos.Line), cmp.Compare(a.pos.Col, b.pos.Col))
	})
	return cur
}

// each calls f for n and for the elements of its arrays, at any depth.
func (n *Node) each(f func(*Node)) {
	f(n)
	for _, e := range n.elems {
		e.each(f)
	}
}

func (n *Node) child(k string, pos diag.Pos) *Node {
	if c, ok := n.keys[k]; ok {
		return c
	}
	if n.keys == nil {
		n.keys = map[string]*Node{}
	}
	c := &Node{pos: pos, found: true, implicit: true}
	n.keys[k] = c
	return c
}

// define marks n as written at pos, unless it was written before.
func (n *Node) define(pos diag.Pos) {
	if n.implicit {
		n.pos, n.implicit = pos, false
	}
}

// last is the table a header's dotted name continues in: the last table of
// an array of tables, else n itself.
func (n *Node) last() *Node {
	if len(n.elems) > 0 {
		return n.elems[len(n.elems)-1]
	}
	return n
}

// maxScanDepth bounds the arrays and inline tables Scan records; deeper
// ones are passed over. Decode refuses anything past MaxDepth first.
const maxScanDepth = 2 * MaxDepth

// Scan records where the tables, keys and array elements of src are
// written. file names the source in positions; lineOffset is added to
// every line (for front matter inside a Markdown file). Columns count
// characters, as an editor shows them; a byte order mark is not one.
//
// It reads TOML as staff write it — comments, quoted and dotted keys,
// multi-line strings and arrays, inline tables, CRLF line ends — and never
// fails: on a source that is not valid TOML it records what it can.
// BurntSushi/toml decodes values but keeps no positions; call Scan on a
// source it decoded, to point at the key a value came from.
func Scan(file string, lineOffset int, src []byte) *Node {
	root := &Node{pos: diag.Pos{File: file, Line: lineOffset + 1, Col: 1}, found: true}
	s := &scanner{src: src, file: file, line: lineOffset + 1, col: 1}
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		s.i = 3
	}
	table := root
	for s.i < len(s.src) {
		s.skipSpace()
		switch s.peek() {
		case '\n', '\r':
			s.adv(1)
			continue
		case '#':
		case '[':
			table = s.header(root)
		default:
			s.keyValue(table)
		}
		s.skipLine()
	}
	return root
}

type scanner struct {
	src       []byte
	i         int
	file      string
	line, col int
	depth     int
}

func (s *scanner) pos() diag.Pos { return diag.Pos{File: s.file, Line: s.line, Col: s.col} }

func (s *scanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *scanner) has(p string) bool { return bytes.HasPrefix(s.src[s.i:], []byte(p)) }

// adv moves n bytes on, counting lines and characters.
func (s *scanner) adv(n int) {
	for end := min(s.i+n, len(s.src)); s.i < end; s.i++ {
		switch b := s.src[s.i]; {
		case b == '\n':
			s.line, s.col = s.line+1, 1
		case utf8.RuneStart(b):
			s.col++
		}
	}
}

func (s *scanner) skipSpace() {
	for c := s.peek(); c == ' ' || c == '\t'; c = s.peek() {
		s.adv(1)
	}
}

// skipLine moves to the end of the line, before its '\n'.
func (s *scanner) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.adv(1)
	}
}

// skipBlank passes over spaces, line ends and comments, as between the
// elements of an array.
func (s *scanner) skipBlank() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.adv(1)
		case '#':
			s.skipLine()
		default:
			return
		}
	}
}

// header reads a table header, [a.b] or [[a.b]], and returns the table it
// opens.
func (s *scanner) header(root *Node) *Node {
	pos := s.pos()
	s.adv(1)
	array := s.peek() == '['
	if array {
		s.adv(1)
	}
	path := s.keyPath()
	if len(path) == 0 {
		return &Node{pos: pos} // not a header: what follows belongs nowhere
	}
	n := root
	for _, k := range path[:len(path)-1] {
		n = n.child(k, pos).last()
	}
	t := n.child(path[len(path)-1], pos)
	t.define(pos)
	if array {
		e := &Node{pos: pos, found: true}
		t.elems = append(t.elems, e)
		return e
	}
	return t
}

// keyValue reads key = value into table.
func (s *scanner) keyValue(table *Node) {
	pos := s.pos()
	path := s.keyPath()
	s.skipSpace()
	if len(path) == 0 || s.peek() != '=' {
		return
	}
	s.adv(1)
	n := table
	for _, k := range path[:len(path)-1] {
		n = n.child(k, pos)
	}
	v := n.child(path[len(path)-1], pos)
	v.define(pos)
	s.value(v)
}

// keyPath reads a dotted key, unquoting its parts.
func (s *scanner) keyPath() []string {
	var path []string
	for {
		s.skipSpace()
		var k string
		switch s.peek() {
		case '"':
			k = unescape(s.basic())
		case '\'':
			k = s.literal()
		default:
			start := s.i
			for s.i < len(s.src) && !strings.ContainsRune(" \t.=[]{},#\"'\r\n", rune(s.src[s.i])) {
				s.adv(1)
			}
			if s.i == start {
				return path
			}
			k = string(s.src[start:s.i])
		}
		path = append(path, k)
		s.skipSpace()
		if s.peek() != '.' {
			return path
		}
		s.adv(1)
	}
}

// basic reads a one-line "string" and returns its text between the
// quotes, escapes left as written.
func (s *scanner) basic() string {
	s.adv(1)
	start := s.i
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case '\\':
			if s.i+1 < len(s.src) && s.src[s.i+1] != '\n' {
				s.adv(1)
			}
		case '"':
			text := string(s.src[start:s.i])
			s.adv(1)
			return text
		case '\n':
			return string(s.src[start:s.i])
		}
		s.adv(1)
	}
	return string(s.src[start:])
}

// literal reads a one-line 'string' and returns its text.
func (s *scanner) literal() string {
	s.adv(1)
	start := s.i
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case '\'':
			text := string(s.src[start:s.i])
			s.adv(1)
			return text
		case '\n':
			return string(s.src[start:s.i])
		}
		s.adv(1)
	}
	return string(s.src[start:])
}

// multiline passes over a multi-line string, from its opening quote
// (three quotes) to its closing one; escapes says whether a backslash
// escapes the next character.
func (s *scanner) multiline(quote string, escapes bool) {
	s.adv(3)
	for s.i < len(s.src) {
		switch {
		case escapes && s.src[s.i] == '\\':
			s.adv(2)
		case s.has(quote):
			s.adv(3)
			// Up to two more quotes belong to the string: """a"""" is a".
			for extra := 0; extra < 2 && s.peek() == quote[0]; extra++ {
				s.adv(1)
			}
			return
		default:
			s.adv(1)
		}
	}
}

// value reads the value of n.
func (s *scanner) value(n *Node) {
	s.skipSpace()
	switch c := s.peek(); {
	case s.has(`"""`):
		s.multiline(`"""`, true)
	case s.has(`'''`):
		s.multiline(`'''`, false)
	case c == '"':
		s.basic()
	case c == '\'':
		s.literal()
	case c == '[' || c == '{':
		if s.depth >= maxScanDepth {
			s.skipNested()
			return
		}
		s.depth++
		if c == '[' {
			s.array(n)
		} else {
			s.inline(n)
		}
		s.depth--
	default: // a number, date, boolean: up to what ends a value
		for s.i < len(s.src) && !strings.ContainsRune(",]}#\r\n", rune(s.src[s.i])) {
			s.adv(1)
		}
	}
}

func (s *scanner) array(n *Node) {
	s.items(']', func() {
		e := &Node{pos: s.pos(), found: true}
		n.elems = append(n.elems, e)
		s.value(e)
	})
}

func (s *scanner) inline(n *Node) {
	s.items('}', func() {
		pos := s.pos()
		path := s.keyPath()
		s.skipSpace()
		if len(path) > 0 && s.peek() == '=' {
			s.adv(1)
			t := n
			for _, k := range path[:len(path)-1] {
				t = t.child(k, pos)
			}
			v := t.child(path[len(path)-1], pos)
			v.define(pos)
			s.value(v)
		}
	})
}

// items reads the comma-separated items of an array or inline table, from
// its opening bracket to the closing one (or the end of the source),
// calling item at the start of each; what item cannot read is stepped
// over, so the scan always moves on.
func (s *scanner) items(closing byte, item func()) {
	s.adv(1)
	for {
		s.skipBlank()
		before := s.i
		switch s.peek() {
		case 0:
			if s.i >= len(s.src) {
				return
			}
		case closing:
			s.adv(1)
			return
		case ',':
			s.adv(1)
			continue
		}
		item()
		if s.i == before {
			s.adv(1) // not a value: step over it
		}
	}
}

// skipNested passes over an array or inline table nested too deeply to
// record, without recursion.
func (s *scanner) skipNested() {
	depth := 0
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case s.has(`"""`):
			s.multiline(`"""`, true)
			continue
		case s.has(`'''`):
			s.multiline(`'''`, false)
			continue
		case c == '"':
			s.basic()
			continue
		case c == '\'':
			s.literal()
			continue
		case c == '#':
			s.skipLine()
			continue
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		}
		s.adv(1)
		if depth <= 0 {
			return
		}
	}
}

// unescape decodes the escapes of a basic string's text; a malformed one is
// kept as written.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case '"', '\\':
			b.WriteByte(c)
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			if r, err := strconv.ParseUint(s[i+1:min(i+1+n, len(s))], 16, 32); err == nil && i+n < len(s) {
				b.WriteRune(rune(r))
				i += n
				continue
			}
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String()
}
