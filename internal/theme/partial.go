package theme

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/tiendo/tiendo/internal/site"
)

// A layout calls {{ partial "partials/header.html" . }} where it could call
// {{ template "partials/header.html" . }}: the output is the same, but a
// partial whose output provably depends on little of the page is executed
// once for all the pages that give it the same inputs, and its output
// reused. This is how the header and footer, with their menus and relative
// links, are executed a few dozen times for a site of 10,000 pages.
//
// The proof is read off the partial's parse tree when the theme loads
// (fixedReads): apart from constants, the site's Config, Now and URLs, and
// functions, the partial may read only the Ctx methods in ctxReads. Of
// those, the language, IsHome and Embed select a cache entry; URL, Current,
// Active and Menu, which depend on the page's path or on the menus, are
// recorded as the partial runs, and a later page reuses the output when
// each of those calls, made again for it, returns what it returned then:
// execution being deterministic, equal answers mean the same calls in the
// same order and the same output. Layout functions must therefore be pure,
// their result depending on their arguments alone; Funcs' are.
//
// A partial may not call partial, even through template (checkPartials),
// so that a partial calling itself cannot recurse without end.

// ctxReads are the Ctx methods a cached partial may call. Those that depend
// on the page's path or on the menus are recorded (see recorder); the
// others depend on nothing but the language, IsHome and Embed (the cache
// key) and the site.
var ctxReads = map[string]bool{
	// recorded
	"URL": true, "Current": true, "Active": true, "Menu": true,
	// the cache key
	"Lang": true, "LangPath": true, "T": true, "Date": true, "Int": true, "Num": true,
	"Pct": true, "Size": true, "IsHome": true, "Embed": true,
	// the site's
	"ISODate": true, "Abs": true,
}

// siteReads are the fields of Site a cached partial may read: they do not
// change while a site renders.
var siteReads = map[string]bool{"Config": true, "Now": true, "Clock": true, "URLs": true}

// partialFunc returns the "partial" function of the layout set tpl, which
// caches the partials named in memos.
func partialFunc(tpl *template.Template, memos map[string]*memo) func(string, any) (template.HTML, error) {
	return func(name string, data any) (template.HTML, error) {
		c, ok := data.(*Ctx)
		m := memos[name]
		if !ok || m == nil {
			return execute(tpl, name, data)
		}
		if out, ok := m.lookup(c); ok {
			return out, nil
		}
		rec := &recorder{Ctx: c}
		out, err := execute(tpl, name, rec)
		if err != nil {
			return "", err
		}
		m.store(c, rec.reads, rec.results, out)
		return out, nil
	}
}

func execute(tpl *template.Template, name string, data any) (template.HTML, error) {
	var b strings.Builder
	if err := tpl.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// recorder is the data a cached partial executes with: the page's Ctx,
// noting the calls whose answer depends on the page's path or the menus.
type recorder struct {
	*Ctx
	reads   []read
	results []answer
}

func (r *recorder) note(rd read, result answer) {
	r.reads = append(r.reads, rd)
	r.results = append(r.results, result)
}

func (r *recorder) URL(target string) string {
	u := r.Ctx.URL(target)
	r.note(read{method: "URL", arg: target}, answer{s: u})
	return u
}

func (r *recorder) Current(item site.MenuItem) bool {
	b := r.Ctx.Current(item)
	r.note(read{method: "Current", item: item}, answer{b: b})
	return b
}

func (r *recorder) Active(item site.MenuItem) bool {
	b := r.Ctx.Active(item)
	r.note(read{method: "Active", item: item}, answer{b: b})
	return b
}

func (r *recorder) Menu(name string) []site.MenuItem {
	m := r.Ctx.Menu(name)
	r.note(read{method: "Menu", arg: name}, answer{menu: m})
	return m
}

// read is one recorded call.
type read struct {
	method string // "URL", "Current", "Active" or "Menu"
	arg    string
	item   site.MenuItem
}

// answer is what a recorded call returned: a link, a yes or no, or a
// menu. A struct, not an interface: boxing each link replayed for a page
// was 3% of a build's allocations.
type answer struct {
	s    string
	b    bool
	menu []site.MenuItem
}

func (a answer) same(b answer) bool {
	return a.s == b.s && a.b == b.b && slices.Equal(a.menu, b.menu)
}

// on makes the call again for another page.
func (rd read) on(c *Ctx) answer {
	switch rd.method {
	case "URL":
		return answer{s: c.URL(rd.arg)}
	case "Current":
		return answer{b: c.Current(rd.item)}
	case "Active":
		return answer{b: c.Active(rd.item)}
	}
	return answer{menu: c.Menu(rd.arg)}
}

// memo holds one partial's outputs. Under each key, a tree: an inner node
// is the next call the partial made, with a child for each answer; a leaf
// is the output.
type memo struct {
	mu    sync.RWMutex
	roots map[memoKey]*memoNode
}

// memoKey is what selects the tree: what the partial's unrecorded reads
// depend on.
type memoKey struct {
	site        *site.Site
	lang        string
	home, embed bool
}

func keyOf(c *Ctx) memoKey {
	return memoKey{site: c.Site, lang: c.Lang(), home: c.IsHome(), embed: c.Embed()}
}

// memoNode is a leaf (done), an inner node (next), or new, when it is
// neither.
type memoNode struct {
	done bool
	out  template.HTML
	next *read
	kids []memoEdge
}

type memoEdge struct {
	result answer
	node   *memoNode
}

func (n *memoNode) kid(result answer) *memoNode {
	for _, e := range n.kids {
		if e.result.same(result) {
			return e.node
		}
	}
	return nil
}

func newMemo() *memo { return &memo{roots: map[memoKey]*memoNode{}} }

// lookup returns the output kept for c, if any.
func (m *memo) lookup(c *Ctx) (template.HTML, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	n := m.roots[keyOf(c)]
	for n != nil && n.next != nil {
		n = n.kid(n.next.on(c))
	}
	if n == nil || !n.done {
		return "", false
	}
	return n.out, true
}

// store keeps out, made for c with the given calls and answers.
func (m *memo) store(c *Ctx, reads []read, results []answer, out template.HTML) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := keyOf(c)
	n := m.roots[k]
	if n == nil {
		n = &memoNode{}
		m.roots[k] = n
	}
	for i, rd := range reads {
		switch {
		case n.done:
			return // cannot happen: the same answers led to fewer calls
		case n.next == nil:
			n.next = &reads[i]
		case *n.next != rd:
			return // cannot happen: the same answers led to another call
		}
		kid := n.kid(results[i])
		if kid == nil {
			kid = &memoNode{}
			n.kids = append(n.kids, memoEdge{result: results[i], node: kid})
		}
		n = kid
	}
	if n.next == nil {
		n.done, n.out = true, out
	}
}

// checkPartials returns an error for a call of partial whose first argument
// is not a quoted name, or that would run inside another partial, directly
// or through template. Partials do not nest, so that a partial calling
// itself cannot recurse without end; template has a depth limit of its own.
func checkPartials(tpl *template.Template) error {
	type calls struct {
		tree      *parse.Tree
		partials  []*parse.CommandNode
		templates []string
	}
	all := map[string]*calls{}
	for _, x := range tpl.Templates() {
		if x.Tree == nil || x.Tree.Root == nil {
			continue
		}
		c := &calls{tree: x.Tree}
		walkNodes(x.Tree.Root, func(n parse.Node) {
			switch n := n.(type) {
			case *parse.TemplateNode:
				c.templates = append(c.templates, n.Name)
			case *parse.CommandNode:
				if id, ok := n.Args[0].(*parse.IdentifierNode); ok && id.Ident == "partial" {
					c.partials = append(c.partials, n)
				}
			}
		})
		all[x.Name()] = c
	}
	errorAt := func(t *parse.Tree, n parse.Node, format string, args ...any) error {
		loc, _ := t.ErrorContext(n)
		return fmt.Errorf("template: %s: %s", loc, fmt.Sprintf(format, args...))
	}
	for _, name := range slices.Sorted(maps.Keys(all)) {
		c := all[name]
		for _, call := range c.partials {
			var target string
			if len(call.Args) > 1 {
				if s, ok := call.Args[1].(*parse.StringNode); ok {
					target = s.Text
				}
			}
			if target == "" {
				return errorAt(c.tree, call, "partial needs the name of a template in quotes")
			}
			seen := map[string]bool{}
			for next := []string{target}; len(next) > 0; {
				n := next[len(next)-1]
				next = next[:len(next)-1]
				if inner := all[n]; inner != nil && !seen[n] {
					seen[n] = true
					if len(inner.partials) > 0 {
						return errorAt(inner.tree, inner.partials[0], "partial inside the partial %q: call template here", target)
					}
					next = append(next, inner.templates...)
				}
			}
		}
	}
	return nil
}

// walkNodes calls fn for n and every node below it.
func walkNodes(n parse.Node, fn func(parse.Node)) {
	fn(n)
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			walkNodes(c, fn)
		}
	case *parse.ActionNode:
		walkNodes(n.Pipe, fn)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.TemplateNode:
		if n.Pipe != nil {
			walkNodes(n.Pipe, fn)
		}
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			walkNodes(c, fn)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkNodes(a, fn)
		}
	case *parse.ChainNode:
		walkNodes(n.Node, fn)
	}
}

func walkBranch(b *parse.BranchNode, fn func(parse.Node)) {
	walkNodes(b.Pipe, fn)
	walkNodes(b.List, fn)
	if b.ElseList != nil {
		walkNodes(b.ElseList, fn)
	}
}

// partialMemos returns an empty memo for each template of tpl whose output
// depends only on what the memo follows.
func partialMemos(tpl *template.Template) map[string]*memo {
	memos := map[string]*memo{}
	lookup := func(name string) *parse.Tree {
		if x := tpl.Lookup(name); x != nil {
			return x.Tree
		}
		return nil
	}
	for _, x := range tpl.Templates() {
		if x.Tree != nil && fixedReads(x.Name(), lookup) {
			memos[x.Name()] = newMemo()
		}
	}
	return memos
}

// fixedReads reports whether the template name, executed with a *Ctx, reads
// nothing of the page but the methods in ctxReads. lookup finds a template's
// parse tree by name.
func fixedReads(name string, lookup func(string) *parse.Tree) bool {
	a := &analysis{lookup: lookup, seen: map[string]bool{}, ok: true}
	a.template(name, isCtx)
	return a.ok
}

// kind is what a value in a template may be: the page's *Ctx, or something
// reached from it only through allowed reads (fixed).
type kind bool

const (
	fixed kind = false
	isCtx kind = true
)

type analysis struct {
	lookup func(string) *parse.Tree
	seen   map[string]bool // templates analysed, by name and dot kind
	root   kind            // $
	ok     bool
}

func (a *analysis) template(name string, dot kind) {
	key := name
	if dot == isCtx {
		key += "\x00ctx"
	}
	if a.seen[key] {
		return
	}
	a.seen[key] = true
	tree := a.lookup(name)
	if tree == nil || tree.Root == nil {
		a.ok = false
		return
	}
	outer := a.root
	a.root = dot
	a.list(tree.Root, dot)
	a.root = outer
}

func (a *analysis) list(l *parse.ListNode, dot kind) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		a.node(n, dot)
	}
}

func (a *analysis) node(n parse.Node, dot kind) {
	switch n := n.(type) {
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
	case *parse.ActionNode:
		a.pipe(n.Pipe, dot)
	case *parse.IfNode:
		a.pipe(n.Pipe, dot)
		a.list(n.List, dot)
		a.list(n.ElseList, dot)
	case *parse.WithNode:
		k := a.pipe(n.Pipe, dot)
		a.list(n.List, k)
		a.list(n.ElseList, dot)
	case *parse.RangeNode:
		if a.pipe(n.Pipe, dot) == isCtx {
			a.ok = false
		}
		a.list(n.List, fixed)
		a.list(n.ElseList, dot)
	case *parse.TemplateNode:
		k := fixed
		if n.Pipe != nil {
			k = a.pipe(n.Pipe, dot)
		}
		a.template(n.Name, k)
	default:
		a.ok = false
	}
}

// pipe returns the kind of a pipeline's value. Variables other than $ only
// ever hold fixed values.
func (a *analysis) pipe(p *parse.PipeNode, dot kind) kind {
	var k kind
	for i, c := range p.Cmds {
		k = a.command(c, dot, i > 0 && k == isCtx)
	}
	for _, v := range p.Decl {
		if k == isCtx || v.Ident[0] == "$" {
			a.ok = false
		}
	}
	return k
}

// command returns the kind of a command's value; pipedCtx is set when the
// previous command of the pipeline gave the Ctx, passed as last argument.
func (a *analysis) command(c *parse.CommandNode, dot kind, pipedCtx bool) kind {
	if pipedCtx {
		a.ok = false
	}
	args := c.Args[1:]
	if id, ok := c.Args[0].(*parse.IdentifierNode); ok {
		if id.Ident == "call" || id.Ident == "partial" { // partials do not nest (checkPartials)
			a.ok = false
		}
		a.fixedArgs(args, dot)
		return fixed
	}
	k := a.operand(c.Args[0], dot)
	if len(args) > 0 {
		if k == isCtx {
			a.ok = false
		}
		a.fixedArgs(args, dot)
		return fixed
	}
	return k
}

func (a *analysis) fixedArgs(args []parse.Node, dot kind) {
	for _, n := range args {
		if a.operand(n, dot) == isCtx {
			a.ok = false
		}
	}
}

// operand returns the kind of one argument of a command.
func (a *analysis) operand(n parse.Node, dot kind) kind {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return a.chain(dot, n.Ident)
	case *parse.VariableNode:
		k := fixed
		if n.Ident[0] == "$" {
			k = a.root
		}
		return a.chain(k, n.Ident[1:])
	case *parse.ChainNode:
		return a.chain(a.operand(n.Node, dot), n.Field)
	case *parse.PipeNode:
		return a.pipe(n, dot)
	case *parse.IdentifierNode:
		if n.Ident == "call" || n.Ident == "partial" {
			a.ok = false
		}
		return fixed
	case *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
		return fixed
	}
	a.ok = false
	return fixed
}

// chain returns the kind of base.f0.f1…: from the Ctx, only the allowed
// reads.
func (a *analysis) chain(base kind, fields []string) kind {
	if base == fixed || len(fields) == 0 {
		return base
	}
	if fields[0] == "Site" && len(fields) > 1 && siteReads[fields[1]] || ctxReads[fields[0]] {
		return fixed
	}
	a.ok = false
	return fixed
}
