package output

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"github.com/tiendo/tiendo/internal/atomicfile"
	"io"
	"os"
	"path"
	"path/filepath"
	"sync"

	"github.com/andybalholm/brotli"
)

// compressible are the extensions worth precompressing: text a server sends
// as is.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".xml": true,
	".svg": true, ".txt": true, ".csv": true, ".md": true,
}

// minCompress is the smallest file worth a compressed copy.
const minCompress = 256

// Compressed writes, next to every text file, a .gz and a .br copy at the
// highest levels, for servers that send precompressed files (nginx
// gzip_static and brotli_static, Apache with mod_rewrite, object stores with
// Content-Encoding metadata). The copies are deterministic: no names or
// times in the gzip header. Cache, when set, keeps the copies of large
// files between builds (see CompressCache).
type Compressed struct {
	Sink
	Cache *CompressCache
}

func (c Compressed) Write(rel string, data []byte) error {
	if err := c.Sink.Write(rel, data); err != nil {
		return err
	}
	if !compressible[path.Ext(rel)] || len(data) < minCompress {
		return nil
	}
	gz, br, err := c.Cache.compress(data)
	if err != nil {
		return err
	}
	if err := c.Sink.Write(rel+".gz", gz); err != nil {
		return err
	}
	return c.Sink.Write(rel+".br", br)
}

// cacheFrom is the size from which compressed copies are cached: Brotli at
// its best level takes about three seconds for ECharts' 1 MB script, the
// same on every build, and a few milliseconds for a page.
const cacheFrom = 32 << 10

// CompressCache keeps the compressed copies of large files by the SHA-256
// of their bytes, in memory and, when it has a folder, on disk
// (.tiendo-cache/compressed/ of the site), so that a build with --compress
// compresses ECharts and other unchanged large files once. A copy depends
// only on the bytes and the fixed levels, so a cached copy is the one a
// build would make; one read from disk is used only if it decompresses to
// the file. A nil *CompressCache caches nothing. It is safe for
// concurrent use.
type CompressCache struct {
	dir string
	mu  sync.Mutex
	mem map[[32]byte][2][]byte
}

// NewCompressCache returns a cache keeping its files in dir; "" keeps them
// in memory only.
func NewCompressCache(dir string) *CompressCache {
	return &CompressCache{dir: dir, mem: map[[32]byte][2][]byte{}}
}

func (c *CompressCache) compress(data []byte) (gz, br []byte, err error) {
	if c == nil || len(data) < cacheFrom {
		return compress(data)
	}
	key := sha256.Sum256(data)
	c.mu.Lock()
	got, ok := c.mem[key]
	c.mu.Unlock()
	if ok {
		return got[0], got[1], nil
	}
	base := ""
	if c.dir != "" {
		base = filepath.Join(c.dir, hex.EncodeToString(key[:]))
		gz, errGz := os.ReadFile(base + ".gz")
		br, errBr := os.ReadFile(base + ".br")
		if errGz == nil && errBr == nil && holds(gz, br, data) {
			c.keep(key, gz, br)
			return gz, br, nil
		}
	}
	if gz, br, err = compress(data); err != nil {
		return nil, nil, err
	}
	c.keep(key, gz, br)
	if base != "" {
		// A cache that cannot be written only costs time next build.
		_ = atomicfile.Write(base+".gz", gz)
		_ = atomicfile.Write(base+".br", br)
	}
	return gz, br, nil
}

func (c *CompressCache) keep(key [32]byte, gz, br []byte) {
	c.mu.Lock()
	c.mem[key] = [2][]byte{gz, br}
	c.mu.Unlock()
}

// holds reports whether gz and br decompress to data: a file of the cache
// folder damaged or edited by hand is never published, only made again.
func holds(gz, br, data []byte) bool {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return false
	}
	g, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(g, data) {
		return false
	}
	b, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
	return err == nil && bytes.Equal(b, data)
}

// compress makes the .gz and .br copies of data.
func compress(data []byte) (gz, br []byte, err error) {
	var gzb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gzb, gzip.BestCompression)
	if _, err := zw.Write(data); err != nil {
		return nil, nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, nil, err
	}
	var brb bytes.Buffer
	bw := brotli.NewWriterLevel(&brb, brotli.BestCompression)
	if _, err := bw.Write(data); err != nil {
		return nil, nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, nil, err
	}
	return gzb.Bytes(), brb.Bytes(), nil
}
