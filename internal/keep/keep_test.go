package keep

import (
	"strings"
	"testing"
)

// Strings carved from a block keep their bytes however the block and the
// caller's buffer are used afterwards; values and copies are distinct and
// cannot grow into their neighbours.
func TestCarve(t *testing.T) {
	var text Text
	buf := []byte("xin chào")
	a := text.Bytes(buf)
	copy(buf, "--------")
	var kept []string
	for i := range 5000 {
		kept = append(kept, text.String(strings.Repeat("ệ", i%300)))
	}
	long := strings.Repeat("a", textBlock)
	if got := text.String(long); got != long {
		t.Error("a long string changed")
	}
	if a != "xin chào" {
		t.Errorf("carved from a reused buffer: %q", a)
	}
	for i, s := range kept {
		if s != strings.Repeat("ệ", i%300) {
			t.Fatalf("string %d changed: %q", i, s)
		}
	}

	b := Block[int]{Size: 16}
	x, y := b.New(), b.New()
	*x, *y = 1, 2
	s := b.Copy([]int{3, 4, 5})
	s2 := b.Copy([]int{6})
	s = append(s, 9) // must not write over s2
	if *x != 1 || *y != 2 || s2[0] != 6 || len(s) != 4 || s[3] != 9 {
		t.Errorf("x %d y %d s %v s2 %v", *x, *y, s, s2)
	}
	big := make([]int, 100)
	if c := b.Copy(big); len(c) != 100 || &c[0] == &big[0] {
		t.Error("a long slice was not copied")
	}
}
