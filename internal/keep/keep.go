// Package keep carves what a build keeps for every page — small structs,
// slices and strings that live until the page is rendered or the search
// index written — out of large blocks instead of allocating each alone.
//
// Every page is parsed before any is rendered, and parsing one page makes
// about a hundred times its size in short-lived garbage (goldmark's tree).
// Kept objects allocated among that garbage end up a few to each span of
// Go's heap; once the garbage is collected, the free slots around them can
// take only objects of their own size class. At 100,000 pages those slots
// were 270 MB of the process's memory holding nothing
// (/memory/classes/heap/unused in runtime/metrics), memory that a soft
// limit (cli.MemoryLimit) takes from the collector's room, so that it ran
// more often. Carved from blocks, the kept objects of many pages sit
// together, and there is one object to mark where there were dozens.
//
// A block lives as long as anything carved from it, so only what lives
// about as long as its neighbours belongs in one. A Block or Text is used
// by one goroutine at a time: keep one per goroutine, or take them from a
// sync.Pool around each use.
package keep

import (
	"strings"
	"unsafe"
)

// Block carves values and slices of T from blocks of Size.
type Block[T any] struct {
	Size int
	buf  []T
}

func (b *Block[T]) room(n int) bool {
	if cap(b.buf)-len(b.buf) >= n {
		return true
	}
	if n > b.Size/4 {
		return false
	}
	b.buf = make([]T, 0, b.Size)
	return true
}

// New returns a pointer to a zero T carved from a block.
func (b *Block[T]) New() *T {
	if !b.room(1) {
		return new(T)
	}
	b.buf = b.buf[:len(b.buf)+1]
	return &b.buf[len(b.buf)-1]
}

// Copy returns a copy of s carved from a block, its capacity its length
// (appending to it copies). A long s gets an allocation of its own.
func (b *Block[T]) Copy(s []T) []T {
	if len(s) == 0 {
		return s
	}
	if !b.room(len(s)) {
		return append([]T(nil), s...)
	}
	n := len(b.buf)
	b.buf = append(b.buf, s...)
	return b.buf[n : n+len(s) : n+len(s)]
}

// Text carves strings from blocks of bytes that are never written again
// once carved.
type Text struct {
	buf []byte
}

// textBlock is the size of a block of text; strings longer than an eighth
// of it get an allocation of their own.
const textBlock = 64 << 10

// String returns a copy of s carved from a block.
func (t *Text) String(s string) string {
	if len(s) == 0 {
		return ""
	}
	if len(s) > textBlock/8 {
		return strings.Clone(s)
	}
	if cap(t.buf)-len(t.buf) < len(s) {
		t.buf = make([]byte, 0, textBlock)
	}
	n := len(t.buf)
	t.buf = append(t.buf, s...)
	return unsafe.String(&t.buf[n], len(s))
}

// Bytes returns a copy of b as a string carved from a block; the caller
// may go on using b.
func (t *Text) Bytes(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return t.String(unsafe.String(unsafe.SliceData(b), len(b)))
}
