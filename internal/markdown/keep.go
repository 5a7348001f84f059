package markdown

import (
	"sync"

	"github.com/tiendo/tiendo/internal/keep"
)

// keeper carves what a Doc keeps until its page is rendered — the Doc
// itself, its placeholders and their destinations, its headings and their
// text, its plain text — out of blocks (see package keep): parsing makes
// a hundred times a page's size in garbage around them.
type keeper struct {
	docs  keep.Block[Doc]
	slots keep.Block[slot]
	heads keep.Block[Heading]
	text  keep.Text
}

var keepers = sync.Pool{New: func() any {
	return &keeper{docs: keep.Block[Doc]{Size: 256}, slots: keep.Block[slot]{Size: 4096}, heads: keep.Block[Heading]{Size: 2048}}
}}

// headings returns a copy of h, and of its strings, carved from blocks.
func (k *keeper) headings(h []Heading) []Heading {
	out := k.heads.Copy(h)
	for i := range out {
		out[i].ID, out[i].Text = k.text.String(out[i].ID), k.text.String(out[i].Text)
	}
	return out
}

// Release empties a Doc once its page is rendered, so that what it held can
// be collected although its block is still kept by Docs not yet rendered.
func (d *Doc) Release() { *d = Doc{} }
