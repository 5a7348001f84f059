package output

import (
	"bytes"
	"compress/gzip"
	"path"

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
// times in the gzip header.
type Compressed struct {
	Sink
}

func (c Compressed) Write(rel string, data []byte) error {
	if err := c.Sink.Write(rel, data); err != nil {
		return err
	}
	if !compressible[path.Ext(rel)] || len(data) < minCompress {
		return nil
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := c.Sink.Write(rel+".gz", gz.Bytes()); err != nil {
		return err
	}
	var br bytes.Buffer
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	if _, err := bw.Write(data); err != nil {
		return err
	}
	if err := bw.Close(); err != nil {
		return err
	}
	return c.Sink.Write(rel+".br", br.Bytes())
}
