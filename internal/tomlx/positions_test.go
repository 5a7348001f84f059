package tomlx

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/tiendo/tiendo/internal/diag"
)

// where names a node by a walk: keys, and "#3" for element 3.
func where(tb testing.TB, root *Node, walk ...string) *Node {
	tb.Helper()
	n := root
	for _, step := range walk {
		var i int
		if _, err := fmt.Sscanf(step, "#%d", &i); err == nil {
			n = n.Elem(i)
		} else {
			n = n.Key(step)
		}
	}
	return n
}

func TestScan(t *testing.T) {
	const registry = `# Chỉ tiêu
[[group]]
code = "3.2"   # mục

[[indicator]]
  id = "a"
  description = """
title = "not a key"
[[indicator]]
"""
  baseline = { period = "2022-12", value = 0 }
  tags = [
    "x", # một
    'y',
  ]
  [[indicator.target]]
  value = 1
  [[indicator.target]]
  deadline = "2023-Q2"

[[indicator]]
"id" = "b"
site."tên trang" = 'Lộc Hà'
[indicator.baseline]
period = "2022-12"
`
	tests := []struct {
		name  string
		src   string
		walk  []string
		line  int
		col   int
		found bool
	}{
		{"root", registry, nil, 1, 1, true},
		{"array of tables", registry, []string{"indicator"}, 5, 1, true},
		{"N-th table", registry, []string{"indicator", "#1"}, 21, 1, true},
		{"key in N-th table", registry, []string{"indicator", "#0", "id"}, 6, 3, true},
		{"quoted key", registry, []string{"indicator", "#1", "id"}, 22, 1, true},
		{"dotted quoted key", registry, []string{"indicator", "#1", "site", "tên trang"}, 23, 1, true},
		{"implicit table of a dotted key", registry, []string{"indicator", "#1", "site"}, 23, 1, true},
		{"not inside a multi-line string", registry, []string{"title"}, 1, 1, false},
		{"inline table", registry, []string{"indicator", "#0", "baseline"}, 11, 3, true},
		{"key of an inline table", registry, []string{"indicator", "#0", "baseline", "value"}, 11, 36, true},
		{"element of a multi-line array", registry, []string{"indicator", "#0", "tags", "#1"}, 14, 5, true},
		{"sub-table", registry, []string{"indicator", "#0", "target", "#1"}, 18, 3, true},
		{"key of a sub-table", registry, []string{"indicator", "#0", "target", "#1", "deadline"}, 19, 3, true},
		{"missing key: its table", registry, []string{"indicator", "#0", "target", "#1", "value"}, 18, 3, false},
		{"missing table: the array", registry, []string{"indicator", "#2", "id"}, 5, 1, false},
		{"table header below an array table", registry, []string{"indicator", "#1", "baseline", "period"}, 25, 1, true},
		{"header after a comment", registry, []string{"group", "#0", "code"}, 3, 1, true},
		{"CRLF", "a = 1\r\n[b]\r\n  c = 2\r\n", []string{"b", "c"}, 3, 3, true},
		{"byte order mark", "\uFEFFtitle = \"x\"\n", []string{"title"}, 1, 1, true},
		{"columns in characters", "[\"Lộc Hà\"]\nx = { ả = 1, b = 2 }\n", []string{"Lộc Hà", "x", "b"}, 2, 14, true},
		{"escaped quoted key", "\"a\\\"b\\u00e0\" = 1\n", []string{"a\"bà"}, 1, 1, true},
		{"literal string with #", "a = 'x # y'\nb = 2\n", []string{"b"}, 2, 1, true},
		{"multi-line literal string", "a = '''\n[[x]]\n'''\nb = 2\n", []string{"b"}, 4, 1, true},
		{"closing quotes inside", "a = \"\"\"x\"\"\"\"\"\nb = 2\n", []string{"b"}, 2, 1, true},
		{"line-ending backslash", "a = \"\"\"x\\\n  y\"\"\"\nb = 2\n", []string{"b"}, 3, 1, true},
		{"array of inline tables", "[menus]\nmain = [\n  { name = \"A\" },\n  { name = \"B\", url = \"/b/\" },\n]\n", []string{"menus", "main", "#1", "url"}, 4, 17, true},
		{"nested arrays", "a = [[1, 2], [3]]\n", []string{"a", "#1", "#0"}, 1, 15, true},
		{"tab indent", "[t]\n\tk = 1\n", []string{"t", "k"}, 2, 2, true},
		{"table after its sub-table", "[a.b]\nx = 1\n[a]\ny = 2\n", []string{"a"}, 3, 1, true},
		{"date with a space", "d = 1979-05-27 07:32:00 # c\ne = 1\n", []string{"e"}, 2, 1, true},
		{"empty source", "", []string{"x"}, 1, 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := where(t, Scan("f.toml", 0, []byte(tc.src)), tc.walk...)
			if p := n.Pos(); p.File != "f.toml" || p.Line != tc.line || p.Col != tc.col || n.Found() != tc.found {
				t.Errorf("%v: got %d:%d found %v, want %d:%d found %v", tc.walk, p.Line, p.Col, n.Found(), tc.line, tc.col, tc.found)
			}
		})
	}
}

func TestScanLineOffset(t *testing.T) {
	n := Scan("content/a.md", 1, []byte("title = \"A\"\nweight = 2\n")).Key("weight")
	if p := n.Pos(); p.Line != 3 || p.Col != 1 {
		t.Errorf("got %v, want content/a.md:3:1", p)
	}
}

func TestFind(t *testing.T) {
	src := "[[unit]]\nid = \"a\"\n[[unit]]\nid = \"b\"\nnme = \"x\"\n[[unit]]\nnme = \"y\"\n"
	got := Scan("f.toml", 0, []byte(src)).find([]string{"unit", "nme"})
	if len(got) != 2 || got[0].Pos().Line != 5 || got[1].Pos().Line != 7 {
		t.Errorf("got %d nodes, want unit.nme at lines 5 and 7", len(got))
	}
}

// FuzzScan checks that Scan stops on any input, that every position it
// records lies inside the source, and that it finds every key of a source
// BurntSushi/toml decodes.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"a = 1\n[b]\nc = \"x\"\n[[d]]\ne = [1, {f = 2}]\n",
		"\uFEFF\"a.b\".'c' = \"\"\"\n[x]\n\"\"\"\r\n[t . \"u\"]\r\nv = '''y'''\n",
		"a = [\n  1, # c\n  [2, 3],\n]\nb = {c = {d = 1}}\n",
		"[a\nb = \"\\\nc = '",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 {
			return
		}
		root := Scan("f.toml", 0, src)
		lines := strings.Split(string(src), "\n")
		var check func(n *Node)
		check = func(n *Node) {
			p := n.Pos()
			if p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > utf8.RuneCountInString(lines[p.Line-1])+1 {
				t.Fatalf("position %d:%d outside the source", p.Line, p.Col)
			}
			for _, c := range n.keys {
				check(c)
			}
			for _, e := range n.elems {
				check(e)
			}
		}
		check(root)
		var v map[string]any
		md, err := toml.Decode(string(src), &v)
		if err != nil || !utf8.Valid(src) {
			return
		}
		for _, k := range md.Keys() {
			if len(root.find(k)) == 0 {
				t.Errorf("key %q not found", k)
			}
		}
	})
}

// Decode reports an unknown or mistyped key where it is written, however
// the file is laid out.
func TestDecodePositions(t *testing.T) {
	tests := []struct {
		name, src  string
		lineOffset int
		want       []string
	}{
		{"quoted keys", "\"title\" = \"A\"\n[organisation]\n'phon' = \"1\"\n[[unit]]\n\"i d\" = \"x\"\n", 0,
			[]string{`f.toml:3:1: unknown key "organisation.phon"`, `f.toml:5:1: unknown key "unit.\"i d\""`}},
		{"after a multi-line string that looks like TOML", "title = \"\"\"\n[[unit]]\ntitel = 1\n\"\"\"\nweght = 2\n", 0,
			[]string{`f.toml:5:1: unknown key "weght"`}},
		{"inside inline tables, CRLF, BOM, front matter", "\uFEFF[[menus.main]]\r\nname = \"A\"\r\n[[unit]]\r\ntarget = [{ value = 1, dedline = \"x\" }, { valeu = 2 }]\r\n", 2,
			[]string{`f.toml:6:24: unknown key "unit.target.dedline"`, `f.toml:6:43: unknown key "unit.target.valeu"`}},
		{"wrong type in the second table", "[[unit]]\nid = \"a\"\nreports = true\n[[unit]]\nid = \"b\"\n  reports = \"yes\"\n", 0,
			[]string{`f.toml:6:3: the value of key "unit.reports" has the wrong type`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var v fuzzTarget
			var l diag.List
			Decode("f.toml", tc.lineOffset, []byte(tc.src), &v, &l)
			got := l.Format(diag.EN)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("got:\n%s\nwant %s", got, w)
				}
			}
		})
	}
}
