package vi

import (
	"cmp"
	"slices"
	"strings"
)

// Closest returns up to n of the candidates nearest to name, nearest first,
// for "did you mean" hints: Closest("Hong Loc", units, 3) suggests
// "Hồng Lộc".
//
// Names are compared by their folded form ([Fold], with each run of
// spaces and punctuation made one space), so missing marks, case and
// spacing cost nothing. A candidate is close when
//
//   - its Damerau–Levenshtein distance (on runes) from name is at most
//     max(2, len/3), where len is the rune length of the folded name, and
//     less than the length of either, so that short names do not match
//     anything at all; or
//   - one folded form is a prefix, or failing that a substring, of the
//     other, and the shorter is at least 3 runes long ("Thach" for
//     "Thạch Kim"); these rank after every candidate within the distance.
//
// Ties are broken by [Compare]. Duplicate candidates are returned once.
func Closest(name string, candidates []string, n int) []string {
	if n <= 0 || len(candidates) == 0 {
		return nil
	}
	key := []rune(matchKey(name))
	if len(key) == 0 {
		return nil
	}
	limit := max(2, len(key)/3)
	type scored struct {
		s     string
		score int
	}
	var found []scored
	var row dlRows
	for _, c := range candidates {
		ck := []rune(matchKey(c))
		score := -1
		if d := row.distance(key, ck); d <= limit && d < len(key) && d < max(len(ck), 1) {
			score = d
		} else if min(len(key), len(ck)) >= 3 {
			switch {
			case hasPrefix(ck, key) || hasPrefix(key, ck):
				score = limit + 1
			case contains(ck, key) || contains(key, ck):
				score = limit + 2
			}
		}
		if score >= 0 {
			found = append(found, scored{c, score})
		}
	}
	slices.SortFunc(found, func(a, b scored) int {
		if r := cmp.Compare(a.score, b.score); r != 0 {
			return r
		}
		return Compare(a.s, b.s)
	})
	found = slices.CompactFunc(found, func(a, b scored) bool { return a.s == b.s })
	out := make([]string, 0, min(n, len(found)))
	for _, f := range found[:min(n, len(found))] {
		out = append(out, f.s)
	}
	return out
}

// matchKey is Fold(s) with every run of characters other than letters and
// digits made one space, and no space at either end.
func matchKey(s string) string {
	return strings.Join(strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !isWordRune(r)
	}), " ")
}

// dlRows keeps the rows of the distance table between calls.
type dlRows struct{ prev2, prev, cur []int }

// distance is the optimal string alignment form of the Damerau–Levenshtein
// distance: insertions, deletions, substitutions and transpositions of
// adjacent runes each cost 1.
func (t *dlRows) distance(a, b []rune) int {
	if len(a) == 0 {
		return len(b)
	}
	if len(b) == 0 {
		return len(a)
	}
	w := len(b) + 1
	t.prev2 = resize(t.prev2, w)
	t.prev = resize(t.prev, w)
	t.cur = resize(t.cur, w)
	for j := range w {
		t.prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		t.cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(t.prev[j]+1, t.cur[j-1]+1, t.prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, t.prev2[j-2]+1)
			}
			t.cur[j] = d
		}
		t.prev2, t.prev, t.cur = t.prev, t.cur, t.prev2
	}
	return t.prev[len(b)]
}

func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

func hasPrefix(s, prefix []rune) bool {
	return len(s) >= len(prefix) && slices.Equal(s[:len(prefix)], prefix)
}

func contains(s, sub []rune) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
