package content

import (
	"math/rand"
	"testing"
	"unicode/utf8"

	asmutf8 "github.com/segmentio/asm/utf8"
)

// utf8Edges are byte sequences at the edges of UTF-8: overlong forms,
// surrogates, the last code point and past it, truncated and stray
// continuation bytes.
var utf8Edges = [][]byte{
	{}, {0x7f}, {0xc0, 0x80}, {0xc1, 0xbf}, {0xc2, 0x80}, {0xdf, 0xbf},
	{0xe0, 0x80, 0x80}, {0xe0, 0x9f, 0xbf}, {0xe0, 0xa0, 0x80}, {0xed, 0x9f, 0xbf},
	{0xed, 0xa0, 0x80}, {0xed, 0xbf, 0xbf}, {0xee, 0x80, 0x80}, {0xef, 0xbf, 0xbf},
	{0xf0, 0x8f, 0xbf, 0xbf}, {0xf0, 0x90, 0x80, 0x80}, {0xf4, 0x8f, 0xbf, 0xbf},
	{0xf4, 0x90, 0x80, 0x80}, {0xf5, 0x80, 0x80, 0x80}, {0xff}, {0xfe},
	{0x80}, {0xbf}, {0xc3}, {0xe1, 0xba}, {0xf0, 0x9f, 0x98},
	[]byte("Người dân kích hoạt tài khoản định danh điện tử mức độ 2"),
}

// TestValidSameAsStdlib checks that segmentio/asm's UTF-8 check, which
// firstBadByte uses for speed, answers as unicode/utf8 does: on the edge
// sequences alone and at every offset of texts long enough for its
// 32-byte steps, and on random Vietnamese text with bytes changed.
func TestValidSameAsStdlib(t *testing.T) {
	text := []byte("Hướng dẫn: cài VNeID, đăng ký tài khoản mức 2 tại Công an xã; nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia. ")
	for _, e := range utf8Edges {
		for _, pad := range []int{0, 1, 15, 31, 32, 33, 63, 64, 65} {
			for _, fill := range [][]byte{[]byte("a"), text} {
				var b []byte
				for len(b) < pad {
					b = append(b, fill...)
				}
				b = append(b[:pad:pad], e...)
				b = append(b, text...)
				if got, want := asmutf8.Valid(b), utf8.Valid(b); got != want {
					t.Fatalf("% x: segmentio %v, unicode/utf8 %v", b, got, want)
				}
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		b := []byte(string(text[:rng.Intn(len(text))]) + string(text))
		for range rng.Intn(3) {
			b[rng.Intn(len(b))] = byte(rng.Intn(256))
		}
		if got, want := asmutf8.Valid(b), utf8.Valid(b); got != want {
			t.Fatalf("% x: segmentio %v, unicode/utf8 %v", b, got, want)
		}
	}
}

// FuzzValidSameAsStdlib is TestValidSameAsStdlib for any bytes.
func FuzzValidSameAsStdlib(f *testing.F) {
	for _, e := range utf8Edges {
		f.Add(e)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := asmutf8.Valid(b), utf8.Valid(b); got != want {
			t.Fatalf("% x: segmentio %v, unicode/utf8 %v", b, got, want)
		}
	})
}
