package vi

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collators holds Vietnamese collators for reuse: a collate.Collator keeps
// scratch buffers and is not safe for concurrent use, and building one for
// every comparison would be slow.
var collators = sync.Pool{
	New: func() any { return collate.New(language.Vietnamese) },
}

// Compare compares a and b in Vietnamese alphabetical order, returning
// -1, 0 or +1. Letters come in the order a ă â b c d đ e ê g h i k l m n o ô
// ơ p q r s t u ư v x y; tones (none, huyền, hỏi, ngã, sắc, nặng) and then
// case break ties between otherwise equal words, so "Đà Nẵng" sorts after
// every word beginning with d. Strings the collation finds equal are
// ordered by their bytes, so that Compare is a total order and sorting is
// deterministic; it returns 0 only for identical strings. Compare is safe
// for concurrent use.
func Compare(a, b string) int {
	c := collators.Get().(*collate.Collator)
	r := c.CompareString(a, b)
	collators.Put(c)
	if r != 0 {
		return r
	}
	return strings.Compare(a, b)
}

// SortStrings sorts ss in place in the order of [Compare]. It computes each
// string's collation key once, so it is faster than sorting with Compare.
func SortStrings(ss []string) {
	if len(ss) < 2 {
		return
	}
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	var buf collate.Buffer
	type keyed struct {
		key []byte
		s   string
	}
	ks := make([]keyed, len(ss))
	for i, s := range ss {
		ks[i] = keyed{c.KeyFromString(&buf, s), s}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if r := bytes.Compare(a.key, b.key); r != 0 {
			return r
		}
		return strings.Compare(a.s, b.s)
	})
	for i := range ks {
		ss[i] = ks[i].s
	}
}
