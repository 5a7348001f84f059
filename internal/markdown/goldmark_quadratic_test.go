package markdown

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

// pathological are inputs on which goldmark's own parser takes time
// quadratic in their length (see the package documentation, # Budget).
var sizes = []int{2_500, 5_000, 10_000, 20_000}

var pathological = []struct {
	name string
	body func(n int) string
}{
	{"image-openers", func(n int) string { return strings.Repeat("![](", n) }},
	{"brackets", func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }},
}

// BenchmarkGoldmarkQuadratic parses the pathological inputs with plain
// goldmark (no tiendo extension) at doubling sizes: time ×4 per step.
//
//	go test ./internal/markdown -run '^$' -bench GoldmarkQuadratic -benchtime 1x
func BenchmarkGoldmarkQuadratic(b *testing.B) {
	md := goldmark.New()
	for _, p := range pathological {
		for _, n := range sizes {
			src := []byte(p.body(n))
			b.Run(fmt.Sprintf("%s/n=%d", p.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					md.Parser().Parse(text.NewReader(src))
				}
			})
		}
	}
}

// BenchmarkParsePathological parses the inputs of issue 13 through the
// Converter, as a build does, without a budget and with the default one:
// "![](" ×40,000 (160 KB), "[" ×100,000 then "]" ×100,000, and "*a_ "
// ×40,000.
//
//	go test ./internal/markdown -run '^$' -bench ParsePathological -benchtime 1x
func BenchmarkParsePathological(b *testing.B) {
	for _, budget := range []time.Duration{0, 2 * time.Second} {
		c := New(Options{Typographer: true, ParseBudget: budget})
		for _, p := range []struct {
			name string
			src  []byte
		}{
			{"image-openers-160KB", []byte(strings.Repeat("![](", 40_000))},
			{"brackets-100000", []byte(strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000))},
			{"emphasis-160KB", []byte(strings.Repeat("*a_ ", 40_000))},
		} {
			b.Run(fmt.Sprintf("budget=%v/%s", budget, p.name), func(b *testing.B) {
				for b.Loop() {
					c.Parse(p.src)
				}
			})
		}
	}
}
