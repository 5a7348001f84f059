package share

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

// version changes when Render draws the same Card differently, so that no
// image drawn by an older tiendo is taken from the cache.
const version = "share 3"

// Image is a share image to draw: the Card, and the site path of the PNG.
type Image struct {
	Path string
	Card Card
}

// Cache keeps drawn images in memory and in a directory, content-addressed
// by everything the PNG depends on (the Card, the fonts, version), as
// package chart keeps its SVGs: a build draws only the cards that changed,
// so tiendo serve's partial rebuilds stay fast. Safe for concurrent use.
type Cache struct {
	dir  string
	salt string

	mu  sync.Mutex
	mem map[string][]byte
}

// NewCache returns a cache in dir (for example .tiendo-cache/share under
// the site root; created on first write); an empty dir keeps it in memory.
func NewCache(dir string) *Cache {
	h := sha256.New()
	h.Write([]byte(version))
	for _, f := range Fonts() {
		s := sha256.Sum256(f)
		h.Write(s[:])
	}
	return &Cache{dir: dir, salt: hex.EncodeToString(h.Sum(nil)), mem: map[string][]byte{}}
}

// PNG returns Render(c), from the cache when it can.
func (k *Cache) PNG(c Card) ([]byte, error) {
	key := k.key(c)
	k.mu.Lock()
	b, ok := k.mem[key]
	k.mu.Unlock()
	if ok {
		return b, nil
	}
	if k.dir != "" {
		b, err := os.ReadFile(filepath.Join(k.dir, key+".png"))
		if err == nil {
			k.store(key, b)
			return b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("share: cache: %w", err)
		}
	}
	b, err := Render(c)
	if err != nil {
		return nil, err
	}
	if k.dir != "" {
		if err := atomicfile.Write(filepath.Join(k.dir, key+".png"), b); err != nil {
			return nil, fmt.Errorf("share: cache: %w", err)
		}
	}
	k.store(key, b)
	return b, nil
}

// RenderAll returns the PNG of every image, in order, drawing those not
// cached in parallel. errs[i] is image i's error, nil when it was drawn.
func (k *Cache) RenderAll(imgs []Image) (pngs [][]byte, errs []error) {
	pngs, errs = make([][]byte, len(imgs)), make([]error, len(imgs))
	par.For(len(imgs), func(i int) { pngs[i], errs[i] = k.PNG(imgs[i].Card) })
	return pngs, errs
}

// key is the SHA-256 of the card with the fonts and version; %#v spells
// every field, a NaN target included.
func (k *Cache) key(c Card) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%#v", k.salt, c)
	return hex.EncodeToString(h.Sum(nil))
}

func (k *Cache) store(key string, b []byte) {
	k.mu.Lock()
	k.mem[key] = b
	k.mu.Unlock()
}
