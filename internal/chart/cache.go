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
	out, err := c.svgs(option, []size{{width, height, idSuffix}})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// svgs returns the SVG of option at each size, from the cache where it
// can, and draws the others in one go (see renderJS).
func (c *Cache) svgs(option []byte, sizes []size) ([][]byte, error) {
	out := make([][]byte, len(sizes))
	keys := make([]string, len(sizes))
	var missing []int
	for i, s := range sizes {
		keys[i] = c.key(option, s)
		svg, err := c.lookup(keys[i])
		if err != nil {
			return nil, err
		}
		if svg == nil {
			missing = append(missing, i)
		}
		out[i] = svg
	}
	if len(missing) == 0 {
		return out, nil
	}
	r, err := c.renderer()
	if err != nil {
		return nil, err
	}
	draw := make([]size, len(missing))
	for j, i := range missing {
		draw[j] = sizes[i]
	}
	drawn, err := r.svgs(option, draw)
	if err != nil {
		return nil, err
	}
	for j, i := range missing {
		if err := c.keep(keys[i], drawn[j]); err != nil {
			return nil, err
		}
		out[i] = clone(drawn[j])
	}
	return out, nil
}

// lookup returns the SVG cached under key, from memory or the cache
// folder, or nil.
func (c *Cache) lookup(key string) ([]byte, error) {
	c.mu.Lock()
	svg, ok := c.mem[key]
	c.mu.Unlock()
	if ok {
		return clone(svg), nil
	}
	if c.dir == "" {
		return nil, nil
	}
	svg, err := os.ReadFile(filepath.Join(c.dir, key+".svg"))
	if err == nil {
		c.store(key, svg)
		return clone(svg), nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("chart: cache: %w", err)
	}
	return nil, nil
}

// keep caches svg under key, in memory and in the cache folder.
func (c *Cache) keep(key string, svg []byte) error {
	if c.dir != "" {
		if err := atomicfile.Write(filepath.Join(c.dir, key+".svg"), svg); err != nil {
			return fmt.Errorf("chart: cache: %w", err)
		}
	}
	c.store(key, svg)
	return nil
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
	out := make([]Drawing, len(charts))
	errs := make([]error, len(charts))
	par.For(len(charts), func(i int) {
		ch := charts[i]
		sizes := []size{{ch.Width, ch.Height, ""}}
		if ch.WideWidth > 0 {
			sizes = append(sizes, size{ch.WideWidth, ch.WideHeight, WideSuffix})
		}
		svgs, err := c.svgs(ch.Option, sizes)
		if err != nil {
			errs[i] = err
			return
		}
		out[i].SVG = svgs[0]
		if len(svgs) > 1 {
			out[i].Wide = svgs[1]
		}
	})
	return out, errors.Join(errs...)
}

// key is the SHA-256 of everything the SVG depends on. The hash of the
// ECharts source stands for its version (and catches a patched build of the
// same version) without starting ECharts to ask it.
func (c *Cache) key(option []byte, s size) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%d×%d\n", sanitizeVersion, c.jsSum, s.width, s.height)
	if s.idSuffix != "" {
		fmt.Fprintf(h, "%s\n", s.idSuffix)
	}
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

// Close ends the renderer's runtimes and worker processes, if it started
// any; call it with no render in progress. The cache stays usable: a later
// chart not cached starts a new renderer.
func (c *Cache) Close() {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if c.r != nil {
		c.r.Close()
		c.r = nil
	}
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }
