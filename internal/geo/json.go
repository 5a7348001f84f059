package geo

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"unicode/utf8"
)

// node is a JSON value with the byte offset where it starts, so that every
// problem can be reported at its line and column.
type node struct {
	off  int
	kind byte // 'o' object, 'a' array, 'n' number, 's' string, 'b' bool, 'z' null
	keys []string
	vals []*node // object members in order of keys, or array elements
	num  float64
	str  string
}

func (n *node) get(key string) *node {
	if n == nil || n.kind != 'o' {
		return nil
	}
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// maxDepth bounds nesting: a MultiPolygon is six levels deep under a
// FeatureCollection; anything far deeper is not GeoJSON.
const maxDepth = 64

// errDepth is returned for nesting beyond maxDepth.
var errDepth = errors.New("nested too deeply")

// parseJSON reads src into a tree of nodes. On a syntax error it returns
// the offset of the error.
func parseJSON(src []byte) (*node, int, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	p := &parser{dec: dec, src: src}
	n, err := p.value(0)
	if err == nil {
		if _, e := dec.Token(); e != io.EOF {
			return nil, p.start(), errors.New("extra data after the value")
		}
	}
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, int(se.Offset), err
		}
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, len(src), io.ErrUnexpectedEOF
		}
		return nil, p.start(), err
	}
	return n, 0, nil
}

type parser struct {
	dec *json.Decoder
	src []byte
}

// start is the offset of the next token: the decoder's offset after the
// separators and spaces before it.
func (p *parser) start() int {
	i := int(p.dec.InputOffset())
	for i < len(p.src) {
		switch p.src[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
			i++
			continue
		}
		break
	}
	return i
}

func (p *parser) value(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, errDepth
	}
	off := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	n := &node{off: off}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind = 'o'
			for p.dec.More() {
				kt, err := p.dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, kt.(string))
				n.vals = append(n.vals, v)
			}
		case '[':
			n.kind = 'a'
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, v)
			}
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case json.Number:
		n.kind = 'n'
		f, err := t.Float64()
		if err != nil {
			return nil, err
		}
		n.num = f
	case string:
		n.kind, n.str = 's', t
	case bool:
		n.kind = 'b'
	case nil:
		n.kind = 'z'
	}
	return n, nil
}

// lineCol turns a byte offset into a 1-based line and a column counted in
// characters, as editors show them.
func lineCol(src []byte, off int) (int, int) {
	off = min(max(off, 0), len(src))
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, utf8.RuneCount(src[lineStart:off]) + 1
}
