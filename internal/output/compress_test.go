package output

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompressCacheGivesTheSameCopies: a copy from the cache, in memory or
// read back from disk by a later build, is byte for byte the copy
// compressing gives; small files are not kept; a damaged file in the cache
// folder is compressed again.
func TestCompressCacheGivesTheSameCopies(t *testing.T) {
	big := []byte(strings.Repeat("Tiến độ Đề án 06 huyện Lộc Hà; ", 4000)) // > cacheFrom
	small := []byte(strings.Repeat("trang ", 100))
	wantGz, wantBr, err := compress(big)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(c *CompressCache) *Mem {
		m := NewMem()
		sink := Compressed{Sink: m, Cache: c}
		if err := sink.Write("vendor/echarts.min.js", big); err != nil {
			t.Fatal(err)
		}
		if err := sink.Write("index.html", small); err != nil {
			t.Fatal(err)
		}
		return m
	}
	check := func(name string, m *Mem) {
		t.Helper()
		if !bytes.Equal(m.Files["vendor/echarts.min.js.gz"], wantGz) || !bytes.Equal(m.Files["vendor/echarts.min.js.br"], wantBr) {
			t.Errorf("%s: the copies differ from compressing", name)
		}
		if _, ok := m.Files["index.html.br"]; !ok {
			t.Errorf("%s: no copy of the small file", name)
		}
	}
	check("no cache", write(nil))
	check("first build", write(NewCompressCache(dir)))
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 2 {
		t.Fatalf("cache folder holds %v, want the .gz and .br of the large file only", files)
	}
	check("next build, from disk", write(NewCompressCache(dir)))
	for i, f := range files {
		damaged := [][]byte{nil, append(wantBr[:len(wantBr)/2:len(wantBr)/2], 0)}[i%2]
		if err := os.WriteFile(f, damaged, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	check("damaged cache", write(NewCompressCache(dir)))
	// A copy of other bytes under the right name is not taken either.
	other, _, _ := compress([]byte("khác"))
	if err := os.WriteFile(files[0], other, 0o644); err != nil {
		t.Fatal(err)
	}
	check("a copy of another file", write(NewCompressCache(dir)))
}
