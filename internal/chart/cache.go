package chart

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/tiendo/tiendo/internal/atomicfile"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/tiendo/tiendo/internal/par"
)

// Cache keeps rendered SVG in memory and in a directory, so that a build
// only starts ECharts for charts whose option, size, ECharts source or
// cleaning changed. A cached chart costs a file read. It is safe for
// concurrent use.
type Cache struct {
	dir   string
	jsSum string
	start func() (*Renderer, error) // NewRenderer; tests count the calls

	mu  sync.Mutex
	mem map[string][]byte

	rmu sync.Mutex // guards r: starting a renderer takes 150 ms
	r   *Renderer
}

// NewCache returns a cache in dir (for example .tiendo-cache/charts under
// the site root; created on first write) rendering with echartsJS and
// options when it must. An empty dir keeps the cache in memory only. The
// Renderer is created lazily, on the first chart not cached.
func NewCache(dir string, echartsJS []byte, options ...RendererOption) *Cache {
	sum := sha256.Sum256(echartsJS)
	return &Cache{
		dir:   dir,
		jsSum: hex.EncodeToString(sum[:]),
		start: func() (*Renderer, error) { return NewRenderer(echartsJS, options...) },
		mem:   map[string][]byte{},
	}
}

// SVG returns the cleaned SVG of option at width×height, as
// Renderer.SVG does, from the cache when it can.
func (c *Cache) SVG(option []byte, width, height int) ([]byte, error) {
	return c.svg(option, width, height, "")
}

func (c *Cache) svg(option []byte, width, height int, idSuffix string) ([]byte, error) {
	key := c.key(option, width, height)
	if idSuffix != "" {
		key = c.key(append([]byte(idSuffix+"\n"), option...), width, height)
	}
	c.mu.Lock()
	svg, ok := c.mem[key]
	c.mu.Unlock()
	if ok {
		return clone(svg), nil
	}
	if c.dir != "" {
		svg, err := os.ReadFile(filepath.Join(c.dir, key+".svg"))
		if err == nil {
			c.store(key, svg)
			return clone(svg), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("chart: cache: %w", err)
		}
	}
	r, err := c.renderer()
	if err != nil {
		return nil, err
	}
	svg, err = r.svg(option, width, height, idSuffix)
	if err != nil {
		return nil, err
	}
	if c.dir != "" {
		if err := atomicfile.Write(filepath.Join(c.dir, key+".svg"), svg); err != nil {
			return nil, fmt.Errorf("chart: cache: %w", err)
		}
	}
	c.store(key, svg)
	return clone(svg), nil
}

// Drawing is a chart drawn at its sizes: SVG at Width×Height, and Wide at
// WideWidth×WideHeight when the chart has a wide size (its ids end in
// WideSuffix, so both can be in one page).
type Drawing struct {
	SVG, Wide []byte
}

// WideSuffix follows the chart ID in the ids of the wide drawing.
const WideSuffix = "-w"

// RenderAll returns the drawings of every chart, in order, rendering those
// not cached in parallel on all cores. The error joins the error of every
// chart that failed; the others are still drawn.
func (c *Cache) RenderAll(charts []Chart) ([]Drawing, error) {
	n := len(charts)
	out := make([]Drawing, n)
	errs := make([]error, 2*n)
	defer roomyGC()()
	par.For(2*n, func(i int) {
		ch := charts[i%n]
		switch {
		case i < n:
			out[i].SVG, errs[i] = c.SVG(ch.Option, ch.Width, ch.Height)
		case ch.WideWidth > 0:
			out[i-n].Wide, errs[i] = c.svg(ch.Option, ch.WideWidth, ch.WideHeight, WideSuffix)
		}
	})
	return out, errors.Join(errs...)
}

// key is the SHA-256 of everything the SVG depends on. The hash of the
// ECharts source stands for its version (and catches a patched build of the
// same version) without starting ECharts to ask it.
func (c *Cache) key(option []byte, width, height int) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%d×%d\n", sanitizeVersion, c.jsSum, width, height)
	h.Write(option)
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) store(key string, svg []byte) {
	c.mu.Lock()
	c.mem[key] = svg
	c.mu.Unlock()
}

func (c *Cache) renderer() (*Renderer, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if c.r == nil {
		r, err := c.start()
		if err != nil {
			return nil, err
		}
		c.r = r
	}
	return c.r, nil
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }
