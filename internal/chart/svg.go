package chart

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// svgMeta is what the cleaned SVG needs besides ECharts' drawing.
type svgMeta struct {
	ID    string
	Title string
	Desc  string
}

// metaOf reads the chart ID, title and description from option JSON, where
// Line, Bar, … put them. An option without an ID gets "chart".
func metaOf(option []byte) (svgMeta, error) {
	var o struct {
		ID    string          `json:"tiendoId"`
		Title json.RawMessage `json:"title"`
		Aria  struct {
			Label struct {
				Description string `json:"description"`
			} `json:"label"`
		} `json:"aria"`
	}
	if t := bytes.TrimSpace(option); len(t) == 0 || t[0] != '{' {
		return svgMeta{}, errors.New("chart: option: not a JSON object")
	}
	if err := json.Unmarshal(option, &o); err != nil {
		return svgMeta{}, fmt.Errorf("chart: option: %w", err)
	}
	m := svgMeta{ID: o.ID, Desc: o.Aria.Label.Description}
	if m.ID == "" {
		m.ID = "chart"
	}
	if !validID(m.ID) {
		return svgMeta{}, fmt.Errorf("chart: option: invalid tiendoId %q", m.ID)
	}
	var title struct {
		Text string `json:"text"`
	}
	if len(o.Title) > 0 && o.Title[0] == '{' {
		if err := json.Unmarshal(o.Title, &title); err != nil {
			return svgMeta{}, fmt.Errorf("chart: option: title: %w", err)
		}
	}
	m.Title = title.Text
	if m.Desc == m.Title {
		m.Desc = "" // the fallback for a chart without description
	}
	return m, nil
}

// sanitizeVersion changes whenever sanitize changes its output, so that
// cached SVG made by an older version is not used.
const sanitizeVersion = "tiendo-svg-1"

// sanitize rewrites ECharts' SSR output into SVG that is clean under a
// strict Content-Security-Policy and identical from run to run:
//
//   - style attributes become presentation attributes (fill, font-size, …);
//     declarations without one (cursor, animation) are dropped;
//   - <style>, <script> and animation elements are removed, with the class
//     attributes that pointed into the stylesheet, event handler attributes
//     and ECharts' ecmeta_* hydration attributes;
//   - ids (zr3-c0: zrender counts instances per runtime) become ID-1, ID-2 …
//     in document order, and every url(#…) and href="#…" follows;
//   - the font family shared by the text moves to the root element;
//   - the root gets role="img", a <title> and a <desc> for assistive
//     technology, and loses xmlns:xlink when nothing uses it.
//
// It works on tokens from encoding/xml, never on the text as a whole, and
// writes markup itself: xml.Encoder would rewrite the xml:space prefix.
func sanitize(raw []byte, m svgMeta) ([]byte, error) {
	toks, err := tokens(raw)
	if err != nil {
		return nil, err
	}

	// First pass: ids in document order, whether xlink is used, and the
	// most common font family.
	ids := map[string]string{}
	xlink := false
	families := map[string]int{}
	for _, t := range toks {
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range se.Attr {
			if a.Name.Space == "" && a.Name.Local == "id" {
				if _, dup := ids[a.Value]; !dup {
					ids[a.Value] = m.ID + "-" + strconv.Itoa(len(ids)+1)
				}
			}
			if a.Name.Space == "xlink" {
				xlink = true
			}
		}
		if f := fontFamilyOf(se.Attr); f != "" {
			families[f]++
		}
	}
	family := ""
	for f, n := range families {
		if n > families[family] || n == families[family] && f < family {
			family = f
		}
	}

	var b bytes.Buffer
	skip := 0 // depth inside a removed element
	root := true
	closed := false // the last start tag was written as <x/>
	for i, t := range toks {
		switch t := t.(type) {
		case xml.StartElement:
			if skip > 0 || dropElement(t.Name) {
				skip++
				continue
			}
			attrs := cleanAttrs(t.Attr, ids)
			if root {
				attrs = rootAttrs(attrs, m, xlink, family)
			} else if family != "" {
				attrs = slices.DeleteFunc(attrs, func(a xml.Attr) bool {
					return a.Name.Space == "" && a.Name.Local == "font-family" && a.Value == family
				})
			}
			writeStart(&b, t.Name, attrs)
			empty := i+1 < len(toks) && isEnd(toks[i+1], t.Name)
			if root {
				b.WriteByte('>')
				writeTitle(&b, m)
				root = false
			} else if empty {
				b.WriteString("/>")
				closed = true
			} else {
				b.WriteByte('>')
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if closed {
				closed = false
				continue
			}
			b.WriteString("</" + qname(t.Name) + ">")
		case xml.CharData:
			if skip > 0 {
				continue
			}
			escapeText(&b, string(t))
		}
		// Comments, processing instructions and directives are dropped.
	}
	if root {
		return nil, errors.New("no svg element")
	}
	return b.Bytes(), nil
}

// tokens reads every token of raw. RawToken keeps prefixes as written
// (xml:space, xlink:href) but leaves nesting unchecked, so it is checked
// here.
func tokens(raw []byte) ([]xml.Token, error) {
	d := xml.NewDecoder(bytes.NewReader(raw))
	var toks []xml.Token
	var open []xml.Name
	for {
		t, err := d.RawToken()
		if err == io.EOF {
			if len(open) > 0 {
				return nil, fmt.Errorf("element <%s> not closed", qname(open[len(open)-1]))
			}
			return toks, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			open = append(open, t.Name)
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != t.Name {
				return nil, fmt.Errorf("line %d: unexpected </%s>", line(d), qname(t.Name))
			}
			open = open[:len(open)-1]
		}
		toks = append(toks, xml.CopyToken(t))
	}
}

func isEnd(t xml.Token, n xml.Name) bool {
	e, ok := t.(xml.EndElement)
	return ok && e.Name == n
}

// dropElement reports elements that have no place in a static, CSP-clean
// chart.
func dropElement(n xml.Name) bool {
	switch strings.ToLower(n.Local) {
	case "style", "script", "foreignobject", "animate", "animatemotion", "animatetransform", "set", "title", "desc":
		// ECharts writes no title or desc; ours are written by writeTitle.
		return true
	}
	return false
}

// cleanAttrs drops classes, handlers and hydration data, expands style into
// presentation attributes and renames ids.
func cleanAttrs(attrs []xml.Attr, ids map[string]string) []xml.Attr {
	var out []xml.Attr
	set := func(name, value string) {
		for i := range out {
			if out[i].Name.Space == "" && out[i].Name.Local == name {
				out[i].Value = value
				return
			}
		}
		out = append(out, xml.Attr{Name: xml.Name{Local: name}, Value: value})
	}
	var style string
	for _, a := range attrs {
		name := strings.ToLower(a.Name.Local)
		switch {
		case a.Name.Space == "xmlns" || a.Name.Space == "xml":
			out = append(out, a)
			continue
		case a.Name.Space == "" && (name == "class" || name == "style" || name == "pointer-events" ||
			strings.HasPrefix(name, "on") || strings.HasPrefix(name, "ecmeta_")):
			// pointer-events only serves ECharts' hover in the browser.
			if name == "style" {
				style = a.Value
			}
			continue
		case strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Value)), "javascript:"):
			continue
		}
		out = append(out, xml.Attr{Name: a.Name, Value: renameRefs(a, ids)})
	}
	// style wins over attributes, as in CSS.
	for _, d := range declarations(style) {
		if d.prop == "font" {
			for _, f := range expandFont(d.value) {
				set(f.prop, f.value)
			}
			continue
		}
		if presentation[d.prop] {
			set(d.prop, renameURLs(d.value, ids))
		}
	}
	return out
}

func renameRefs(a xml.Attr, ids map[string]string) string {
	switch {
	case a.Name.Space == "" && a.Name.Local == "id":
		if n, ok := ids[a.Value]; ok {
			return n
		}
	case a.Name.Local == "href" && strings.HasPrefix(a.Value, "#"):
		if n, ok := ids[a.Value[1:]]; ok {
			return "#" + n
		}
	}
	return renameURLs(a.Value, ids)
}

// renameURLs rewrites the fragment references url(#x) in a value.
func renameURLs(v string, ids map[string]string) string {
	if !strings.Contains(v, "url(") {
		return v
	}
	var b strings.Builder
	for {
		i := strings.Index(v, "url(")
		if i < 0 {
			b.WriteString(v)
			return b.String()
		}
		j := strings.IndexByte(v[i:], ')')
		if j < 0 {
			b.WriteString(v)
			return b.String()
		}
		ref := strings.Trim(strings.TrimSpace(v[i+4:i+j]), `'"`)
		b.WriteString(v[:i])
		if n, ok := ids[strings.TrimPrefix(ref, "#")]; ok && strings.HasPrefix(ref, "#") {
			b.WriteString("url(#" + n + ")")
		} else {
			b.WriteString(v[i : i+j+1])
		}
		v = v[i+j+1:]
	}
}

func rootAttrs(attrs []xml.Attr, m svgMeta, xlink bool, family string) []xml.Attr {
	out := attrs[:0]
	for _, a := range attrs {
		switch {
		case a.Name.Space == "xmlns" && a.Name.Local == "xlink" && !xlink:
		case a.Name.Space == "" && a.Name.Local == "baseProfile":
		case a.Name.Space == "" && strings.HasPrefix(a.Name.Local, "aria-"), a.Name.Space == "" && a.Name.Local == "role":
		default:
			out = append(out, a)
		}
	}
	add := func(k, v string) { out = append(out, xml.Attr{Name: xml.Name{Local: k}, Value: v}) }
	add("role", "img")
	if m.Title != "" {
		add("aria-labelledby", m.ID+"-title")
	}
	if m.Desc != "" {
		add("aria-describedby", m.ID+"-desc")
	}
	if family != "" {
		add("font-family", family)
	}
	return out
}

func writeTitle(b *bytes.Buffer, m svgMeta) {
	for _, e := range []struct{ name, text string }{{"title", m.Title}, {"desc", m.Desc}} {
		if e.text == "" {
			continue
		}
		fmt.Fprintf(b, "\n<%s id=\"%s-%s\">", e.name, m.ID, e.name)
		escapeText(b, e.text)
		fmt.Fprintf(b, "</%s>", e.name)
	}
}

func writeStart(b *bytes.Buffer, n xml.Name, attrs []xml.Attr) {
	b.WriteString("<" + qname(n))
	for _, a := range attrs {
		b.WriteString(" " + qname(a.Name) + `="`)
		escapeAttr(b, a.Value)
		b.WriteByte('"')
	}
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// escapeText escapes character data; unlike xml.EscapeText it keeps
// newlines as they are.
func escapeText(b *bytes.Buffer, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			b.WriteRune(r)
		}
	}
}

func escapeAttr(b *bytes.Buffer, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		case '\t':
			b.WriteString("&#x9;")
		default:
			b.WriteRune(r)
		}
	}
}

func fontFamilyOf(attrs []xml.Attr) string {
	var f string
	for _, a := range attrs {
		if a.Name.Space == "" && a.Name.Local == "font-family" {
			f = a.Value
		}
	}
	for _, a := range attrs {
		if a.Name.Space == "" && a.Name.Local == "style" {
			for _, d := range declarations(a.Value) {
				switch d.prop {
				case "font-family":
					f = d.value
				case "font":
					for _, e := range expandFont(d.value) {
						if e.prop == "font-family" {
							f = e.value
						}
					}
				}
			}
		}
	}
	return f
}

// presentation lists the CSS properties SVG also accepts as attributes.
var presentation = map[string]bool{
	"alignment-baseline": true, "baseline-shift": true, "clip": true, "clip-path": true,
	"clip-rule": true, "color": true, "color-interpolation": true,
	"color-interpolation-filters": true, "color-rendering": true, "direction": true,
	"display": true, "dominant-baseline": true, "fill": true, "fill-opacity": true,
	"fill-rule": true, "filter": true, "flood-color": true, "flood-opacity": true,
	"font-family": true, "font-size": true, "font-size-adjust": true, "font-stretch": true,
	"font-style": true, "font-variant": true, "font-weight": true, "image-rendering": true,
	"letter-spacing": true, "lighting-color": true, "marker-end": true, "marker-mid": true,
	"marker-start": true, "mask": true, "opacity": true, "overflow": true,
	"paint-order": true, "shape-rendering": true, "stop-color": true,
	"stop-opacity": true, "stroke": true, "stroke-dasharray": true, "stroke-dashoffset": true,
	"stroke-linecap": true, "stroke-linejoin": true, "stroke-miterlimit": true,
	"stroke-opacity": true, "stroke-width": true, "text-anchor": true, "text-decoration": true,
	"text-rendering": true, "unicode-bidi": true, "vector-effect": true, "visibility": true,
	"word-spacing": true, "writing-mode": true,
}

type declaration struct{ prop, value string }

// declarations splits a style attribute into property–value pairs,
// respecting quotes and parentheses ("font-family:'A;B'" is one).
func declarations(style string) []declaration {
	var out []declaration
	for _, part := range splitOutside(style, ';') {
		prop, value, ok := strings.Cut(part, ":")
		if !ok {
			continue
		}
		prop = strings.ToLower(strings.TrimSpace(prop))
		value = strings.TrimSpace(value)
		value = strings.TrimSpace(strings.TrimSuffix(value, "!important"))
		if prop == "" || value == "" {
			continue
		}
		out = append(out, declaration{prop, value})
	}
	return out
}

func splitOutside(s string, sep byte) []string {
	var parts []string
	var quote byte
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth = max(0, depth-1)
		case c == sep && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// expandFont splits the CSS font shorthand: [style] [variant] [weight]
// size[/line-height] family.
func expandFont(v string) []declaration {
	fields := splitOutside(v, ' ')
	var out []declaration
	for i, f := range fields {
		if f == "" {
			continue
		}
		switch {
		case f == "italic" || f == "oblique":
			out = append(out, declaration{"font-style", f})
		case f == "small-caps":
			out = append(out, declaration{"font-variant", f})
		case f == "bold" || f == "bolder" || f == "lighter" || len(f) == 3 && f[1:] == "00" && f[0] >= '1' && f[0] <= '9':
			out = append(out, declaration{"font-weight", f})
		case f == "normal":
		case f[0] >= '0' && f[0] <= '9' || f[0] == '.':
			size, _, _ := strings.Cut(f, "/")
			out = append(out, declaration{"font-size", size})
			if family := strings.TrimSpace(strings.Join(fields[i+1:], " ")); family != "" {
				out = append(out, declaration{"font-family", family})
			}
			return out
		}
	}
	return out
}

func line(d *xml.Decoder) int {
	l, _ := d.InputPos()
	return l
}
