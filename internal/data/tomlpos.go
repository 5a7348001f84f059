package data

import (
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
)

// block is where one [[name]] table of a TOML file and its keys are, found by
// scanning the lines of the source: BurntSushi/toml decodes values but keeps
// no positions, and staff need to be pointed at the table they got wrong.
type block struct {
	pos  diag.Pos
	keys map[string]diag.Pos
	// subs holds the [[name.sub]] and [name.sub] tables inside this one.
	subs map[string][]*block
}

// at returns the position of key, or of the table header if the key is not
// written (as for a missing key).
func (b *block) at(key string) diag.Pos {
	if b == nil {
		return diag.Pos{}
	}
	if p, ok := b.keys[key]; ok {
		return p
	}
	return b.pos
}

// sub returns the i-th [[name.sub]] table, or nil.
func (b *block) sub(name string, i int) *block {
	if b == nil || i >= len(b.subs[name]) {
		return nil
	}
	return b.subs[name][i]
}

// scanBlocks finds the [[name]] tables of src in order. It understands the
// TOML that staff write by hand: comments, table headers, key = value lines,
// multi-line strings and arrays, whose contents it passes over.
func scanBlocks(file string, src []byte, name string) []*block {
	var out []*block
	var cur, curSub *block // the [[name]] being read, and a sub-table in it
	inOther := false       // inside a table that is not ours
	closeWith := ""        // the delimiter ending the multi-line value being skipped
	depth := 0             // bracket depth of a multi-line array being skipped
	for i, raw := range strings.Split(string(src), "\n") {
		line := i + 1
		s := strings.TrimSpace(strings.TrimSuffix(raw, "\r"))
		if closeWith != "" {
			if strings.Contains(s, closeWith) {
				closeWith = ""
			}
			continue
		}
		if depth > 0 {
			depth += brackets(s)
			continue
		}
		if s == "" || s[0] == '#' {
			continue
		}
		col := strings.Index(raw, s) + 1
		if s[0] == '[' {
			header := strings.TrimSpace(stripComment(s))
			array := strings.HasPrefix(header, "[[")
			path := strings.TrimSpace(strings.Trim(header, "[]"))
			parts := strings.Split(path, ".")
			for j := range parts {
				parts[j] = strings.Trim(strings.TrimSpace(parts[j]), `"'`)
			}
			pos := diag.Pos{File: file, Line: line, Col: col}
			switch {
			case len(parts) == 1 && parts[0] == name && array:
				cur = &block{pos: pos, keys: map[string]diag.Pos{}, subs: map[string][]*block{}}
				curSub, inOther = nil, false
				out = append(out, cur)
			case len(parts) == 2 && parts[0] == name && cur != nil:
				curSub = &block{pos: pos, keys: map[string]diag.Pos{}}
				cur.subs[parts[1]] = append(cur.subs[parts[1]], curSub)
				inOther = false
			default:
				cur, curSub, inOther = nil, nil, true
			}
			continue
		}
		key, value, ok := strings.Cut(s, "=")
		if !ok {
			continue
		}
		key = strings.Trim(strings.TrimSpace(key), `"'`)
		value = strings.TrimSpace(value)
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(value, q) && !strings.Contains(value[3:], q) {
				closeWith = q
			}
		}
		if closeWith == "" && strings.HasPrefix(value, "[") {
			depth = brackets(stripComment(value))
		}
		if inOther || cur == nil {
			continue
		}
		pos := diag.Pos{File: file, Line: line, Col: col}
		target := cur
		if curSub != nil {
			target = curSub
		}
		if _, seen := target.keys[key]; !seen {
			target.keys[key] = pos
		}
	}
	return out
}

// brackets is the change in bracket depth over s, outside strings.
func brackets(s string) int {
	n := 0
	var quote rune
	escaped := false
	for _, r := range s {
		switch {
		case escaped:
			escaped = false
		case quote == '"' && r == '\\':
			escaped = true
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '#':
			return n
		case r == '[':
			n++
		case r == ']':
			n--
		}
	}
	return n
}

// stripComment removes a trailing # comment outside strings.
func stripComment(s string) string {
	var quote rune
	escaped := false
	for i, r := range s {
		switch {
		case escaped:
			escaped = false
		case quote == '"' && r == '\\':
			escaped = true
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '#':
			return strings.TrimSpace(s[:i])
		}
	}
	return s
}
